// Sign-in, sign-out and "who am I" (`/api/v1/auth/login`, `/auth/logout`, `/me`). A wrong
// username and a wrong password get the same answer in about the same time, so the login form
// cannot be used to find out which usernames exist; failures are rate limited.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  AuthErrorCode,
  LoginRequestSchema,
  LogoutRequestSchema,
  type LoginResponse,
  type LogoutResponse,
  type MeResponse,
} from '../../src-shared/api/auth';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { createLoginRateLimiter } from '../auth/rate-limit';
import { createSession, deleteExpiredSessionsOfUser, revokeSession } from '../auth/sessions';
import { findUserByUsername, toUser } from '../directory/users';
import { bearerToken, requireCaller } from '../http/caller';
import { ApiError, tooManyRequests, unauthorized } from '../http/errors';
import { parseBody } from '../http/validation';
import type { ServerDeps } from '../server';

const invalidCredentials = () =>
  new ApiError(401, AuthErrorCode.invalidCredentials, 'The username or the password is wrong.');

/**
 * A hash of a random password, made once per process: checked when the username is unknown so
 * that answering takes as long as for a real user.
 */
let dummyHash: Promise<string> | null = null;
function hashForUnknownUser(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(24).toString('base64url'));
  return dummyHash;
}

export function registerAuthRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const { db, clock } = deps;
  const limiter = createLoginRateLimiter(clock, deps.loginRateLimits);
  // Made now, so the first unknown username is not answered slower than the rest.
  hashForUnknownUser().catch(() => undefined);

  app.post('/auth/login', async (request): Promise<LoginResponse> => {
    const { username, password } = parseBody(LoginRequestSchema, request);
    const attempt = { username, address: request.ip };
    const waitMs = limiter.retryAfterMs(attempt);
    if (waitMs > 0) {
      request.log.warn({ address: request.ip }, 'sign-in refused: too many failed attempts');
      throw tooManyRequests(
        AuthErrorCode.rateLimited,
        'Too many failed sign-in attempts. Wait a few minutes and try again.',
        waitMs,
      );
    }
    const user = await findUserByUsername(db, username);
    const isPasswordRight = await verifyPassword(
      password,
      user?.password_hash ?? (await hashForUnknownUser()),
    );
    // A disabled account answers like a wrong password: nobody learns it exists.
    if (user === null || !isPasswordRight || user.disabled) {
      limiter.recordFailure(attempt);
      // The username typed is not logged: people type their password into it by mistake.
      request.log.info({ userId: user?.id ?? null }, 'sign-in failed');
      throw invalidCredentials();
    }
    limiter.recordSuccess(attempt);
    const now = clock.now();
    await deleteExpiredSessionsOfUser(db, user.id, now);
    const session = await createSession(db, user.id, now);
    request.log.info({ userId: user.id }, 'signed in');
    return { token: session.token, expiresAt: session.expiresAt, user: toUser(user) };
  });

  app.post('/auth/logout', async (request): Promise<LogoutResponse> => {
    parseBody(LogoutRequestSchema, request);
    const token = bearerToken(request);
    if (token === null) throw unauthorized();
    // Signing out of a session that already ended is not an error: the client wants it gone.
    await revokeSession(db, token);
    return { ok: true };
  });

  app.get('/me', async (request): Promise<MeResponse> => {
    const caller = await requireCaller(db, request, clock.now());
    return { user: toUser(caller.user) };
  });
}
