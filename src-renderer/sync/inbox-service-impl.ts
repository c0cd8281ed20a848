// The InboxService as the sync worker runs it: the profile's local database, the sync engine (run
// only by the window that holds the sync lock), and the in-memory inbox model and search index
// that answer every query without touching IndexedDB. Store changes (pulls, this window's and
// other windows' mutations) flow into the model and out as 'data' events.

import { PRESENCE_HEARTBEAT_MS, type PresenceAnnouncement } from '../../src-shared/api/presence';
import { userActor } from '../../src-shared/domain/actor';
import type { Agency } from '../../src-shared/domain/agency';
import type { Attachment } from '../../src-shared/domain/report';
import type { Category } from '../../src-shared/domain/category';
import type { Template } from '../../src-shared/domain/template';
import type { User } from '../../src-shared/domain/user';
import {
  createInboxModel,
  isInboxModelSnapshot,
  restoreInboxModel,
  type InboxModel,
  type InboxModelContext,
} from '../../src-shared/inbox/inbox-model';
import { toListRow, type ReportListRow } from '../../src-shared/inbox/list-row';
import {
  defaultInboxQuery,
  queueIds,
  type QueueCounts,
  type QueueId,
} from '../../src-shared/inbox/queries';
import {
  createSearchIndex,
  isSerializedSearchIndex,
  restoreSearchIndex,
  type SearchIndex,
} from '../../src-shared/inbox/search-index';
import type { Clock, Ids } from '../../src-shared/ports';
import { err, ok, type Result } from '../../src-shared/result';
import type { CitizenMessage } from '../../src-shared/sync/citizen-message';
import { createSyncEngine, type SyncEngine } from '../../src-shared/sync/client/engine';
import {
  effectiveRow,
  type LocalStore,
  type Scheduler,
  type Transport,
  type TransportFailure,
} from '../../src-shared/sync/client/ports';
import { referenceFromRows, savedViewsOf } from '../../src-shared/sync/client/reference';
import { initialSyncStatus, type SyncStatus } from '../../src-shared/sync/client/status';
import { mutationError, type MutationError } from '../../src-shared/sync/mutation-error';
import { mutationTarget } from '../../src-shared/sync/mutators';
import type { SyncRow } from '../../src-shared/sync/protocol';
import type { OpenLocalDbResult, PoskoLocalDb, StoreChange } from '../platform/local-db/local-db';
import {
  EXPORT_UNREADABLE_MESSAGE_KEY,
  localStoreProblemOf,
} from '../platform/local-db/local-db-problems';
import type { AttachmentTransport } from './http-transport';
import type {
  AttachmentContent,
  AttachmentError,
  InboxEvent,
  InboxPage,
  BulkError,
  InboxService,
  InboxSessionConfig,
  LocalStoreProblem,
  PendingChange,
  ReferenceData,
  ReportDetail,
} from './inbox-service';
import {
  electLeader,
  openSyncChannel,
  type BroadcastChannelLike,
  type LeaderElection,
  type LockManagerLike,
  type SyncChannel,
} from './leader';
import { createBulkOperations, type BulkOperations } from './bulk-operations';
import { createPresenceReporter, type PresenceReporter } from './presence-reporter';
import { createRoutingService, ROUTING_BATCH, type RoutingService } from './routing-service';

/** Data events during a pull are coalesced to at most one per this many ms. */
export const DATA_EVENT_THROTTLE_MS = 50;
/** How long after the last indexed change the search index merges its recent changes. */
const COMPACT_AFTER_MS = 500;

/** After the initial sync, the model and search snapshots are rewritten at most this often. */
export const SNAPSHOT_INTERVAL_MS = 5 * 60_000;
/** A data event naming more reports than this names none (re-run everything). */
const MAX_EVENT_IDS = 2_000;
const SEARCH_BATCH = 2_000;

export const MODEL_SNAPSHOT = 'inbox-model';
export const SEARCH_SNAPSHOT = 'search-index';

/** What the transport may add for presence (the HTTP transport has both). */
export interface PresenceTransport {
  postPresence(request: { reportId: string | null; editing: boolean }): Promise<{ ok: boolean }>;
  subscribePresence(listener: (announcement: PresenceAnnouncement) => void): () => void;
}

export interface InboxServiceDeps {
  /** Opens (creating when needed) the database named. */
  openDb(name: string): Promise<OpenLocalDbResult>;
  /** Recreates the database named and re-imports the exported outbox into it. */
  recoverDb(name: string, exportedOutbox: string): Promise<OpenLocalDbResult>;
  /** The database's name for a profile and user (one database each). */
  dbName(profileId: string, userId: string): string;
  readonly transport: Transport &
    Partial<PresenceTransport> &
    Partial<AttachmentTransport> & { close?: () => void };
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  readonly random: () => number;
  /** navigator.locks; absent → this window leads. */
  readonly locks?: LockManagerLike;
  /** Opens a BroadcastChannel; absent → no messages between windows. */
  readonly openChannel?: (name: string) => BroadcastChannelLike;
  /**
   * Calls the listener when the device's network comes back (the `online` event); returns the
   * unsubscribe. Absent → the next retry (backoff) or the live stream's reconnect finds out.
   */
  readonly onNetworkOnline?: (listener: () => void) => () => void;
  /** Engine tuning (tests, simulation). */
  readonly engine?: { readonly pageSize?: number; readonly pollMs?: number };
  readonly presenceHeartbeatMs?: number;
  /** Ids of batches and the records bulk actions create; default random UUIDs. */
  readonly ids?: Ids;
}

