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

/** Stable error codes of the auth routes the client reacts to. */
export const AuthErrorCode = {
  invalidCredentials: 'auth/invalid-credentials',
  rateLimited: 'auth/rate-limited',
  unauthenticated: 'auth/unauthenticated',
} as const;
