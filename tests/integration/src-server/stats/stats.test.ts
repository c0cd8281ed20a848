import { afterAll, beforeAll, expect, it } from 'vitest';
import { StatsResponseSchema, type AgencyStats } from '../../../../src-shared/api/stats';
import { indonesianHolidays } from '../../../../src-shared/domain/holidays-id';
import type { Report } from '../../../../src-shared/domain/report';
import { createSlaCalendar, currentDueAt } from '../../../../src-shared/domain/sla-calendar';
import { insertReport } from '../../../../src-server/sync/rows';
import { describeEachBackend } from '../../../support/test-db';
import { expectApiError, startTestServer, type TestServer } from '../../../support/test-server';

const calendar = createSlaCalendar(indonesianHolidays);
const DAY = 86_400_000;
/** A WIB wall-clock time, e.g. `wib('2026-01-05 09:00')`. */
const wib = (text: string): number => Date.parse(`${text.replace(' ', 'T')}:00+07:00`);

const paths: Record<string, string> = {
  'dinkes-a': '/prov/kab-a/dinkes-a/',
  'pkm-a': '/prov/kab-a/dinkes-a/pkm-a/',
  'disdik-a': '/prov/kab-a/disdik-a/',
  'dinkes-b': '/prov/kab-b/dinkes-b/',
};

let nextId = 0;
function report(
  fields: Partial<Report> & Pick<Report, 'agencyId' | 'status' | 'createdAt'>,
): Report {
  nextId += 1;
  const base: Report = {
    id: `stat-${String(nextId)}`,
    trackingId: String(5_000_000 + nextId),
    title: 'Laporan uji statistik',
    body: 'Isi laporan.',
    categoryId: null,
    tags: [],
    location: { text: 'Kabupaten A' },
    incidentDate: null,
    channel: 'web',
    type: 'pengaduan',
    privacy: { rahasia: false, anonim: false },
    reporter: { name: 'Pelapor Uji' },
    attachments: [],
    unitId: null,
    assigneeId: null,
    timeZone: 'WIB',
    archiveReason: null,
    duplicateOf: null,
    routedAt: fields.createdAt,
    disposedAt: null,
    firstResponseAt: null,
    respondedAt: null,
    closedAt: null,
    pausedAt: null,
    pausedWorkingMs: 0,
    extendedResolutionDays: null,
    dueAt: null,
    updatedAt: fields.createdAt,
    version: 0,
    ...fields,
  };
  return { ...base, dueAt: currentDueAt(base, calendar) };
}

/**
 * January 2026, with now = Monday 2 February:
 * - R1 pkm-a: arrived 5 Jan, disposed 6 Jan, answered 8 Jan, completed 23 Jan — on time.
 * - R2 dinkes-a: arrived 6 Jan, disposed only 14 Jan (verification late), answered 15 Jan.
 * - R3 pkm-a: arrived 7 Jan, disposed the same day, never answered — overdue now.
 * - R4 dinkes-a: arrived 8 Jan, archived the same day.
 * - R5 disdik-a: arrived 9 Jan, answered 12 Jan, completed 27 Jan.
 * - R6 dinkes-b: arrived 5 Jan, never verified — overdue now.
 * - R7 dinkes-a: arrived in December, completed 7 Jan (completed in range, not incoming).
 */