// ---------------------------------------------------------------------------------------------
// Snapshots

interface ModelSnapshotValue {
  /** The store's state the snapshot belongs to; it is used only when the store still is there. */
  readonly signature: string;
  readonly model: unknown;
}

/** What the model depends on besides pulled rows: this window's and others' pending changes. */
async function storeSignature(db: PoskoLocalDb): Promise<string> {
  const [meta, outbox, review] = await Promise.all([db.meta(), db.outbox(), db.review()]);
  return JSON.stringify([
    meta.cursor,
    meta.lastMutationId,
    outbox.map((e) => [e.mutation.id, e.state, e.appliedVersion]),
    review.map((r) => r.id),
  ]);
}

function isModelSnapshotValue(value: unknown): value is ModelSnapshotValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { signature?: unknown }).signature === 'string' &&
    'model' in value
  );
}

// ---------------------------------------------------------------------------------------------
// Reference

interface LocalReference {
  readonly data: ReferenceData;
  readonly agencies: ReadonlyMap<string, Agency>;
  readonly categories: ReadonlyMap<string, Category>;
}

function referenceOf(rows: readonly SyncRow[], userId: string): LocalReference {
  const built = referenceFromRows(rows);
  const templates: Template[] = [];
  for (const row of rows) if (row.entity === 'template') templates.push(row.data);
  return {
    data: {
      agencies: [...built.agencies.values()],
      users: [...built.users.values()] as User[],
      categories: [...built.categories.values()],
      templates,
      savedViews: savedViewsOf(rows, userId),
    },
    agencies: built.agencies,
    categories: built.categories,
  };
}

// ---------------------------------------------------------------------------------------------
// The service

const storageMutationError = (problem: LocalStoreProblem): MutationError =>
  mutationError(
    'mutation/invalid',
    'mutation.unknown',
    `The local database could not save the change (${problem.code}): ${problem.detail}`,
  );

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const attachmentError = (code: AttachmentError['code'], message: string): AttachmentError => ({
  code,
  message,
});

function downloadError(failure: TransportFailure): AttachmentError {
  switch (failure.kind) {
    case 'offline':
      return attachmentError('attachment/offline', failure.message);
    case 'client':
      return failure.status === 404
        ? attachmentError('attachment/not-found', failure.message)
        : attachmentError('attachment/failed', failure.message);
    case 'unauthorized':
      return attachmentError(
        'attachment/failed',
        `The server refused the session; sign in again (${failure.message})`,
      );
    case 'server':
      return attachmentError('attachment/failed', failure.message);
  }
}

/** Whether `mimeType` names the same media type as the metadata's (case and parameters aside). */
function sameMediaType(mimeType: string, expected: string): boolean {
  const bare = (value: string) => value.split(';')[0]?.trim().toLowerCase() ?? '';
  return bare(mimeType) === bare(expected);
}

/** One opened database with everything built on it; recover() replaces it whole. */
interface Runtime {
  readonly db: PoskoLocalDb;
  readonly engine: SyncEngine;
  readonly model: InboxModel;
  readonly search: SearchIndex;
  reference: LocalReference;
  readonly election: LeaderElection;
  readonly channel: SyncChannel;
  readonly unsubscribes: (() => void)[];
  /** The leader's status as broadcast, shown by a follower. */
  leaderStatus: SyncStatus | null;
  initialSyncComplete: boolean;
  snapshotDirty: boolean;
  lastSnapshotAt: number;
  snapshotTimer: unknown;
  isSnapshotting: boolean;
  /** Merges the search index's recent changes once things are quiet (searches stay fast). */
  compactTimer: unknown;
}

