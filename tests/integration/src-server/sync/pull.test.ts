import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Report } from '../../../../src-shared/domain/report';
import {
  PULL_LIMIT_MAX,
  isTombstone,
  type PulledChange,
} from '../../../../src-shared/sync/protocol';
import { describeEachBackend } from '../../../support/test-db';
import { expectApiError, startTestServer, type TestServer } from '../../../support/test-server';
import {
  TestClient,
  applyChanges,
  freshId,
  insertOneReport,
  insertReports,
  insertTemplate,
  newReport,
  pullHttp,
  pullToEnd,
  pushHttp,
} from './sync-support';

const DINKES_A = '/prov/kab-a/dinkes-a/';

function expectStrictlyIncreasing(changes: readonly PulledChange[]): void {
  for (let i = 1; i < changes.length; i++) {
    expect(changes[i]!.version).toBeGreaterThan(changes[i - 1]!.version);
  }
}

/** The ids of stored rows of `table` whose scope starts with `path`, with their versions. */
async function storedIn(
  server: TestServer,
  table: string,
  path: string,
): Promise<Map<string, number>> {
  const { rows } = await server.db.query<{ id: string; version: number }>(
    `SELECT id, version FROM ${table} WHERE scope_path LIKE $1`,
    [`${path}%`],
  );
  return new Map(rows.map((r) => [r.id, r.version]));
}

function idsOf(view: Map<string, PulledChange>, entity: string): Map<string, number> {
  return new Map(
    [...view.values()].filter((c) => c.entity === entity).map((c) => [c.id, c.version] as const),
  );
}

