// Triage mode's moves: start on the first report of the queue; after each decision (an advancing
// action, see triage-store.ts) open the next one. The decided report usually leaves the queue,
// so the next one is then at the same index; if it stayed (a queue it still belongs to), the
// next one is one further. The list is asked afresh (not the windows on screen, which may still
// show the report before the change) for the rows at that index.
import { useInboxStore } from '../inbox/inbox-store';
import { useTriageStore } from './triage-store';

/** Starts triage mode on the first report of the current queue; `open` focuses its detail. */
export function startTriage(open: () => void): void {
  const inbox = useInboxStore.getState();
  const triage = useTriageStore.getState();
  triage.start();
  if (inbox.total === 0) {
    triage.finish();
    return;
  }
  inbox.selectIndex(0);
  open();
}

export function toggleTriage(open: () => void): void {
  if (useTriageStore.getState().isActive) useTriageStore.getState().stop();
  else startTriage(open);
}

/**
 * After a decision on `reportId`: opens the report that follows it in the queue, or ends triage
 * when there is none. Resolves whether the cursor moved (false also when triage ended, the
 * operator had moved on, or the query changed meanwhile).
 */
export async function advanceAfter(reportId: string): Promise<boolean> {
  const { service, query, epoch, selectedId, selectedIndex } = useInboxStore.getState();
  // A decision on a report other than the one triage opened (the operator moved with j/k): the
  // cursor is where the operator put it.
  if (service === null || selectedId !== reportId) return false;
  const index = selectedIndex ?? 0;
  const page = await service.query(query, index, 2);
  const inbox = useInboxStore.getState();
  const triage = useTriageStore.getState();
  if (!triage.isActive || inbox.epoch !== epoch || inbox.selectedId !== reportId) return false;
  const stayed = page.rows[0]?.id === reportId;
  const nextIndex = stayed ? index + 1 : index;
  const next = stayed ? page.rows[1] : page.rows[0];
  triage.countHandled();
  if (next === undefined) {
    triage.finish();
    return false;
  }
  inbox.selectReport(nextIndex, next.id);
  return true;
}

/** "3 of 20": the report on screen among those decided plus those left from the cursor on. */
export function triageProgress(
  handled: number,
  total: number | null,
  selectedIndex: number | null,
): { position: number; total: number } {
  const left = total === null ? 0 : Math.max(0, total - (selectedIndex ?? 0));
  return { position: handled + 1, total: handled + Math.max(left, 1) };
}
