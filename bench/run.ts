// `npm run bench` (scripts/bench.mjs runs this with tsx): the benchmark suite. Measures, prints a
// table and writes bench/results/latest.json with the machine it ran on. No pass/fail: figures
// are compared by people (README) and by later runs. `--quick` runs smaller sizes.
//
// Server figures: the synthetic complaint generator (the demo seed, on PGlite with a data
// directory as `npm run server` uses), and sync pull/push throughput on PGlite, and on PostgreSQL
// when POSKO_BENCH_DATABASE_URL (or DATABASE_URL) is set (in a scratch schema, dropped after).
//
// Inbox figures (bench/browser): the built renderer in headless Chromium with real IndexedDB,
// signed in to a demo server with the same number of reports: time to usable, initial sync and
// its floor, queue switch, search, open report, scroll frames, heap, offline action.
// `--no-browser` leaves them out.
import { randomBytes } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { Db } from '../src-server/db/db';
import { loadMigrations, migrate } from '../src-server/db/migrate';
import { openPgliteDb } from '../src-server/db/pglite-db';
import { openPostgresDb } from '../src-server/db/postgres-db';
import { seedDemo, seedReports } from '../src-server/seed/demo';
import { benchInboxInBrowser } from './browser/inbox-bench';
import { benchRouting } from './routing';
import { benchTemplating } from './templating';
import {
  measureHeadsLatency,
  measurePullThroughput,
  measurePushThroughput,
  prepareBenchWorld,
} from './server-sync';

const root = resolve(import.meta.dirname, '..');
const isQuick = process.argv.includes('--quick');
/** "Today" for the generated demo: Monday 24 November 2025, 10:00 WIB. */
const DEMO_NOW = Date.UTC(2025, 10, 24, 3, 0, 0);
const SEED_VALUE = 1;

type Results = Record<string, number>;

interface Row {
  name: string;
  value: number;
  unit: string;
}
const rows: Row[] = [];
const results: Results = {};

function record(key: string, value: number, unit: string, name: string): void {
  const rounded = Math.round(value * 100) / 100;
  results[key] = rounded;
  rows.push({ name, value: rounded, unit });
  console.log(`  ${name}: ${String(rounded)} ${unit}`);
}

const quiet = (): void => undefined;

async function migrated(db: Db): Promise<Db> {
  await migrate(db, await loadMigrations());
  return db;
}

/** A PostgreSQL database in a fresh schema, dropped by `close`. */
async function scratchPostgres(url: string): Promise<Db> {
  const schema = `posko_bench_${randomBytes(5).toString('hex')}`;
  const db = await openPostgresDb({ connectionString: url, schema, maxConnections: 4 });
  return {
    ...db,
    async close() {
      await db.close();
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await admin.end();
      }
    },
  };
}

/** Seeds the demo province, then times the generator writing `reports` reports. */
async function benchGenerator(
  db: Db,
  reports: number,
  suffix: string,
  label: string,
): Promise<void> {
  await seedDemo(db, { reports: 0, seedValue: SEED_VALUE, now: DEMO_NOW, log: quiet });
  const started = performance.now();
  await seedReports(db, { reports, seedValue: SEED_VALUE, now: DEMO_NOW, log: quiet });
  const seconds = (performance.now() - started) / 1000;
  const size = `${String(reports / 1000)}k`;
  record(`generator_${size}_s${suffix}`, seconds, 's', `${label}: generator, ${size} reports`);
  record(
    `generator_reports_per_s${suffix}`,
    reports / seconds,
    'reports/s',
    `${label}: generator rate`,
  );
}

async function benchSync(db: Db, suffix: string, label: string): Promise<void> {
  const world = await prepareBenchWorld(db, isQuick ? 5_000 : 20_000);
  const pulled = await measurePullThroughput(db, world);
  record(`server_pull_rows_per_s${suffix}`, pulled.rowsPerSecond, 'rows/s', `${label}: sync pull`);
  record(
    `server_pull_remaining_ms${suffix}`,
    pulled.remainingCountMs,
    'ms',
    `${label}: pull remaining count (cursor 0)`,
  );
  const heads = await measureHeadsLatency(db, world);
  record(`server_heads_ms${suffix}`, heads.medianMs, 'ms', `${label}: heads (median, warm)`);
  const pushed = await measurePushThroughput(db, world, isQuick ? 300 : 1_000);
  record(
    `server_push_mutations_per_s${suffix}`,
    pushed.mutationsPerSecond,
    'mutations/s',
    `${label}: sync push`,
  );
}

async function withDb(open: () => Promise<Db>, run: (db: Db) => Promise<void>): Promise<void> {
  const db = await migrated(await open());
  try {
    await run(db);
  } finally {
    await db.close();
  }
}

async function main(): Promise<void> {
  const reports = isQuick ? 20_000 : 100_000;
  console.log(`Posko benchmarks${isQuick ? ' (quick)' : ''}`);

  console.log('PGlite');
  const dataDir = await mkdtemp(join(tmpdir(), 'posko-bench-'));
  try {
    await withDb(
      () => openPgliteDb(dataDir),
      (db) => benchGenerator(db, reports, '', 'PGlite'),
    );
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  await withDb(
    () => openPgliteDb(),
    (db) => benchSync(db, '_pglite', 'PGlite'),
  );

  const postgresUrl = process.env['POSKO_BENCH_DATABASE_URL'] ?? process.env['DATABASE_URL'];
  if (postgresUrl === undefined || postgresUrl === '') {
    console.log('PostgreSQL: skipped (set POSKO_BENCH_DATABASE_URL to include it)');
  } else {
    console.log('PostgreSQL');
    await withDb(
      () => scratchPostgres(postgresUrl),
      (db) => benchGenerator(db, reports, '_postgres', 'PostgreSQL'),
    );
    await withDb(
      () => scratchPostgres(postgresUrl),
      (db) => benchSync(db, '_postgres', 'PostgreSQL'),
    );
  }

  console.log('Routing suggestions');
  benchRouting(record, { quick: isQuick, now: DEMO_NOW, seedValue: SEED_VALUE });

  console.log('Templating');
  await benchTemplating(record, { quick: isQuick, now: DEMO_NOW, seedValue: SEED_VALUE });

  const skipBrowser = process.argv.includes('--no-browser');
  if (skipBrowser) {
    console.log('Browser: skipped (--no-browser)');
  } else {
    await benchInboxInBrowser(reports, record);
  }

  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    os: `${platform()} ${release()}`,
    /** Other work on the machine skews the figures: the 1-minute load when the run ended. */
    loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
  const outDir = join(root, 'bench/results');
  await mkdir(outDir, { recursive: true });
  await writeFile(
    join(outDir, 'latest.json'),
    `${JSON.stringify({ at: new Date().toISOString(), quick: isQuick, machine, results }, null, 2)}\n`,
  );

  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`\n${'benchmark'.padEnd(width)}  ${'value'.padStart(12)}  unit`);
  for (const row of rows) {
    console.log(`${row.name.padEnd(width)}  ${String(row.value).padStart(12)}  ${row.unit}`);
  }
  console.log(
    `\n${machine.cpu} × ${String(machine.cores)}, ${String(machine.memoryGiB)} GiB, Node ${machine.node}, load ${String(machine.loadAverage)}`,
  );
  console.log('Wrote bench/results/latest.json');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
