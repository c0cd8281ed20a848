// Test data for the bulk planner and its undo: numbered reports in every status the bulk actions
// meet, the planner's context, and applying a plan the way the engine does (one mutator run per
// report), so a test can check what a batch and its compensation leave behind.

import type {
  BatchOutcome,
  BatchRecord,
  BulkAction,
} from '../../../../src-shared/bulk/bulk-action';
import type { BulkPlan, PlannedMutation } from '../../../../src-shared/bulk/bulk-plan';
import type { Report } from '../../../../src-shared/domain/report';
import type { ReportStatus } from '../../../../src-shared/domain/report-status';
import { emptyMutatorState, runMutator } from '../../../../src-shared/sync/mutators';
import { NOW, at, consistent, ctxFor, makeReport, user } from '../sync/sync-fixtures';

export { NOW, at, ctxFor, user };

export const adminBandung = user('admin_instansi', 'kota-bandung', 'admin-bandung');
export const adminDinkes = user('admin_instansi', 'dinkes', 'admin-dinkes');
export const operatorYankes = user('operator_unit', 'dinkes-yankes', 'op-yankes');

/** The planner's context for `actor` (the planner sets the id prefix per report itself). */
export const planCtx = (actor = adminBandung) => ctxFor(actor);

export const trackingOf = (n: number): string => String(1916000 + n);

/**
 * Report `r-<n>` (tracking 1916000 + n) in `status`, with the fields that status implies:
 * unverified and pending_info at kota-bandung, later statuses disposed to dinkes / dinkes-yankes,
 * not_authority declined by dinkes, closed ones closed.
 */
export function reportIn(status: ReportStatus, n: number, overrides: Partial<Report> = {}): Report {
  const disposedAt = at('2025-02-03T11:00');
  const base = { id: `r-${String(n)}`, trackingId: trackingOf(n), status };
  const byStatus: Record<ReportStatus, Partial<Report>> = {
    unverified: {},
    pending_info: { pausedAt: at('2025-02-03T10:00') },
    disposed: { agencyId: 'dinkes', unitId: 'dinkes-yankes', disposedAt },
    in_progress: { agencyId: 'dinkes', unitId: 'dinkes-yankes', disposedAt },
    responded: {
      agencyId: 'dinkes',
      unitId: 'dinkes-yankes',
      disposedAt,
      firstResponseAt: disposedAt,
      respondedAt: disposedAt,
    },
    completed: {
      agencyId: 'dinkes',
      unitId: 'dinkes-yankes',
      disposedAt,
      firstResponseAt: disposedAt,
      respondedAt: disposedAt,
      closedAt: at('2025-02-03T12:00'),
    },
    not_authority: { agencyId: 'dinkes', unitId: null, disposedAt },
    archived: { archiveReason: 'too_general', closedAt: at('2025-02-03T12:00') },
  };
  return consistent(makeReport({ ...base, ...byStatus[status], ...overrides }));
}

export const selection = (reports: readonly (Report | { id: string; report: null })[]) =>
  reports.map((r) => ('report' in r ? r : { id: r.id, report: r }));

/** Ids `n-1`, `n-2`, … */
export function idSource(prefix = 'n'): () => string {
  let next = 0;
  return () => `${prefix}-${String(++next)}`;
}

/** The reports after each planned mutation ran on its report, as the engine applies a batch. */
export function applyPlan(
  items: readonly PlannedMutation[],
  reports: ReadonlyMap<string, Report>,
  actor = adminBandung,
): Map<string, Report> {
  const after = new Map(reports);
  items.forEach((item, i) => {
    const reportId = item.args.reportId;
    const report = after.get(reportId) ?? null;
    const result = runMutator(
      { ...emptyMutatorState, report },
      item,
      ctxFor(actor, { idPrefix: `apply:${String(i)}` }),
    );
    if (!result.ok) throw new Error(`${item.name} on ${reportId}: ${result.error.message}`);
    if (result.value.report !== null) after.set(reportId, result.value.report);
  });
  return after;
}

export const byId = (reports: readonly Report[]): Map<string, Report> =>
  new Map(reports.map((r) => [r.id, r]));

/** The batch a plan made, with the server's answers so far. */
export function batchOf(
  action: BulkAction,
  plan: BulkPlan,
  outcomes: Record<string, BatchOutcome> = {},
  compensates: string | null = null,
): BatchRecord {
  return {
    id: 'batch-1',
    action,
    createdAt: NOW,
    holdUntil: 0,
    items: plan.batchItems,
    skipped: plan.skipped,
    outcomes,
    undo: null,
    compensates,
  };
}

/** Every item of the batch answered `outcome`. */
export function allAnswered(plan: BulkPlan, outcome: BatchOutcome): Record<string, BatchOutcome> {
  return Object.fromEntries(plan.batchItems.map((item) => [item.reportId, outcome]));
}
