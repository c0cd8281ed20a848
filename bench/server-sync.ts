// Server sync throughput, for `npm run bench`: pull (rows/s, initial sync from cursor 0 in pages,
// and what asking for `remaining` on the first page costs), heads latency (the first screen of
// every queue) and push (mutations/s, one transaction each) on whatever database it is given.
// No assertions: it measures and returns numbers.
import { performance } from 'node:perf_hooks';
import type { Report } from '../src-shared/domain/report';
import { PULL_LIMIT_DEFAULT, type MutationEnvelope } from '../src-shared/sync/protocol';
import type { Db } from '../src-server/db/db';
import { insertAgencies, type NewAgency } from '../src-server/directory/agencies';
import { insertUser } from '../src-server/directory/users';
import { queueIdsForRole, readHeads } from '../src-server/sync/heads';
import { pullPage, remainingAfter } from '../src-server/sync/pull';
import { push } from '../src-server/sync/push';
import { reportDoc } from '../src-server/sync/rows';
import { callerScope } from '../src-server/sync/scope';
import { currentVersion } from '../src-server/sync/versions';

const settings = { resolutionDays: 14, adminsMayPublish: false, pendingInfoWaitDays: 10 };
const START = Date.UTC(2026, 0, 5, 2, 0, 0);

/** A province with `opds` OPDs (each with one unit) and an admin at the province. */
export interface BenchWorld {
  readonly adminId: string;
  readonly provincePath: string;
  readonly opdIds: readonly string[];
  /** The ids of the reports inserted, oldest first. */
  readonly reportIds: readonly string[];
}

function agencies(opds: number): NewAgency[] {
  const list: NewAgency[] = [
    {
      id: 'bench-prov',
      parentId: null,
      name: 'Provinsi',
      level: 'province',
      timeZone: 'WIB',
      settings,
    },
  ];
  for (let i = 0; i < opds; i++) {
    list.push({
      id: `bench-opd-${String(i)}`,
      parentId: 'bench-prov',
      name: `OPD ${String(i)}`,
      level: 'opd',
      timeZone: 'WIB',
      settings,
    });
    list.push({
      id: `bench-unit-${String(i)}`,
      parentId: `bench-opd-${String(i)}`,
      name: `Unit ${String(i)}`,
      level: 'unit',
      timeZone: 'WIB',
      settings,
    });
  }
  return list;
}

function report(i: number, agencyId: string): Report {
  return {
    id: `bench-r-${String(i)}`,
    trackingId: String(3_000_000 + i),
    title: `Laporan nomor ${String(i)}: jalan rusak dan lampu jalan mati`,
    // About 1.5 KB with the body, like a realistic report.
    body: 'Mohon perhatian dinas terkait, jalan berlubang membahayakan pengendara. '.repeat(18),
    categoryId: null,
    tags: ['jalan'],
    location: { text: 'Jl. Merdeka' },
    incidentDate: null,
    channel: 'web',
    type: 'pengaduan',
    privacy: { rahasia: false, anonim: i % 10 === 0 },
    reporter: null,
    attachments: [],
    agencyId,
    unitId: null,
    assigneeId: null,
    timeZone: 'WIB',
    status: 'unverified',
    archiveReason: null,
    duplicateOf: null,
    createdAt: START,
    routedAt: START,
    disposedAt: null,
    firstResponseAt: null,
    respondedAt: null,
    closedAt: null,
    pausedAt: null,
    pausedWorkingMs: 0,
    extendedResolutionDays: null,
    dueAt: START + 3 * 86_400_000,
    updatedAt: START,
    version: 0,
  };
}

