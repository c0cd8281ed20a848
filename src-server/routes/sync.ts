// `POST /api/v1/sync/pull` and `POST /api/v1/sync/push` (ARCHITECTURE.md, "Sync protocol"):
// scoped pages of changes after a cursor, and mutations processed one transaction each.
import type { FastifyInstance } from 'fastify';
import {
  PullRequestSchema,
  PushRequestSchema,
  type PullResponse,
  type PushResponse,
} from '../../src-shared/sync/protocol';
import { requireCaller } from '../http/caller';
import { parseBody } from '../http/validation';
import type { ServerDeps } from '../server';
import { announcerFor } from '../sync/live';
import { pullPage } from '../sync/pull';
import { push } from '../sync/push';
import { callerScope } from '../sync/scope';

/** 500 mutations of up to ~20 KB of text each. */
export const PUSH_BODY_LIMIT = 16 * 1024 * 1024;

export function registerSyncRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const { db, clock } = deps;
  const announcer = announcerFor(deps);

  app.post('/sync/pull', async (request): Promise<PullResponse> => {
    const caller = await requireCaller(db, request, clock.now());
    const { cursor, limit } = parseBody(PullRequestSchema, request);
    return pullPage(db, callerScope(caller.user, caller.agencyPath), cursor, limit);
  });

  app.post('/sync/push', { bodyLimit: PUSH_BODY_LIMIT }, async (request): Promise<PushResponse> => {
    const caller = await requireCaller(db, request, clock.now());
    const body = parseBody(PushRequestSchema, request);
    return push(
      {
        db,
        now: () => clock.now(),
        simulation: deps.simulation ?? false,
        announce: (announcement) => announcer.announce(announcement),
      },
      caller,
      body.clientId,
      body.mutations,
    );
  });
}
