// Users as the server stores them: the synced fields, a scrypt hash, and their agency's path.
import type { User } from '../../src-shared/domain/user';
import type { Queryable } from '../db/db';
import { hashPassword } from '../auth/passwords';
import { drawVersion } from '../sync/versions';
import { agencyPath } from './agencies';

export interface NewUser extends User {
  password: string;
}

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: User['role'];
  agency_id: string;
  scope_path: string;
  password_hash: string;
  disabled: boolean;
  version: number;
}

export async function insertUser(tx: Queryable, user: NewUser): Promise<void> {
  const path = await agencyPath(tx, user.agencyId);
  if (path === null) throw new Error(`Unknown agency ${user.agencyId} for user ${user.username}`);
  const passwordHash = await hashPassword(user.password);
  const version = await drawVersion(tx);
  await tx.query(
    `INSERT INTO users (id, username, display_name, role, agency_id, scope_path, password_hash, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      user.id,
      user.username,
      user.displayName,
      user.role,
      user.agencyId,
      path,
      passwordHash,
      version,
    ],
  );
}

export async function findUserByUsername(db: Queryable, username: string): Promise<UserRow | null> {
  const { rows } = await db.query<UserRow>('SELECT * FROM users WHERE username = $1', [username]);
  return rows[0] ?? null;
}

export async function findUserById(db: Queryable, id: string): Promise<UserRow | null> {
  const { rows } = await db.query<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
  return rows[0] ?? null;
}

/** The user as clients see it (no hash, no path). */
export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    agencyId: row.agency_id,
  };
}
