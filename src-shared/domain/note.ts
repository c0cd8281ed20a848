// Internal notes on a report (catatan): working remarks between operators of the agencies handling
// it. Notes are never published to the reporter; responses are (response.ts).

import { z } from 'zod';
import { EntityIdSchema } from './entity-id';
import { EpochMsSchema } from './epoch-ms';

export const NoteSchema = z.strictObject({
  id: EntityIdSchema,
  reportId: EntityIdSchema,
  authorId: EntityIdSchema,
  /** The author's agency, so a note's visibility follows the agency subtree like the report's. */
  agencyId: EntityIdSchema,
  body: z.string().min(1).max(10_000),
  createdAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
  version: z.int().nonnegative(),
});
export type Note = z.infer<typeof NoteSchema>;
