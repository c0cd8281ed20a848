// The one error shape of the API: `{error: {code, message}}` with a 4xx status for anything a
// client did wrong. Handlers throw ApiError; anything else reaching the error handler is a bug.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
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
