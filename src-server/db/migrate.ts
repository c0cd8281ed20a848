// Applies the numbered SQL migrations in migrations/ once each, in order, under an advisory lock
// so that several server processes starting together do not race.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MIGRATION_LOCK_KEY, type Db } from './db';

export const DEFAULT_MIGRATIONS_DIR = join(import.meta.dirname, 'migrations');

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export async function loadMigrations(dir = DEFAULT_MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f)).sort();
  return Promise.all(
    files.map(async (file) => ({
      id: Number(file.slice(0, 3)),
      name: file.slice(4, -4),
      sql: await readFile(join(dir, file), 'utf8'),
    })),
  );
}

/** Applies every migration not yet recorded; returns the names applied now. */
export async function migrate(db: Db, migrations: readonly Migration[]): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const applied = new Set(
      (await tx.query<{ id: number }>('SELECT id FROM schema_migrations')).rows.map((r) => r.id),
    );
    const names: string[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.id)) continue;
      // Statements one by one: the pg driver's extended protocol takes a single statement.
      for (const statement of splitSqlStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [
        migration.id,
        migration.name,
      ]);
      names.push(`${String(migration.id).padStart(3, '0')}_${migration.name}`);
    }
    return names;
  });
}

/** Splits a migration into statements on `;` at line ends, ignoring `--` comments. */
export function splitSqlStatements(sql: string): string[] {
  return sql
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
