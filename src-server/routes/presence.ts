// `POST /api/v1/presence`: the caller tells which report they have open (or none), repeated as a
// heartbeat; everyone who may see that report hears of it on the event stream (SSE `presence`).
// A report the caller may not see is "not found", exactly like one that does not exist.
import type { FastifyInstance } from 'fastify';
import { PresenceRequestSchema } from '../../src-shared/api/presence';
import { requireCaller } from '../http/caller';
import { notFound } from '../http/errors';
import { parseBody } from '../http/validation';
import type { ServerDeps } from '../server';
import { presenceFor } from '../sync/live';
import { isWithin } from '../sync/scope';

export const PresenceErrorCode = {
  reportNotFound: 'presence/report-not-found',
} as const;

export async function registerPresenceRoutes(
  app: FastifyInstance,
  deps: ServerDeps,
): Promise<void> {
  const { db, clock } = deps;
  const presence = presenceFor(deps);
  await presence.start();
  app.addHook('onClose', async () => {
    await presence.close();
  });

  app.post('/presence', async (request, reply) => {
    const caller = await requireCaller(db, request, clock.now());
    const { reportId, editing } = parseBody(PresenceRequestSchema, request);
    let at: { reportId: string; scopePath: string } | null = null;
    if (reportId !== null) {
      const { rows } = await db.query<{ scope_path: string }>(
        'SELECT scope_path FROM reports WHERE id = $1',
        [reportId],
      );
      const scopePath = rows[0]?.scope_path;
      if (scopePath === undefined || !isWithin(scopePath, caller.agencyPath)) {
        throw notFound(PresenceErrorCode.reportNotFound, 'There is no such report within reach.');
      }
      at = { reportId, scopePath };
    }
    await presence.heartbeat(
      { id: caller.user.id, displayName: caller.user.display_name },
      at,
      editing,
    );
    return reply.code(204).send();
  });
}
