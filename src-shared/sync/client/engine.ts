// The client sync engine (ARCHITECTURE.md, "Sync protocol"): optimistic mutations written with
// their outbox entry in one transaction, push in id order, pull by cursor, rebase of the local
// layers, the needs-review list, and the background loop with backoff; bulk-action batches held
// back from the server, withdrawn before they leave, and their outcomes. Pure: it reaches the
// store, the server, time and timers only through its ports.

import type { BatchOutcome, BatchRecord, BulkSkip } from '../../bulk/bulk-action';
import type { Agency } from '../../domain/agency';
import type { UserActor } from '../../domain/actor';
import type { Category } from '../../domain/category';
import type { SlaCalendar } from '../../domain/sla-calendar';
import type { User } from '../../domain/user';
import type { Clock } from '../../ports';
import { err, ok, type Result } from '../../result';
import { mutationError, type MutationError } from '../mutation-error';
import { mutationTarget } from '../mutators';
import {
  parseMutation,
  PULL_LIMIT_DEFAULT,
  PULL_LIMIT_MAX,
  PUSH_MUTATIONS_MAX,
  type MutationArgs,
  type Mutation,
  type MutationEnvelope,
  type MutationName,
  type PushResponse,
  type PushResult,
  type SyncRow,
} from '../protocol';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import {
  effectOver,
  mainKey,
  readKeys,
  childReportsRead,
  traceKey,
  type EffectEnv,
} from './local-effect';
import {
  effectiveRow,
  type LayeredRecord,
  type OutboxEntry,
  type RecordKey,
  type ReviewItem,
  type Scheduler,
  type StoreTx,
  type SyncMeta,
  type Transport,
  type TransportFailure,
  type TransportResult,
  type LocalStore,
} from './ports';
import { rebase, touchesOutbox } from './rebase';
import {
  emptyReference,
  referenceFromRows,
  withReferenceChanges,
  type ClientReference,
} from './reference';
import { initialSyncStatus, type InitialSyncProgress, type SyncStatus } from './status';

// ---------------------------------------------------------------------------------------------
// Types

export interface SyncEngineOptions {
  readonly store: LocalStore;
  readonly transport: Transport;
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  /** In [0, 1): the jitter of retry delays. */
  readonly random: () => number;
  /** The signed-in user (the store belongs to them). */
  readonly actor: UserActor;
  /** Rows per pull page; default PULL_LIMIT_DEFAULT. */
  readonly pageSize?: number;
  /**
   * Rows per pull page once the initial sync is complete (catching up after a bulk action or a
   * day offline): fewer, larger pages, each rebasing the outbox once. Default PULL_LIMIT_MAX, or
   * `pageSize` when that is set.
   */
  readonly catchUpPageSize?: number;
  /** Mutations per push; default PUSH_MUTATIONS_MAX. */
  readonly pushBatchSize?: number;
  /** Retry delays after failures (full jitter); default 1 s doubling up to 60 s. */
  readonly backoff?: BackoffPolicy;
  /** Polling interval without a live stream; default 30 s. With one, rounds follow announcements. */
  readonly pollMs?: number;
  /**
   * Told the rows a mutation's optimistic effect writes as soon as they are known, before its
   * transaction commits, so a view can show the change at once. Optimistic: when the transaction
   * fails or a later mutation of the same batch is refused, nothing was committed and `mutate`
   * answers so; the view then undoes what it showed.
   */
  readonly onLocalEffect?: (rows: readonly SyncRow[]) => void;
}

/** A bulk-action batch as mutateMany writes it; the engine adds the time, hold and outcomes. */
export type NewBatch = Pick<BatchRecord, 'id' | 'action' | 'items' | 'skipped' | 'compensates'> & {
  /** For a compensating batch: the reports of the original it could not reverse. */
  readonly irreversible?: readonly BulkSkip[];
};

export interface MutateManyOptions {
  /** Hold the entries back from the server this long (ms) so the batch can be withdrawn. */
  readonly holdMs?: number;
  /** The batch record to write with the mutations (its items match them one to one). */
  readonly batch?: NewBatch;
}

export interface WithdrawError {
  /**
   * not-found: no such batch record; not-held: some of its mutations may have left (the hold is
   * over or about to be, or the server answered); already-undone: withdrawn or compensated before.
   */
  readonly code: 'bulk/not-found' | 'bulk/not-held' | 'bulk/already-undone';
  readonly message: string;
}

/**
 * A batch can be withdrawn only until this long before its hold ends, so a push that starts at
 * `holdUntil` never races a withdrawal over the same entries (both are read-write transactions,
 * serialised; this margin absorbs the time between the operator's key and the transaction).
 */
export const WITHDRAW_GUARD_MS = 500;

/** Batch records kept (the newest); older ones are pruned when a batch is written. */
export const BATCHES_KEPT = 200;

