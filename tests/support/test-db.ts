// Database back ends for server tests: embedded PGlite always, and PostgreSQL when
// POSKO_TEST_DATABASE_URL is set (each opened database in its own fresh schema, dropped on close).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import type { Db, DatabaseKind } from '../../src-server/db/db';
import { loadMigrations, migrate } from '../../src-server/db/migrate';
import type { PGlite } from '@electric-sql/pglite';
import { openPglite, pgliteDb } from '../../src-server/db/pglite-db';
import { openPostgresDb } from '../../src-server/db/postgres-db';

export interface TestBackend {
  kind: DatabaseKind;
  /** A new, empty database (not migrated). */
  open(): Promise<Db>;
  /** A new database with every migration applied, made the fastest way the back end allows. */
  openMigrated?(): Promise<Db>;
}

const postgresUrl = process.env['POSKO_TEST_DATABASE_URL'];

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** The migrated PGlite this test process clones from: a clone costs far less than a start. */
let migratedPglite: Promise<PGlite> | null = null;

function migratedTemplate(): Promise<PGlite> {
  migratedPglite ??= (async () => {
    const pg = await openPglite();
    await migrate(pgliteDb(pg), await loadMigrations());
    return pg;
  })();
  return migratedPglite;
}

export const pgliteBackend: TestBackend = {
  kind: 'pglite',
  open: async () => pgliteDb(await openPglite()),
  openMigrated: async () => pgliteDb(await (await migratedTemplate()).clone()),
};

export const postgresBackend: TestBackend | null = postgresUrl
  ? {
      kind: 'postgres',
      async open() {
        const schema = `posko_test_${randomBytes(6).toString('hex')}`;
        const db = await openPostgresDb({
          connectionString: postgresUrl,
          schema,
          maxConnections: 5,
        });
        return {
          ...db,
          async close() {
            await db.close();
            await dropSchema(schema);
          },
        };
      },
    }
  : null;

export const testBackends: readonly TestBackend[] = postgresBackend
  ? [pgliteBackend, postgresBackend]
  : [pgliteBackend];

/** Opens a fresh database on `backend` with every migration applied. */
export async function openMigratedDb(backend: TestBackend): Promise<Db> {
  if (backend.openMigrated) return backend.openMigrated();
  const db = await backend.open();
  await migrate(db, await loadMigrations());
  return db;
}

/** Runs the same suite once per back end (PGlite, and PostgreSQL when configured). */
export function describeEachBackend(name: string, suite: (backend: TestBackend) => void): void {
  for (const backend of testBackends) {
    describe(`${name} [${backend.kind}]`, () => {
      suite(backend);
    });
  }
}