export async function createInboxService(
  config: InboxSessionConfig,
  deps: InboxServiceDeps,
): Promise<Result<InboxService, LocalStoreProblem>> {
  const name = deps.dbName(config.profileId, config.user.id);
  const opened = await deps.openDb(name);
  if (!opened.ok) return opened;

  const listeners = new Set<(event: InboxEvent) => void>();
  const emit = (event: InboxEvent): void => {
    for (const listener of [...listeners]) listener(event);
  };
  let problem: LocalStoreProblem | null = null;
  let isClosed = false;

  function reportProblem(error: unknown): LocalStoreProblem | null {
    const found = localStoreProblemOf(error, 'use');
    if (found === null) return null;
    problem = found;
    emit({ type: 'problem', problem: found });
    return found;
  }
  function clearProblem(): void {
    if (problem === null || problem.code !== 'local/quota-exceeded') return;
    problem = null;
    emit({ type: 'problem', problem: null });
  }

  // ---- data events -------------------------------------------------------------------------

  let pendingIds: Set<string> | null = new Set();
  let hasPendingData = false;
  let dataTimer: unknown = null;
  let lastDataAt = -Infinity;

  function flushData(): void {
    if (dataTimer !== null) deps.scheduler.clearTimeout(dataTimer);
    dataTimer = null;
    if (!hasPendingData || runtime === null) return;
    const ids = pendingIds === null || pendingIds.size > MAX_EVENT_IDS ? null : [...pendingIds];
    hasPendingData = false;
    pendingIds = new Set();
    lastDataAt = deps.clock.now();
    emit({
      type: 'data',
      generation: runtime.model.generation,
      counts: countsOf(runtime),
      reportIds: ids,
    });
  }

  // ---- optimistic rows ----------------------------------------------------------------------

  /**
   * Reports shown changed before their mutation's transaction committed, with the list row each
   * had before (undefined: not in the model), to put back when the transaction does not commit.
   */
  const shownBeforeCommit = new Map<string, ReportListRow | undefined>();

  /** The engine's optimistic rows of a mutation: in the list at once (offline action ≤ 30 ms). */
  function showLocalEffect(rows: readonly SyncRow[]): void {
    const rt = runtime;
    if (rt === null) return;
    const upserts: ReportListRow[] = [];
    for (const row of rows) {
      if (row.entity !== 'report') continue;
      const before = rt.model.row(row.id);
      if (!shownBeforeCommit.has(row.id)) shownBeforeCommit.set(row.id, before);
      // awaitingApproval and the version are the store's to derive: kept until its change event.
      upserts.push(
        toListRow(row.data, {
          version: before?.version ?? row.version,
          pending: true,
          awaitingApproval: before?.awaitingApproval ?? false,
        }),
      );
    }
    if (upserts.length === 0) return;
    rt.model.upsert(upserts);
    // The engine hands over a whole batch's rows at once (bulk actions): one event shows them.
    queueData(
      upserts.map((row) => row.id),
      true,
    );
  }

  /** After a mutation settled: keep what committed (the store's event has it), undo the rest. */
  function settleLocalEffect(committed: boolean): void {
    const rt = runtime;
    if (rt !== null && !committed && shownBeforeCommit.size > 0) {
      const restore: ReportListRow[] = [];
      const remove: string[] = [];
      for (const [id, before] of shownBeforeCommit) {
        if (before === undefined) remove.push(id);
        else restore.push(before);
      }
      if (remove.length > 0) rt.model.remove(remove);
      if (restore.length > 0) rt.model.upsert(restore);
      queueData([...shownBeforeCommit.keys()], true);
    }
    shownBeforeCommit.clear();
  }

  /**
   * Runs a local mutation: the optimistic rows it showed are kept or undone by its outcome, the
   * data event goes out at once, and a storage failure becomes a refusal plus a problem event.
   */
  async function runMutation<T>(
    run: (rt: Runtime) => Promise<Result<T, MutationError>>,
  ): Promise<Result<T, MutationError>> {
    const rt = live();
    try {
      const result = await run(rt);
      settleLocalEffect(result.ok);
      // The store's change event has queued the rows; show them now, not after a throttle.
      flushData();
      return result;
    } catch (error) {
      settleLocalEffect(false);
      const found = reportProblem(error);
      if (found === null) throw error;
      return err(storageMutationError(found));
    }
  }

  /** Adds the reports to the next data event without sending or scheduling one. */
  function holdData(ids: readonly string[] | null): void {
    hasPendingData = true;
    if (ids === null) pendingIds = null;
    else if (pendingIds !== null) for (const id of ids) pendingIds.add(id);
  }

  function queueData(ids: readonly string[] | null, immediate: boolean): void {
    holdData(ids);
    const since = deps.clock.now() - lastDataAt;
    if (immediate || since >= DATA_EVENT_THROTTLE_MS) {
      flushData();
      return;
    }
    dataTimer ??= deps.scheduler.setTimeout(() => {
      dataTimer = null;
      flushData();
    }, DATA_EVENT_THROTTLE_MS - since);
  }

  // ---- model -------------------------------------------------------------------------------

  function modelContext(reference: LocalReference, search: SearchIndex): InboxModelContext {
    return {
      userId: config.user.id,
      now: () => deps.clock.now(),
      calendar: referenceFromRows([]).calendar,
      agencies: reference.agencies,
      categoryName: (id: string) => reference.categories.get(id)?.name ?? '',
      search,
    };
  }

  async function buildModel(
    db: PoskoLocalDb,
    reference: LocalReference,
  ): Promise<{ model: InboxModel; search: SearchIndex }> {
    const meta = await db.meta();
    const [modelSnap, searchSnap] = await Promise.all([
      db.getSnapshot(MODEL_SNAPSHOT),
      db.getSnapshot(SEARCH_SNAPSHOT),
    ]);
    // Search text comes from pulled rows only (no mutation edits it): the cursor decides.
    let search: SearchIndex | null = null;
    if (searchSnap?.cursor === meta.cursor && isSerializedSearchIndex(searchSnap.value)) {
      try {
        search = restoreSearchIndex(searchSnap.value);
      } catch {
        search = null; // damaged: rebuilt below
      }
    }
    if (search === null) {
      const built = createSearchIndex();
      await db.forEachSearchText(SEARCH_BATCH, (batch) => {
        built.add(batch);
      });
      search = built;
    }
    const ctx = modelContext(reference, search);
    let model: InboxModel | null = null;
    if (modelSnap !== null && isModelSnapshotValue(modelSnap.value)) {
      const snapshot = modelSnap.value.model;
      if (
        isInboxModelSnapshot(snapshot) &&
        modelSnap.value.signature === (await storeSignature(db))
      ) {
        try {
          model = restoreInboxModel(ctx, snapshot);
        } catch {
          model = null; // damaged: rebuilt below
        }
      }
    }
    if (model === null) {
      model = createInboxModel(ctx);
      model.upsert(await db.allListRows());
    }
    return { model, search };
  }

  function countsOf(rt: Runtime): QueueCounts {
    const counts = rt.model.counts();
    const heads = rt.initialSyncComplete ? null : rt.engine.headsCounts();
    if (heads === null) return counts;
    const merged = {} as Record<QueueId, number>;
    for (const q of queueIds) merged[q] = heads[q] ?? counts[q];
    return merged;
  }

  // ---- snapshots ---------------------------------------------------------------------------

  async function persistSnapshots(rt: Runtime): Promise<void> {
    if (rt.isSnapshotting || !rt.snapshotDirty || !rt.initialSyncComplete) return;
    rt.isSnapshotting = true;
    try {
      const before = rt.model.generation;
      const searchBefore = rt.search.generation;
      const meta = await rt.db.meta();
      const signature = await storeSignature(rt.db);
      // A change that arrived while reading would make the snapshot disagree with its signature.
      if (rt.model.generation !== before || rt.search.generation !== searchBefore) return;
      const value: ModelSnapshotValue = { signature, model: rt.model.snapshot() };
      const search = rt.search.serialize();
      rt.snapshotDirty = false;
      rt.lastSnapshotAt = deps.clock.now();
      await rt.db.putSnapshot(SEARCH_SNAPSHOT, meta.cursor, search);
      await rt.db.putSnapshot(MODEL_SNAPSHOT, meta.cursor, value);
    } catch (error) {
      rt.snapshotDirty = true;
      reportProblem(error);
    } finally {
      rt.isSnapshotting = false;
    }
  }

  function scheduleSnapshot(rt: Runtime): void {
    if (!rt.election.isLeader() || !rt.initialSyncComplete || rt.snapshotTimer !== null) return;
    const wait = Math.max(0, rt.lastSnapshotAt + SNAPSHOT_INTERVAL_MS - deps.clock.now());
    rt.snapshotTimer = deps.scheduler.setTimeout(() => {
      rt.snapshotTimer = null;
      void persistSnapshots(rt).then(() => {
        if (rt.snapshotDirty && rt === runtime) scheduleSnapshot(rt);
      });
    }, wait);
  }

  // ---- store changes -----------------------------------------------------------------------

  /** Compacts the search index when no pull is running, at most once per quiet moment. */
  function scheduleCompaction(rt: Runtime): void {
    if (rt.compactTimer !== null) return;
    rt.compactTimer = deps.scheduler.setTimeout(() => {
      rt.compactTimer = null;
      if (rt !== runtime) return;
      if (rt.engine.status().phase === 'idle') rt.search.compact();
      else scheduleCompaction(rt);
    }, COMPACT_AFTER_MS);
  }

  function onStoreChange(rt: Runtime, change: StoreChange): void {
    if (rt !== runtime) return;
    const upserts: ReportListRow[] = [];
    const removed: string[] = [];
    const texts: { id: string; text: string }[] = [];
    for (const report of change.reports) {
      if (report.row === null) removed.push(report.id);
      else upserts.push(report.row);
      if (report.searchText !== null) texts.push({ id: report.id, text: report.searchText });
    }
    if (removed.length > 0) {
      rt.model.remove(removed);
      rt.search.remove(removed);
    }
    if (texts.length > 0) {
      rt.search.add(texts);
      scheduleCompaction(rt);
    }
    if (upserts.length > 0) rt.model.upsert(upserts);
    if (change.reports.length > 0) {
      rt.snapshotDirty = true;
      scheduleSnapshot(rt);
    }
    if (change.reference) {
      void rt.db.listReference().then(
        (rows) => {
          if (rt !== runtime) return;
          rt.reference = referenceOf(rows, config.user.id);
          rt.model.setContext({
            agencies: rt.reference.agencies,
            categoryName: (id: string) => rt.reference.categories.get(id)?.name ?? '',
          });
          queueData(null, false);
        },
        (error: unknown) => reportProblem(error),
      );
    }
    if (change.review) {
      void rt.db.review().then(
        (items) => {
          if (rt === runtime) emit({ type: 'review', items });
        },
        (error: unknown) => reportProblem(error),
      );
    }
    // Batch records change in the transactions that change the outbox or the review list (a bulk
    // action, its undo, the server's answers), in this window or another.
    if (change.outbox || change.review) emit({ type: 'batches' });
    // Another window's mutation: the leader pushes it.
    if (change.origin === 'other-window' && change.outbox && rt.election.isLeader()) {
      rt.engine.nudge();
    }
    if (change.reports.length > 0) {
      const isLocalAction = change.outbox && change.origin === 'this-window';
      queueData(
        change.reports.map((r) => r.id),
        isLocalAction || rt.initialSyncComplete,
      );
    }
  }

  // ---- status ------------------------------------------------------------------------------

  function currentStatus(rt: Runtime): SyncStatus {
    const own = rt.engine.status();
    if (rt.election.isLeader()) return own;
    const leader = rt.leaderStatus;
    return leader === null
      ? { ...own, leader: false }
      : { ...leader, leader: false, pendingCount: Math.max(leader.pendingCount, own.pendingCount) };
  }

  function onEngineStatus(rt: Runtime, status: SyncStatus): void {
    if (rt !== runtime) return;
    const complete = status.initialSync === null && status.lastSyncAt !== null;
    if (complete && !rt.initialSyncComplete) {
      rt.initialSyncComplete = true;
      rt.snapshotDirty = true;
      // Heads counts give way to the model's own: tell the UI.
      queueData(null, true);
      if (rt.election.isLeader()) void persistSnapshots(rt);
    }
    if (rt.election.isLeader()) rt.channel.post({ type: 'status', status });
    emit({ type: 'status', status: currentStatus(rt) });
  }

  // ---- start-up ----------------------------------------------------------------------------

  /** The store the engine writes through: storage failures become 'problem' events. */
  function watchedStore(db: PoskoLocalDb): LocalStore {
    return {
      transact: (fn) =>
        db.transact(fn).then(
          (value) => {
            clearProblem();
            return value;
          },
          (error: unknown) => {
            reportProblem(error);
            throw error;
          },
        ),
      listReference: () => db.listReference(),
    };
  }

  async function startRuntime(db: PoskoLocalDb): Promise<Runtime> {
    const engine = createSyncEngine({
      store: watchedStore(db),
      transport: deps.transport,
      clock: deps.clock,
      scheduler: deps.scheduler,
      random: deps.random,
      actor: userActor(config.user),
      onLocalEffect: showLocalEffect,
      ...(deps.engine?.pageSize === undefined ? {} : { pageSize: deps.engine.pageSize }),
      ...(deps.engine?.pollMs === undefined ? {} : { pollMs: deps.engine.pollMs }),
    });
    await engine.init();
    const reference = referenceOf(await db.listReference(), config.user.id);
    const { model, search } = await buildModel(db, reference);
    const meta = await db.meta();
    let rt: Runtime | null = null;
    const election = electLeader({
      dbName: db.name,
      locks: deps.locks,
      onLeader: () => {
        // Called synchronously without locks: rt is set just below, before anything awaits.
        queueMicrotask(() => {
          if (rt === null || rt !== runtime || isClosed) return;
          rt.engine.setLeader(true);
          rt.engine.start();
          scheduleSnapshot(rt);
        });
      },
    });
    const channel = openSyncChannel({
      dbName: db.name,
      open: deps.openChannel,
      onMessage: (message) => {
        if (rt === null || rt !== runtime) return;
        switch (message.type) {
          case 'sync-now':
            if (rt.election.isLeader()) void rt.engine.syncOnce();
            return;
          case 'status-request':
            if (rt.election.isLeader()) {
              rt.channel.post({ type: 'status', status: rt.engine.status() });
            }
            return;
          case 'status':
            if (!rt.election.isLeader()) {
              rt.leaderStatus = message.status;
              emit({ type: 'status', status: currentStatus(rt) });
            }
            return;
        }
      },
    });
    rt = {
      db,
      engine,
      model,
      search,
      reference,
      election,
      channel,
      unsubscribes: [],
      leaderStatus: null,
      initialSyncComplete: meta.initialSyncComplete,
      snapshotDirty: false,
      lastSnapshotAt: deps.clock.now(),
      snapshotTimer: null,
      isSnapshotting: false,
      compactTimer: null,
    };
    const started = rt;
    runtime = rt;
    if (deps.onNetworkOnline !== undefined) {
      // Back online: send the outbox now rather than after a backoff of up to a minute.
      rt.unsubscribes.push(
        deps.onNetworkOnline(() => {
          if (started === runtime && started.election.isLeader()) started.engine.nudge();
        }),
      );
    }
    rt.unsubscribes.push(
      db.subscribe((change) => {
        onStoreChange(started, change);
      }),
      engine.subscribeStatus((status) => {
        onEngineStatus(started, status);
      }),
    );
    channel.post({ type: 'status-request' });
    return rt;
  }

  async function stopRuntime(rt: Runtime, persist: boolean): Promise<void> {
    for (const unsubscribe of rt.unsubscribes.splice(0)) unsubscribe();
    rt.engine.stop();
    if (rt.snapshotTimer !== null) deps.scheduler.clearTimeout(rt.snapshotTimer);
    rt.snapshotTimer = null;
    if (rt.compactTimer !== null) deps.scheduler.clearTimeout(rt.compactTimer);
    rt.compactTimer = null;
    if (persist && rt.election.isLeader()) await persistSnapshots(rt);
    rt.election.release();
    rt.channel.close();
    rt.db.close();
  }

  let runtime: Runtime | null = null;
  try {
    await startRuntime(opened.value);
  } catch (error) {
    opened.value.close();
    const found = localStoreProblemOf(error, 'open');
    if (found === null) throw error;
    return err(found);
  }

  // ---- presence ----------------------------------------------------------------------------

  const transport = deps.transport;
  const postPresence = transport.postPresence?.bind(transport);
  const presence: PresenceReporter | null =
    postPresence === undefined
      ? null
      : createPresenceReporter({
          post: async (request) => {
            const answer = await postPresence(request);
            return answer.ok
              ? { ok: true, value: null }
              : { ok: false, error: { kind: 'server', message: 'presence refused' } };
          },
          scheduler: deps.scheduler,
          heartbeatMs: deps.presenceHeartbeatMs ?? PRESENCE_HEARTBEAT_MS,
        });
  const unsubscribePresence =
    transport.subscribePresence?.((announcement) => {
      emit({
        type: 'presence',
        reportId: announcement.reportId,
        others: announcement.users.filter((u) => u.userId !== config.user.id),
      });
    }) ?? (() => undefined);

  // ---- the service -------------------------------------------------------------------------

  function live(): Runtime {
    if (runtime === null) throw new Error('The inbox is closed');
    return runtime;
  }

  async function reportDetail(rt: Runtime, id: string): Promise<ReportDetail | null> {
    const records = await rt.db.reportRecords(id);
    if (records === null) return null;
    const main = records.get(`report:${id}`);
    const report = effectiveRow(main);
    if (report?.entity !== 'report') return null;
    const detail = {
      dispositions: [] as ReportDetail['dispositions'][number][],
      notes: [] as ReportDetail['notes'][number][],
      responses: [] as ReportDetail['responses'][number][],
      messages: [] as CitizenMessage[],
      audit: [] as ReportDetail['audit'][number][],
    };
    for (const record of records.values()) {
      const row = effectiveRow(record);
      if (row === null) continue;
      switch (row.entity) {
        case 'disposition':
          detail.dispositions.push(row.data);
          break;
        case 'note':
          detail.notes.push(row.data);
          break;
        case 'response':
          detail.responses.push(row.data);
          break;
        case 'citizen_message':
          detail.messages.push(row.data);
          break;
        case 'audit_event':
          detail.audit.push(row.data);
          break;
        default:
          break;
      }
    }
    detail.dispositions.sort((a, b) => a.at - b.at);
    detail.notes.sort((a, b) => a.createdAt - b.createdAt);
    detail.responses.sort((a, b) => a.createdAt - b.createdAt);
    detail.messages.sort((a, b) => a.createdAt - b.createdAt);
    detail.audit.sort((a, b) => a.at - b.at);
    const pending: PendingChange[] = (await rt.db.outbox())
      .filter((entry) => mutationTarget(entry.mutation).reportId === id)
      .map((entry) => ({
        mutationId: entry.mutation.id,
        name: entry.mutation.name,
        at: entry.mutation.at,
        state: entry.state,
      }));
    return {
      report: report.data,
      version: main?.server?.version ?? 0,
      pending,
      ...detail,
    };
  }

  /** The report's metadata of one attachment (as the operator sees the report), or null. */
  async function attachmentMeta(
    rt: Runtime,
    reportId: string,
    attachmentId: string,
  ): Promise<Attachment | null> {
    const records = await rt.db.reportRecords(reportId);
    const report = effectiveRow(records?.get(`report:${reportId}`));
    if (report?.entity !== 'report') return null;
    return report.data.attachments.find((a) => a.id === attachmentId) ?? null;
  }

  async function attachment(
    rt: Runtime,
    reportId: string,
    attachmentId: string,
  ): Promise<Result<AttachmentContent, AttachmentError>> {
    let meta: Attachment | null;
    try {
      meta = await attachmentMeta(rt, reportId, attachmentId);
    } catch (error) {
      const found = reportProblem(error);
      if (found === null) throw error;
      return err(attachmentError('attachment/failed', `The local database: ${found.detail}`));
    }
    if (meta === null) {
      return err(
        attachmentError(
          'attachment/not-found',
          `Report ${reportId} has no attachment ${attachmentId} on this device`,
        ),
      );
    }
    const content = (bytes: ArrayBuffer, cached: boolean): AttachmentContent => ({
      fileName: meta.fileName,
      mimeType: meta.mimeType,
      bytes,
      cached,
    });

    // A copy that does not match the metadata (damaged, or stored by a bug) is fetched again.
    try {
      const copy = await rt.db.getAttachment(attachmentId);
      if (
        copy !== null &&
        copy.reportId === reportId &&
        copy.bytes.byteLength === meta.sizeBytes &&
        sameMediaType(copy.mimeType, meta.mimeType)
      ) {
        return ok(content(copy.bytes, true));
      }
    } catch (error) {
      // An unreadable cache is not fatal: the server still has the file.
      if (localStoreProblemOf(error, 'use') === null) throw error;
    }

    const download = deps.transport.downloadAttachment?.bind(deps.transport);
    if (download === undefined) {
      return err(attachmentError('attachment/failed', 'This connection cannot download files'));
    }
    const answer = await download(attachmentId);
    if (!answer.ok) return err(downloadError(answer.error));
    const { bytes, mimeType } = answer.value;
    if (bytes.byteLength !== meta.sizeBytes) {
      return err(
        attachmentError(
          'attachment/failed',
          `The server sent ${String(bytes.byteLength)} bytes; the report lists ${String(meta.sizeBytes)}`,
        ),
      );
    }
    if (!sameMediaType(mimeType, meta.mimeType)) {
      return err(
        attachmentError(
          'attachment/failed',
          `The server sent ${mimeType || 'no type'}; the report lists ${meta.mimeType}`,
        ),
      );
    }
    if (rt !== runtime) return ok(content(bytes, false));
    try {
      // IndexedDB copies the bytes here, so the caller may take (transfer) the buffer after.
      await rt.db.putAttachment({
        id: attachmentId,
        reportId,
        fileName: meta.fileName,
        mimeType: meta.mimeType,
        sizeBytes: meta.sizeBytes,
        bytes,
        fetchedAt: deps.clock.now(),
      });
    } catch (error) {
      // A full disk: the operator still gets the file, and the problem is reported as usual.
      if (reportProblem(error) === null) throw error;
      return ok(content(bytes, false));
    }
    clearProblem();
    return ok(content(bytes, true));
  }

  /**
   * Runs a bulk write like `runMutation` runs one mutation: optimistic rows kept or undone, the
   * committed rows shown at once; null when the local database failed (reported as a problem).
   */
  async function runLocalWrite<T extends { ok: boolean }>(fn: () => Promise<T>): Promise<T | null> {
    try {
      const result = await fn();
      settleLocalEffect(result.ok);
      flushData();
      return result;
    } catch (error) {
      settleLocalEffect(false);
      if (reportProblem(error) === null) throw error;
      return null;
    }
  }

  const newId = (): string => deps.ids?.next() ?? crypto.randomUUID();

  const bulkByRuntime = new WeakMap<Runtime, BulkOperations>();

  /** One per runtime: it serialises undos (two undos of one batch must not race). */
  function bulkOf(rt: Runtime): BulkOperations {
    let bulk = bulkByRuntime.get(rt);
    if (bulk === undefined) {
      bulk = createBulkOperations({
        store: watchedStore(rt.db),
        engine: rt.engine,
        actor: userActor(config.user),
        clock: deps.clock,
        newId,
        write: runLocalWrite,
        reportsRecords: (ids) => rt.db.reportsRecords(ids),
      });
      bulkByRuntime.set(rt, bulk);
    }
    return bulk;
  }

  const routingByRuntime = new WeakMap<Runtime, RoutingService>();

  function routingOf(rt: Runtime): RoutingService {
    let routing = routingByRuntime.get(rt);
    if (routing === undefined) {
      routing = createRoutingService({
        agencyId: config.user.agencyId,
        agencies: () => rt.engine.reference().agencies,
        // Reports past verification, newest first: where past decisions are.
        candidateIds: () => {
          const decided = (
            ['disposed', 'in_progress', 'responded', 'completed', 'not_authority'] as const
          ).flatMap((queue) =>
            rt.model.matchingIds({ ...defaultInboxQuery(queue), sort: 'arrival' }),
          );
          const arrival = (id: string): number => rt.model.row(id)?.createdAt ?? 0;
          return decided.sort((a, b) => arrival(b) - arrival(a));
        },
        readHistory: (wanted, fn) => rt.db.forEachReportHistory(ROUTING_BATCH, wanted, fn),
        readReport: async (id) => {
          const records = await rt.db.reportRecords(id);
          const row = effectiveRow(records?.get(`report:${id}`));
          return row?.entity === 'report' ? row.data : null;
        },
        clock: deps.clock,
        scheduler: deps.scheduler,
        yieldToOthers: () =>
          new Promise((resolve) => {
            deps.scheduler.setTimeout(resolve, 0);
          }),
      });
      routingByRuntime.set(rt, routing);
    }
    return routing;
  }

  async function guarded<T>(fallback: T, fn: (rt: Runtime) => Promise<T>): Promise<T> {
    try {
      return await fn(live());
    } catch (error) {
      if (reportProblem(error) === null && !isClosed) throw error;
      return fallback;
    }
  }

  const emptyCounts = Object.fromEntries(queueIds.map((q) => [q, 0])) as Record<QueueId, number>;
  const bulkFailed = (what: string): BulkError => ({
    code: 'bulk/failed',
    message: `The local database failed; ${what}`,
  });

  const service: InboxService = {
    query(query, offset, limit): Promise<InboxPage> {
      const rt = runtime;
      if (rt === null) return Promise.resolve({ total: 0, offset, rows: [], generation: 0 });
      const page = rt.model.query(query, offset, limit);
      return Promise.resolve({
        total: page.total,
        offset,
        rows: page.rows,
        generation: rt.model.generation,
      });
    },
    matchingIds(query) {
      return Promise.resolve(runtime === null ? [] : runtime.model.matchingIds(query));
    },
    counts() {
      return Promise.resolve(runtime === null ? emptyCounts : countsOf(runtime));
    },
    report(id) {
      return guarded(null, (rt) => reportDetail(rt, id));
    },
    reference() {
      return Promise.resolve(
        runtime === null
          ? { agencies: [], users: [], categories: [], templates: [], savedViews: [] }
          : runtime.reference.data,
      );
    },
    mutate(name, args) {
      return runMutation((rt) => rt.engine.mutate(name, args));
    },
    // Planning and undo read the store outside their write: a failing store answers like the
    // write's own failure (a problem event, bulk/failed), never a rejected call.
    previewBulk(request) {
      return guarded({ applicable: [], sample: [], skipped: [] }, (rt) =>
        bulkOf(rt).previewBulk(request),
      );
    },
    runBulk(request, holdMs) {
      return guarded(err(bulkFailed('nothing was applied')), (rt) =>
        bulkOf(rt).runBulk(request, holdMs),
      );
    },
    undoBatch(batchId) {
      return guarded(err(bulkFailed('nothing was undone')), (rt) => bulkOf(rt).undoBatch(batchId));
    },
    batches() {
      return guarded([], (rt) => bulkOf(rt).batches());
    },
    suggestRouting(reportId) {
      return guarded({ status: 'no-history' } as const, (rt) => routingOf(rt).suggest(reportId));
    },
    review() {
      return guarded([], (rt) => rt.engine.reviewItems());
    },
    resolveReview(id, choice) {
      return runMutation((rt) => rt.engine.resolveReview(id, choice));
    },
    status() {
      return Promise.resolve(runtime === null ? initialSyncStatus : currentStatus(runtime));
    },
    async syncNow() {
      const rt = live();
      if (rt.election.isLeader()) await rt.engine.syncOnce();
      else rt.channel.post({ type: 'sync-now' });
    },
    attachment(reportId, attachmentId) {
      const rt = runtime;
      if (rt === null) {
        return Promise.resolve(err(attachmentError('attachment/failed', 'The inbox is closed')));
      }
      return attachment(rt, reportId, attachmentId);
    },
    exportOutbox() {
      return live().db.exportOutbox();
    },
    async recover() {
      const rt = live();
      let exported: string;
      try {
        exported = await rt.db.exportOutbox();
      } catch (error) {
        // Without a copy of the outbox the database is not recreated: that would lose work.
        const found: LocalStoreProblem = {
          code: 'local/open-failed',
          messageKey: EXPORT_UNREADABLE_MESSAGE_KEY,
          detail: `the outbox could not be exported, the database was left as it was: ${describe(error)}`,
        };
        return err(found);
      }
      runtime = null;
      await stopRuntime(rt, false);
      const reopened = await deps.recoverDb(name, exported);
      if (!reopened.ok) {
        problem = reopened.error;
        emit({ type: 'problem', problem: reopened.error });
        return err(reopened.error);
      }
      try {
        await startRuntime(reopened.value);
      } catch (error) {
        reopened.value.close();
        const found = localStoreProblemOf(error, 'open') ?? {
          code: 'local/open-failed' as const,
          messageKey: 'localDb.problem.openFailed',
          detail: describe(error),
        };
        problem = found;
        emit({ type: 'problem', problem: found });
        return err(found);
      }
      problem = null;
      emit({ type: 'problem', problem: null });
      queueData(null, true);
      return ok(null);
    },
    setPresence(reportId, editing) {
      presence?.set(reportId, editing);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async close() {
      if (isClosed) return;
      isClosed = true;
      if (dataTimer !== null) deps.scheduler.clearTimeout(dataTimer);
      dataTimer = null;
      presence?.close();
      unsubscribePresence();
      const rt = runtime;
      runtime = null;
      if (rt !== null) await stopRuntime(rt, true);
      transport.close?.();
      listeners.clear();
    },
  };
  return ok(service);
}

// ---------------------------------------------------------------------------------------------
// A service that always answers

/**
 * The service, or while the database cannot be opened a stand-in that answers from nothing,
 * reports the problem to every subscriber, and whose recover() tries to open the database again.
 * Calls never throw for a storage problem.
 */
export async function openInboxService(
  config: InboxSessionConfig,
  deps: InboxServiceDeps,
): Promise<InboxService> {
  const first = await createInboxService(config, deps);
  if (first.ok) return first.value;

  let inner: InboxService | null = null;
  let problem: LocalStoreProblem = first.error;
  let isClosed = false;
  const listeners = new Set<(event: InboxEvent) => void>();
  const emit = (event: InboxEvent) => {
    for (const listener of [...listeners]) listener(event);
  };
  const noStorage = (): MutationError => storageMutationError(problem);
  const noStorageBulk = (): BulkError => ({
    code: 'bulk/failed',
    message: `The local database cannot be used (${problem.code}): ${problem.detail}`,
  });
  const emptyCounts = Object.fromEntries(queueIds.map((q) => [q, 0])) as Record<QueueId, number>;

  return {
    query: (query, offset, limit) =>
      inner?.query(query, offset, limit) ??
      Promise.resolve({ total: 0, offset, rows: [], generation: 0 }),
    matchingIds: (query) => inner?.matchingIds(query) ?? Promise.resolve([]),
    counts: () => inner?.counts() ?? Promise.resolve(emptyCounts),
    report: (id) => inner?.report(id) ?? Promise.resolve(null),
    reference: () =>
      inner?.reference() ??
      Promise.resolve({ agencies: [], users: [], categories: [], templates: [], savedViews: [] }),
    mutate: (name, args) => inner?.mutate(name, args) ?? Promise.resolve(err(noStorage())),
    previewBulk: (request) =>
      inner?.previewBulk(request) ??
      Promise.resolve({
        applicable: [],
        sample: [],
        skipped: [],
      }),
    runBulk: (request, holdMs) =>
      inner?.runBulk(request, holdMs) ?? Promise.resolve(err(noStorageBulk())),
    undoBatch: (batchId) => inner?.undoBatch(batchId) ?? Promise.resolve(err(noStorageBulk())),
    batches: () => inner?.batches() ?? Promise.resolve([]),
    suggestRouting: (reportId) =>
      inner?.suggestRouting(reportId) ?? Promise.resolve({ status: 'no-history' as const }),
    review: () => inner?.review() ?? Promise.resolve([]),
    resolveReview: (id, choice) =>
      inner?.resolveReview(id, choice) ?? Promise.resolve(err(noStorage())),
    status: () => inner?.status() ?? Promise.resolve(initialSyncStatus),
    syncNow: () => inner?.syncNow() ?? Promise.resolve(),
    attachment: (reportId, attachmentId) =>
      inner?.attachment(reportId, attachmentId) ??
      Promise.resolve(
        err({
          code: 'attachment/failed' as const,
          message: `The local database cannot be used (${problem.code}): ${problem.detail}`,
        }),
      ),
    exportOutbox: () =>
      inner?.exportOutbox() ?? Promise.reject(new Error(`${problem.code}: ${problem.detail}`)),
    async recover() {
      if (inner !== null) return inner.recover();
      if (isClosed) return err(problem);
      // Blocked or a passing open failure: opening again is the recovery. The database is never
      // deleted from here, since its outbox could not be exported.
      const again = await createInboxService(config, deps);
      if (!again.ok) {
        problem = again.error;
        emit({ type: 'problem', problem });
        return err(problem);
      }
      inner = again.value;
      inner.subscribe(emit);
      emit({ type: 'problem', problem: null });
      emit({ type: 'status', status: await inner.status() });
      emit({
        type: 'data',
        generation: 0,
        counts: await inner.counts(),
        reportIds: null,
      });
      return ok(null);
    },
    setPresence: (reportId, editing) => {
      inner?.setPresence(reportId, editing);
    },
    subscribe(listener) {
      listeners.add(listener);
      if (inner === null) listener({ type: 'problem', problem });
      return () => {
        listeners.delete(listener);
      };
    },
    async close() {
      isClosed = true;
      listeners.clear();
      await inner?.close();
    },
  };
}
