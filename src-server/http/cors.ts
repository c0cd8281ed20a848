// Cross-origin access for the two clients that run in a browser engine: the desktop app
// (`app://posko`) and the browser host (a loopback origin while developing, or an origin named
// with `--cors-origin`). Requests without an Origin header (curl, servers) are not affected.
// Implemented here rather than with a plugin: the rules are few and must be exactly these.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RequestErrorCode } from '../../src-shared/api/auth';
import { ApiError } from './errors';

/** The desktop app's origin (src-main/app-origin.ts serves its pages from app://posko/). */
export const DESKTOP_APP_ORIGIN = 'app://posko';

const LOOPBACK_ORIGIN = /^http:\/\/(?:127\.0\.0\.1|localhost|\[::1\])(?::[0-9]{1,5})?$/;

const ALLOWED_METHODS = 'GET, POST, PUT, DELETE, OPTIONS';
const ALLOWED_HEADERS = 'content-type, authorization';
/** Headers a page may read from an answer: the id to quote in a report, and when to retry. */
const EXPOSED_HEADERS = 'x-request-id, retry-after';
const PREFLIGHT_MAX_AGE_S = '600';

export interface CorsPolicy {
  isAllowed(origin: string): boolean;
}

/** The desktop app, loopback pages on any port, and the exact origins given. */
export function corsPolicy(extraOrigins: readonly string[]): CorsPolicy {
  const exact = new Set([DESKTOP_APP_ORIGIN, ...extraOrigins.map((o) => o.toLowerCase())]);
  return {
    isAllowed: (origin) => exact.has(origin.toLowerCase()) || LOOPBACK_ORIGIN.test(origin),
  };
}

/** Whether the page making the request is served by this very server (same origin). */
function isSameOrigin(request: FastifyRequest, origin: string): boolean {
  return origin.toLowerCase() === `${request.protocol}://${request.host}`.toLowerCase();
}

function isPreflight(request: FastifyRequest): boolean {
  return (
    request.method === 'OPTIONS' &&
    typeof request.headers['access-control-request-method'] === 'string'
  );
}

function allow(reply: FastifyReply, origin: string): void {
  reply.header('access-control-allow-origin', origin);
  reply.header('access-control-expose-headers', EXPOSED_HEADERS);
}

/**
 * Answers preflights and marks answers readable by allowed origins. A request from any other
 * origin is refused (403) before it reaches a route: browsers would hide the answer anyway, and
 * refusing early means a foreign page cannot make the server act for it.
 */
export function installCors(app: FastifyInstance, policy: CorsPolicy): void {
  app.addHook('onRequest', async (request, reply) => {
    // Caches must not hand one origin's answer to another.
    reply.header('vary', 'Origin');
    const origin = request.headers.origin;
    if (origin === undefined || isSameOrigin(request, origin)) return;
    if (!policy.isAllowed(origin)) {
      throw new ApiError(
        403,
        RequestErrorCode.originNotAllowed,
        'This server does not accept requests from that page. Ask its administrator to add the origin with --cors-origin.',
      );
    }
    allow(reply, origin);
    if (!isPreflight(request)) return;
    // Answering here (returning the reply) ends the request before routing: a preflight needs
    // no route of its own.
    return reply
      .code(204)
      .header('access-control-allow-methods', ALLOWED_METHODS)
      .header('access-control-allow-headers', ALLOWED_HEADERS)
      .header('access-control-max-age', PREFLIGHT_MAX_AGE_S)
      .send();
  });
}
