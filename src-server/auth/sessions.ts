// Opaque session tokens: 32 random bytes given to the client once, stored only as a SHA-256 hash,
// expiring after a period of inactivity and at an absolute limit.
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/db';

/** Inactivity after which a session ends. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** A session ends this long after sign-in, active or not. */
export const SESSION_MAX_MS = 30 * 24 * 60 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface NewSession {
  token: string;
  expiresAt: number;
}

export async function createSession(
  db: Queryable,
  userId: string,
  now: number,
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + SESSION_IDLE_MS;
  await db.query(
    'INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at) VALUES ($1, $2, $3, $4, $3)',
    [hashToken(token), userId, now, expiresAt],
  );
  return { token, expiresAt };
}

/**
 * The user id of a live session, extending its idle expiry; null when the token is unknown,
 * expired or its user disabled.
 */
export async function touchSession(
  db: Queryable,
  token: string,
  now: number,
): Promise<string | null> {
  const { rows } = await db.query<{ user_id: string }>(
    `UPDATE sessions s SET last_seen_at = $2, expires_at = LEAST($2 + $3::bigint, s.created_at + $4::bigint)
       FROM users u
      WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.id = s.user_id AND NOT u.disabled
      RETURNING s.user_id`,
    [hashToken(token), now, SESSION_IDLE_MS, SESSION_MAX_MS],
  );
  return rows[0]?.user_id ?? null;
}

export async function revokeSession(db: Queryable, token: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)]);
}

export async function deleteExpiredSessions(db: Queryable, now: number): Promise<number> {
  return (await db.query('DELETE FROM sessions WHERE expires_at <= $1', [now])).rowCount;
}

/** Deletes one user's ended sessions: run at each sign-in so the table does not grow for ever. */
export async function deleteExpiredSessionsOfUser(
  db: Queryable,
  userId: string,
  now: number,
): Promise<number> {
  return (
    await db.query('DELETE FROM sessions WHERE user_id = $1 AND expires_at <= $2', [userId, now])
  ).rowCount;
}
