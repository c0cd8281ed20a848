import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Report } from '../../../../src-shared/domain/report';
import type { ReportResponse } from '../../../../src-shared/domain/response';
import { endOfLocalDay, localDayNumber } from '../../../../src-shared/domain/time-zone';
import type { UserRole } from '../../../../src-shared/domain/user';
import { queuesForRole, type QueueId } from '../../../../src-shared/inbox/queries';
import {
  HEADS_PER_QUEUE,
  HeadsResponseSchema,
  PullResponseSchema,
  isTombstone,
  type HeadsResponse,
  type SyncRow,
} from '../../../../src-shared/sync/protocol';
import { describeEachBackend } from '../../../support/test-db';
import {
  FIXTURE_START,
  expectApiError,
  startTestServer,
  type FixtureUsername,
  type TestServer,
} from '../../../support/test-server';
import {
  applyChanges,
  insertReports,
  insertResponse,
  newReport,
  pullToEnd,
  responseIn,
} from './sync-support';

const HOUR = 3_600_000;
/** The end of the fixture's first day (Monday 5 January 2026) in WIB and in WIT. */
const END_OF_DAY_WIB = endOfLocalDay(localDayNumber(FIXTURE_START, 'WIB'), 'WIB');
const END_OF_DAY_WIT = endOfLocalDay(localDayNumber(FIXTURE_START, 'WIT'), 'WIT');

/** A report in `status` whose deadline is exactly `dueAt` (or none). */
function reportAt(
  agencyId: string,
  status: Report['status'],
  dueAt: number | null,
  overrides: Partial<Report> = {},
): Report {
  const base = newReport({ agencyId, status, ...overrides });
  return {
    ...base,
    dueAt,
    pausedAt: status === 'pending_info' ? FIXTURE_START - 2 * HOUR : null,
    closedAt: status === 'completed' || status === 'archived' ? FIXTURE_START - HOUR : null,
  };
}

const CLOSED: ReadonlySet<string> = new Set(['completed', 'archived']);
const NO_RUNNING_DEADLINE: ReadonlySet<string> = new Set([
  'completed',
  'archived',
  'pending_info',
  'responded',
]);

/** The queues as the client computes them from its pulled copy (DOMAIN.md, inbox queries). */
function expectedQueues(
  reports: readonly Report[],
  submitted: ReadonlySet<string>,
  userId: string,
  queues: readonly QueueId[],
  at: number,
): Map<QueueId, Report[]> {
  const now = Math.floor(at / 60_000) * 60_000;
  const member = (queue: QueueId, r: Report): boolean => {
    switch (queue) {
      case 'awaiting_approval':
        return submitted.has(r.id);
      case 'assigned_to_me':
        return r.assigneeId === userId && !CLOSED.has(r.status);
      case 'overdue':
        return !NO_RUNNING_DEADLINE.has(r.status) && r.dueAt !== null && r.dueAt < now;
      case 'due_today': {
        const end = endOfLocalDay(localDayNumber(now, r.timeZone), r.timeZone);
        return (
          !NO_RUNNING_DEADLINE.has(r.status) && r.dueAt !== null && r.dueAt >= now && r.dueAt <= end
        );
      }
      default:
        return r.status === queue;
    }
  };
  const byBreach = (a: Report, b: Report): number =>
    (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) ||
    a.createdAt - b.createdAt ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return new Map(queues.map((q) => [q, reports.filter((r) => member(q, r)).sort(byBreach)]));
}

async function headsFor(server: TestServer, username: FixtureUsername): Promise<HeadsResponse> {
  const response = await server.request('POST', '/sync/heads', {
    token: await server.login(username),
  });
  expect(response.status, response.text).toBe(200);
  return HeadsResponseSchema.parse(response.body);
}

/** What a full pull from 0 leaves on the client: rows by `entity:id`. */
async function pulledView(server: TestServer, username: FixtureUsername): Promise<SyncRow[]> {
  const { changes } = await pullToEnd(server, username, { limit: 2000 });
  return [...applyChanges(changes).values()].filter((c): c is SyncRow => !isTombstone(c));
}

const key = (row: SyncRow) => `${row.entity}:${row.id}`;

