// Identifiers of stored records (reports, agencies, users, …): opaque strings chosen by whoever
// creates the record (server sequence, client UUID), so the domain never interprets them.

import { z } from 'zod';

export const EntityIdSchema = z.string().min(1).max(128);

export type EntityId = z.infer<typeof EntityIdSchema>;
