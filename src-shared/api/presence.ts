// Who else has a report open (collision detection): each client tells the server which report it
// is viewing or editing (`POST /api/v1/presence`, repeated as a heartbeat); the server announces
// the viewers of a report on the event stream (SSE event `presence`) to everyone who may see it.
// Presence is ephemeral (memory of the server processes, shared over LISTEN/NOTIFY), never stored.
import { z } from 'zod';
import { EntityIdSchema } from '../domain/entity-id';

/** A client repeats its presence at least this often; entries older than the TTL are dropped. */
export const PRESENCE_HEARTBEAT_MS = 15_000;
export const PRESENCE_TTL_MS = 40_000;

export const PresenceRequestSchema = z.strictObject({
  /** The report on screen, or null when none (leaves every report). */
  reportId: EntityIdSchema.nullable(),
  /** True while the operator has an action dialog or a reply open on it. */
  editing: z.boolean(),
});
export type PresenceRequest = z.infer<typeof PresenceRequestSchema>;

export const PresenceUserSchema = z.strictObject({
  userId: EntityIdSchema,
  displayName: z.string().max(200),
  editing: z.boolean(),
});
export type PresenceUser = z.infer<typeof PresenceUserSchema>;

export const SSE_PRESENCE_EVENT = 'presence';

/** Everyone on a report now (including the receiver; clients leave themselves out). */
export const PresenceAnnouncementSchema = z.strictObject({
  reportId: EntityIdSchema,
  users: z.array(PresenceUserSchema).max(100),
});
export type PresenceAnnouncement = z.infer<typeof PresenceAnnouncementSchema>;
