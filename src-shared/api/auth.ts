// The authentication part of the HTTP API (`/api/v1/auth/*`, `/api/v1/me`): request and response
// shapes shared by the server and the client, and the error body every route uses.
import { z } from 'zod';
import { UserRoleSchema } from '../domain/user';

export const API_PREFIX = '/api/v1';

export const ApiErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;

export const LoginRequestSchema = z.strictObject({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(1000),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const SessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: UserRoleSchema,
  agencyId: z.string(),
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

export const LoginResponseSchema = z.object({
  token: z.string().min(1),
  /** Epoch milliseconds. */
  expiresAt: z.number(),
  user: SessionUserSchema,
});
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

export const MeResponseSchema = z.object({ user: SessionUserSchema });
export type MeResponse = z.infer<typeof MeResponseSchema>;

/** `POST /auth/logout` takes no body (or `{}`) and answers `{ok: true}`, also for an ended session. */
export const LogoutRequestSchema = z.strictObject({}).optional();
export const LogoutResponseSchema = z.object({ ok: z.literal(true) });
export type LogoutResponse = z.infer<typeof LogoutResponseSchema>;

/** Stable error codes of the auth routes the client reacts to. */
export const AuthErrorCode = {
  invalidCredentials: 'auth/invalid-credentials',
  rateLimited: 'auth/rate-limited',
  unauthenticated: 'auth/unauthenticated',
} as const;

/** Error codes any route may answer, for requests the server could not take as they were. */
export const RequestErrorCode = {
  /** The body, query or params do not match the route's schema (400). */
  invalid: 'request/invalid',
  /** The body is not JSON (400). */
  malformedJson: 'request/malformed-json',
  /** The body is not valid UTF-8 (400). */
  invalidEncoding: 'request/invalid-encoding',
  /** The body is over the route's size limit (413). */
  tooLarge: 'request/too-large',
  /** The body's content type is not one the route reads (415). */
  unsupportedMediaType: 'request/unsupported-media-type',
  /** No route has this path (404). */
  notFound: 'request/not-found',
  /** The path exists, not with this method (405, with `Allow`). */
  methodNotAllowed: 'request/method-not-allowed',
  /** A browser page from an origin the server does not serve (403). */
  originNotAllowed: 'request/origin-not-allowed',
  /** A bug on the server (500); the message says nothing more. */
  internal: 'server/internal',
} as const;
