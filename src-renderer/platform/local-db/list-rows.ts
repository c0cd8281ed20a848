// The `list` table: one slim row per report carrying every queue index. Null key parts are stored
// as sentinels (IndexedDB silently leaves such rows out of compound indexes) and converted back on
// read, so callers see ReportListRow with its nulls. Queue pages use keyset paging: an offset
// costs ~7 ms per 1,000 rows skipped at 100k, a keyset page ~4 ms at any depth.

import { Dexie } from 'dexie';
import type { ReportListRow } from '../../../src-shared/inbox/list-row';
import type { ReportStatus } from '../../../src-shared/domain/report-status';
import { NO_ASSIGNEE, NO_DUE_AT, type PoskoDexie, type StoredListRow } from './schema';

export function toStoredListRow(row: ReportListRow): StoredListRow {
  return {
    ...row,
    dueAt: row.dueAt ?? NO_DUE_AT,
    assigneeId: row.assigneeId ?? NO_ASSIGNEE,
    pending: row.pending ? 1 : 0,
    awaitingApproval: row.awaitingApproval ? 1 : 0,
  };
}

export function fromStoredListRow(stored: StoredListRow): ReportListRow {
  return {
    ...stored,
    dueAt: stored.dueAt === NO_DUE_AT ? null : stored.dueAt,
    assigneeId: stored.assigneeId === NO_ASSIGNEE ? null : stored.assigneeId,
    pending: stored.pending === 1,
    awaitingApproval: stored.awaitingApproval === 1,
  };
}

/** Whether two stored rows are the same (skips rewriting unchanged rows). */
export function sameStoredListRow(a: StoredListRow, b: StoredListRow): boolean {
  const keys = Object.keys(a) as (keyof StoredListRow)[];
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** Where the previous page of a `[status+dueAt]` queue ended. */
export interface DueCursor {
  readonly dueAt: number | null;
  readonly id: string;
}

/**
 * One page of the reports in `status` by deadline (soonest first, no deadline last, then id),
 * starting after `after`: a keyset page through the `[status+dueAt]` index.
 */
export async function queuePageByDue(
  db: PoskoDexie,
  status: ReportStatus,
  limit: number,
  after: DueCursor | null = null,
): Promise<ReportListRow[]> {
  const fromDue = after === null ? Dexie.minKey : (after.dueAt ?? NO_DUE_AT);
  const rows = await db.list
    .where('[status+dueAt]')
    .between([status, fromDue], [status, Dexie.maxKey], true, true)
    // Rows sharing the cursor's deadline come in id order; skip up to the cursor's id.
    .filter((row) => after === null || row.dueAt !== fromDue || row.id > after.id)
    .limit(limit)
    .toArray();
  return rows.map(fromStoredListRow);
}
