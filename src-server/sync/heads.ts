// Heads (`POST /api/v1/sync/heads`): the first screen of every queue the caller works, before the
// initial sync has the rest. Reference rows, the first HEADS_PER_QUEUE reports of each queue by
// time to breach and the size of each queue, all read in one snapshot. Queue membership is the
// client's (src-shared/inbox/queries.ts); the SQL below must answer exactly what its model does.
import { assertNever } from '../../src-shared/domain/assert-never';
import {
  isClosedStatus,
  reportStatuses,
  type ReportStatus,
} from '../../src-shared/domain/report-status';
import {
  endOfLocalDay,
  localDayNumber,
  timeZones,
  type TimeZone,
} from '../../src-shared/domain/time-zone';
import { deadlineClock } from '../../src-shared/inbox/inbox-model';
import { queuesForRole, type QueueId } from '../../src-shared/inbox/queries';
import { HEADS_PER_QUEUE, type HeadsResponse, type SyncRow } from '../../src-shared/sync/protocol';
import type { Db, Queryable } from '../db/db';
import { referenceRows, reportChange } from './pull';
import { prefixPattern, type CallerScope } from './scope';

/** Statuses whose deadline is not running for the deadline queues (closed, paused, answered). */
export const statusesWithoutRunningDeadline: readonly ReportStatus[] = [
  'completed',
  'archived',
  'pending_info',
  'responded',
];
/** Statuses that leave "assigned to me" (the report is closed). */
export const closedStatuses: readonly ReportStatus[] = reportStatuses.filter(isClosedStatus);

const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
// Literal lists (fixed codes, not input) so the planner can match the partial indexes of
// migration 003, whose predicates are written the same way.
const NO_RUNNING_DEADLINE = `(${sqlList(statusesWithoutRunningDeadline)})`;
const CLOSED = `(${sqlList(closedStatuses)})`;

/**
 * Named statement parameters (`:prefix`), numbered per statement by `bind`: PostgreSQL refuses a
 * parameter a statement does not use, and which ones a statement uses depends on the queues.
 */
interface HeadsParams {
  /** The caller's subtree as a LIKE pattern. */
  readonly prefix: string;
  readonly userId: string;
  readonly now: number;
  /** The end of today in WIB, WITA and WIT, and the latest of the three. */
  readonly endWIB: number;
  readonly endWITA: number;
  readonly endWIT: number;
  readonly endLatest: number;
}

/** `sql` with `:name` placeholders numbered $1, $2, … in order of first use, and their values. */
export function bind(
  sql: string,
  values: Readonly<Record<string, unknown>>,
): { text: string; params: unknown[] } {
  const order: string[] = [];
  const text = sql.replace(/:([A-Za-z]+)\b/g, (match, name: string) => {
    if (!Object.hasOwn(values, name)) return match;
    let index = order.indexOf(name);
    if (index < 0) index = order.push(name) - 1;
    return `$${String(index + 1)}`;
  });
  return { text, params: order.map((name) => values[name]) };
}

const endOfTodayByZone = `CASE r.doc->>'timeZone' ${timeZones
  .map((tz) => `WHEN '${tz}' THEN :end${tz}::bigint`)
  .join(' ')} END`;

/** Which reports (alias `r`, already limited to the caller's subtree) belong to the queue. */
export function queueCondition(queue: QueueId): string {
  switch (queue) {
    case 'unverified':
    case 'pending_info':
    case 'disposed':
    case 'in_progress':
    case 'responded':
    case 'not_authority':
    case 'completed':
    case 'archived': {
      const status: ReportStatus = queue;
      if (!reportStatuses.includes(status)) throw new Error(`unknown status ${status}`);
      return `r.status = '${status}'`;
    }
    case 'awaiting_approval':
      // A response's scope is always its report's (they move together).
      return `r.id IN (SELECT s.report_id FROM responses s
                        WHERE s.state = 'submitted' AND s.scope_path LIKE :prefix)`;
    case 'assigned_to_me':
      return `(r.doc->>'assigneeId') = :userId AND r.status NOT IN ${CLOSED}`;
    case 'overdue':
      return `r.status NOT IN ${NO_RUNNING_DEADLINE} AND r.due_at < :now::bigint`;
    case 'due_today':
      return `r.status NOT IN ${NO_RUNNING_DEADLINE} AND r.due_at >= :now::bigint
              AND r.due_at <= :endLatest::bigint AND r.due_at <= ${endOfTodayByZone}`;
    default:
      return assertNever(queue, 'queue');
  }
}

