// A message from the reporter on the report's timeline (a reply through the citizen side). Kept
// here until the domain has it: the protocol must name its synced shape.

import { z } from 'zod';
import { EntityIdSchema } from '../domain/entity-id';
import { EpochMsSchema } from '../domain/epoch-ms';

export const CitizenMessageSchema = z.strictObject({
  id: EntityIdSchema,
  reportId: EntityIdSchema,
  /** Plain text from the citizen: never rendered as HTML. Carries no identity of its author. */
  body: z.string().max(20_000),
  createdAt: EpochMsSchema,
  version: z.int().nonnegative(),
});
export type CitizenMessage = z.infer<typeof CitizenMessageSchema>;
