// An in-memory LocalStore with the semantics of the Dexie store (ports.ts): for unit tests,
// property tests and simulation. Transactions run one at a time; writes go to a draft that is
// committed only when the transaction's function resolves.

import type { BatchRecord } from '../../bulk/bulk-action';
import { isTombstone, type PulledChange, type SyncEntity, type SyncRow } from '../protocol';
import {
  recordKey,
  type LayeredRecord,
  type LocalStore,
  type OutboxEntry,
  type RecordKey,
  type ReviewItem,
  type StoreTx,
  type SyncMeta,
} from './ports';

export interface MemoryStore extends LocalStore {
  /** Every record (both layers), as committed: for tests that compare whole stores. */
  records(): ReadonlyMap<RecordKey, LayeredRecord>;
  /** The committed meta, outbox, review list and batches, without a transaction. */
  meta(): SyncMeta;
  outbox(): OutboxEntry[];
  review(): ReviewItem[];
  /** Every batch record, newest first (the order of listBatches). */
  batches(): BatchRecord[];
}

const REFERENCE_ENTITIES: ReadonlySet<SyncEntity> = new Set([
  'agency',
  'user',
  'category',
  'template',
  'saved_view',
]);
const REPORT_CHILDREN: ReadonlySet<SyncEntity> = new Set([
  'disposition',
  'response',
  'note',
  'citizen_message',
  'audit_event',
]);

interface State {
  meta: SyncMeta;
  records: Map<RecordKey, LayeredRecord>;
  outbox: Map<number, OutboxEntry>;
  review: Map<string, ReviewItem>;
  batches: Map<string, BatchRecord>;
}

/** Writes of one transaction over the committed state; `null` marks a deletion. */
interface Draft {
  meta: SyncMeta;
  records: Map<RecordKey, LayeredRecord | null>;
  outbox: Map<number, OutboxEntry | null>;
  review: Map<string, ReviewItem | null>;
  batches: Map<string, BatchRecord | null>;
}

export function newSyncMeta(clientId: string): SyncMeta {
  return { clientId, cursor: 0, lastMutationId: 0, lastSyncAt: null, initialSyncComplete: false };
}

function reportIdOf(row: SyncRow): string | null {
  if (!REPORT_CHILDREN.has(row.entity)) return null;
  const data = row.data as { reportId?: unknown };
  return typeof data.reportId === 'string' ? data.reportId : null;
}

function merged<K, V>(base: ReadonlyMap<K, V>, draft: ReadonlyMap<K, V | null>): Map<K, V> {
  const result = new Map(base);
  for (const [key, value] of draft) {
    if (value === null) result.delete(key);
    else result.set(key, value);
  }
  return result;
}

function commit<K, V>(base: Map<K, V>, draft: ReadonlyMap<K, V | null>): void {
  for (const [key, value] of draft) {
    if (value === null) base.delete(key);
    else base.set(key, value);
  }
}

