// Who is calling: the bearer token (or `?token=` for EventSource, which cannot send headers)
// resolved to a live session's user and the path of their agency.
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/db';
import { touchSession } from '../auth/sessions';
import { findUserById, type UserRow } from '../directory/users';
import { unauthorized } from './errors';

export interface Caller {
  user: UserRow;
  /** The materialized path of the caller's agency: the prefix of every row they may see. */
  agencyPath: string;
  token: string;
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
    return match?.[1] ?? null;
  }
  const query = request.query as Record<string, unknown> | undefined;
  const fromQuery = query?.['token'];
  return typeof fromQuery === 'string' && /^[A-Za-z0-9_-]{20,200}$/.test(fromQuery)
    ? fromQuery
    : null;
}

/** The caller of an authenticated route; throws 401 `auth/unauthenticated` otherwise. */
export async function requireCaller(db: Db, request: FastifyRequest, now: number): Promise<Caller> {
  const token = bearerToken(request);
  if (token === null) throw unauthorized();
  const userId = await touchSession(db, token, now);
  if (userId === null) throw unauthorized('The session has ended. Sign in again.');
  const user = await findUserById(db, userId);
  if (user === null) throw unauthorized('The session has ended. Sign in again.');
  return { user, agencyPath: user.scope_path, token };
}