/** Inserts the agency tree, an admin and `reports` reports spread over the OPDs (bulk). */
export async function prepareBenchWorld(db: Db, reports: number, opds = 20): Promise<BenchWorld> {
  const paths = await db.transaction((tx) => insertAgencies(tx, agencies(opds)));
  await insertUser(db, {
    id: 'bench-admin',
    username: 'bench-admin',
    displayName: 'Admin Bench',
    role: 'admin_koordinator',
    agencyId: 'bench-prov',
    password: 'bench-password-2026',
  });
  const opdIds = Array.from({ length: opds }, (_, i) => `bench-opd-${String(i)}`);
  const reportIds: string[] = [];
  const chunk = 2_000;
  for (let from = 0; from < reports; from += chunk) {
    const docs: { doc: ReturnType<typeof reportDoc>; path: string }[] = [];
    for (let i = from; i < Math.min(reports, from + chunk); i++) {
      const agencyId = opdIds[i % opds]!;
      docs.push({ doc: reportDoc(report(i, agencyId)), path: paths.get(agencyId)! });
      reportIds.push(`bench-r-${String(i)}`);
    }
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(7319001)');
      await tx.query(
        `INSERT INTO reports (id, tracking_id, agency_id, unit_id, scope_path, status, created_at,
           due_at, first_response_at, closed_at, doc, reporter, field_writers, version)
         SELECT d->'doc'->>'id', d->'doc'->>'trackingId', d->'doc'->>'agencyId', NULL, d->>'path',
           'unverified', (d->'doc'->>'createdAt')::bigint, (d->'doc'->>'dueAt')::bigint, NULL, NULL,
           d->'doc', '{"name":"Pelapor Uji"}'::jsonb, '{}'::jsonb, nextval('change_version')
         FROM jsonb_array_elements($1::jsonb) AS d`,
        [JSON.stringify(docs)],
      );
    });
  }
  await db.query('ANALYZE');
  return { adminId: 'bench-admin', provincePath: paths.get('bench-prov')!, opdIds, reportIds };
}

export interface PullThroughput {
  rows: number;
  pages: number;
  seconds: number;
  rowsPerSecond: number;
  /** The slowest page, in milliseconds. */
  slowestPageMs: number;
  /** What `withTotal` adds to the first page (counting everything after cursor 0), in ms. */
  remainingCountMs: number;
}

/** An initial sync from cursor 0 to the end as `world`'s province admin. */
export async function measurePullThroughput(
  db: Db,
  world: BenchWorld,
  limit = PULL_LIMIT_DEFAULT,
): Promise<PullThroughput> {
  const scope = callerScope({ id: world.adminId, role: 'admin_koordinator' }, world.provincePath);
  const countStarted = performance.now();
  await remainingAfter(db, scope, 0);
  const remainingCountMs = performance.now() - countStarted;
  let cursor = 0;
  let rows = 0;
  let pages = 0;
  let slowestPageMs = 0;
  const started = performance.now();
  for (;;) {
    const pageStarted = performance.now();
    const page = await pullPage(db, scope, cursor, limit);
    // What the route does next: the page becomes JSON.
    rows += (JSON.parse(JSON.stringify(page.rows)) as unknown[]).length;
    slowestPageMs = Math.max(slowestPageMs, performance.now() - pageStarted);
    pages += 1;
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  const seconds = (performance.now() - started) / 1000;
  return { rows, pages, seconds, rowsPerSecond: rows / seconds, slowestPageMs, remainingCountMs };
}

export interface HeadsLatency {
  /** The first call (cold caches), in milliseconds. */
  firstMs: number;
  /** The median of `runs` further calls, in milliseconds. */
  medianMs: number;
  rows: number;
}

/** `POST /sync/heads` for `world`'s province admin, as the route reads it (one snapshot). */
export async function measureHeadsLatency(
  db: Db,
  world: BenchWorld,
  runs = 5,
): Promise<HeadsLatency> {
  const scope = callerScope({ id: world.adminId, role: 'admin_koordinator' }, world.provincePath);
  const queues = queueIdsForRole('admin_koordinator');
  const timed = async () => {
    const started = performance.now();
    const heads = await readHeads(db, scope, queues, START + 3_600_000);
    // What the route does next: the answer becomes JSON.
    JSON.stringify(heads);
    return { ms: performance.now() - started, rows: heads.rows.length };
  };
  const first = await timed();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed()).ms);
  times.sort((a, b) => a - b);
  return {
    firstMs: first.ms,
    medianMs: times[Math.floor(times.length / 2)] ?? first.ms,
    rows: first.rows,
  };
}

