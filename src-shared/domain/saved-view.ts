// Saved views (tampilan tersimpan): a name for one operator's combination of queue, filters, sort
// and search. Personal like a personal template: synced to its owner only, never to anyone else.

import { z } from 'zod';
import { InboxQuerySchema } from '../inbox/queries';
import { EntityIdSchema } from './entity-id';
import { EpochMsSchema } from './epoch-ms';

export const SAVED_VIEW_NAME_MAX = 80;

/** A stored name: 1–80 characters, already trimmed (the mutator trims what the operator typed). */
export const SavedViewNameSchema = z
  .string()
  .min(1)
  .max(SAVED_VIEW_NAME_MAX)
  .refine((name) => name.trim() === name, 'a saved view name is stored trimmed');

export const SavedViewSchema = z.strictObject({
  id: EntityIdSchema,
  /** The user who keeps it: the only one who pulls, changes or deletes it. */
  ownerId: EntityIdSchema,
  name: SavedViewNameSchema,
  query: InboxQuerySchema,
  updatedAt: EpochMsSchema,
  version: z.int().nonnegative(),
});
export type SavedView = z.infer<typeof SavedViewSchema>;