describeEachBackend('sync pull', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
    await insertReports(server.db, [
      ...Array.from({ length: 25 }, () => newReport({ agencyId: 'dinkes-a' })),
      ...Array.from({ length: 10 }, () =>
        newReport({ agencyId: 'dinkes-a', unitId: 'pkm-a', status: 'disposed' }),
      ),
      ...Array.from({ length: 10 }, () => newReport({ agencyId: 'dinkes-b' })),
      ...Array.from({ length: 5 }, () => newReport({ agencyId: 'kab-a' })),
    ]);
  });
  afterAll(async () => {
    await server.close();
  });

  it('pages from cursor 0 to the end through every visible row once, in version order', async () => {
    const { changes, pages } = await pullToEnd(server, 'admin-a', { limit: 7 });
    expect(pages).toBeGreaterThan(3);
    expectStrictlyIncreasing(changes);
    const keys = changes.map((c) => `${c.entity}:${c.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    const view = applyChanges(changes);
    expect(idsOf(view, 'report')).toEqual(await storedIn(server, 'reports', DINKES_A));
    expect(idsOf(view, 'user')).toEqual(await storedIn(server, 'users', DINKES_A));
    // Its own subtree and the agencies above it (for names), not the neighbours.
    expect([...idsOf(view, 'agency').keys()].sort()).toEqual([
      'dinkes-a',
      'kab-a',
      'pkm-a',
      'prov',
    ]);
    const user = view.get('user:u-operator-a');
    expect(user && !isTombstone(user) ? user.data : null).toEqual({
      id: 'u-operator-a',
      username: 'operator-a',
      displayName: 'Operator Puskesmas A',
      role: 'operator_unit',
      agencyId: 'pkm-a',
    });
  });

  it('delivers rows written between pages, each at its newest version', async () => {
    const client = new TestClient();
    const { rows: oldest } = await server.db.query<{ id: string }>(
      'SELECT id FROM reports WHERE scope_path LIKE $1 ORDER BY version LIMIT 1',
      [`${DINKES_A}%`],
    );
    const touchedId = oldest[0]!.id;
    const added: Report[] = [];
    const changes: PulledChange[] = [];
    let cursor = 0;
    let writes = 0;
    for (;;) {
      const page = await pullHttp(server, 'admin-a', cursor, 5);
      changes.push(...page.rows);
      cursor = page.cursor;
      if (!page.hasMore) break;
      // Once the client has the report, it changes (and a new one arrives) while paging goes on.
      if (writes < 3 && changes.some((c) => c.id === touchedId)) {
        writes += 1;
        await pushHttp(server, 'admin-a', client.clientId, [
          client.mutation(
            'report.setTags',
            { reportId: touchedId, tags: [`w${String(writes)}`] },
            0,
          ),
        ]);
        added.push(await insertOneReport(server.db, { agencyId: 'dinkes-a' }));
      }
    }
    expect(writes).toBe(3);
    expectStrictlyIncreasing(changes);
    const view = applyChanges(changes);
    expect(idsOf(view, 'report')).toEqual(await storedIn(server, 'reports', DINKES_A));
    const latest = view.get(`report:${touchedId}`);
    expect(latest && !isTombstone(latest) ? (latest.data as Report).tags : null).toEqual(['w3']);
    for (const report of added) expect(view.has(`report:${report.id}`)).toBe(true);
    // Only the row changed meanwhile comes more than once.
    const counts = new Map<string, number>();
    for (const c of changes)
      counts.set(`${c.entity}:${c.id}`, (counts.get(`${c.entity}:${c.id}`) ?? 0) + 1);
    expect([...counts].filter(([, n]) => n > 1).map(([key]) => key)).toEqual([
      `report:${touchedId}`,
    ]);
  });

  it('gives an empty last page with the cursor unchanged when nothing is new', async () => {
    const { cursor } = await pullToEnd(server, 'admin-a');
    expect(await pullHttp(server, 'admin-a', cursor)).toEqual({ rows: [], cursor, hasMore: false });
  });

  it('never sends a row outside the caller’s subtree', async () => {
    for (const [username, path] of [
      ['admin-b', '/prov/kab-b/dinkes-b/'],
      ['operator-a', '/prov/kab-a/dinkes-a/pkm-a/'],
      ['koordinator', '/prov/kab-a/'],
    ] as const) {
      const { changes } = await pullToEnd(server, username, { limit: 50 });
      const view = applyChanges(changes);
      const reports = idsOf(view, 'report');
      expect(reports).toEqual(await storedIn(server, 'reports', path));
      expect(reports.size).toBeGreaterThan(0);
      for (const change of changes) {
        if (isTombstone(change) || change.entity !== 'report') continue;
        const report = change.data;
        const { rows } = await server.db.query<{ path: string }>(
          'SELECT path FROM agencies WHERE id = $1',
          [report.unitId ?? report.agencyId],
        );
        expect(rows[0]?.path.startsWith(path)).toBe(true);
      }
    }
  });

  it('sends a tombstone to those who lose sight of a report, and the newer row to those who keep it', async () => {
    const report = await insertOneReport(server.db, {
      agencyId: 'dinkes-a',
      unitId: 'pkm-a',
      status: 'disposed',
    });
    const client = new TestClient();
    const noteId = freshId('n');
    await pushHttp(server, 'operator-a', client.clientId, [
      client.mutation('note.add', { reportId: report.id, noteId, body: 'dicek' }, report.version),
    ]);
    const cursors = {
      operator: (await pullToEnd(server, 'operator-a')).cursor,
      admin: (await pullToEnd(server, 'admin-a')).cursor,
      koordinator: (await pullToEnd(server, 'koordinator')).cursor,
    };
    // Returned upward by the agency: it leaves the unit (operator-a) but stays with dinkes-a.
    const admin = new TestClient();
    await pushHttp(server, 'admin-a', admin.clientId, [
      admin.mutation(
        'report.notAuthority',
        { reportId: report.id, reason: 'Bukan urusan kesehatan' },
        report.version,
      ),
    ]);
    const operatorView = applyChanges(
      (await pullToEnd(server, 'operator-a', { cursor: cursors.operator })).changes,
    );
    expect(operatorView.has(`report:${report.id}`)).toBe(false);
    expect(operatorView.has(`note:${noteId}`)).toBe(false);
    const operatorChanges = (await pullHttp(server, 'operator-a', cursors.operator)).rows;
    expect(operatorChanges.filter(isTombstone).map((t) => `${t.entity}:${t.id}`)).toEqual(
      expect.arrayContaining([`report:${report.id}`, `note:${noteId}`]),
    );

    const adminChanges = (await pullToEnd(server, 'admin-a', { cursor: cursors.admin })).changes;
    const adminView = applyChanges(adminChanges);
    const kept = adminView.get(`report:${report.id}`);
    expect(kept && !isTombstone(kept) ? (kept.data as Report).status : null).toBe('not_authority');
    expect(adminView.has(`note:${noteId}`)).toBe(true);

    // Re-disposed by the regency to another OPD: dinkes-a loses it, kab-a keeps it.
    const koordinator = new TestClient();
    // The coordinator acts on what it has pulled: its cursor is the mutation's base version.
    const seen = (await pullToEnd(server, 'koordinator', { cursor: cursors.koordinator })).cursor;
    const moved = await pushHttp(server, 'koordinator', koordinator.clientId, [
      koordinator.mutation(
        'report.redispose',
        { reportId: report.id, targetAgencyId: 'disdik-a' },
        seen,
      ),
    ]);
    expect(moved.results[0]?.status).toBe('applied');
    const afterMove = applyChanges(
      (await pullToEnd(server, 'admin-a', { cursor: cursors.admin })).changes,
    );
    expect(afterMove.has(`report:${report.id}`)).toBe(false);
    const koordinatorView = applyChanges(
      (await pullToEnd(server, 'koordinator', { cursor: cursors.koordinator })).changes,
    );
    const atDisdik = koordinatorView.get(`report:${report.id}`);
    expect(atDisdik && !isTombstone(atDisdik) ? (atDisdik.data as Report).agencyId : null).toBe(
      'disdik-a',
    );
    expect(koordinatorView.has(`note:${noteId}`)).toBe(true);
  });

  it('never sends an anonymous reporter’s identity, to any role', async () => {
    const anonymous = await insertOneReport(server.db, {
      agencyId: 'dinkes-a',
      unitId: 'pkm-a',
      privacy: { rahasia: true, anonim: true },
      reporter: { name: 'Rahasia Sekali', nik: '3273019999990001', phone: '089999999999' },
    });
    const named = await insertOneReport(server.db, {
      agencyId: 'dinkes-a',
      unitId: 'pkm-a',
      reporter: { name: 'Siti Terbuka', nik: '3273018888880001' },
    });
    const mayIdentify = new Set([
      'koordinator-prov',
      'koordinator',
      'admin-a',
      'operator-a',
      'penghubung-a',
      'pelatih',
    ]);
    for (const username of [...mayIdentify, 'pimpinan-a', 'peserta']) {
      const { changes } = await pullToEnd(server, username, { limit: 200 });
      const text = JSON.stringify(changes);
      expect(text).not.toContain('3273019999990001');
      expect(text).not.toContain('Rahasia Sekali');
      expect(text).not.toContain('089999999999');
      const view = applyChanges(changes);
      const anon = view.get(`report:${anonymous.id}`);
      expect(anon && !isTombstone(anon) ? (anon.data as Report).reporter : 'missing').toBeNull();
      const open = view.get(`report:${named.id}`);
      const reporter = open && !isTombstone(open) ? (open.data as Report).reporter : 'missing';
      if (mayIdentify.has(username))
        expect(reporter).toEqual({ name: 'Siti Terbuka', nik: '3273018888880001' });
      else expect(reporter).toBeNull();
    }
  });

  it('sends agency templates of the caller’s agency and above, and personal templates only to their owner', async () => {
    const base = {
      kind: 'tindak_lanjut' as const,
      body: 'Yth.',
      description: '',
      categoryIds: [],
      revision: 1,
      version: 0,
      updatedAt: 0,
    };
    const provincial = freshId('tpl');
    const personal = freshId('tpl');
    await insertTemplate(server.db, {
      ...base,
      id: provincial,
      name: 'Provinsi',
      agencyId: 'prov',
      updatedBy: 'u-koordinator-prov',
      scope: 'agency',
    });
    await insertTemplate(server.db, {
      ...base,
      id: personal,
      name: 'Pribadi',
      agencyId: 'dinkes-a',
      updatedBy: 'u-admin-a',
      scope: 'personal',
      ownerId: 'u-admin-a',
    });
    const forAdmin = applyChanges((await pullToEnd(server, 'admin-a', { limit: 500 })).changes);
    expect(forAdmin.has(`template:${provincial}`)).toBe(true);
    expect(forAdmin.has(`template:${personal}`)).toBe(true);
    const forLiaison = applyChanges(
      (await pullToEnd(server, 'penghubung-a', { limit: 500 })).changes,
    );
    expect(forLiaison.has(`template:${provincial}`)).toBe(true);
    expect(forLiaison.has(`template:${personal}`)).toBe(false);
  });

  it('answers 400 for a bad pull and 401 without a session', async () => {
    const token = await server.login('admin-a');
    for (const body of [
      {},
      { cursor: -1 },
      { cursor: 'nol' },
      { cursor: 0, limit: PULL_LIMIT_MAX + 1 },
      { cursor: 0, limit: 0 },
      { cursor: 1.5 },
    ]) {
      expectApiError(
        await server.request('POST', '/sync/pull', { token, body }),
        400,
        'request/invalid',
      );
    }
    expectApiError(
      await server.request('POST', '/sync/pull', { body: { cursor: 0 } }),
      401,
      'auth/unauthenticated',
    );
  });
});