export interface PushThroughput {
  mutations: number;
  seconds: number;
  mutationsPerSecond: number;
}

/**
 * `n` mutations (tags set on `n` different reports, then `n` notes) pushed by one client in
 * batches of `batchSize`, each mutation in its own transaction as the protocol requires.
 */
export async function measurePushThroughput(
  db: Db,
  world: BenchWorld,
  n: number,
  batchSize = 100,
): Promise<PushThroughput> {
  const clientId = `bench-client-${String(Date.now())}`;
  const caller = {
    user: { id: world.adminId, role: 'admin_koordinator' as const, agency_id: 'bench-prov' },
    agencyPath: world.provincePath,
  };
  const deps = { db, now: () => START + 3_600_000, simulation: false };
  // The client has seen everything so far: its mutations conflict with nobody.
  const baseVersion = await currentVersion(db);
  const mutations: MutationEnvelope[] = [];
  for (let i = 0; i < n; i++) {
    const reportId = world.reportIds[i % world.reportIds.length]!;
    mutations.push(
      i % 2 === 0
        ? {
            clientId,
            id: i + 1,
            name: 'report.setTags',
            args: { reportId, tags: [`t${String(i)}`] },
            baseVersion,
            at: START,
          }
        : {
            clientId,
            id: i + 1,
            name: 'note.add',
            args: { reportId, noteId: `${clientId}-n${String(i)}`, body: 'Catatan' },
            baseVersion,
            at: START,
          },
    );
  }
  const started = performance.now();
  for (let from = 0; from < n; from += batchSize) {
    await push(deps, caller, clientId, mutations.slice(from, from + batchSize));
  }
  const seconds = (performance.now() - started) / 1000;
  return { mutations: n, seconds, mutationsPerSecond: n / seconds };
}

/**
 * `n` unverified reports verified and disposed by one client as one bulk batch (a shared batch
 * id), pushed in requests of `batchSize` as the client engine does: the server's part of
 * `bulk_dispose_1000_push_ms`.
 */
export async function measureBulkDisposePush(
  db: Db,
  world: BenchWorld,
  n: number,
  batchSize = 500,
): Promise<PushThroughput> {
  const clientId = `bench-bulk-${String(Date.now())}`;
  const caller = {
    user: { id: world.adminId, role: 'admin_koordinator' as const, agency_id: 'bench-prov' },
    agencyPath: world.provincePath,
  };
  const deps = { db, now: () => START + 3_600_000, simulation: false };
  const baseVersion = await currentVersion(db);
  // The newest reports: untouched by the other measurements, still unverified.
  const targets = world.reportIds.slice(-n);
  const mutations: MutationEnvelope[] = targets.map((reportId, i) => ({
    clientId,
    id: i + 1,
    name: 'report.verifyDispose',
    args: {
      reportId,
      targetAgencyId: world.opdIds[(i + 1) % world.opdIds.length]!,
      batchId: `${clientId}-batch`,
    },
    baseVersion,
    at: START,
  }));
  const started = performance.now();
  for (let from = 0; from < mutations.length; from += batchSize) {
    const answer = await push(deps, caller, clientId, mutations.slice(from, from + batchSize));
    const refused = answer.results.find((result) => result.status !== 'applied');
    if (refused !== undefined) throw new Error(`bulk dispose refused: ${JSON.stringify(refused)}`);
  }
  const seconds = (performance.now() - started) / 1000;
  return { mutations: targets.length, seconds, mutationsPerSecond: targets.length / seconds };
}
