// The contract between the inbox UI and the sync worker that owns the local database, the sync
// engine and the in-memory inbox model. The UI holds a proxy (client.ts) that forwards each call
// over postMessage; tests may use the implementation directly. Every call answers from local data
// only — none waits for the network — except `attachment`, which downloads a file not yet cached.

import type { SessionUser } from '../../src-shared/api/auth';
import type {
  BatchSummary,
  BulkRequest,
  BulkSkip,
  BatchUndo,
} from '../../src-shared/bulk/bulk-action';
import type { PresenceUser } from '../../src-shared/api/presence';
import type { Agency } from '../../src-shared/domain/agency';
import type { AuditEvent } from '../../src-shared/domain/audit-event';
import type { Category } from '../../src-shared/domain/category';
import type { Disposition } from '../../src-shared/domain/disposition';
import type { Note } from '../../src-shared/domain/note';
import type { Report } from '../../src-shared/domain/report';
import type { ReportResponse } from '../../src-shared/domain/response';
import type { SavedView } from '../../src-shared/domain/saved-view';
import type { Template } from '../../src-shared/domain/template';
import type { User } from '../../src-shared/domain/user';
import type { RoutingSuggestion } from '../../src-shared/routing/routing-model';
import type { ReportListRow } from '../../src-shared/inbox/list-row';
import type { InboxQuery, QueueCounts } from '../../src-shared/inbox/queries';
import type { Result } from '../../src-shared/result';
import type { CitizenMessage } from '../../src-shared/sync/citizen-message';
import type { ReviewItem } from '../../src-shared/sync/client/ports';
import type { SyncStatus } from '../../src-shared/sync/client/status';
import type { MutationError } from '../../src-shared/sync/mutation-error';
import type { MutationArgs, MutationName } from '../../src-shared/sync/protocol';

/** Routing suggestions for one report, or why there are none yet. */
export type RoutingAnswer =
  | {
      readonly status: 'ready';
      readonly suggestions: readonly RoutingSuggestion[];
      readonly trainedOn: number;
    }
  /** The model is being trained from local history (first use after start). */
  | { readonly status: 'learning' }
  /** No past dispositions to learn from. */
  | { readonly status: 'no-history' };

/** Which database to open and how to reach the server. */
export interface InboxSessionConfig {
  /** The server profile (server URL + user): one database per profile. */
  readonly profileId: string;
  readonly serverUrl: string;
  readonly token: string;
  readonly user: SessionUser;
}

export interface InboxPage {
  /** How many reports match the query in all. */
  readonly total: number;
  readonly offset: number;
  readonly rows: readonly ReportListRow[];
  /** Increases whenever the local data changes; a page of an older generation may be stale. */
  readonly generation: number;
}

export interface PendingChange {
  readonly mutationId: number;
  readonly name: MutationName;
  readonly at: number;
  readonly state: 'pending' | 'applied' | 'processed';
}

/** Everything the detail pane shows about one report, from local data. */
export interface ReportDetail {
  /** The report as the operator sees it: server state with pending changes applied. */
  readonly report: Report;
  readonly version: number;
  readonly pending: readonly PendingChange[];
  readonly dispositions: readonly Disposition[];
  readonly notes: readonly Note[];
  readonly responses: readonly ReportResponse[];
  readonly messages: readonly CitizenMessage[];
  readonly audit: readonly AuditEvent[];
}

export interface ReferenceData {
  readonly agencies: readonly Agency[];
  readonly users: readonly User[];
  readonly categories: readonly Category[];
  readonly templates: readonly Template[];
  /** The signed-in operator's saved views, by name (nobody else's ever reach the client). */
  readonly savedViews: readonly SavedView[];
}

/**
 * Why the local database cannot be used, with the way out. The outbox is exported before any
 * recovery that recreates the database.
 */
export interface LocalStoreProblem {
  readonly code:
    | 'local/quota-exceeded'
    | 'local/open-failed'
    | 'local/blocked'
    | 'local/deleted'
    | 'local/version-too-new';
  /** i18n key of the explanation shown to the operator. */
  readonly messageKey: string;
  readonly detail: string;
}

export type InboxEvent =
  | { readonly type: 'status'; readonly status: SyncStatus }
  /** Local data changed: re-run visible queries. `reportIds` when known (else everything). */
  | {
      readonly type: 'data';
      readonly generation: number;
      readonly counts: QueueCounts;
      readonly reportIds: readonly string[] | null;
    }
  | { readonly type: 'review'; readonly items: readonly ReviewItem[] }
  /** A batch was made, undone or answered by the server: re-read `batches()`. */
  | { readonly type: 'batches' }
  | { readonly type: 'problem'; readonly problem: LocalStoreProblem | null }
  /** Other people on a report (the receiver left out); empty when alone. */
  | {
      readonly type: 'presence';
      readonly reportId: string;
      readonly others: readonly PresenceUser[];
    };

export type ReviewChoice = 'reapply' | 'discard';

