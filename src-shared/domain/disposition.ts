// A disposition (disposisi): one forwarding of a report to the agency, and optionally the work
// unit, responsible for it. The report keeps only the current target; this keeps the history.

import { z } from 'zod';
import { EntityIdSchema } from './entity-id';
import { EpochMsSchema } from './epoch-ms';

export const dispositionKinds = ['dispose', 'redispose'] as const;
export const DispositionKindSchema = z.enum(dispositionKinds);
export type DispositionKind = z.infer<typeof DispositionKindSchema>;

export const DispositionSchema = z.strictObject({
  id: EntityIdSchema,
  reportId: EntityIdSchema,
  kind: DispositionKindSchema,
  fromAgencyId: EntityIdSchema,
  toAgencyId: EntityIdSchema,
  toUnitId: EntityIdSchema.nullable(),
  byUserId: EntityIdSchema,
  at: EpochMsSchema,
  /** Instructions for the receiving agency; internal, never shown to the reporter. */
  note: z.string().max(2000).nullable(),
  version: z.int().nonnegative(),
});
export type Disposition = z.infer<typeof DispositionSchema>;
