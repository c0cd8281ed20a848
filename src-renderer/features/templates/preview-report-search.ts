// Finding the report to preview a template against: a search over every status queue (a report of
// any status may get a reply), tracking numbers that match first.
import { reportStatuses } from '../../../src-shared/domain/report-status';
import type { ReportListRow } from '../../../src-shared/inbox/list-row';
import { defaultInboxQuery, type QueueId } from '../../../src-shared/inbox/queries';
import type { InboxService } from '../../sync/inbox-service';

/** Most reports the picker lists for one search. */
export const REPORT_RESULTS_MAX = 8;

/** One queue per status: together they hold every report exactly once. */
const statusQueues: readonly QueueId[] = reportStatuses;

function rank(row: ReportListRow, search: string): number {
  if (row.trackingId === search) return 0;
  if (row.trackingId.startsWith(search)) return 1;
  return 2;
}

export async function findPreviewReports(
  service: Pick<InboxService, 'query'>,
  search: string,
): Promise<ReportListRow[]> {
  const text = search.trim().replace(/^#/, '');
  if (text === '') return [];
  const pages = await Promise.all(
    statusQueues.map((queue) =>
      service.query({ ...defaultInboxQuery(queue), search: text }, 0, REPORT_RESULTS_MAX),
    ),
  );
  return pages
    .flatMap((page) => page.rows)
    .sort((a, b) => rank(a, text) - rank(b, text) || b.createdAt - a.createdAt)
    .slice(0, REPORT_RESULTS_MAX);
}
