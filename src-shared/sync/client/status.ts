// What the sync engine tells the operator about itself (status bar, initial-sync progress).

export type SyncConnection = 'unknown' | 'online' | 'offline' | 'unauthorized';

export interface InitialSyncProgress {
  /** Rows (all entities) applied since the initial sync began (including earlier runs). */
  readonly rowsDone: number;
  /** Rows the server said remained when this run started plus rowsDone then; null if unknown. */
  readonly rowsTotal: number | null;
  /** Estimated ms remaining from this run's throughput; null until it can be estimated. */
  readonly etaMs: number | null;
}

export interface SyncStatus {
  /** Judged from the outcome of real requests, not from navigator.onLine. */
  readonly connection: SyncConnection;
  /** Whether this window is the one that syncs (Web Lock holder). */
  readonly leader: boolean;
  readonly phase: 'idle' | 'pushing' | 'pulling';
  /** Mutations not yet confirmed by the server (pending + applied-but-not-pulled). */
  readonly pendingCount: number;
  readonly needsReviewCount: number;
  readonly lastSyncAt: number | null;
  /** Non-null while the first complete copy is being made. */
  readonly initialSync: InitialSyncProgress | null;
  /** When the next retry after a failure is due (client clock), else null. */
  readonly nextRetryAt: number | null;
  /** The last failure, for the status bar's tooltip; null after a success. */
  readonly lastError: string | null;
}

export const initialSyncStatus: SyncStatus = {
  connection: 'unknown',
  leader: false,
  phase: 'idle',
  pendingCount: 0,
  needsReviewCount: 0,
  lastSyncAt: null,
  initialSync: null,
  nextRetryAt: null,
  lastError: null,
};
