// `POST /api/v1/sync/pull`, `/sync/push` and `/sync/heads` (ARCHITECTURE.md, "Sync protocol"):
// scoped pages of changes after a cursor, mutations processed one transaction each, and the first
// screen of every queue for a client whose initial sync has not finished.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  PullRequestSchema,
  PushRequestSchema,
  type HeadsResponse,
  type PullResponse,
  type PushResponse,
} from '../../src-shared/sync/protocol';
import { requireCaller } from '../http/caller';
import { parseBody } from '../http/validation';
import type { ServerDeps } from '../server';
import { announcerFor } from '../sync/live';
import { queueIdsForRole, readHeads } from '../sync/heads';
import { pullPage, remainingAfter } from '../sync/pull';
import { push } from '../sync/push';
import { callerScope } from '../sync/scope';

/** Heads take no arguments: no body, or an empty JSON object. */
const HeadsRequestSchema = z.union([z.undefined(), z.strictObject({})]);

/** 500 mutations of up to ~20 KB of text each. */
export const PUSH_BODY_LIMIT = 16 * 1024 * 1024;

export function registerSyncRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const { db, clock } = deps;
  const announcer = announcerFor(deps);

  app.post('/sync/pull', async (request): Promise<PullResponse> => {
    const caller = await requireCaller(db, request, clock.now());
    const { cursor, limit, withTotal } = parseBody(PullRequestSchema, request);
    const scope = callerScope(caller.user, caller.agencyPath);
    const page = await pullPage(db, scope, cursor, limit);
    if (withTotal !== true) return page;
    return { ...page, remaining: await remainingAfter(db, scope, cursor) };
  });

  app.post('/sync/heads', async (request): Promise<HeadsResponse> => {
    const now = clock.now();
    const caller = await requireCaller(db, request, now);
    parseBody(HeadsRequestSchema, request);
    const scope = callerScope(caller.user, caller.agencyPath);
    return readHeads(db, scope, queueIdsForRole(caller.user.role), now);
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
