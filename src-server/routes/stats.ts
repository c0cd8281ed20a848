// Dashboard figures (`GET /api/v1/stats?from&to`): any signed-in role, for its own agency subtree
// (pimpinan read dashboards; nobody sees another agency's figures).
import type { FastifyInstance } from 'fastify';
import { StatsQuerySchema, type StatsResponse } from '../../src-shared/api/stats';
import { requireCaller } from '../http/caller';
import { parseQuery } from '../http/validation';
import { agencyStats } from '../reports/stats';
import type { ServerDeps } from '../server';

export function registerStatsRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const { db, clock } = deps;
  app.get('/stats', async (request): Promise<StatsResponse> => {
    const now = clock.now();
    const caller = await requireCaller(db, request, now);
    const range = parseQuery(StatsQuerySchema, request);
    return agencyStats(db, caller.agencyPath, range, now);
  });
}
