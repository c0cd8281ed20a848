// `--seed demo`: fills an empty database with the demo province (agencies, one user per role and
// the staff who appear in histories, categories, national holidays, default templates) and then
// `reports` synthetic complaints. Idempotent: on a database that already has the demo province it
// does nothing but say so.

import { indonesianHolidays } from '../../src-shared/domain/holidays-id';
import { createSlaCalendar } from '../../src-shared/domain/sla-calendar';
import type { Db, Queryable } from '../db/db';
import { vacuumAnalyze } from '../db/statistics';
import { insertAgencies } from '../directory/agencies';
import { insertUser } from '../directory/users';
import { drawVersions } from '../sync/versions';
import { installTemplate, loadDefaultTemplates } from './default-templates';
import { demoCategories } from './demo-categories';
import { DEMO_ROOT_ID, demoAgencies, demoRegions, demoUsers, userIdOf } from './demo-directory';
import { createReportGenerator, demoWorld, type GeneratedReport } from './generator';
import { reserveTrackingIds, writeGeneratedReports } from './report-writer';

export interface SeedDemoOptions {
  /** How many synthetic reports to generate. */
  reports: number;
  /** Same value, same reports (on the same `now`). */
  seedValue: number;
  /** The instant the demo is "today": reports spread over the six months before it. */
  now: number;
  log: (line: string) => void;
}

export interface SeedResult {
  /** Reports written by this run (0 when the demo was already there). */
  reports: number;
  ms: number;
}

/** Serializes concurrent seeding runs (two server processes started on one empty database). */
const SEED_LOCK_KEY = 7_319_002;
/** Reports per transaction: big enough for bulk statements, small enough to keep memory flat. */
const CHUNK_SIZE = 2_500;

const elapsedSince = (start: number): number => Math.round(performance.now() - start);

export async function seedDemo(db: Db, options: SeedDemoOptions): Promise<SeedResult> {
  const start = performance.now();
  const seeded = await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    if (await hasDemoProvince(tx)) return false;
    await seedDirectory(tx, options);
    return true;
  });
  if (!seeded) {
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports');
    options.log(
      `Demo data already present (${String(rows[0]?.n ?? 0)} reports); nothing was seeded.`,
    );
    return { reports: 0, ms: elapsedSince(start) };
  }
  options.log(`Demo province seeded in ${String(elapsedSince(start))} ms.`);
  const written = await seedReports(db, options);
  if (written > 0) {
    // A bulk load: give the planner statistics and the counts visibility maps right away.
    const analyzeStart = performance.now();
    await vacuumAnalyze(db);
    options.log(`Statistics refreshed in ${String(elapsedSince(analyzeStart))} ms.`);
  }
  return { reports: written, ms: elapsedSince(start) };
}

async function hasDemoProvince(db: Queryable): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM agencies WHERE id = $1', [DEMO_ROOT_ID]);
  return rows.length > 0;
}

async function seedDirectory(tx: Queryable, options: SeedDemoOptions): Promise<void> {
  const agencies = demoAgencies();
  const paths = await insertAgencies(tx, agencies);
  const users = demoUsers();
  for (const user of users) await insertUser(tx, user);

  const categories = demoCategories();
  const categoryVersions = await drawVersions(tx, categories.length);
  await tx.query(
    `INSERT INTO categories (id, parent_id, doc, version)
     SELECT x.doc->>'id', x.doc->>'parentId', x.doc, x.version
       FROM jsonb_to_recordset($1::jsonb) AS x(doc jsonb, version bigint)
     ON CONFLICT (id) DO NOTHING`,
    [JSON.stringify(categories.map((doc, i) => ({ doc, version: categoryVersions[i] })))],
  );

  await tx.query(
    `INSERT INTO holidays (date_key, kind, name)
     SELECT x.date, x.kind, x.name
       FROM jsonb_to_recordset($1::jsonb) AS x(date text, kind text, name text)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(indonesianHolidays)],
  );

  const rootPath = paths.get(DEMO_ROOT_ID);
  if (rootPath === undefined) throw new Error('the demo province has no path');
  const coordinator = demoRegions.find((r) => r.id === DEMO_ROOT_ID)?.admin.username;
  if (coordinator === undefined) throw new Error('the demo province has no coordinator');
  const templates = (await loadDefaultTemplates()).map((template) =>
    installTemplate(template, DEMO_ROOT_ID, userIdOf(coordinator), options.now),
  );
  const templateVersions = await drawVersions(tx, templates.length);
  await tx.query(
    `INSERT INTO templates (id, agency_id, owner_user_id, scope_path, doc, field_writers, version)
     SELECT x.doc->>'id', x.doc->>'agencyId', NULL, $2,
            x.doc - 'version',
            jsonb_build_object('*', jsonb_build_object('v', x.version, 'c', 'system')), x.version
       FROM jsonb_to_recordset($1::jsonb) AS x(doc jsonb, version bigint)
     ON CONFLICT (id) DO NOTHING`,
    [JSON.stringify(templates.map((doc, i) => ({ doc, version: templateVersions[i] }))), rootPath],
  );
  options.log(
    `Demo directory: ${String(agencies.length)} agencies, ${String(users.length)} users, ` +
      `${String(categories.length)} categories, ${String(indonesianHolidays.length)} holidays, ` +
      `${String(templates.length)} templates.`,
  );
}

/**
 * Generates and writes `options.reports` synthetic reports into a database holding the demo
 * directory; returns how many were written. Logs progress and the time taken.
 */
export async function seedReports(db: Db, options: SeedDemoOptions): Promise<number> {
  const total = Math.max(0, Math.floor(options.reports));
  if (total === 0) return 0;
  const start = performance.now();
  const world = demoWorld(createSlaCalendar(indonesianHolidays));
  const generator = createReportGenerator(world, {
    seedValue: options.seedValue,
    now: options.now,
  });
  const trackingIds = await reserveTrackingIds(db, total);
  const step = Math.max(CHUNK_SIZE, Math.ceil(total / 5 / CHUNK_SIZE) * CHUNK_SIZE);
  const writeOptions = { skipForeignKeyTriggers: db.kind === 'pglite' };
  // The next chunk is generated while the database stores the previous one (PostgreSQL works in
  // its own process; on PGlite the two simply take turns).
  let writing: Promise<void> | null = null;
  for (let offset = 0; offset < total; offset += CHUNK_SIZE) {
    const end = Math.min(total, offset + CHUNK_SIZE);
    const chunk: GeneratedReport[] = [];
    for (let index = offset; index < end; index++) {
      const trackingId = trackingIds[index];
      if (trackingId === undefined) throw new Error('not enough tracking ids reserved');
      chunk.push(generator.next(index, trackingId));
    }
    await writing;
    writing = db.transaction((tx) => writeGeneratedReports(tx, chunk, writeOptions));
    if (end < total && Math.floor(end / step) > Math.floor(offset / step)) {
      options.log(
        `Synthetic reports: ${String(end)}/${String(total)} (${String(elapsedSince(start))} ms)`,
      );
    }
  }
  await writing;
  const ms = elapsedSince(start);
  const perSecond = Math.round((total / Math.max(ms, 1)) * 1000);
  options.log(
    `Generated ${String(total)} synthetic reports in ${(ms / 1000).toFixed(1)} s ` +
      `(${String(perSecond)} reports/s).`,
  );
  return total;
}
