// Bulk actions (issue 6): what an operator asks to do to many reports at once, what a batch of
// them records locally, and how a batch ended. Pure types; the planner turns an action into one
// mutation per report (bulk-plan.ts), the engine applies them all or nothing.

import type { ArchiveReason } from '../domain/archive-reason';
import type { ReportStatus } from '../domain/report-status';
import type { MutationReasonKey } from '../sync/mutation-error';
import type { WorkflowReasonKey } from '../domain/report-workflow';
import type { MutationName } from '../sync/protocol';

// ---------------------------------------------------------------------------------------------
// Actions

/**
 * Every bulk action, one variant each. Adding one means a variant here and a planner entry in
 * bulk-plan.ts; the compiler finds every other place. A reply and an approval read more than the
 * report (its rendering, its responses): the caller hands those to the planner (BulkPlanInput).
 */
export type BulkAction =
  /** verifyDispose for unverified reports, redispose for those already disposed. */
  | {
      readonly kind: 'dispose';
      readonly targetAgencyId: string;
      readonly targetUnitId?: string;
      readonly note?: string;
    }
  | { readonly kind: 'assign'; readonly assigneeId: string | null }
  | { readonly kind: 'tunda'; readonly messageToReporter: string }
  | { readonly kind: 'not_authority'; readonly reason: string }
  | {
      readonly kind: 'archive';
      readonly reason: ArchiveReason;
      readonly duplicateOf?: string;
      readonly note?: string;
    }
  /**
   * One report kept, every other selected report archived as `duplicate` of it; the kept report
   * gets a note naming them, and their reporters follow the kept report's replies.
   */
  | { readonly kind: 'merge'; readonly keepReportId: string }
  | { readonly kind: 'set_category'; readonly categoryId: string | null }
  /** Tags added to and removed from each report's own tags. */
  | {
      readonly kind: 'set_tags';
      readonly add: readonly string[];
      readonly remove: readonly string[];
    }
  | { readonly kind: 'set_privacy'; readonly rahasia: boolean; readonly anonim: boolean }
  | { readonly kind: 'add_note'; readonly body: string }
  /**
   * One template rendered per report and sent with `response.send` (a new response each):
   * submitted for approval, or published by someone who may publish. Reports whose rendering
   * leaves a variable empty are held back (skipped with `bulk.missing_values`), never sent.
   */
  | {
      readonly kind: 'reply';
      /** The library template it came from (null: written for this batch). */
      readonly templateId: string | null;
      readonly templateName: string;
      /** The template source as chosen and possibly edited in the dialog. */
      readonly body: string;
      readonly publish: boolean;
    }
  /** Each selected report's submitted response approved and published (`response.approve`). */
  | { readonly kind: 'approve_responses' };

export type BulkActionKind = BulkAction['kind'];

export const bulkActionKinds = [
  'dispose',
  'assign',
  'tunda',
  'not_authority',
  'archive',
  'merge',
  'set_category',
  'set_tags',
  'set_privacy',
  'add_note',
  'reply',
  'approve_responses',
] as const satisfies readonly BulkActionKind[];

export interface BulkRequest {
  readonly action: BulkAction;
  /** The selection, in the order it was made (duplicates ignored). */
  readonly reportIds: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Plans

/** Why a report is skipped or not undone, besides the mutators' own refusals (i18n keys). */
export const bulkReasonKeys = [
  /** The report is not in the local store. */
  'bulk.not_found',
  /** The action would leave the report as it is (tags, category, … already so). */
  'bulk.no_change',
  /** Merge: the report to keep is not among the selection (or not known here). */
  'bulk.keep_missing',
  /** Undo: no workflow move or edit takes the change back (notes, verification, …). */
  'bulk.not_reversible',
  /** Undo: the field was changed again after the batch; undoing would overwrite that. */
  'bulk.changed_since',
  /** Reply: the rendering leaves variables empty (listed in `variables`); held back. */
  'bulk.missing_values',
  /** Reply: the template does not parse or its snippets are missing (message says where). */
  'bulk.template_error',
  /** Approve: the report has no response waiting for approval. */
  'bulk.no_submitted_response',
] as const;
export type BulkReasonKey = (typeof bulkReasonKeys)[number];

/** A selected report the action does not apply to, with the reason shown to the operator. */
export interface BulkSkip {
  readonly reportId: string;
  /** Empty when the report is not in the local store at all. */
  readonly trackingId: string;
  readonly code: string;
  readonly reasonKey: WorkflowReasonKey | MutationReasonKey | BulkReasonKey;
  readonly message: string;
  /** For `bulk.missing_values`: the variables that rendered empty, once each. */
  readonly variables?: readonly string[];
}

/** The report's fields before the batch, for undoing it after it reached the server. */
export interface ReportBefore {
  readonly status: ReportStatus;
  readonly agencyId: string;
  readonly unitId: string | null;
  readonly assigneeId: string | null;
  readonly categoryId: string | null;
  readonly tags: readonly string[];
  readonly rahasia: boolean;
  readonly anonim: boolean;
}

/** One report of a batch: at most one mutation per report per batch. */
export interface BatchItem {
  readonly reportId: string;
  readonly trackingId: string;
  readonly name: MutationName;
  readonly before: ReportBefore;
}

// ---------------------------------------------------------------------------------------------
// Batches (kept locally, table `batches`)

export type BatchOutcome = 'applied' | 'superseded' | 'rejected';

export type BatchUndo =
  /** Taken back while held: nothing reached the server. */
  | { readonly kind: 'withdrawn'; readonly at: number }
  /** After the push: compensating mutations in batch `batchId`; what could not be reversed. */
  | {
      readonly kind: 'compensated';
      readonly at: number;
      readonly batchId: string;
      readonly irreversible: readonly BulkSkip[];
    };

export interface BatchRecord {
  /** The batch id every mutation of the batch carries in `args.batchId`. */
  readonly id: string;
  readonly action: BulkAction;
  readonly createdAt: number;
  /** Until when the batch is held back from the server (undo sends nothing); 0 if never held. */
  readonly holdUntil: number;
  readonly items: readonly BatchItem[];
  readonly skipped: readonly BulkSkip[];
  /** The server's answers so far, by report id (absent: not answered yet). */
  readonly outcomes: Readonly<Record<string, BatchOutcome>>;
  readonly undo: BatchUndo | null;
  /** The batch this one undoes (compensation), else null. */
  readonly compensates: string | null;
}

/** A batch as the UI shows it: counts and report ids per outcome. */
export interface BatchSummary {
  readonly id: string;
  readonly action: BulkAction;
  readonly createdAt: number;
  readonly holdUntil: number;
  readonly total: number;
  readonly pending: readonly string[];
  readonly applied: readonly string[];
  readonly superseded: readonly string[];
  readonly rejected: readonly string[];
  readonly skipped: readonly BulkSkip[];
  readonly undo: BatchUndo | null;
  readonly compensates: string | null;
}
