// The contract of the renderer's local database (Dexie, one per server profile and user): the
// sync engine's LocalStore port plus what the sync worker reads to serve the inbox.
// Implementation: dexie-local-db.ts.

import type { ReportListRow } from '../../../src-shared/inbox/list-row';
import type {
  LayeredRecord,
  LocalStore,
  OutboxEntry,
  RecordKey,
  ReviewItem,
  SyncMeta,
} from '../../../src-shared/sync/client/ports';
import type { LocalStoreProblem } from '../../sync/inbox-service';
import type { ReportHistory } from './anchors';
import type { AttachmentRecord } from './schema';

export type { AttachmentRecord };

export interface ReportChange {
  readonly id: string;
  /** The report's list row as the operator now sees it, or null when it left the store. */
  readonly row: ReportListRow | null;
  /** Its searchable text (tracking id, title, body, location), null when removed. */
  readonly searchText: string | null;
}

/** What one committed transaction (here or in another window) changed. */
export interface StoreChange {
  readonly reports: readonly ReportChange[];
  readonly reference: boolean;
  readonly outbox: boolean;
  readonly review: boolean;
  readonly origin: 'this-window' | 'other-window';
}

export interface PoskoLocalDb extends LocalStore {
  readonly name: string;
  /** Called after each committed transaction that changed something (and for other windows'). */
  subscribe(listener: (change: StoreChange) => void): () => void;
  /**
   * Called once when the database becomes unusable under us (deleted, closed by the browser, or
   * upgraded by a newer app in another window); every call fails with that problem from then on.
   * Optional: stores that cannot fail this way (in-memory fakes) leave it out.
   */
  onProblem?(listener: (problem: LocalStoreProblem) => void): () => void;
  meta(): Promise<SyncMeta>;
  /** Every report's list row (builds the in-memory model at start when no snapshot fits). */
  allListRows(): Promise<ReportListRow[]>;
  /** Every report's searchable text, in batches (rebuilds the search index when needed). */
  forEachSearchText(
    batchSize: number,
    fn: (batch: readonly { id: string; text: string }[]) => void,
  ): Promise<void>;
  /**
   * The server layer's reports whose id is `wanted`, with their dispositions, in batches; `fn`
   * runs between read transactions (it may take its time). For routing suggestions.
   */
  forEachReportHistory(
    batchSize: number,
    wanted: (reportId: string) => boolean,
    fn: (batch: readonly ReportHistory[]) => Promise<void> | void,
  ): Promise<void>;
  /** The report's record and its children's records (both layers), or null when unknown. */
  reportRecords(reportId: string): Promise<Map<RecordKey, LayeredRecord> | null>;
  /**
   * `reportRecords` of many reports in one read transaction, every anchor read at once; unknown
   * reports are left out of the map.
   */
  reportsRecords(reportIds: readonly string[]): Promise<Map<string, Map<RecordKey, LayeredRecord>>>;
  outbox(): Promise<OutboxEntry[]>;
  review(): Promise<ReviewItem[]>;
  /** A persisted blob (search index, model snapshot) with the cursor it was made at. */
  getSnapshot(name: string): Promise<{ cursor: number; value: unknown } | null>;
  putSnapshot(name: string, cursor: number, value: unknown): Promise<void>;
  /** A cached attachment, or null when it was never downloaded here. */
  getAttachment(id: string): Promise<AttachmentRecord | null>;
  /**
   * Caches a downloaded attachment (replacing an older copy). A full disk throws a LocalStoreError
   * with 'local/quota-exceeded'; nothing else is affected (it is a transaction of its own).
   */
  putAttachment(record: AttachmentRecord): Promise<void>;
  /** The outbox and review list as a JSON document (readable even when writes fail). */
  exportOutbox(): Promise<string>;
  close(): void;
}

export type OpenLocalDbResult =
  | { readonly ok: true; readonly value: PoskoLocalDb }
  | { readonly ok: false; readonly error: LocalStoreProblem };
