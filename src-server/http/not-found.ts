// Answers for requests no route takes: 405 `request/method-not-allowed` (with `Allow`) when the
// path exists for other methods, 404 `request/not-found` otherwise. Fastify alone answers 404 for
// both; a client calling GET on a POST route deserves to be told which mistake it made.
import type { FastifyInstance } from 'fastify';
import { RequestErrorCode } from '../../src-shared/api/auth';
import { ApiError } from './errors';
import { sendApiError } from './error-handler';

interface KnownRoute {
  method: string;
  path: RegExp;
}

/** A route URL (`/api/v1/reports/:trackingId/replies`, `/files/*`) as a regular expression. */
export function routePattern(url: string): RegExp {
  const segments = url.split('/').map((segment) => {
    if (segment === '*') return '.*';
    // A parameter, possibly with find-my-way's regex (`:id(^\\d+$)`) or several in one segment.
    if (segment.includes(':')) return '[^/]+';
    return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  return new RegExp(`^${segments.join('/')}$`);
}

/** Call before any route is registered: routes registered earlier are not seen. */
export function installNotFoundHandler(app: FastifyInstance): void {
  const routes: KnownRoute[] = [];
  app.addHook('onRoute', (route) => {
    const path = routePattern(route.url);
    for (const method of [route.method].flat()) routes.push({ method, path });
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?', 1)[0] ?? '';
    const allowed = [...new Set(routes.filter((r) => r.path.test(path)).map((r) => r.method))];
    if (allowed.length > 0) {
      const list = allowed.sort().join(', ');
      return sendApiError(
        reply,
        new ApiError(
          405,
          RequestErrorCode.methodNotAllowed,
          `This path does not take ${request.method}; it takes ${list}.`,
          { allow: list },
        ),
      );
    }
    return sendApiError(
      reply,
      new ApiError(404, RequestErrorCode.notFound, 'There is no such route.'),
    );
  });
}