describeEachBackend('sync heads', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
    const t = FIXTURE_START;
    const reports: Report[] = [];
    // More in progress at Dinkes A than one screen: overdue, due today, later, some tied.
    for (let i = 0; i < HEADS_PER_QUEUE + 15; i++) {
      reports.push(
        reportAt('dinkes-a', 'in_progress', t + (i % 10 === 0 ? 5 * HOUR : (i - 20) * 3 * HOUR), {
          unitId: i % 2 === 0 ? 'pkm-a' : null,
          assigneeId: i % 3 === 0 ? 'u-operator-a' : null,
          createdAt: t - 48 * HOUR + (i % 7) * HOUR,
          privacy: { rahasia: false, anonim: i % 9 === 0 },
        }),
      );
    }
    reports.push(
      // Deadlines that do not run: never overdue, whatever their due date.
      reportAt('dinkes-a', 'pending_info', t - 30 * HOUR),
      reportAt('dinkes-a', 'responded', t - 30 * HOUR, { unitId: 'pkm-a' }),
      reportAt('dinkes-a', 'responded', t + 2 * HOUR),
      // Closed: not assigned to anyone's queue any more.
      reportAt('dinkes-a', 'completed', null, { unitId: 'pkm-a', assigneeId: 'u-operator-a' }),
      reportAt('dinkes-a', 'archived', null, { archiveReason: 'too_general' }),
      reportAt('dinkes-a', 'unverified', null),
      reportAt('dinkes-a', 'unverified', t + 50 * HOUR),
      reportAt('dinkes-a', 'unverified', t - 1),
      reportAt('dinkes-a', 'not_authority', t - 5 * HOUR),
      reportAt('dinkes-a', 'disposed', t + 30_000, { unitId: 'pkm-a' }),
      reportAt('dinkes-a', 'disposed', END_OF_DAY_WIB, { unitId: 'pkm-a' }),
      reportAt('dinkes-a', 'disposed', END_OF_DAY_WIB + 1, { assigneeId: 'u-penghubung-a' }),
      // The same instant is today in WIB and tomorrow in WIT.
      reportAt('kab-a', 'in_progress', END_OF_DAY_WIT + HOUR),
      reportAt('dinkes-wit', 'in_progress', END_OF_DAY_WIT + HOUR, { timeZone: 'WIT' }),
      reportAt('dinkes-wit', 'in_progress', END_OF_DAY_WIT - HOUR, { timeZone: 'WIT' }),
      reportAt('dinkes-b', 'in_progress', t + HOUR, {
        reporter: { name: 'Warga Kabupaten B', nik: '3273017777770001' },
      }),
      reportAt('dinkes-b', 'unverified', t - HOUR),
    );
    const stored = await insertReports(server.db, reports);
    // Three drafts submitted for approval (one report twice), one still a draft.
    const inProgress = stored.filter(
      (r) => r.agencyId === 'dinkes-a' && r.status === 'in_progress',
    );
    const submitted: ReportResponse[] = [
      responseIn('submitted', inProgress[3]!.id),
      responseIn('submitted', inProgress[3]!.id),
      responseIn('submitted', inProgress[40]!.id),
      responseIn('submitted', stored.find((r) => r.status === 'responded')!.id),
      responseIn('draft', inProgress[5]!.id),
    ];
    for (const response of submitted) await insertResponse(server.db, response);
    const theirs = stored.find((r) => r.agencyId === 'dinkes-b')!;
    await insertResponse(server.db, {
      ...responseIn('submitted', theirs.id),
      agencyId: 'dinkes-b',
    });
  });
  afterAll(async () => {
    await server.close();
  });

  const roles: readonly [FixtureUsername, UserRole][] = [
    ['admin-a', 'admin_instansi'],
    ['operator-a', 'operator_unit'],
    ['penghubung-a', 'pejabat_penghubung'],
    ['pimpinan-a', 'pimpinan'],
    ['koordinator-prov', 'admin_koordinator'],
    ['admin-b', 'admin_instansi'],
  ];

  for (const [username, role] of roles) {
    it(`gives ${username} (${role}) the first screen and the size of each of its queues, as a full pull computes them`, async () => {
      const heads = await headsFor(server, username);
      const view = await pulledView(server, username);
      const userId = `u-${username}`;
      const queues = queuesForRole(role).map((q) => q.id);

      const reports = view.flatMap((row) => (row.entity === 'report' ? [row.data] : []));
      const submitted = new Set(
        view.flatMap((row) =>
          row.entity === 'response' && row.data.state === 'submitted' ? [row.data.reportId] : [],
        ),
      );
      const expected = expectedQueues(reports, submitted, userId, queues, server.clock.now());

      expect(Object.keys(heads.counts).sort()).toEqual([...queues].sort());
      for (const queue of queues) {
        expect({ queue, count: heads.counts[queue] }).toEqual({
          queue,
          count: expected.get(queue)!.length,
        });
      }
      const expectedIds = new Set(
        [...expected.values()].flatMap((list) => list.slice(0, HEADS_PER_QUEUE).map((r) => r.id)),
      );
      const headReports = heads.rows.filter((row) => row.entity === 'report');
      expect(new Set(headReports.map((row) => row.id))).toEqual(expectedIds);
      expect(headReports).toHaveLength(expectedIds.size);

      // Every row exactly as the pull gave it (same version, same withheld identities).
      const pulled = new Map(view.map((row) => [key(row), row]));
      for (const row of heads.rows) expect(row).toEqual(pulled.get(key(row)));
      // All the reference rows a pull gives, and no others.
      const isReference = (row: SyncRow) =>
        ['agency', 'user', 'category', 'template'].includes(row.entity);
      expect(heads.rows.filter(isReference).map(key).sort()).toEqual(
        view.filter(isReference).map(key).sort(),
      );
      expect(heads.version).toBeGreaterThanOrEqual(Math.max(0, ...view.map((row) => row.version)));
    });
  }

  it('is tested on queues that are not empty', async () => {
    const forLiaison = await headsFor(server, 'penghubung-a');
    const forOperator = await headsFor(server, 'operator-a');
    for (const queue of ['due_today', 'overdue', 'awaiting_approval', 'responded', 'disposed']) {
      expect({ queue, count: forLiaison.counts[queue] }).not.toEqual({ queue, count: 0 });
    }
    expect(forOperator.counts['assigned_to_me']).toBeGreaterThan(0);
  });

  it('cuts a long queue at one screen and still counts all of it', async () => {
    const heads = await headsFor(server, 'admin-a');
    const inProgress = heads.rows.filter(
      (row) => row.entity === 'report' && row.data.status === 'in_progress',
    );
    expect(heads.counts['in_progress']).toBe(HEADS_PER_QUEUE + 15);
    expect(inProgress.length).toBeGreaterThanOrEqual(HEADS_PER_QUEUE);
    expect(inProgress.length).toBeLessThan(HEADS_PER_QUEUE + 15);
  });

  it('judges "due today" by the end of the day in the report’s own time zone', async () => {
    // One instant, two zones: still today in WIB (kab-a), already tomorrow in WIT.
    const { rows } = await server.db.query<{ id: string; tz: string }>(
      `SELECT id, doc->>'timeZone' AS tz FROM reports WHERE due_at = $1`,
      [END_OF_DAY_WIT + HOUR],
    );
    expect(rows.map((r) => r.tz).sort()).toEqual(['WIB', 'WIT']);
    const forRegency = await headsFor(server, 'koordinator');
    const forEast = await headsFor(server, 'admin-wit');
    // admin-wit's only report due today is the one an hour before the WIT midnight.
    expect(forEast.counts['due_today']).toBe(1);
    expect(forEast.counts['overdue']).toBe(0);
    const wibDueToday = expectedQueues(
      (await pulledView(server, 'koordinator')).flatMap((row) =>
        row.entity === 'report' ? [row.data] : [],
      ),
      new Set(),
      'u-koordinator',
      ['due_today'],
      server.clock.now(),
    ).get('due_today')!;
    expect(wibDueToday.map((r) => r.id)).toContain(rows.find((r) => r.tz === 'WIB')!.id);
    expect(forRegency.counts['due_today']).toBe(wibDueToday.length);
  });

  it('answers the newest committed version of the whole server', async () => {
    const heads = await headsFor(server, 'admin-b');
    const { rows } = await server.db.query<{ v: number }>(
      'SELECT max(version)::bigint AS v FROM (SELECT version FROM reports UNION ALL SELECT version FROM responses UNION ALL SELECT version FROM users UNION ALL SELECT version FROM agencies) AS all_rows',
    );
    expect(heads.version).toBe(rows[0]!.v);
  });

  it('withholds reporters from pimpinan and anonymous reporters from everyone', async () => {
    const named = (heads: HeadsResponse) =>
      heads.rows.filter((row) => row.entity === 'report' && row.data.reporter !== null);
    const forAdmin = await headsFor(server, 'admin-a');
    expect(named(forAdmin).length).toBeGreaterThan(0);
    for (const row of forAdmin.rows) {
      if (row.entity === 'report' && row.data.privacy.anonim) expect(row.data.reporter).toBeNull();
    }
    const forPimpinan = await headsFor(server, 'pimpinan-a');
    expect(forPimpinan.rows.some((row) => row.entity === 'report')).toBe(true);
    expect(named(forPimpinan)).toEqual([]);
    expect(JSON.stringify(forPimpinan)).not.toContain('Budi Santoso');
  });

  it('keeps every caller inside its own subtree', async () => {
    const forB = await headsFor(server, 'admin-b');
    const text = JSON.stringify(forB);
    expect(text).not.toContain('"dinkes-a"');
    expect(text).not.toContain('"kab-a"');
    for (const row of forB.rows) {
      if (row.entity === 'report') expect(row.data.agencyId).toBe('dinkes-b');
      if (row.entity === 'agency') expect(['prov', 'kab-b', 'dinkes-b']).toContain(row.id);
      if (row.entity === 'user') expect(row.data.agencyId).toBe('dinkes-b');
    }
    const forA = await headsFor(server, 'admin-a');
    expect(
      forA.rows.some((row) => row.entity === 'report' && row.data.agencyId === 'dinkes-b'),
    ).toBe(false);
  });

  it('refuses callers without a session and bodies with anything in them', async () => {
    expectApiError(await server.request('POST', '/sync/heads'), 401, 'auth/unauthenticated');
    expectApiError(
      await server.request('POST', '/sync/heads', { token: 'x'.repeat(43) }),
      401,
      'auth/unauthenticated',
    );
    const token = await server.login('admin-a');
    for (const body of [{ cursor: 0 }, [], 'semua', 7, null]) {
      expectApiError(
        await server.request('POST', '/sync/heads', { token, body }),
        400,
        'request/invalid',
      );
    }
    const wrongType = await server.request('POST', '/sync/heads', {
      token,
      rawBody: 'semua',
      headers: { 'content-type': 'text/plain' },
    });
    expect(wrongType.status).toBe(415);
    expect((await server.request('GET', '/sync/heads', { token })).status).toBe(405);
    expect((await server.request('POST', '/sync/heads', { token, body: {} })).status).toBe(200);
  });
});

