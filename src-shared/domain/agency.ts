// Agencies (instansi): the tree national → ministry/province → regency/city → OPD → unit, each
// with a time zone and settings where practice differs between agencies (rules as data).

import { z } from 'zod';
import { EntityIdSchema } from './entity-id';
import { TimeZoneSchema } from './time-zone';

export { ancestorIds, isInSubtree, subtreeIds } from './parent-tree';
export type { ParentPointer, ParentTree } from './parent-tree';

export const agencyLevels = [
  'national',
  'ministry',
  'province',
  'regency_city',
  'opd',
  'unit',
] as const;
export const AgencyLevelSchema = z.enum(agencyLevels);
export type AgencyLevel = z.infer<typeof AgencyLevelSchema>;

export const DEFAULT_AGENCY_SETTINGS = {
  /** Working days to resolve a report that needs no field check (DOMAIN.md: 14, agency may set). */
  resolutionDays: 14,
  /** Whether Admin Instansi may approve and publish responses without a Pejabat Penghubung. */
  adminsMayPublish: false,
  /**
   * Working days a postponed (tunda) report waits for the reporter before it may be archived.
   * The public guides do not agree on one number, so it is a setting; 10 is Posko's default.
   */
  pendingInfoWaitDays: 10,
} as const;

/** The letter number when an agency sets none: B/1916449/DINKES/XII/2026 (src-shared/letter). */
export const DEFAULT_LETTER_NUMBER_PATTERN = 'B/{nomor}/{kode}/{bulan}/{tahun}';

/** The largest letterhead logo, in data-URL characters (about 110 KB of image). */
export const MAX_LETTERHEAD_LOGO_CHARS = 150_000;

/**
 * A letterhead logo: a PNG or JPEG data URL. Not SVG: an SVG is a document that may carry script
 * and remote references into the print window. A malformed logo is dropped, not the letterhead.
 */
export const LetterheadLogoSchema = z
  .string()
  .max(MAX_LETTERHEAD_LOGO_CHARS)
  .regex(
    /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/,
    'logo must be a PNG or JPEG data URL',
  );

/** The kop surat of the agency's official letters (src-shared/letter): every field may be blank. */
export const LetterheadSchema = z.strictObject({
  /** Street address as printed under the agency's name; may span lines. */
  address: z.string().max(500).default(''),
  /** The place written before the date ("Sukamaju, 1 Desember 2026"). */
  city: z.string().max(100).default(''),
  phone: z.string().max(100).default(''),
  email: z.string().max(254).default(''),
  website: z.string().max(200).default(''),
  logo: LetterheadLogoSchema.nullable().default(null).catch(null),
  /** The agency's code in letter numbers (`{kode}`), e.g. DINKES. */
  code: z.string().max(50).default(''),
  /** Tokens: {nomor} (tracking number), {kode}, {bulan} (Roman month), {tahun}. */
  numberPattern: z.string().min(1).max(200).default(DEFAULT_LETTER_NUMBER_PATTERN),
  /** The title over the signature of this agency's liaison, e.g. "Pejabat Penghubung". */
  signerTitle: z.string().max(200).default(''),
});
export type Letterhead = z.infer<typeof LetterheadSchema>;

export const AgencySettingsSchema = z.strictObject({
  resolutionDays: z.int().min(1).max(60).default(DEFAULT_AGENCY_SETTINGS.resolutionDays),
  adminsMayPublish: z.boolean().default(DEFAULT_AGENCY_SETTINGS.adminsMayPublish),
  pendingInfoWaitDays: z.int().min(1).max(60).default(DEFAULT_AGENCY_SETTINGS.pendingInfoWaitDays),
  // Optional, so settings stored before letters existed still parse; a damaged letterhead is
  // dropped rather than losing the deadlines above with it.
  letterhead: LetterheadSchema.optional().catch(undefined),
});
export type AgencySettings = z.infer<typeof AgencySettingsSchema>;

export const AgencySchema = z.strictObject({
  id: EntityIdSchema,
  /** Null only for the root of the tree this server knows. */
  parentId: EntityIdSchema.nullable(),
  name: z.string().min(1).max(300),
  level: AgencyLevelSchema,
  timeZone: TimeZoneSchema,
  // prefault, not default: the empty object is parsed, so each setting gets its own default.
  settings: AgencySettingsSchema.prefault({}),
  version: z.int().nonnegative(),
});
export type Agency = z.infer<typeof AgencySchema>;

export function agenciesById(agencies: Iterable<Agency>): ReadonlyMap<string, Agency> {
  const byId = new Map<string, Agency>();
  for (const agency of agencies) byId.set(agency.id, agency);
  return byId;
}