function txOver(state: State, draft: Draft): StoreTx {
  const getRecord = (key: RecordKey): LayeredRecord | undefined => {
    const drafted = draft.records.get(key);
    if (drafted !== undefined) return drafted ?? undefined;
    return state.records.get(key);
  };
  const putRecord = (key: RecordKey, record: LayeredRecord): void => {
    const empty = record.server === null && record.local === undefined;
    draft.records.set(key, empty ? null : record);
  };
  const dropServer = (key: RecordKey, version: number): void => {
    const record = getRecord(key);
    if (record === undefined) return;
    if (record.server !== null && record.server.version > version) return;
    putRecord(key, { server: null, local: record.local });
  };

  return {
    getMeta: () => Promise.resolve(draft.meta),
    setMeta(patch) {
      draft.meta = { ...draft.meta, ...patch, clientId: draft.meta.clientId };
      return Promise.resolve();
    },
    getRecords(keys) {
      const found = new Map<RecordKey, LayeredRecord>();
      for (const key of keys) {
        const record = getRecord(key);
        if (record !== undefined) found.set(key, record);
      }
      return Promise.resolve(found);
    },
    getReportRecords(reportIds) {
      const wanted = new Set(reportIds);
      const found = new Map<string, Map<RecordKey, LayeredRecord>>();
      const keys = new Set([...state.records.keys(), ...draft.records.keys()]);
      for (const key of keys) {
        const record = getRecord(key);
        if (record === undefined) continue;
        const row = record.local ?? record.server;
        const reportId =
          row === null
            ? null
            : row.entity === 'report'
              ? row.id
              : (reportIdOf(row) ?? (record.server === null ? null : reportIdOf(record.server)));
        if (reportId === null || !wanted.has(reportId)) continue;
        let records = found.get(reportId);
        if (records === undefined) {
          records = new Map();
          found.set(reportId, records);
        }
        records.set(key, record);
      }
      return Promise.resolve(found);
    },
    applyServerChanges(changes: readonly PulledChange[]) {
      for (const change of changes) {
        const key = recordKey(change.entity, change.id);
        if (isTombstone(change)) {
          dropServer(key, change.version);
          if (change.entity === 'report') {
            const keys = new Set([...state.records.keys(), ...draft.records.keys()]);
            for (const childKey of keys) {
              const server = getRecord(childKey)?.server ?? null;
              if (server !== null && reportIdOf(server) === change.id) {
                dropServer(childKey, change.version);
              }
            }
          }
          continue;
        }
        const record = getRecord(key);
        if (record?.server != null && record.server.version >= change.version) continue;
        putRecord(key, { server: change, local: record?.local });
      }
      return Promise.resolve();
    },
    setLocal(entries) {
      for (const { key, row } of entries) {
        const record = getRecord(key);
        putRecord(key, { server: record?.server ?? null, local: row });
      }
      return Promise.resolve();
    },
    listOutbox() {
      const all = merged(state.outbox, draft.outbox);
      return Promise.resolve([...all.values()].sort((a, b) => a.mutation.id - b.mutation.id));
    },
    putOutbox(entries) {
      for (const entry of entries) draft.outbox.set(entry.mutation.id, entry);
      return Promise.resolve();
    },
    deleteOutbox(ids) {
      for (const id of ids) draft.outbox.set(id, null);
      return Promise.resolve();
    },
    listReview() {
      const all = merged(state.review, draft.review);
      return Promise.resolve([...all.values()].sort((a, b) => a.at - b.at || cmp(a.id, b.id)));
    },
    putReview(items) {
      for (const item of items) draft.review.set(item.id, item);
      return Promise.resolve();
    },
    deleteReview(ids) {
      for (const id of ids) draft.review.set(id, null);
      return Promise.resolve();
    },
    getBatch(id) {
      const drafted = draft.batches.get(id);
      if (drafted !== undefined) return Promise.resolve(drafted);
      return Promise.resolve(state.batches.get(id) ?? null);
    },
    putBatches(records) {
      for (const record of records) draft.batches.set(record.id, record);
      return Promise.resolve();
    },
    listBatches(limit) {
      const all = newestFirst(merged(state.batches, draft.batches).values());
      return Promise.resolve(all.slice(0, Math.max(0, limit)));
    },
    pruneBatches(keep) {
      const all = newestFirst(merged(state.batches, draft.batches).values());
      for (const record of all.slice(Math.max(0, keep))) draft.batches.set(record.id, null);
      return Promise.resolve();
    },
  };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Newest createdAt first, then greater id first: the order of a reversed Dexie index walk. */
function newestFirst(records: Iterable<BatchRecord>): BatchRecord[] {
  return [...records].sort((a, b) => b.createdAt - a.createdAt || cmp(b.id, a.id));
}

/** A new, empty store for the client `clientId`. */
export function createMemoryStore(clientId: string): MemoryStore {
  const state: State = {
    meta: newSyncMeta(clientId),
    records: new Map(),
    outbox: new Map(),
    review: new Map(),
    batches: new Map(),
  };
  // Transactions are serialized, as IndexedDB serializes overlapping read-write transactions.
  let queue: Promise<unknown> = Promise.resolve();

  async function run<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    const draft: Draft = {
      meta: state.meta,
      records: new Map(),
      outbox: new Map(),
      review: new Map(),
      batches: new Map(),
    };
    const value = await fn(txOver(state, draft));
    state.meta = draft.meta;
    commit(state.records, draft.records);
    commit(state.outbox, draft.outbox);
    commit(state.review, draft.review);
    commit(state.batches, draft.batches);
    return value;
  }

  return {
    transact<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
      const result = queue.then(() => run(fn));
      queue = result.catch(() => undefined);
      return result;
    },
    listReference() {
      const rows: SyncRow[] = [];
      for (const record of state.records.values()) {
        const row = record.local === undefined ? record.server : record.local;
        if (row !== null && REFERENCE_ENTITIES.has(row.entity)) rows.push(row);
      }
      return Promise.resolve(rows);
    },
    records: () => state.records,
    meta: () => state.meta,
    outbox: () => [...state.outbox.values()].sort((a, b) => a.mutation.id - b.mutation.id),
    review: () => [...state.review.values()],
    batches: () => newestFirst(state.batches.values()),
  };
}