/** An attachment's content, ready to save. */
export interface AttachmentContent {
  readonly fileName: string;
  readonly mimeType: string;
  /** Transferred (not copied) from the sync worker: the receiver owns it. */
  readonly bytes: ArrayBuffer;
  /**
   * Whether a copy is kept on this device for offline reading: true when it was served from the
   * cache or stored after downloading; false when it could not be stored (the disk is full — a
   * 'local/quota-exceeded' problem event says so — or the database is unusable).
   */
  readonly cached: boolean;
}

export interface AttachmentError {
  /**
   * offline: not cached and the server cannot be reached; not-found: the report has no such
   * attachment here or on the server; failed: anything else (refused, damaged, wrong size/type).
   */
  readonly code: 'attachment/offline' | 'attachment/not-found' | 'attachment/failed';
  /** For logs and support (English); the UI shows its own text for the code. */
  readonly message: string;
}

/** What a bulk action would do: shown in its confirmation before anything is written. */
export interface BulkPreview {
  /** Reports the action applies to, in selection order (ids). */
  readonly applicable: readonly string[];
  /** The first few applicable reports, for the confirmation text. */
  readonly sample: readonly {
    readonly id: string;
    readonly trackingId: string;
    readonly title: string;
    /** For a reply: exactly the text this report's reporter would get. */
    readonly rendered?: string;
  }[];
  readonly skipped: readonly BulkSkip[];
}

/** A bulk action applied locally: one batch, held back from the server until `holdUntil`. */
export interface BulkRun {
  readonly batchId: string;
  readonly count: number;
  readonly skipped: readonly BulkSkip[];
  readonly holdUntil: number;
}

export interface BulkError {
  /**
   * empty: nothing in the selection applies; refused: a report was refused while applying (the
   * state changed since the preview; nothing was written); not-found: no such batch;
   * already-undone: the batch was undone before; failed: the local database failed.
   */
  readonly code:
    'bulk/empty' | 'bulk/refused' | 'bulk/not-found' | 'bulk/already-undone' | 'bulk/failed';
  readonly message: string;
  readonly reportId?: string;
  readonly reasonKey?: string;
}

/** How undo went: taken back before the push, or compensated after it. */
export type BulkUndoResult = Exclude<BatchUndo, null> & { readonly count: number };

export interface InboxService {
  /** A window of the reports matching `query`, in its order. */
  query(query: InboxQuery, offset: number, limit: number): Promise<InboxPage>;
  /** Every id matching `query` in order (select all in a queue/filter). */
  matchingIds(query: InboxQuery): Promise<readonly string[]>;
  counts(): Promise<QueueCounts>;
  report(id: string): Promise<ReportDetail | null>;
  reference(): Promise<ReferenceData>;
  /**
   * Applies the mutation locally (optimistic effect + outbox in one transaction) and schedules a
   * push. Refused locally (not allowed, wrong status) → error, nothing written.
   */
  mutate<N extends MutationName>(
    name: N,
    args: MutationArgs<N>,
  ): Promise<Result<{ mutationId: number }, MutationError>>;
  /** What `runBulk` would do now, from local data; writes nothing. */
  previewBulk(request: BulkRequest): Promise<BulkPreview>;
  /**
   * Applies the action to every applicable report of the selection as one batch: effects and
   * outbox entries in one local transaction, all or nothing; the rest are skipped with reasons.
   * The batch is held back from the server for `holdMs` (0: not held) so undo sends nothing.
   */
  runBulk(request: BulkRequest, holdMs: number): Promise<Result<BulkRun, BulkError>>;
  /**
   * Undoes a batch: withdrawn while held (nothing reaches the server), else compensating mutations
   * where the workflow allows, with the reports it could not reverse.
   */
  undoBatch(batchId: string): Promise<Result<BulkUndoResult, BulkError>>;
  /** Recent batches, newest first, with the server's answers so far. */
  batches(): Promise<readonly BatchSummary[]>;
  /** Where to dispose the report, learned from this agency's past dispositions (local only). */
  suggestRouting(reportId: string): Promise<RoutingAnswer>;
  review(): Promise<readonly ReviewItem[]>;
  /** reapply: a new mutation with the same intent on the current state; discard: drop it. */
  resolveReview(id: string, choice: ReviewChoice): Promise<Result<null, MutationError>>;
  status(): Promise<SyncStatus>;
  /** Push and pull now (the operator's "Sinkronkan sekarang"). */
  syncNow(): Promise<void>;
  /**
   * An attachment of a report (checked against the report's attachment metadata): from the local
   * cache when there, else downloaded with the session token, checked for size and type, cached.
   */
  attachment(
    reportId: string,
    attachmentId: string,
  ): Promise<Result<AttachmentContent, AttachmentError>>;
  /** The outbox and needs-review list as a JSON document, for safekeeping before a recovery. */
  exportOutbox(): Promise<string>;
  /** Recreates the local database after a problem, keeping the outbox (re-imported). */
  recover(): Promise<Result<null, LocalStoreProblem>>;
  /** Tells the server (when online) which report is on screen and whether it is being edited. */
  setPresence(reportId: string | null, editing: boolean): void;
  subscribe(listener: (event: InboxEvent) => void): () => void;
  close(): Promise<void>;
}
