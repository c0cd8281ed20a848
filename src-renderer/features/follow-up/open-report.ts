// Opening a report from the follow-up list: the inbox goes to the report's status queue and puts
// the cursor on it, so the detail pane, its actions and j/k work as for any report. The operator's
// filters and search stay when the report passes them; otherwise the queue is shown unfiltered.
import type { ReportListRow } from '../../../src-shared/inbox/list-row';
import { defaultInboxQuery, type QueueId } from '../../../src-shared/inbox/queries';
import { useInboxStore } from '../inbox/inbox-store';
import { useNavigationStore } from '../shell/navigation-store';

/** Where the report sits in the inbox's current query, or -1 (asked afresh, not from windows). */
async function indexInQuery(id: string): Promise<number> {
  const { service, query } = useInboxStore.getState();
  if (service === null) return -1;
  const ids = await service.matchingIds(query);
  return ids.indexOf(id);
}

/**
 * Selects `row`'s report in its status queue. Resolves false when it is no longer there (its
 * status changed since the list was read) or no inbox is attached.
 */
export async function openReportInInbox(
  row: Pick<ReportListRow, 'id' | 'status'>,
): Promise<boolean> {
  // Every status is a queue of the same name.
  const queue: QueueId = row.status;
  if (useInboxStore.getState().service === null) return false;
  useNavigationStore.getState().selectQueue(queue);
  useInboxStore.getState().setQueue(queue);
  let index = await indexInQuery(row.id);
  if (index < 0) {
    const { query } = useInboxStore.getState();
    const unfiltered = defaultInboxQuery(queue);
    if (query.search === '' && Object.keys(query.filters).length === 0) return false;
    useInboxStore
      .getState()
      .setQuery({ ...unfiltered, sort: query.sort, direction: query.direction });
    index = await indexInQuery(row.id);
    if (index < 0) return false;
  }
  useInboxStore.getState().selectReport(index, row.id);
  return true;
}
