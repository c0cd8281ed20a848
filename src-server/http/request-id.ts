// Request ids: every log line of a request carries one, and the answer echoes it in
// `x-request-id`, so an operator's bug report ("request 3f2…") finds the server's log lines.
// A caller's own id (a load balancer's, a client's retry) is kept when it is short and plain,
// and replaced otherwise, so nothing a client sends can forge or break log lines.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

export const REQUEST_ID_HEADER = 'x-request-id';

const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Fastify's `genReqId`: the caller's `x-request-id` when acceptable, else a new UUID. */
export function requestIdFor(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && ACCEPTABLE_ID.test(given) ? given : randomUUID();
}

export function installRequestIdEcho(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
}