export interface SyncEngine {
  /** Loads meta, reference and counts. Other methods call it when it was not called. */
  init(): Promise<void>;
  status(): SyncStatus;
  subscribeStatus(listener: (status: SyncStatus) => void): () => void;
  /** Applies the mutation locally with its outbox entry (one transaction), then nudges. */
  mutate<N extends MutationName>(
    name: N,
    args: MutationArgs<N>,
  ): Promise<Result<{ mutationId: number }, MutationError>>;
  /**
   * Several mutations, all or nothing, in one transaction (bulk actions): with `batch`, its record
   * in the same transaction (and, for a compensation, the original's undo); with `holdMs`, the
   * entries are held back from the server until then.
   */
  mutateMany(
    items: readonly { name: MutationName; args: MutationArgs }[],
    options?: MutateManyOptions,
  ): Promise<Result<{ mutationIds: number[] }, { index: number; error: MutationError }>>;
  /**
   * A batch planned on the very records it applies to, in one transaction: `plan` gets every
   * record of `reportIds` (both layers, by report) and answers the mutations with their options,
   * or why nothing applies (nothing is written then). They are applied as mutateMany applies
   * them. Planning runs synchronously inside the transaction: the reports are read once, and
   * nothing changes between the plan and its application.
   */
  mutatePlanned<E>(
    reportIds: readonly string[],
    plan: (
      records: ReadonlyMap<string, ReadonlyMap<RecordKey, LayeredRecord>>,
    ) => Result<
      { items: readonly { name: MutationName; args: MutationArgs }[]; options?: MutateManyOptions },
      E
    >,
  ): Promise<Result<{ mutationIds: number[] }, PlannedRefusal<E>>>;
  /**
   * Takes a held batch back before any of it reaches the server: its entries leave the outbox,
   * later entries are renumbered so ids stay contiguous, and local layers are rebased.
   */
  withdrawBatch(batchId: string): Promise<Result<{ count: number }, WithdrawError>>;
  /** The newest batch records first (default 50). */
  listBatches(limit?: number): Promise<BatchRecord[]>;
  /** Called after every commit that wrote batch records. Returns the unsubscribe function. */
  subscribeBatches(listener: () => void): () => void;
  /** Pushes everything pending, then pulls to the end. Never throws; the outcome is in status. */
  syncOnce(): Promise<void>;
  /** The background loop: a round now, then on nudges, announcements and polls; retries back off. */
  start(): void;
  stop(): void;
  /** A local change or a network hint: run a round soon (coalesced). */
  nudge(): void;
  setLeader(leader: boolean): void;
  reviewItems(): Promise<ReviewItem[]>;
  /** reapply: the same name and arguments as a new mutation on the current state; discard: drop. */
  resolveReview(id: string, choice: 'reapply' | 'discard'): Promise<Result<null, MutationError>>;
  reference(): {
    agencies: ReadonlyMap<string, Agency>;
    users: ReadonlyMap<string, User>;
    categories: ReadonlyMap<string, Category>;
    calendar: SlaCalendar;
  };
  /** Reports per queue from the heads, shown until the initial sync completes; else null. */
  headsCounts(): Readonly<Record<string, number>> | null;
}

type RoundOutcome = { readonly ok: true } | { readonly ok: false; readonly failure: Failure };

/** A transport failure, or `local`: the store failed or a bug threw. */
type Failure = TransportFailure | { readonly kind: 'local'; readonly message: string };

/** Why a planned batch was not applied: its plan said so, or mutation `index` was refused. */
export type PlannedRefusal<E> =
  { readonly index: number; readonly error: MutationError } | { readonly planned: E };

/** A plan that declined inside the transaction: thrown to end it with nothing written. */
class PlanDeclined extends Error {
  constructor(readonly reason: unknown) {
    super('The plan declined');
  }
}

/** Thrown inside a transaction to roll a refused mutation batch back. */
class Refusal extends Error {
  constructor(
    readonly index: number,
    readonly error: MutationError,
  ) {
    super(error.message);
  }
}

interface Counts {
  readonly pendingCount: number;
  readonly needsReviewCount: number;
}

const DEFAULT_POLL_MS = 30_000;

async function countsOf(tx: StoreTx): Promise<Counts> {
  return {
    pendingCount: (await tx.listOutbox()).length,
    needsReviewCount: (await tx.listReview()).length,
  };
}

