// The ports of the client sync engine (ARCHITECTURE.md, "Sync protocol"): where it keeps records,
// the outbox and the needs-review list (LocalStore), and how it reaches the server (Transport).
// Implemented by Dexie + fetch in the renderer's sync worker and by in-memory fakes in tests.

import type { BatchRecord } from '../../bulk/bulk-action';
import type { MutationErrorBodySchema, SyncRow, PulledChange } from '../protocol';
import type {
  HeadsResponse,
  Mutation,
  PullResponse,
  PushRequest,
  PushResponse,
  SyncEntity,
  VersionAnnouncement,
} from '../protocol';
import type { z } from 'zod';

// ---------------------------------------------------------------------------------------------
// Records

/** `<entity>:<id>`, the key of one synced record in the local store. */
export type RecordKey = `${SyncEntity}:${string}`;

export function recordKey(entity: SyncEntity, id: string): RecordKey {
  return `${entity}:${id}`;
}

/**
 * A record in two layers. `server` is the newest state pulled (never written by optimistic
 * effects). `local` is the optimistic overlay of pending mutations: a row, `null` when a pending
 * mutation deletes it, `undefined` when no pending mutation touches it. What the operator sees is
 * `local === undefined ? server : local`.
 */
export interface LayeredRecord {
  readonly server: SyncRow | null;
  readonly local: SyncRow | null | undefined;
}

export function effectiveRow(record: LayeredRecord | undefined): SyncRow | null {
  if (record === undefined) return null;
  return record.local === undefined ? record.server : record.local;
}

// ---------------------------------------------------------------------------------------------
// Meta, outbox, needs review

export interface SyncMeta {
  /** This database's client id (created with the database, never changes). */
  readonly clientId: string;
  /** The last server version applied to the server layer; 0 before the first pull. */
  readonly cursor: number;
  /** The id of the last mutation created here. Allocated inside the mutation's transaction. */
  readonly lastMutationId: number;
  /** When a pull last reached the end, by the client clock (for display only). */
  readonly lastSyncAt: number | null;
  /** True once a pull from cursor 0 reached `hasMore: false`. */
  readonly initialSyncComplete: boolean;
}

/**
 * - `pending`: not acknowledged by the server yet; pushed (again) on the next round.
 * - `applied`: the server applied it at `appliedVersion`. Still replayed over the server layer
 *   until the pull cursor reaches that version (then the server layer holds its effect).
 * - `processed`: the server had already processed it (`duplicate`: an earlier answer was lost),
 *   outcome unknown; dropped after the next pull that reaches the end.
 */
export type OutboxState = 'pending' | 'applied' | 'processed';

export interface OutboxEntry {
  readonly mutation: Mutation;
  readonly state: OutboxState;
  readonly appliedVersion: number | null;
  /** Every record whose local layer the mutation's optimistic effect wrote (for rebase). */
  readonly keys: readonly RecordKey[];
  /** Failed push attempts of the round trips that carried it (for display). */
  readonly attempts: number;
  /**
   * Until when (epoch ms, engine clock) the entry is held back from the server so its batch can
   * still be withdrawn; 0 when not held. Pushing stops at the first held entry (ids stay in order).
   */
  readonly holdUntil: number;
}

export type MutationErrorBody = z.infer<typeof MutationErrorBodySchema>;

/** A mutation the server did not apply, kept for the operator: never silently dropped. */
export interface ReviewItem {
  /** `<clientId>:<mutationId>`. */
  readonly id: string;
  /** superseded: someone changed the record meanwhile. rejected: refused for good, with reason. */
  readonly kind: 'superseded' | 'rejected';
  /** The operator's intent, exactly as it was sent. */
  readonly mutation: Mutation;
  readonly error: MutationErrorBody;
  /** The record as it is now on the server (superseded), when the caller may still see it. */
  readonly current: SyncRow | null;
  /** The record as the operator's change made it locally, for the side-by-side view. */
  readonly intended: SyncRow | null;
  /** When the server's answer arrived (client clock, display only). */
  readonly at: number;
}

// ---------------------------------------------------------------------------------------------
// LocalStore

/** Reads and writes inside one atomic transaction of the local store. */
export interface StoreTx {
  getMeta(): Promise<SyncMeta>;
  setMeta(patch: Partial<Omit<SyncMeta, 'clientId'>>): Promise<void>;