describeEachBackend('sync pull remaining', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
    await insertReports(server.db, [
      ...Array.from({ length: 12 }, () => newReport({ agencyId: 'dinkes-a' })),
      ...Array.from({ length: 4 }, () => newReport({ agencyId: 'dinkes-b' })),
    ]);
  });
  afterAll(async () => {
    await server.close();
  });

  async function pullWithTotal(username: FixtureUsername, cursor: number, limit: number) {
    const response = await server.request('POST', '/sync/pull', {
      token: await server.login(username),
      body: { cursor, limit, withTotal: true },
    });
    expect(response.status, response.text).toBe(200);
    return PullResponseSchema.parse(response.body);
  }

  it('counts exactly the rows and tombstones the pages after the cursor deliver', async () => {
    for (const username of ['admin-a', 'admin-b', 'operator-a', 'koordinator-prov'] as const) {
      const all = await pullToEnd(server, username, { limit: 7 });
      const first = await pullWithTotal(username, 0, 7);
      expect({ username, remaining: first.remaining }).toEqual({
        username,
        remaining: all.changes.length,
      });
      // From the middle: what is left after the first page.
      const rest = await pullToEnd(server, username, { cursor: first.cursor, limit: 7 });
      expect((await pullWithTotal(username, first.cursor, 7)).remaining).toBe(rest.changes.length);
      expect((await pullWithTotal(username, all.cursor, 7)).remaining).toBe(0);
    }
  });

  it('counts the tombstones of rows that left the caller’s scope', async () => {
    const before = await pullToEnd(server, 'operator-a');
    const [report] = await insertReports(server.db, [
      newReport({ agencyId: 'dinkes-a', unitId: 'pkm-a', status: 'disposed' }),
    ]);
    await server.db.query(
      `INSERT INTO tombstones (version, entity, entity_id, scope_path)
       VALUES (nextval('change_version'), 'report', $1, '/prov/kab-a/dinkes-a/pkm-a/')`,
      [report!.id],
    );
    const after = await pullToEnd(server, 'operator-a', { cursor: before.cursor });
    expect(after.changes.filter(isTombstone)).toHaveLength(1);
    expect((await pullWithTotal('operator-a', before.cursor, 100)).remaining).toBe(2);
  });

  it('leaves remaining out unless asked', async () => {
    const response = await server.request('POST', '/sync/pull', {
      token: await server.login('admin-a'),
      body: { cursor: 0, limit: 5 },
    });
    expect(response.body).not.toHaveProperty('remaining');
    expectApiError(
      await server.request('POST', '/sync/pull', {
        token: await server.login('admin-a'),
        body: { cursor: 0, withTotal: 'ya' },
      }),
      400,
      'request/invalid',
    );
  });
});
