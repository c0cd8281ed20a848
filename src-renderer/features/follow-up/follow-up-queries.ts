// What the follow-up list asks the inbox for: one query per follow-up status (the sidebar's queues
// are per status, and a query is always one queue) with the `dueWithinWorkingDays` filter, sorted
// by deadline; the answers are merged into one list ordered by deadline.
import { followUpStatuses, type FollowUpStatus } from '../../../src-shared/domain/follow-up';
import type { ReportListRow } from '../../../src-shared/inbox/list-row';
import type { InboxQuery } from '../../../src-shared/inbox/queries';

/** The windows the operator picks from, in working days. */
export const followUpWindows = [1, 3, 5, 10] as const;
export type FollowUpWindow = (typeof followUpWindows)[number];
export const DEFAULT_FOLLOW_UP_WINDOW: FollowUpWindow = 3;

export function isFollowUpWindow(value: unknown): value is FollowUpWindow {
  return (followUpWindows as readonly unknown[]).includes(value);
}

/**
 * Statuses whose deadline the agency owes the reporter: reminders count these. A responded
 * report's countdown needs nobody to act (it completes by itself), so it is listed, not reminded.
 */
export const owedStatuses = [
  'disposed',
  'in_progress',
] as const satisfies readonly FollowUpStatus[];

/** The statuses the list shows. */
export const listedStatuses: readonly FollowUpStatus[] = followUpStatuses;

export function followUpQuery(status: FollowUpStatus, days: number): InboxQuery {
  return {
    queue: status,
    sort: 'breach',
    direction: 'asc',
    filters: { dueWithinWorkingDays: days },
    search: '',
  };
}

export interface FollowUpList {
  /** The soonest deadlines first, at most the limit asked for. */
  readonly rows: readonly ReportListRow[];
  /** How many reports are due within the window in all. */
  readonly total: number;
}

/**
 * Merges the first `limit` rows of each status (each sorted by deadline) into the first `limit`
 * of all of them: whatever the other pages hold, nothing after a page's end can come earlier.
 */
export function mergeByDue(
  pages: readonly { readonly rows: readonly ReportListRow[]; readonly total: number }[],
  limit: number,
): FollowUpList {
  const rows = pages
    .flatMap((page) => page.rows)
    .sort(
      (a, b) =>
        (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) ||
        a.createdAt - b.createdAt ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .slice(0, limit);
  return { rows, total: pages.reduce((sum, page) => sum + page.total, 0) };
}
