// The one error shape of the API: `{error: {code, message}}` with a 4xx status for anything a
// client did wrong. Handlers throw ApiError; anything else reaching the error handler is a bug.
import { RequestErrorCode } from '../../src-shared/api/auth';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra response headers the answer needs (`Retry-After` on a 429, `Allow` on a 405). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (code: string, message: string) => new ApiError(400, code, message);
export const unauthorized = (message = 'Sign in first.') =>
  new ApiError(401, 'auth/unauthenticated', message);
export const forbidden = (code: string, message: string) => new ApiError(403, code, message);
export const notFound = (code: string, message: string) => new ApiError(404, code, message);
/** 400 `request/invalid`: the body, query or params do not match what the route accepts. */
export const invalidRequest = (message: string) =>
  new ApiError(400, RequestErrorCode.invalid, message);
/** 429 with `Retry-After` in whole seconds (at least 1, as clients treat 0 as "now"). */
export const tooManyRequests = (code: string, message: string, retryAfterMs: number) =>
  new ApiError(429, code, message, {
    'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))),
  });
