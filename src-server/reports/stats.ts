// Dashboard figures per agency and unit of a subtree (src-shared/api/stats.ts). Counts and the
// median are computed in SQL: each report is counted at its location and at every agency above it
// (the ids on its scope path), restricted to the caller's subtree. Breaches need the working-day
// calendar, so they are judged here with the shared SLA functions from the stage timestamps.
import type { AgencyStats, StatsResponse } from '../../src-shared/api/stats';
import {
  AgencySettingsSchema,
  DEFAULT_AGENCY_SETTINGS,
  type Agency,
  type AgencySettings,
} from '../../src-shared/domain/agency';
import type { ReportStatus } from '../../src-shared/domain/report-status';
import { dueAt, type SlaCalendar, type SlaReport } from '../../src-shared/domain/sla-calendar';
import type { TimeZone } from '../../src-shared/domain/time-zone';
import type { Queryable } from '../db/db';
import { loadCalendar } from '../sync/reference';
import { prefixPattern } from '../sync/scope';

interface AgencyRow {
  id: string;
  parent_id: string | null;
  name: string;
  level: Agency['level'];
  settings: unknown;
  path: string;
}

interface FigureRow {
  agency_id: string;
  incoming: number;
  completed: number;
  cohort_completed: number;
  cohort_open_or_done: number;
  median_first_response_ms: number | null;
  overdue_now: number;
}

// $1 subtree pattern, $2 from, $3 to, $4 now.
const FIGURES_SQL = `
WITH located AS (
  SELECT anc.id AS agency_id, r.status, r.created_at, r.first_response_at, r.closed_at, r.due_at
    FROM reports r
   CROSS JOIN LATERAL unnest(string_to_array(trim(both '/' from r.scope_path), '/')) AS anc(id)
   WHERE r.scope_path LIKE $1
     AND ((r.created_at >= $2 AND r.created_at < $3)
       OR (r.closed_at >= $2 AND r.closed_at < $3)
       OR (r.first_response_at >= $2 AND r.first_response_at < $3)
       OR (r.due_at < $4 AND r.status IN ('unverified', 'disposed', 'in_progress', 'not_authority')))
)
SELECT agency_id,
  count(*) FILTER (WHERE created_at >= $2 AND created_at < $3)::int AS incoming,
  count(*) FILTER (WHERE status = 'completed' AND closed_at >= $2 AND closed_at < $3)::int
    AS completed,
  count(*) FILTER (WHERE created_at >= $2 AND created_at < $3 AND status = 'completed')::int
    AS cohort_completed,
  count(*) FILTER (WHERE created_at >= $2 AND created_at < $3 AND status <> 'archived')::int
    AS cohort_open_or_done,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY first_response_at - created_at)
    FILTER (WHERE first_response_at >= $2 AND first_response_at < $3)
    AS median_first_response_ms,
  count(*) FILTER (WHERE due_at < $4
    AND status IN ('unverified', 'disposed', 'in_progress', 'not_authority'))::int AS overdue_now
FROM located
GROUP BY agency_id`;

interface CohortRow {
  scope_path: string;
  agency_id: string;
  status: ReportStatus;
  time_zone: TimeZone;
  routed_at: number;
  disposed_at: number | null;
  first_response_at: number | null;
  responded_at: number | null;
  closed_at: number | null;
  paused_at: number | null;
  paused_working_ms: number;
  extended_resolution_days: number | null;
}

// One jsonb_to_record per row: each `doc->>'field'` would unpack the whole stored doc again.
const COHORT_SQL = `
SELECT r.scope_path, r.agency_id, r.status, d."timeZone" AS time_zone,
       d."routedAt" AS routed_at, d."disposedAt" AS disposed_at, r.first_response_at,
       d."respondedAt" AS responded_at, r.closed_at, d."pausedAt" AS paused_at,
       d."pausedWorkingMs" AS paused_working_ms,
       d."extendedResolutionDays" AS extended_resolution_days
  FROM reports r
  CROSS JOIN LATERAL jsonb_to_record(r.doc) AS d("timeZone" text, "routedAt" bigint,
    "disposedAt" bigint, "respondedAt" bigint, "pausedAt" bigint, "pausedWorkingMs" bigint,
    "extendedResolutionDays" int)
 WHERE r.scope_path LIKE $1 AND r.created_at >= $2 AND r.created_at < $3`;

