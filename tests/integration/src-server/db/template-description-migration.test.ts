import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../../../src-server/db/db';
import { loadMigrations, migrate } from '../../../../src-server/db/migrate';
import { describeEachBackend } from '../../../support/test-db';

describeEachBackend('migration 007: template descriptions', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(async () => {
    await db.close();
  });

  it('gives templates stored before it the default description and categories, keeping set ones', async () => {
    const migrations = await loadMigrations();
    await migrate(
      db,
      migrations.filter((m) => m.id < 7),
    );
    const doc = (id: string, extra: Record<string, unknown>) =>
      JSON.stringify({ id, kind: 'arsip', name: id, body: 'Yth.', scope: 'agency', ...extra });
    await db.query(
      `INSERT INTO agencies (id, parent_id, name, level, time_zone, path, version)
       VALUES ('prov', NULL, 'Provinsi', 'province', 'WIB', '/prov/', 1)`,
    );
    await db.query(
      `INSERT INTO templates (id, agency_id, owner_user_id, scope_path, doc, version) VALUES
         ('old', 'prov', NULL, '/prov/', $1, 2), ('new', 'prov', NULL, '/prov/', $2, 3)`,
      [doc('old', {}), doc('new', { description: 'Sudah ada', categoryIds: ['jalan'] })],
    );
    expect(await migrate(db, migrations)).toContain('007_template_description');
    const { rows } = await db.query<{ id: string; doc: Record<string, unknown> }>(
      'SELECT id, doc FROM templates ORDER BY id',
    );
    expect(rows).toEqual([
      {
        id: 'new',
        doc: expect.objectContaining({
          description: 'Sudah ada',
          categoryIds: ['jalan'],
        }) as unknown,
      },
      {
        id: 'old',
        doc: expect.objectContaining({ name: 'old', description: '', categoryIds: [] }) as unknown,
      },
    ]);
  });
});
