import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseTarget } from '../../../../src-server/config';
import type { Db } from '../../../../src-server/db/db';
import { startServer, type RunningServer } from '../../../../src-server/server';

const postgresUrl = process.env['POSKO_TEST_DATABASE_URL'];

interface TargetCase {
  name: string;
  target: DatabaseTarget;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** PGlite in memory always; PostgreSQL too when configured, in a schema of its own. */
function targetCases(): TargetCase[] {
  const cases: TargetCase[] = [
    {
      name: 'pglite',
      target: { kind: 'pglite', dataDir: null },
      setUp: () => Promise.resolve(),
      tearDown: () => Promise.resolve(),
    },
  ];
  if (postgresUrl !== undefined) {
    const schema = `posko_start_${randomBytes(6).toString('hex')}`;
    const url = new URL(postgresUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    cases.push({
      name: 'postgres',
      target: { kind: 'postgres', url: url.toString() },
      setUp: () => adminQuery(`CREATE SCHEMA "${schema}"`),
      tearDown: () => adminQuery(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`),
    });
  }
  return cases;
}

for (const { name, target, setUp, tearDown } of targetCases()) {
  describe(`startServer [${name}]`, () => {
    let running: RunningServer;
    const prepared: string[] = [];

    beforeAll(async () => {
      await setUp();
      running = await startServer({
        database: target,
        host: '127.0.0.1',
        port: 0,
        version: '9.9.9',
        log: { level: 'silent' },
        prepare: async (db: Db) => {
          const { rows } = await db.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM schema_migrations',
          );
          prepared.push(`migrations:${String(rows[0]?.n ?? 0)}`);
        },
      });
    });
    afterAll(async () => {
      await running.close();
      await tearDown();
    });

    it('migrates the database before prepare runs, and prepare before it listens', () => {
      expect(prepared).toHaveLength(1);
      expect(prepared[0]).toMatch(/^migrations:[1-9]/);
    });

    it('listens on the port it reports and answers the health check', async () => {
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9][0-9]*$/);
      const response = await fetch(`${running.url}/api/v1/health`);
      expect(await response.json()).toEqual({ ok: true, version: '9.9.9', db: target.kind });
    });

    it('closes the database it opened and passes the error on when the port is taken', async () => {
      let preparedDb: Db | null = null;
      await expect(
        startServer({
          database: target,
          host: '127.0.0.1',
          port: Number(new URL(running.url).port),
          version: 't',
          log: { level: 'silent' },
          prepare: (db) => {
            preparedDb = db;
            return Promise.resolve();
          },
        }),
      ).rejects.toMatchObject({ code: 'EADDRINUSE' });
      expect(preparedDb).not.toBeNull();
      await expect(preparedDb!.query('SELECT 1')).rejects.toThrow();
    }, 60_000);

    it('stops listening and closes the database on close, and close can be called twice', async () => {
      const url = running.url;
      await Promise.all([running.close(), running.close()]);
      await expect(fetch(`${url}/api/v1/health`)).rejects.toThrow();
      await expect(running.db.query('SELECT 1')).rejects.toThrow();
    });
  });
}
