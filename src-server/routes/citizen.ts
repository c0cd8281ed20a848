// The citizen side (`/api/v1/reports…`, public): file a report, reply to it with the citizen
// token, and read its public view. Filing is rate limited per client address. Every write is
// announced to the agencies' live subscribers after it commits.
import type { FastifyInstance } from 'fastify';
import {
  CITIZEN_TOKEN_HEADER,
  CitizenErrorCode,
  CitizenReplyRequestSchema,
  FileReportRequestSchema,
  TrackingParamsSchema,
  type CitizenReplyResponse,
  type FileReportResponse,
  type PublicReport,
} from '../../src-shared/api/citizen';
import { tooManyRequests } from '../http/errors';
import { parseBody, parseParams } from '../http/validation';
import { citizenTokenFrom } from '../reports/citizen-token';
import { addCitizenReply, fileReport, publicReportView } from '../reports/citizen-reports';
import { createFilingRateLimiter } from '../reports/filing-rate-limit';
import type { ServerDeps } from '../server';
import { announcerFor } from '../sync/live';

export function registerCitizenRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const { db, clock, ids } = deps;
  const limiter = createFilingRateLimiter(clock);
  const announcer = announcerFor(deps);

  app.post('/reports', async (request, reply): Promise<FileReportResponse> => {
    const waitMs = limiter.retryAfterMs(request.ip);
    if (waitMs > 0) {
      throw tooManyRequests(
        CitizenErrorCode.rateLimited,
        'Too many reports from this address. Wait a few minutes and try again.',
        waitMs,
      );
    }
    const input = parseBody(FileReportRequestSchema, request);
    const filed = await fileReport({ db, now: clock.now(), ids }, input);
    limiter.recordFiling(request.ip);
    await announcer.announce(filed.announcement);
    // Only ids: the report's text and the reporter's identity stay out of the log.
    request.log.info({ reportId: filed.report.id }, 'report filed');
    void reply.status(201);
    return {
      trackingId: filed.report.trackingId,
      reportId: filed.report.id,
      citizenToken: filed.citizenToken,
      status: 'unverified',
      dueAt: filed.report.dueAt,
    };
  });

  app.post(
    '/reports/:trackingId/replies',
    async (request, reply): Promise<CitizenReplyResponse> => {
      const { trackingId } = parseParams(TrackingParamsSchema, request);
      const { body } = parseBody(CitizenReplyRequestSchema, request);
      const token = citizenTokenFrom(request.headers[CITIZEN_TOKEN_HEADER]);
      const added = await addCitizenReply({ db, now: clock.now(), ids }, trackingId, token, body);
      await announcer.announce(added.announcement);
      void reply.status(201);
      return { messageId: added.messageId, effect: added.effect, status: added.status };
    },
  );

  app.get('/reports/:trackingId', async (request): Promise<PublicReport> => {
    const { trackingId } = parseParams(TrackingParamsSchema, request);
    const token = citizenTokenFrom(request.headers[CITIZEN_TOKEN_HEADER]);
    return publicReportView(db, trackingId, token);
  });
}