/** Time to breach, soonest first; reports without a running deadline last; ids byte-wise. */
const BREACH_ORDER = 'r.due_at ASC NULLS LAST, r.created_at ASC, r.id COLLATE "C" ASC';

function headsSql(queues: readonly QueueId[]): string {
  return queues
    .map(
      (queue) => `(SELECT '${queue}' AS queue, r.id FROM reports r
   WHERE r.scope_path LIKE :prefix AND ${queueCondition(queue)}
   ORDER BY ${BREACH_ORDER} LIMIT ${String(HEADS_PER_QUEUE)})`,
    )
    .join('\nUNION ALL ');
}

function countsSql(queues: readonly QueueId[]): string {
  return `SELECT ${queues
    .map(
      (queue) => `(SELECT count(*)::int FROM reports r
   WHERE r.scope_path LIKE :prefix AND ${queueCondition(queue)}) AS "${queue}"`,
    )
    .join(',\n')}`;
}

/** The end of the local day containing `now`, in each of Indonesia's time zones. */
export function endsOfToday(now: number): Record<TimeZone, number> {
  const ends = {} as Record<TimeZone, number>;
  for (const tz of timeZones) ends[tz] = endOfLocalDay(localDayNumber(now, tz), tz);
  return ends;
}

// Every synced table, for the newest version the snapshot holds.
const VERSIONED_TABLES = [
  'reports',
  'dispositions',
  'responses',
  'notes',
  'citizen_messages',
  'audit_events',
  'agencies',
  'users',
  'categories',
  'templates',
  'saved_views',
  'tombstones',
];
const NEWEST_VERSION_SQL = `SELECT GREATEST(${VERSIONED_TABLES.map(
  (t) => `(SELECT max(version) FROM ${t})`,
).join(', ')}, 0)::bigint AS v`;

/**
 * The newest version in the snapshot. Not the sequence's last value: a write may have drawn a
 * version and not committed yet. Writers draw under one lock and commit in order, so every write
 * with a version up to this one is in the snapshot.
 */
async function newestVersion(tx: Queryable): Promise<number> {
  const { rows } = await tx.query<{ v: number }>(NEWEST_VERSION_SQL);
  return rows[0]?.v ?? 0;
}

interface StoredReport {
  id: string;
  version: number;
  doc: unknown;
  reporter: unknown;
}

/**
 * Reads the heads of `queues` for `scope` at `at`, in one read-only snapshot. The deadline
 * queues are judged at the start of the minute, as the client's inbox model judges them.
 */
export async function readHeads(
  db: Db,
  scope: CallerScope,
  queues: readonly QueueId[],
  at: number,
): Promise<HeadsResponse> {
  const now = deadlineClock(at);
  const ends = endsOfToday(now);
  const params: HeadsParams = {
    prefix: prefixPattern(scope.path),
    userId: scope.userId,
    now,
    endWIB: ends.WIB,
    endWITA: ends.WITA,
    endWIT: ends.WIT,
    endLatest: Math.max(ends.WIB, ends.WITA, ends.WIT),
  };
  const headsStatement = bind(headsSql(queues), { ...params });
  const countsStatement = bind(countsSql(queues), { ...params });
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const version = await newestVersion(tx);
    const reference = await referenceRows(tx, scope);
    if (queues.length === 0) return { rows: reference, counts: {}, version };
    const heads = await tx.query<{ queue: string; id: string }>(
      headsStatement.text,
      headsStatement.params,
    );
    const ids = [...new Set(heads.rows.map((row) => row.id))];
    const { rows: reports } = await tx.query<StoredReport>(
      'SELECT id, version, doc, reporter FROM reports WHERE id = ANY($1::text[])',
      [ids],
    );
    const countRows = await tx.query<Record<string, number>>(
      countsStatement.text,
      countsStatement.params,
    );
    const counts: Record<string, number> = {};
    for (const queue of queues) counts[queue] = countRows.rows[0]?.[queue] ?? 0;
    const byId = new Map(reports.map((row) => [row.id, row]));
    // In queue order, each report once: the first screen of the first queue arrives first.
    const reportRows: SyncRow[] = [];
    for (const id of ids) {
      const row = byId.get(id);
      if (row !== undefined) reportRows.push(reportChange(row, scope));
    }
    return { rows: [...reference, ...reportRows], counts, version };
  });
}

/** The queues a role works, by id, in sidebar order. */
export function queueIdsForRole(role: Parameters<typeof queuesForRole>[0]): QueueId[] {
  return queuesForRole(role).map((queue) => queue.id);
}