function envelopeOf(entry: OutboxEntry): MutationEnvelope {
  const m = entry.mutation;
  return {
    clientId: m.clientId,
    id: m.id,
    name: m.name,
    args: m.args,
    baseVersion: m.baseVersion,
    at: m.at,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The batch a mutation belongs to and its report, from its arguments; null outside batches. */
function batchRefOf(mutation: Mutation): { batchId: string; reportId: string } | null {
  const args = mutation.args;
  const batchId = 'batchId' in args ? args.batchId : undefined;
  const reportId = mutationTarget(mutation).reportId;
  if (typeof batchId !== 'string' || reportId === null) return null;
  return { batchId, reportId };
}

/** Items and batch record describe the same reports in the same order (else a caller's bug). */
function assertBatchMatches(
  items: readonly { name: MutationName; args: MutationArgs }[],
  batch: NewBatch,
): void {
  if (batch.items.length !== items.length) {
    throw new Error(
      `batch ${batch.id} lists ${String(batch.items.length)} reports for ${String(items.length)} mutations`,
    );
  }
  items.forEach((item, i) => {
    const reportId = 'reportId' in item.args ? item.args.reportId : undefined;
    const expected = batch.items[i]?.reportId;
    if (reportId !== expected) {
      throw new Error(
        `batch ${batch.id} item ${String(i)} is report ${String(expected)}, its mutation is for ${String(reportId)}`,
      );
    }
  });
}

// ---------------------------------------------------------------------------------------------
// The engine

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { store, transport, clock, scheduler, random, actor } = options;
  const pageSize = options.pageSize ?? PULL_LIMIT_DEFAULT;
  const catchUpPageSize = options.catchUpPageSize ?? options.pageSize ?? PULL_LIMIT_MAX;
  const pushBatchSize = Math.max(1, options.pushBatchSize ?? PUSH_MUTATIONS_MAX);
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;

  let reference: ClientReference = emptyReference();
  let currentStatus: SyncStatus = initialSyncStatus;
  const listeners = new Set<(status: SyncStatus) => void>();
  const batchListeners = new Set<() => void>();
  let heads: Readonly<Record<string, number>> | null = null;
  let headsDone = false;
  let initializing: Promise<void> | null = null;
  /** The cursor as last committed (to judge announcements without a transaction). */
  let knownCursor = 0;
  /** Initial-sync rows applied by this engine (progress only). */
  let initialRowsDone = 0;

  // The background loop.
  let started = false;
  let stoppedByAuth = false;
  let live = false;
  let unsubscribe: (() => void) | null = null;
  let timer: { handle: unknown; dueAt: number } | null = null;
  let loopRunning = false;
  let rerunRequested = false;
  let failures = 0;
  /** Rounds never overlap: each waits for the one before. */
  let roundChain: Promise<unknown> = Promise.resolve();

  const env = (ref: ClientReference = reference): EffectEnv => ({ actor, reference: ref });

  // ---- status ----------------------------------------------------------------------------

  function setStatus(patch: Partial<SyncStatus>): void {
    const next = { ...currentStatus, ...patch };
    const changed = (Object.keys(next) as (keyof SyncStatus)[]).some(
      (key) => next[key] !== currentStatus[key],
    );
    if (!changed) return;
    currentStatus = next;
    for (const listener of [...listeners]) listener(next);
  }

  /** The connection as judged from a request's outcome. */
  function noteAnswer(result: TransportResult<unknown>): void {
    if (result.ok) {
      setStatus({ connection: 'online' });
      return;
    }
    switch (result.error.kind) {
      case 'offline':
        setStatus({ connection: 'offline' });
        return;
      case 'unauthorized':
        setStatus({ connection: 'unauthorized' });
        return;
      case 'server':
      case 'client':
        setStatus({ connection: 'online' });
        return;
    }
  }

  function progressOf(meta: SyncMeta, total: number | null, eta: number | null) {
    if (meta.initialSyncComplete) return null;
    const progress: InitialSyncProgress = {
      rowsDone: initialRowsDone,
      rowsTotal: total,
      etaMs: eta,
    };
    return progress;
  }

  // ---- init ------------------------------------------------------------------------------

  function init(): Promise<void> {
    initializing ??= (async () => {
      const rows = await store.listReference();
      reference = referenceFromRows(rows);
      const { meta, counts } = await store.transact(async (tx) => ({
        meta: await tx.getMeta(),
        counts: await countsOf(tx),
      }));
      knownCursor = meta.cursor;
      setStatus({
        ...counts,
        lastSyncAt: meta.lastSyncAt,
        initialSync: progressOf(meta, null, null),
      });
    })().catch((error: unknown) => {
      initializing = null;
      throw error;
    });
    return initializing;
  }

  // ---- mutations -------------------------------------------------------------------------

  function notifyBatches(): void {
    for (const listener of [...batchListeners]) listener();
  }

  type BatchItems = readonly { name: MutationName; args: MutationArgs }[];

  async function mutateItems(
    items: BatchItems,
    mutateOptions: MutateManyOptions = {},
    alsoInTransaction?: (tx: StoreTx) => Promise<void>,
  ): Promise<Result<{ mutationIds: number[] }, { index: number; error: MutationError }>> {
    if (mutateOptions.batch !== undefined) assertBatchMatches(items, mutateOptions.batch);
    return applyItems(() => ({ items, options: mutateOptions }), alsoInTransaction) as Promise<
      Result<{ mutationIds: number[] }, { index: number; error: MutationError }>
    >;
  }

  async function mutatePlanned<E>(
    reportIds: readonly string[],
    plan: (
      records: ReadonlyMap<string, ReadonlyMap<RecordKey, LayeredRecord>>,
    ) => Result<{ items: BatchItems; options?: MutateManyOptions }, E>,
  ): Promise<Result<{ mutationIds: number[] }, PlannedRefusal<E>>> {
    const result = await applyItems(async (tx) => {
      // Between this read and the writes below only synchronous work runs (see effectOver).
      const planned = plan(await tx.getReportRecords(reportIds));
      if (!planned.ok) throw new PlanDeclined(planned.error);
      const options = planned.value.options ?? {};
      if (options.batch !== undefined) assertBatchMatches(planned.value.items, options.batch);
      return { items: planned.value.items, options };
    });
    if (!result.ok && 'declined' in result.error) {
      return err({ planned: result.error.declined as E });
    }
    return result as Result<{ mutationIds: number[] }, PlannedRefusal<E>>;
  }

  async function applyItems(
    /** What to apply: given, or planned on the transaction's own reads. */
    prepare: (
      tx: StoreTx,
    ) =>
      | { items: BatchItems; options: MutateManyOptions }
      | Promise<{ items: BatchItems; options: MutateManyOptions }>,
    alsoInTransaction?: (tx: StoreTx) => Promise<void>,
  ): Promise<
    Result<
      { mutationIds: number[] },
      { index: number; error: MutationError } | { declined: unknown }
    >
  > {
    await init();
    let committed: { ids: number[]; counts: Counts; batched: boolean };
    try {
      committed = await store.transact(async (tx) => {
        // Given items are taken as they are, without an await (a transaction idle over native
        // promises commits early).
        const prepared = prepare(tx);
        // Inside a store transaction promises may be the store's own kind: test for `then`.
        const { items, options: mutateOptions } = 'then' in prepared ? await prepared : prepared;
        const { batch, holdMs = 0 } = mutateOptions;
        const meta = await tx.getMeta();
        const now = clock.now();
        const holdUntil = holdMs > 0 ? now + holdMs : 0;
        const parsed: Mutation[] = items.map((item, index) => {
          const one = parseMutation({
            clientId: meta.clientId,
            id: meta.lastMutationId + index + 1,
            name: item.name,
            args: item.args,
            baseVersion: meta.cursor,
            at: now,
          });
          if (one.ok) return one.value;
          throw new Refusal(index, {
            code: one.error.code,
            message: one.error.message,
            reasonKey:
              one.error.code === 'mutation/unknown-name'
                ? 'mutation.unknown'
                : 'mutation.invalid_args',
          });
        });
        // Every record the batch reads, in one read; each effect then reads the records as the
        // batch's earlier mutations left them (synchronously: the transaction stays ours), and
        // all local rows are written once at the end.
        const records = new Map(
          await tx.getRecords(parsed.flatMap(readKeys), new Map(parsed.flatMap(childReportsRead))),
        );
        const localRows = new Map<RecordKey, SyncRow | null>();
        const entries: OutboxEntry[] = [];
        for (const [index, mutation] of parsed.entries()) {
          const effect = effectOver(records, mutation, env(), now);
          if (!effect.ok) throw new Refusal(index, effect.error);
          for (const { key, row } of effect.value.rows) {
            localRows.set(key, row);
            records.set(key, { server: records.get(key)?.server ?? null, local: row });
          }
          entries.push({
            mutation,
            state: 'pending',
            appliedVersion: null,
            keys: effect.value.keys,
            attempts: 0,
            holdUntil,
          });
        }
        // The whole batch's rows at once, before they are written: the view shows them now.
        options.onLocalEffect?.(
          [...localRows.values()].flatMap((row) => (row === null ? [] : [row])),
        );
        await tx.setLocal([...localRows].map(([key, row]) => ({ key, row })));
        const id = meta.lastMutationId + entries.length;
        if (entries.length > 0) {
          await tx.putOutbox(entries);
          await tx.setMeta({ lastMutationId: id });
        }
        if (batch !== undefined) await writeBatch(tx, batch, now, holdUntil);
        await alsoInTransaction?.(tx);
        return {
          ids: entries.map((entry) => entry.mutation.id),
          counts: await countsOf(tx),
          batched: batch !== undefined,
        };
      });
    } catch (error) {
      if (error instanceof Refusal) return err({ index: error.index, error: error.error });
      if (error instanceof PlanDeclined) return err({ declined: error.reason });
      throw error;
    }
    setStatus(committed.counts);
    if (committed.batched) notifyBatches();
    if (committed.ids.length > 0) nudge();
    return ok({ mutationIds: committed.ids });
  }

  /** The new batch record (and a compensated original's undo), then the oldest pruned. */
  async function writeBatch(
    tx: StoreTx,
    batch: NewBatch,
    now: number,
    holdUntil: number,
  ): Promise<void> {
    if ((await tx.getBatch(batch.id)) !== null) {
      throw new Error(`batch ${batch.id} was written before: a batch id is used once`);
    }
    const records: BatchRecord[] = [
      {
        id: batch.id,
        action: batch.action,
        createdAt: now,
        holdUntil,
        items: batch.items,
        skipped: batch.skipped,
        outcomes: {},
        undo: null,
        compensates: batch.compensates,
      },
    ];
    if (batch.compensates !== null) {
      // The caller checked the original before composing the compensation; a mismatch here is a
      // bug (or two undos racing), and the whole transaction rolls back.
      const original = await tx.getBatch(batch.compensates);
      if (original === null) {
        throw new Error(`batch ${batch.id} compensates ${batch.compensates}, which is not here`);
      }
      if (original.undo !== null) {
        throw new Error(`batch ${batch.id} compensates ${batch.compensates}, already undone`);
      }
      records.push({
        ...original,
        undo: {
          kind: 'compensated',
          at: now,
          batchId: batch.id,
          irreversible: batch.irreversible ?? [],
        },
      });
    }
    await tx.putBatches(records);
    await tx.pruneBatches(BATCHES_KEPT);
  }

  // ---- batches ---------------------------------------------------------------------------

  async function withdrawBatch(batchId: string): Promise<Result<{ count: number }, WithdrawError>> {
    await init();
    const outcome = await store.transact(
      async (tx): Promise<Result<{ count: number; counts: Counts }, WithdrawError>> => {
        const record = await tx.getBatch(batchId);
        if (record === null) {
          return err({ code: 'bulk/not-found', message: `No batch ${batchId} here` });
        }
        if (record.undo !== null) {
          return err({
            code: 'bulk/already-undone',
            message: `Batch ${batchId} was ${record.undo.kind} before`,
          });
        }
        const now = clock.now();
        const outbox = await tx.listOutbox();
        const members = outbox.filter((entry) => batchRefOf(entry.mutation)?.batchId === batchId);
        const stillHeld = (entry: OutboxEntry): boolean =>
          entry.state === 'pending' && now < entry.holdUntil - WITHDRAW_GUARD_MS;
        // Every item must still be here and held: one answered (or about to be sent) means part
        // of the batch may have reached the server, and only a compensation can undo it.
        if (
          members.length === 0 ||
          members.length !== record.items.length ||
          !members.every(stillHeld)
        ) {
          return err({
            code: 'bulk/not-held',
            message: `Batch ${batchId} is no longer held back; part of it may have been sent`,
          });
        }
        const memberIds = new Set(members.map((entry) => entry.mutation.id));
        const first = Math.min(...memberIds);
        const count = members.length;
        if (Math.max(...memberIds) - first + 1 !== count) {
          throw new Error(
            `batch ${batchId} has mutation ids with gaps: they are made in one write`,
          );
        }
        // Pushing stops at the first held entry, so everything after the batch was never sent:
        // those entries move down to keep ids contiguous (the server refuses a gap).
        const later = outbox.filter(
          (entry) => entry.mutation.id > first && !memberIds.has(entry.mutation.id),
        );
        if (later.some((entry) => entry.state !== 'pending')) {
          throw new Error(`an entry after held batch ${batchId} was sent before it`);
        }
        const renumbered = later.map((entry): OutboxEntry => ({
          ...entry,
          mutation: { ...entry.mutation, id: entry.mutation.id - count },
        }));
        await tx.deleteOutbox([...memberIds, ...later.map((entry) => entry.mutation.id)]);
        await tx.putOutbox(renumbered);
        const meta = await tx.getMeta();
        await tx.setMeta({ lastMutationId: meta.lastMutationId - count });
        // Rows made by a mutation are named after its id: the batch's rows and the renumbered
        // entries' old rows are cleared, then every entry is replayed under its (new) id.
        await rebase(
          tx,
          env(),
          [...members, ...later].flatMap((entry) => entry.keys),
        );
        await tx.putBatches([{ ...record, undo: { kind: 'withdrawn', at: now } }]);
        return ok({ count, counts: await countsOf(tx) });
      },
    );
    if (!outcome.ok) return outcome;
    setStatus(outcome.value.counts);
    notifyBatches();
    // Entries behind the batch were waiting for it; they may go now.
    if (outcome.value.counts.pendingCount > 0) nudge();
    return ok({ count: outcome.value.count });
  }

  /** Records the server's answers on the batches of the mutations; whether a record changed. */
  async function recordOutcomes(
    tx: StoreTx,
    answers: readonly { mutation: Mutation; outcome: BatchOutcome }[],
  ): Promise<boolean> {
    const byBatch = new Map<string, Map<string, BatchOutcome>>();
    for (const { mutation, outcome } of answers) {
      const ref = batchRefOf(mutation);
      if (ref === null) continue;
      const outcomes = byBatch.get(ref.batchId) ?? new Map<string, BatchOutcome>();
      outcomes.set(ref.reportId, outcome);
      byBatch.set(ref.batchId, outcomes);
    }
    const records: BatchRecord[] = [];
    for (const [batchId, outcomes] of byBatch) {
      const record = await tx.getBatch(batchId);
      if (record === null) continue; // pruned, or lost with a recovery
      records.push({
        ...record,
        outcomes: { ...record.outcomes, ...Object.fromEntries(outcomes) },
      });
    }
    await tx.putBatches(records);
    return records.length > 0;
  }

  async function mutate<N extends MutationName>(
    name: N,
    args: MutationArgs<N>,
  ): Promise<Result<{ mutationId: number }, MutationError>> {
    const result = await mutateItems([{ name, args }]);
    if (!result.ok) return err(result.error.error);
    const [mutationId] = result.value.mutationIds;
    if (mutationId === undefined) throw new Error('a committed mutation without an id');
    return ok({ mutationId });
  }

  // ---- review ----------------------------------------------------------------------------

  async function reviewItems(): Promise<ReviewItem[]> {
    return store.transact((tx) => tx.listReview());
  }

  async function resolveReview(
    id: string,
    choice: 'reapply' | 'discard',
  ): Promise<Result<null, MutationError>> {
    await init();
    const item = (await reviewItems()).find((candidate) => candidate.id === id);
    if (item === undefined) {
      return err(
        mutationError('mutation/not-found', 'mutation.not_found', `No review item ${id} here`),
      );
    }
    if (choice === 'discard') {
      const counts = await store.transact(async (tx) => {
        await tx.deleteReview([id]);
        return countsOf(tx);
      });
      setStatus(counts);
      return ok(null);
    }
    const { name, args } = item.mutation;
    const result = await mutateItems([{ name, args }], {}, (tx) => tx.deleteReview([id]));
    return result.ok ? ok(null) : err(result.error.error);
  }

  // ---- push ------------------------------------------------------------------------------

  /**
   * Sends pending entries in id order, in batches, until none is left or the next one is held
   * back: then nothing after it goes either (ids must reach the server in order), and a round is
   * scheduled for when its hold ends.
   */
  async function pushAll(): Promise<Result<null, Failure>> {
    for (;;) {
      const { meta, outbox } = await store.transact(async (tx) => ({
        meta: await tx.getMeta(),
        outbox: await tx.listOutbox(),
      }));
      const now = clock.now();
      const batch: OutboxEntry[] = [];
      let heldUntil: number | null = null;
      for (const entry of outbox) {
        if (entry.state !== 'pending') continue;
        if (entry.holdUntil > now) {
          heldUntil = entry.holdUntil;
          break;
        }
        batch.push(entry);
        if (batch.length >= pushBatchSize) break;
      }
      if (batch.length === 0) {
        if (heldUntil !== null) scheduleIn(heldUntil - now);
        return ok(null);
      }
      setStatus({ phase: 'pushing' });
      const answer = await transport.push({
        clientId: meta.clientId,
        mutations: batch.map(envelopeOf),
      });
      noteAnswer(answer);
      const sent = new Set(batch.map((entry) => entry.mutation.id));
      if (!answer.ok) {
        await store.transact(async (tx) => {
          const again = (await tx.listOutbox()).filter((entry) => sent.has(entry.mutation.id));
          await tx.putOutbox(again.map((entry) => ({ ...entry, attempts: entry.attempts + 1 })));
        });
        return err(answer.error);
      }
      const { progressed, batchesChanged, counts } = await store.transact(async (tx) => {
        const applied = await applyPushResponse(tx, answer.value);
        return { ...applied, counts: await countsOf(tx) };
      });
      setStatus(counts);
      if (batchesChanged) notifyBatches();
      if (!progressed) {
        const expected = answer.value.gap?.expected;
        return err({
          kind: 'client',
          message:
            expected === undefined
              ? 'The server answered the push without processing any mutation'
              : `The server expects mutation ${String(expected)}, which this client no longer has`,
        });
      }
    }
  }

  /**
   * Records the server's answers: whether any entry moved on (else the push is stuck), and
   * whether a batch record took outcomes.
   */
  async function applyPushResponse(
    tx: StoreTx,
    response: PushResponse,
  ): Promise<{ progressed: boolean; batchesChanged: boolean }> {
    const outbox = await tx.listOutbox();
    const byId = new Map(outbox.map((entry) => [entry.mutation.id, entry]));
    const answered = new Set<number>();
    const updated: OutboxEntry[] = [];
    const reviews: ReviewItem[] = [];
    const released: RecordKey[] = [];
    const outcomes: { mutation: Mutation; outcome: BatchOutcome }[] = [];
    for (const answer of response.results) {
      answered.add(answer.id);
      const entry = byId.get(answer.id);
      if (entry === undefined) continue;
      // A retry after a lost answer: the server's original decision, when it remembers it.
      const result: PushResult =
        answer.status === 'duplicate' && answer.original !== undefined
          ? { id: answer.id, ...answer.original }
          : answer;
      switch (result.status) {
        case 'applied':
          updated.push(
            result.version === undefined
              ? { ...entry, state: 'processed' }
              : { ...entry, state: 'applied', appliedVersion: result.version },
          );
          outcomes.push({ mutation: entry.mutation, outcome: 'applied' });
          break;
        case 'duplicate':
          // Run before, its answer lost and forgotten: taken as applied, as `processed` entries
          // are (a pull that finds no trace of it moves it to review as superseded).
          if (entry.state === 'pending') updated.push({ ...entry, state: 'processed' });
          outcomes.push({ mutation: entry.mutation, outcome: 'applied' });
          break;
        case 'superseded':
        case 'rejected':
          reviews.push(await reviewItemOf(tx, entry, result.status, result));
          released.push(...entry.keys);
          outcomes.push({ mutation: entry.mutation, outcome: result.status });
          break;
      }
    }
    // Every id up to the server's last was processed, whether or not its answer reached us.
    const processedUpTo = Math.max(response.lastMutationId, (response.gap?.expected ?? 1) - 1);
    for (const entry of outbox) {
      const id = entry.mutation.id;
      if (entry.state === 'pending' && !answered.has(id) && id <= processedUpTo) {
        updated.push({ ...entry, state: 'processed' });
        outcomes.push({ mutation: entry.mutation, outcome: 'applied' });
      }
    }
    if (updated.length > 0) await tx.putOutbox(updated);
    if (reviews.length > 0) {
      await tx.deleteOutbox(reviews.map((item) => item.mutation.id));
      await tx.putReview(reviews);
      await rebase(tx, env(), released);
    }
    const batchesChanged = await recordOutcomes(tx, outcomes);
    return { progressed: updated.length > 0 || reviews.length > 0, batchesChanged };
  }

  async function reviewItemOf(
    tx: StoreTx,
    entry: OutboxEntry,
    kind: 'superseded' | 'rejected',
    result: PushResult,
  ): Promise<ReviewItem> {
    const key = mainKey(entry.mutation);
    const intended = key === null ? null : effectiveRow((await tx.getRecords([key])).get(key));
    return {
      id: `${entry.mutation.clientId}:${String(entry.mutation.id)}`,
      kind,
      mutation: entry.mutation,
      error: result.error ?? {
        code: 'sync/no-reason',
        message: `The server answered ${kind} without a reason`,
      },
      current: result.current ?? null,
      intended,
      at: clock.now(),
    };
  }

  /**
   * `processed` entries (the server had run them, its answer was lost) whose trace is missing from
   * the complete server layer: not applied, for a reason we were never told. They go to review
   * rather than vanish. Only mutations that leave a row of their own can be told apart this way.
   */
  async function lostOutcomes(
    tx: StoreTx,
    processed: readonly OutboxEntry[],
  ): Promise<ReviewItem[]> {
    const lost: ReviewItem[] = [];
    for (const entry of processed) {
      const trace = traceKey(entry.mutation);
      if (trace === null) continue;
      if ((await tx.getRecords([trace])).get(trace)?.server != null) continue;
      const key = mainKey(entry.mutation);
      const record = key === null ? undefined : (await tx.getRecords([key])).get(key);
      const item = await reviewItemOf(tx, entry, 'superseded', {
        id: entry.mutation.id,
        status: 'superseded',
        error: {
          code: 'sync/outcome-lost',
          message:
            'The server did not apply this change; its answer was lost, so the reason is unknown',
        },
      });
      lost.push({ ...item, current: record?.server ?? null });
    }
    return lost;
  }

  // ---- pull ------------------------------------------------------------------------------

  /** Writes the heads (first screen of every queue) for an empty store; the cursor stays. */
  async function fetchHeads(): Promise<Result<null, Failure>> {
    if (transport.heads === undefined) return ok(null);
    setStatus({ phase: 'pulling' });
    const answer = await transport.heads();
    noteAnswer(answer);
    if (!answer.ok) {
      // Offline or signed out: the round fails. A server without heads: sync without them.
      if (answer.error.kind === 'offline' || answer.error.kind === 'unauthorized') {
        return err(answer.error);
      }
      headsDone = true;
      return ok(null);
    }
    const rows = answer.value.rows;
    const nextReference = withReferenceChanges(reference, rows) ?? reference;
    await store.transact(async (tx) => {
      await tx.applyServerChanges(rows);
      if ((await tx.listOutbox()).length > 0) await rebase(tx, env(nextReference));
    });
    reference = nextReference;
    heads = answer.value.counts;
    headsDone = true;
    return ok(null);
  }

  async function pullAll(): Promise<Result<null, Failure>> {
    let meta = await store.transact((tx) => tx.getMeta());
    if (!headsDone && meta.cursor === 0 && !meta.initialSyncComplete) {
      const headed = await fetchHeads();
      if (!headed.ok) return headed;
    } else {
      headsDone = true;
    }
    const runStartedAt = clock.now();
    const runStartedRows = initialRowsDone;
    let total: number | null = null;
    // The next page is requested before this one is written, so the network and the local
    // database work at the same time (pages come in cursor order: one request ahead).
    let prefetched: ReturnType<Transport['pull']> | null = null;
    for (let first = true; ; first = false) {
      setStatus({ phase: 'pulling' });
      const withTotal = first && !meta.initialSyncComplete;
      const answer = await (prefetched ??
        transport.pull({
          cursor: meta.cursor,
          limit: meta.initialSyncComplete ? catchUpPageSize : pageSize,
          ...(withTotal ? { withTotal: true } : {}),
        }));
      prefetched = null;
      noteAnswer(answer);
      if (!answer.ok) return err(answer.error);
      const page = answer.value;
      if (page.hasMore) {
        prefetched = transport.pull({
          cursor: page.cursor,
          limit: meta.initialSyncComplete ? catchUpPageSize : pageSize,
        });
      }
      if (withTotal && page.remaining !== undefined) total = initialRowsDone + page.remaining;
      const nextReference = withReferenceChanges(reference, page.rows);
      const committed = await store.transact(async (tx) => {
        const before = await tx.getMeta();
        await tx.applyServerChanges(page.rows);
        const cursor = Math.max(before.cursor, page.cursor);
        const outbox = await tx.listOutbox();
        // At the end of the pull the server layer holds every acknowledged effect we may see.
        const done = outbox.filter((entry) =>
          page.hasMore
            ? entry.state === 'applied' && (entry.appliedVersion ?? Infinity) <= cursor
            : entry.state !== 'pending',
        );
        const kept = outbox.filter((entry) => !done.includes(entry));
        const lost = await lostOutcomes(
          tx,
          done.filter((entry) => entry.state === 'processed'),
        );
        if (done.length > 0) await tx.deleteOutbox(done.map((entry) => entry.mutation.id));
        if (lost.length > 0) await tx.putReview(lost);
        const batchesChanged = await recordOutcomes(
          tx,
          lost.map((item) => ({ mutation: item.mutation, outcome: 'superseded' as const })),
        );
        const mustRebase =
          done.length > 0 ||
          (kept.length > 0 && (nextReference !== null || touchesOutbox(kept, page.rows)));
        if (mustRebase) {
          await rebase(
            tx,
            env(nextReference ?? reference),
            done.flatMap((entry) => entry.keys),
          );
        }
        await tx.setMeta(
          page.hasMore
            ? { cursor }
            : { cursor, lastSyncAt: clock.now(), initialSyncComplete: true },
        );
        return { meta: await tx.getMeta(), counts: await countsOf(tx), batchesChanged };
      });
      if (committed.batchesChanged) notifyBatches();
      if (nextReference !== null) reference = nextReference;
      meta = committed.meta;
      knownCursor = meta.cursor;
      if (!meta.initialSyncComplete) initialRowsDone += page.rows.length;
      else heads = null;
      setStatus({
        ...committed.counts,
        lastSyncAt: meta.lastSyncAt,
        initialSync: progressOf(meta, total, eta(total, runStartedRows, runStartedAt)),
      });
      if (!page.hasMore) return ok(null);
    }
  }

  /** Remaining ms at this run's rate so far; null until it can be told. */
  function eta(total: number | null, runStartedRows: number, runStartedAt: number): number | null {
    const elapsed = clock.now() - runStartedAt;
    const rows = initialRowsDone - runStartedRows;
    if (total === null || rows <= 0 || elapsed <= 0) return null;
    return Math.max(0, Math.round(((total - initialRowsDone) * elapsed) / rows));
  }

  // ---- rounds ----------------------------------------------------------------------------

  async function round(): Promise<RoundOutcome> {
    try {
      await init();
      const pushed = await pushAll();
      const result = pushed.ok ? await pullAll() : pushed;
      if (!result.ok) {
        setStatus({ phase: 'idle', lastError: result.error.message });
        return { ok: false, failure: result.error };
      }
      setStatus({ phase: 'idle', lastError: null, nextRetryAt: null });
      return { ok: true };
    } catch (error) {
      // The store failed (quota, closed database) or a bug threw: report it, retry later.
      const message = messageOf(error);
      setStatus({ phase: 'idle', lastError: message });
      return { ok: false, failure: { kind: 'local', message } };
    }
  }

  function exclusiveRound(): Promise<RoundOutcome> {
    const next = roundChain.then(round);
    roundChain = next.catch(() => undefined);
    return next;
  }

  /** After a round: reset or grow the backoff and schedule what comes next. */
  function settle(outcome: RoundOutcome): void {
    if (outcome.ok) {
      failures = 0;
      return;
    }
    if (outcome.failure.kind === 'unauthorized') {
      stoppedByAuth = true;
      cancelTimer();
      setStatus({ connection: 'unauthorized', nextRetryAt: null });
      return;
    }
    failures += 1;
    const delay = backoffDelay(failures, backoff, random);
    setStatus({ nextRetryAt: clock.now() + delay });
    scheduleIn(delay, true);
  }

  async function syncOnce(): Promise<void> {
    const outcome = await exclusiveRound();
    if (!outcome.ok && outcome.failure.kind === 'unauthorized') stoppedByAuth = true;
    if (started) {
      settle(outcome);
      if (outcome.ok) scheduleIdle();
    }
  }

  // ---- the background loop ---------------------------------------------------------------

  function cancelTimer(): void {
    if (timer === null) return;
    scheduler.clearTimeout(timer.handle);
    timer = null;
  }

  /** Runs the loop after `ms`; a sooner run already scheduled wins unless `replace`. */
  function scheduleIn(ms: number, replace = false): void {
    if (!started || stoppedByAuth) return;
    const dueAt = clock.now() + ms;
    if (timer !== null && !replace && timer.dueAt <= dueAt) return;
    cancelTimer();
    const handle = scheduler.setTimeout(() => {
      if (timer?.handle === handle) timer = null;
      void loop();
    }, ms);
    timer = { handle, dueAt };
  }

  /** Without a live stream, poll; with one, wait for announcements. */
  function scheduleIdle(): void {
    if (!live) scheduleIn(pollMs);
  }

  // A function, not an inline condition: nudges change these flags while a round is awaited.
  const shouldRunAgain = (): boolean => rerunRequested && started && !stoppedByAuth;

  async function loop(): Promise<void> {
    if (loopRunning) {
      rerunRequested = true;
      return;
    }
    loopRunning = true;
    try {
      do {
        rerunRequested = false;
        const outcome = await exclusiveRound();
        if (!started) return;
        settle(outcome);
        if (!outcome.ok) return;
      } while (shouldRunAgain());
      scheduleIdle();
    } finally {
      loopRunning = false;
    }
  }

  function nudge(): void {
    if (!started || stoppedByAuth) return;
    if (loopRunning) {
      rerunRequested = true;
      return;
    }
    scheduleIn(0);
  }

  function start(): void {
    if (started) return;
    started = true;
    stoppedByAuth = false;
    failures = 0;
    if (transport.subscribe !== undefined) {
      unsubscribe = transport.subscribe(
        (announcement) => {
          if (announcement.version > knownCursor) nudge();
        },
        (connected) => {
          live = connected;
          // On (re)connecting, catch up on what was announced while the stream was down.
          if (connected) nudge();
          else scheduleIdle();
        },
      );
    }
    scheduleIn(0);
  }

  function stop(): void {
    started = false;
    live = false;
    cancelTimer();
    unsubscribe?.();
    unsubscribe = null;
    setStatus({ nextRetryAt: null });
  }

  return {
    init,
    status: () => currentStatus,
    subscribeStatus(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    mutate,
    mutateMany: (items, mutateOptions) => mutateItems(items, mutateOptions),
    mutatePlanned,
    withdrawBatch,
    listBatches: (limit = 50) => store.transact((tx) => tx.listBatches(limit)),
    subscribeBatches(listener) {
      batchListeners.add(listener);
      return () => {
        batchListeners.delete(listener);
      };
    },
    syncOnce,
    start,
    stop,
    nudge,
    setLeader: (leader) => {
      setStatus({ leader });
    },
    reviewItems,
    resolveReview,
    reference: () => reference,
    headsCounts: () => heads,
  };
}
