// Who performs an action: a signed-in user, or the system itself (timers, and citizen replies that
// arrive through the public side of the server).

import { z } from 'zod';
import { EntityIdSchema } from './entity-id';
import { UserRoleSchema, type User } from './user';

export const ActorSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('user'),
    id: EntityIdSchema,
    role: UserRoleSchema,
    agencyId: EntityIdSchema,
  }),
  z.strictObject({ kind: z.literal('system') }),
]);
export type Actor = z.infer<typeof ActorSchema>;
export type UserActor = Extract<Actor, { kind: 'user' }>;

export const SYSTEM_ACTOR: Actor = { kind: 'system' };

export function userActor(user: Pick<User, 'id' | 'role' | 'agencyId'>): UserActor {
  return { kind: 'user', id: user.id, role: user.role, agencyId: user.agencyId };
}
