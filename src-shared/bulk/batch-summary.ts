// A batch as the UI shows it after sync: which of its reports the server applied, superseded or
// rejected, which are still waiting for an answer, and what was skipped before anything was sent.

import { assertNever } from '../domain/assert-never';
import type { BatchRecord, BatchSummary } from './bulk-action';

/**
 * Sorts the batch's reports by the server's answer, in batch order. `total` counts the reports
 * the batch changes (its mutations); skipped reports are listed apart, they were never sent.
 * A batch withdrawn while held has nothing pending: its mutations were deleted unsent.
 */
export function summarizeBatch(record: BatchRecord): BatchSummary {
  const pending: string[] = [];
  const applied: string[] = [];
  const superseded: string[] = [];
  const rejected: string[] = [];
  for (const { reportId } of record.items) {
    const outcome = record.outcomes[reportId];
    switch (outcome) {
      case undefined:
        // A withdrawn batch never went out: nothing of it waits for the server.
        if (record.undo?.kind !== 'withdrawn') pending.push(reportId);
        break;
      case 'applied':
        applied.push(reportId);
        break;
      case 'superseded':
        superseded.push(reportId);
        break;
      case 'rejected':
        rejected.push(reportId);
        break;
      default:
        assertNever(outcome, 'batch outcome');
    }
  }
  return {
    id: record.id,
    action: record.action,
    createdAt: record.createdAt,
    holdUntil: record.holdUntil,
    total: record.items.length,
    pending,
    applied,
    superseded,
    rejected,
    skipped: record.skipped,
    undo: record.undo,
    compensates: record.compensates,
  };
}
