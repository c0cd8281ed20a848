// Response templates (template jawaban) operators start from, per kind of message. Agency templates
// are shared in the agency; personal ones belong to one operator. Rendering lives elsewhere.

import { z } from 'zod';
import { EntityIdSchema } from './entity-id';
import { EpochMsSchema } from './epoch-ms';

export const templateKinds = [
  'verifikasi',
  'permintaan_informasi',
  'disposisi',
  'tindak_lanjut',
  'jawaban_akhir',
  'bukan_wewenang',
  'arsip',
  /** A shared piece included by other templates with `{{> name}}`; its name is lower_snake. */
  'cuplikan',
] as const;
/** The kind of snippets: never offered as a reply on its own. */
export const SNIPPET_KIND = 'cuplikan' satisfies TemplateKind;
export const SNIPPET_NAME_PATTERN = /^[a-z][a-z0-9_]*$/;

export const TemplateKindSchema = z.enum(templateKinds);
export type TemplateKind = z.infer<typeof TemplateKindSchema>;

export const templateScopes = ['agency', 'personal'] as const;
export type TemplateScope = (typeof templateScopes)[number];

const templateBase = {
  id: EntityIdSchema,
  kind: TemplateKindSchema,
  name: z.string().min(1).max(200),
  /** Text with placeholders; never HTML. */
  body: z.string().max(20_000),
  /** What the template is for, shown in the library and the picker. */
  description: z.string().max(500).default(''),
  /** Categories it is suggested for first (empty: no preference). */
  categoryIds: z.array(EntityIdSchema).max(50).default([]),
  /** The agency the template belongs to (for a personal one: its owner's agency). */
  agencyId: EntityIdSchema,
  /** Increases with every edit, so concurrent edits of a shared template can be detected. */
  version: z.int().nonnegative(),
  /**
   * The template's own edition: 1 when created, one more with every save. Shown to people as its
   * version ("Versi 3"); `version` is the sync version, drawn from the server's global sequence.
   */
  revision: z.int().positive().default(1),
  updatedBy: EntityIdSchema,
  updatedAt: EpochMsSchema,
};

export const TemplateSchema = z.discriminatedUnion('scope', [
  z.strictObject({ ...templateBase, scope: z.literal('agency') }),
  z.strictObject({ ...templateBase, scope: z.literal('personal'), ownerId: EntityIdSchema }),
]);
export type Template = z.infer<typeof TemplateSchema>;