const dataset: readonly Report[] = [
  report({
    agencyId: 'dinkes-a',
    unitId: 'pkm-a',
    status: 'completed',
    createdAt: wib('2026-01-05 09:00'),
    disposedAt: wib('2026-01-06 10:00'),
    firstResponseAt: wib('2026-01-08 09:00'),
    respondedAt: wib('2026-01-08 09:00'),
    closedAt: wib('2026-01-23 10:00'),
  }),
  report({
    agencyId: 'dinkes-a',
    status: 'responded',
    createdAt: wib('2026-01-06 09:00'),
    disposedAt: wib('2026-01-14 09:00'),
    firstResponseAt: wib('2026-01-15 09:00'),
    respondedAt: wib('2026-01-15 09:00'),
  }),
  report({
    agencyId: 'dinkes-a',
    unitId: 'pkm-a',
    status: 'in_progress',
    createdAt: wib('2026-01-07 09:00'),
    disposedAt: wib('2026-01-07 11:00'),
  }),
  report({
    agencyId: 'dinkes-a',
    status: 'archived',
    createdAt: wib('2026-01-08 09:00'),
    archiveReason: 'too_general',
    closedAt: wib('2026-01-08 10:00'),
  }),
  report({
    agencyId: 'disdik-a',
    status: 'completed',
    createdAt: wib('2026-01-09 09:00'),
    disposedAt: wib('2026-01-09 10:00'),
    firstResponseAt: wib('2026-01-12 09:00'),
    respondedAt: wib('2026-01-12 09:00'),
    closedAt: wib('2026-01-27 10:00'),
  }),
  report({ agencyId: 'dinkes-b', status: 'unverified', createdAt: wib('2026-01-05 09:00') }),
  report({
    agencyId: 'dinkes-a',
    status: 'completed',
    createdAt: wib('2025-12-15 09:00'),
    disposedAt: wib('2025-12-15 10:00'),
    firstResponseAt: wib('2025-12-17 09:00'),
    respondedAt: wib('2025-12-17 09:00'),
    closedAt: wib('2026-01-07 10:00'),
  }),
];

const range = `from=${String(wib('2026-01-01 00:00'))}&to=${String(wib('2026-02-01 00:00'))}`;

describeEachBackend('GET /stats', (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(backend);
    let version = 800_000;
    for (const r of dataset) {
      version += 1;
      await insertReport(
        server.db,
        { ...r, version },
        paths[r.unitId ?? r.agencyId] ?? '',
        version,
      );
    }
    server.clock.set(wib('2026-02-02 09:00'));
  });
  afterAll(async () => {
    await server.close();
  });

  async function statsFor(username: string): Promise<Map<string, AgencyStats>> {
    const response = await server.request('GET', `/stats?${range}`, {
      token: await server.login(username),
    });
    expect(response.status, response.text).toBe(200);
    const stats = StatsResponseSchema.parse(response.body);
    return new Map(stats.agencies.map((row) => [row.agencyId, row]));
  }

  it('gives an agency’s figures including its units, only within the caller’s subtree', async () => {
    const rows = await statsFor('admin-a');
    expect([...rows.keys()]).toEqual(['dinkes-a', 'pkm-a']);
    expect(rows.get('dinkes-a')).toMatchObject({
      incoming: 4,
      completed: 2,
      completionRate: 1 / 3,
      medianFirstResponseMs: 6 * DAY,
      breaches: 2,
      overdueNow: 1,
    });
    expect(rows.get('pkm-a')).toMatchObject({
      incoming: 2,
      completed: 1,
      completionRate: 0.5,
      medianFirstResponseMs: 3 * DAY,
      breaches: 1,
      overdueNow: 1,
    });
  });

  it('rolls the whole province up for its coordinator, with empty agencies shown as such', async () => {
    const rows = await statsFor('koordinator-prov');
    expect(rows.get('prov')).toMatchObject({
      incoming: 6,
      completed: 3,
      completionRate: 2 / 5,
      medianFirstResponseMs: 3 * DAY,
      breaches: 3,
      overdueNow: 2,
    });
    expect(rows.get('kab-a')).toMatchObject({
      incoming: 5,
      completed: 3,
      completionRate: 0.5,
      breaches: 2,
    });
    expect(rows.get('dinkes-wit')).toMatchObject({
      incoming: 0,
      completed: 0,
      completionRate: null,
      medianFirstResponseMs: null,
      breaches: 0,
      overdueNow: 0,
    });
    expect([...rows.keys()][0]).toBe('prov');
  });

  it('lets a head of agency read the dashboard of their agency', async () => {
    const rows = await statsFor('pimpinan-a');
    expect(rows.get('dinkes-a')?.incoming).toBe(4);
  });

  it('refuses a missing, reversed or non-numeric range, and an anonymous caller', async () => {
    const token = await server.login('admin-a');
    for (const query of ['', 'from=10', 'from=20&to=10', 'from=abc&to=10', `${range}&extra=1`]) {
      expectApiError(
        await server.request('GET', `/stats?${query}`, { token }),
        400,
        'request/invalid',
      );
    }
    expectApiError(await server.request('GET', `/stats?${range}`), 401, 'auth/unauthenticated');
  });
});
