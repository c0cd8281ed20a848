// Planner statistics and visibility maps. PostgreSQL's autovacuum keeps them current; PGlite has
// no autovacuum, so a bulk load (the demo seed) leaves the planner guessing (it then reads whole
// subtrees where an index walk in breach order would do) and every count visiting the heap.
import type { Db } from './db';

/** The tables the sync routes query by scope, version, status and deadline. */
const SYNCED_TABLES = [
  'reports',
  'dispositions',
  'responses',
  'notes',
  'citizen_messages',
  'audit_events',
  'tombstones',
  'agencies',
  'users',
  'templates',
  'saved_views',
  'categories',
] as const;

/**
 * `VACUUM (ANALYZE)` of the synced tables, after a bulk load: statistics for the planner, and
 * visibility maps so counts can answer from indexes alone. Named tables only (on a shared
 * PostgreSQL server, other schemas are not this server's business).
 */
export async function vacuumAnalyze(db: Db): Promise<void> {
  await db.exec(`VACUUM (ANALYZE) ${SYNCED_TABLES.join(', ')}`);
}

/**
 * On PGlite, vacuums and analyzes the synced tables when they hold rows but were never analyzed
 * (a database loaded before the seed did it): seconds once, at 100,000 reports. Costs one catalog
 * query when statistics exist.
 */
export async function ensurePlannerStatistics(db: Db): Promise<boolean> {
  if (db.kind !== 'pglite') return false;
  const { rows } = await db.query<{ never_analyzed: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM reports LIMIT 1)
        AND NOT EXISTS (SELECT 1 FROM pg_stats
                         WHERE schemaname = current_schema() AND tablename = 'reports')
        AS never_analyzed`,
  );
  if (rows[0]?.never_analyzed !== true) return false;
  await vacuumAnalyze(db);
  return true;
}