/**
 * Whether the report missed a deadline, or is past one and still waiting: verification (until
 * disposed, or archived), first follow-up and resolution (both counted from the latest
 * disposition). Stored timestamps describe the latest routing only, so earlier rounds of a
 * re-routed report are not judged.
 */
export function hasBreached(
  row: CohortRow,
  now: number,
  calendar: SlaCalendar,
  settings: AgencySettings,
): boolean {
  const sla: SlaReport = {
    status: row.status,
    timeZone: row.time_zone,
    routedAt: row.routed_at,
    disposedAt: row.disposed_at,
    firstResponseAt: row.first_response_at,
    respondedAt: row.responded_at,
    pausedAt: row.paused_at,
    pausedWorkingMs: row.paused_working_ms,
    extendedResolutionDays: row.extended_resolution_days,
    dueAt: null,
  };
  const late = (end: number, deadline: number | null) => deadline !== null && end > deadline;
  const isWaiting = row.status === 'disposed' || row.status === 'in_progress';

  if (row.disposed_at === null) {
    // Still in verification: it ends when disposed or archived; a running pause stops the clock.
    const end =
      row.status === 'archived'
        ? (row.closed_at ?? now)
        : row.status === 'pending_info'
          ? (row.paused_at ?? now)
          : now;
    return late(end, dueAt(sla, 'verify_dispose', calendar, settings));
  }
  if (late(row.disposed_at, dueAt(sla, 'verify_dispose', calendar, settings))) return true;
  const firstEnd = row.first_response_at ?? (isWaiting ? now : null);
  if (firstEnd !== null && late(firstEnd, dueAt(sla, 'first_followup', calendar, settings))) {
    return true;
  }
  const stage = row.extended_resolution_days === null ? 'resolution' : 'resolution_extended';
  const resolvedEnd = isWaiting ? now : row.responded_at;
  return resolvedEnd !== null && late(resolvedEnd, dueAt(sla, stage, calendar, settings));
}

/** Every agency of the subtree at `agencyPath`, with its figures over [from, to). */
export async function agencyStats(
  db: Queryable,
  agencyPath: string,
  range: { from: number; to: number },
  now: number,
): Promise<StatsResponse> {
  const pattern = prefixPattern(agencyPath);
  const agencies = await db.query<AgencyRow>(
    'SELECT id, parent_id, name, level, settings, path FROM agencies WHERE path LIKE $1 ORDER BY path',
    [pattern],
  );
  const figures = await db.query<FigureRow>(FIGURES_SQL, [pattern, range.from, range.to, now]);
  const byAgency = new Map(figures.rows.map((row) => [row.agency_id, row]));

  const settingsById = new Map<string, AgencySettings>();
  for (const agency of agencies.rows) {
    const parsed = AgencySettingsSchema.safeParse(agency.settings ?? {});
    settingsById.set(agency.id, parsed.success ? parsed.data : DEFAULT_AGENCY_SETTINGS);
  }
  const calendar = await loadCalendar(db);
  const cohort = await db.query<CohortRow>(COHORT_SQL, [pattern, range.from, range.to]);
  const breaches = new Map<string, number>();
  for (const row of cohort.rows) {
    const settings = settingsById.get(row.agency_id) ?? DEFAULT_AGENCY_SETTINGS;
    if (!hasBreached(row, now, calendar, settings)) continue;
    for (const id of row.scope_path.split('/')) {
      if (id !== '' && settingsById.has(id)) breaches.set(id, (breaches.get(id) ?? 0) + 1);
    }
  }

  const rows: AgencyStats[] = agencies.rows.map((agency) => {
    const f = byAgency.get(agency.id);
    return {
      agencyId: agency.id,
      parentId: agency.parent_id,
      name: agency.name,
      level: agency.level,
      incoming: f?.incoming ?? 0,
      completed: f?.completed ?? 0,
      completionRate:
        f === undefined || f.cohort_open_or_done === 0
          ? null
          : f.cohort_completed / f.cohort_open_or_done,
      medianFirstResponseMs:
        f?.median_first_response_ms === null || f === undefined
          ? null
          : Math.round(f.median_first_response_ms),
      breaches: breaches.get(agency.id) ?? 0,
      overdueNow: f?.overdue_now ?? 0,
    };
  });
  return { from: range.from, to: range.to, generatedAt: now, agencies: rows };
}