  /**
   * Both layers of each record asked for (absent keys are left out of the map). `reportOf` may
   * name, for children whose report is known (a mutation's new response or note), the report
   * whose records to read them from, so that a new child is not looked up store-wide first.
   */
  getRecords(
    keys: readonly RecordKey[],
    reportOf?: ReadonlyMap<RecordKey, string>,
  ): Promise<Map<RecordKey, LayeredRecord>>;
  /**
   * Every record of each report (the report and its children: dispositions, responses, notes,
   * citizen messages, audit events), both layers, by report id; reports with no record are left
   * out. A batch planned on what it reads here applies without reading the reports again.
   */
  getReportRecords(
    reportIds: readonly string[],
  ): Promise<Map<string, Map<RecordKey, LayeredRecord>>>;
  /**
   * Writes pulled rows and tombstones to the server layer, in the given (version) order. A row
   * replaces an older version only; a tombstone drops the record, and a report's tombstone drops
   * its children (dispositions, responses, notes, citizen messages, audit events) too. Local
   * layers are left as they are (the engine rebases them).
   */
  applyServerChanges(changes: readonly PulledChange[]): Promise<void>;
  /** Sets the local layer of records: a row, `null` (deleted locally) or `undefined` (cleared). */
  setLocal(entries: readonly { key: RecordKey; row: SyncRow | null | undefined }[]): Promise<void>;

  /** The outbox in mutation id order. */
  listOutbox(): Promise<OutboxEntry[]>;
  putOutbox(entries: readonly OutboxEntry[]): Promise<void>;
  deleteOutbox(mutationIds: readonly number[]): Promise<void>;

  listReview(): Promise<ReviewItem[]>;
  putReview(items: readonly ReviewItem[]): Promise<void>;
  deleteReview(ids: readonly string[]): Promise<void>;

  /** The bulk-action batch `id`, null when there is none (never made, or pruned). */
  getBatch(id: string): Promise<BatchRecord | null>;
  /** Writes batch records, replacing those with the same id. */
  putBatches(records: readonly BatchRecord[]): Promise<void>;
  /** Up to `limit` batch records, newest `createdAt` first (ties: greater id first). */
  listBatches(limit: number): Promise<BatchRecord[]>;
  /** Deletes every batch record but the `keep` first of listBatches' order. */
  pruneBatches(keep: number): Promise<void>;
}

export interface LocalStore {
  /**
   * Runs `fn` in one read-write transaction over the whole store: every write lands or none
   * does. `fn` awaits only the transaction's own operations (no network, no timers).
   */
  transact<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  /**
   * Effective reference rows (agency, user, category, template, saved view), for the mutator
   * context and the reference data the UI shows.
   */
  listReference(): Promise<SyncRow[]>;
}

// ---------------------------------------------------------------------------------------------
// Transport

/**
 * Why a request failed. `offline`: no HTTP answer (network down, DNS, refused, aborted by
 * timeout). `server`: 5xx or an unreadable answer. Both are temporary: retry with backoff.
 * `unauthorized`: 401, the session is gone (stop and ask the operator to sign in again).
 * `client`: another 4xx (a bug or an incompatible server; stop retrying that request).
 */
export interface TransportFailure {
  readonly kind: 'offline' | 'server' | 'unauthorized' | 'client';
  readonly status?: number;
  readonly message: string;
}

export type TransportResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: TransportFailure };

export interface PullArgs {
  readonly cursor: number;
  readonly limit: number;
  /** Ask the server for `remaining` (first page of a run). */
  readonly withTotal?: boolean;
}

export interface Transport {
  pull(args: PullArgs): Promise<TransportResult<PullResponse>>;
  push(request: PushRequest): Promise<TransportResult<PushResponse>>;
  /** The first screen of every queue, for an empty store (optional: servers before heads). */
  heads?(): Promise<TransportResult<HeadsResponse>>;
  /**
   * Subscribes to the server's version announcements (SSE). `onState` reports whether the stream
   * is connected. Returns the unsubscribe function. Optional: without it the engine polls.
   */
  subscribe?(
    onAnnouncement: (announcement: VersionAnnouncement) => void,
    onState: (connected: boolean) => void,
  ): () => void;
}

/** Timers, injectable so tests and simulation control them. */
export interface Scheduler {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}
