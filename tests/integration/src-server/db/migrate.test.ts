import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../../src-server/db/db';
import { loadMigrations, migrate, splitSqlStatements } from '../../../../src-server/db/migrate';
import { describeEachBackend } from '../../../support/test-db';

describe('splitSqlStatements', () => {
  it('splits on statement ends and drops comment lines', () => {
    expect(
      splitSqlStatements('-- note;\nCREATE TABLE a (x int);\n\nCREATE INDEX i ON a (x);\n'),
    ).toEqual(['CREATE TABLE a (x int)', 'CREATE INDEX i ON a (x)']);
  });
});

describeEachBackend('migrations', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(async () => {
    await db.close();
  });

  it('applies every migration once, records it, and applies nothing the second time', async () => {
    const migrations = await loadMigrations();
    expect(migrations.map((m) => m.id)).toEqual(
      [...migrations.map((m) => m.id)].sort((a, b) => a - b),
    );
    const first = await migrate(db, migrations);
    expect(first).toContain('001_init');
    expect(await migrate(db, migrations)).toEqual([]);
    const recorded = await db.query<{ name: string }>(
      'SELECT name FROM schema_migrations ORDER BY id',
    );
    expect(recorded.rows.map((r) => r.name)).toEqual(migrations.map((m) => m.name));
  });

  it('returns bigint columns as numbers and jsonb as values', async () => {
    const { rows } = await db.query<{ v: number; doc: { a: number } }>(
      "SELECT nextval('change_version') AS v, '{\"a\":1}'::jsonb AS doc",
    );
    expect(typeof rows[0]?.v).toBe('number');
    expect(rows[0]?.doc).toEqual({ a: 1 });
  });

  it('rolls a failed transaction back completely', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query(
          "INSERT INTO holidays (date_key, kind, name) VALUES ('2026-01-01', 'libur_nasional', 'x')",
        );
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await db.query('SELECT * FROM holidays')).rows).toEqual([]);
  });

  it('delivers NOTIFY payloads to listeners', async () => {
    const received: string[] = [];
    const unlisten = await db.listen('posko_test_channel', (p) => received.push(p));
    await db.query("SELECT pg_notify('posko_test_channel', 'v42')");
    for (let i = 0; i < 50 && received.length === 0; i++)
      await new Promise((r) => setTimeout(r, 20));
    await unlisten();
    expect(received).toEqual(['v42']);
  });
});
