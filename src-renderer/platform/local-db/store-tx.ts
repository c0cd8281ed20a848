// StoreTx over Dexie (ports.ts): one read-write transaction over every table. Server rows are
// buffered per anchor and written at the end as ONE docs record per anchor (or a compacted one);
// the list row of every report whose server or local layer changed is derived and written in the
// same transaction. Only Dexie operations are awaited here (Dexie 4 keeps the transaction alive
// across them, and across nothing else).

import type { ReportChange } from './local-db';
import type { BatchRecord } from '../../../src-shared/bulk/bulk-action';
import type {
  LayeredRecord,
  OutboxEntry,
  RecordKey,
  ReviewItem,
  StoreTx,
  SyncMeta,
} from '../../../src-shared/sync/client/ports';
import { isTombstone, type PulledChange, type SyncRow } from '../../../src-shared/sync/protocol';
import {
  anchorOfKey,
  anchorOfRow,
  deriveReport,
  dropChildrenOlderThan,
  layeredRecords,
  entityOfKey,
  isReportAnchor,
  isReportChild,
  mergeDocs,
  mergeEntry,
} from './anchors';
import { sameStoredListRow, toStoredListRow } from './list-rows';
import {
  META_KEY,
  type DocEntry,
  type DocsRecord,
  type LocalRecord,
  type MetaRecord,
  type PoskoDexie,
  type StoredListRow,
} from './schema';

/** Past this many docs records an anchor is rewritten as one (reads merge every record). */
export const MAX_DOCS_PER_ANCHOR = 8;

/** An anchor's server layer as this transaction sees it. */
interface AnchorState {
  /** The seqs of its docs records on disk when loaded. */
  readonly seqs: number[];
  /** Its merged server layer including this transaction's changes. */
  readonly merged: Map<RecordKey, DocEntry>;
  /** Entries this transaction changed (written as one appended record). */
  readonly delta: Map<RecordKey, DocEntry>;
  /** A report tombstone dropped entries: the anchor is rewritten whole. */
  reset: boolean;
}

/** What a committed transaction changed, for subscribers and other windows. */
export interface TxChanges {
  readonly reports: ReportChange[];
  reference: boolean;
  outbox: boolean;
  review: boolean;
}

export function anchorRange(anchor: string): [[string, number], [string, number]] {
  return [
    [anchor, -Infinity],
    [anchor, Infinity],
  ];
}

/**
 * Every docs record of `anchors`, grouped by anchor (anchors without records left out). One
 * range read per anchor, all issued at once: IndexedDB pipelines them, where one cursor over
 * many ranges (`inAnyRange`, `anyOf`) waits for every jump (≈ 1 s per 1,000 anchors in Chromium).
 */
export async function loadDocs(
  db: PoskoDexie,
  anchors: readonly string[],
): Promise<Map<string, DocsRecord[]>> {
  const byAnchor = new Map<string, DocsRecord[]>();
  if (anchors.length === 0) return byAnchor;
  const groups = await Promise.all(
    anchors.map((anchor) => {
      const [lower, upper] = anchorRange(anchor);
      return db.docs.where('[anchor+seq]').between(lower, upper, true, true).toArray();
    }),
  );
  anchors.forEach((anchor, i) => {
    const group = groups[i];
    if (group !== undefined && group.length > 0) byAnchor.set(anchor, group);
  });
  return byAnchor;
}

/** Every local record of `anchors`, grouped by anchor; one read per anchor, issued at once. */
export async function loadLocal(
  db: PoskoDexie,
  anchors: readonly string[],
): Promise<Map<string, LocalRecord[]>> {
  const byAnchor = new Map<string, LocalRecord[]>();
  if (anchors.length === 0) return byAnchor;
  const groups = await Promise.all(
    anchors.map((anchor) => db.local.where('anchor').equals(anchor).toArray()),
  );
  anchors.forEach((anchor, i) => {
    const group = groups[i];
    if (group !== undefined && group.length > 0) byAnchor.set(anchor, group);
  });
  return byAnchor;
}

function childKeys(entries: Iterable<DocEntry>): RecordKey[] {
  const keys: RecordKey[] = [];
  for (const entry of entries) if (isReportChild(entityOfKey(entry.key))) keys.push(entry.key);
  return keys;
}

function metaOf(record: MetaRecord): SyncMeta {
  const { key: _key, ...meta } = record;
  return meta;
}

export class DexieStoreTx implements StoreTx {
  private readonly anchors = new Map<string, AnchorState>();
  /** Report children seen in this transaction → their anchor. */
  private readonly childAnchors = new Map<RecordKey, string>();
  private readonly dirtyReports = new Set<string>();
  /**
   * The local records of anchors read whole in this transaction (getReportRecords), by key, kept
   * current by setLocal; the list rows written at the end reuse them instead of reading again.
   */
  private readonly localByAnchor = new Map<string, Map<RecordKey, LocalRecord>>();
  /** Where each cached local record sits in `localByAnchor`. */
  private readonly cachedLocalAnchor = new Map<RecordKey, string>();
  private meta: MetaRecord | null = null;
  readonly changes: TxChanges = { reports: [], reference: false, outbox: false, review: false };

  constructor(private readonly db: PoskoDexie) {}

  // -------------------------------------------------------------------------------------------
  // Meta

  async getMeta(): Promise<SyncMeta> {
    return metaOf(await this.loadMeta());
  }

  async setMeta(patch: Partial<Omit<SyncMeta, 'clientId'>>): Promise<void> {
    const current = await this.loadMeta();
    const { clientId: _ignored, ...allowed } = patch as Partial<SyncMeta>;
    const next: MetaRecord = { ...current, ...allowed, clientId: current.clientId, key: META_KEY };
    this.meta = next;
    await this.db.meta.put(next);
  }

  private async loadMeta(): Promise<MetaRecord> {
    if (this.meta !== null) return this.meta;
    const record = await this.db.meta.get(META_KEY);
    if (record === undefined) throw new Error('local database has no meta record');
    this.meta = record;
    return record;
  }

  // -------------------------------------------------------------------------------------------
  // Records

  async getRecords(
    keys: readonly RecordKey[],
    reportOf?: ReadonlyMap<RecordKey, string>,
  ): Promise<Map<RecordKey, LayeredRecord>> {
    // Children whose report is named are read from that report's records (a new response of a
    // bulk reply would otherwise be looked up in the whole store, one index read each).
    const named = reportOf === undefined ? [] : keys.filter((key) => reportOf.has(key));
    if (named.length === 0) return this.lookUpRecords(keys);
    const namedSet = new Set(named);
    const found = await this.lookUpRecords(keys.filter((key) => !namedSet.has(key)));
    const reports = [...new Set(named.map((key) => reportOf?.get(key) ?? ''))];
    await Promise.all([this.loadAnchors(reports), this.loadLocalOf(reports)]);
    for (const key of named) {
      const report = reportOf?.get(key) ?? '';
      const server = this.anchors.get(report)?.merged.get(key)?.row ?? null;
      const local = this.localByAnchor.get(report)?.get(key);
      if (server !== null || local !== undefined) {
        found.set(key, { server, local: local === undefined ? undefined : local.row });
      }
    }
    return found;
  }

  private async lookUpRecords(keys: readonly RecordKey[]): Promise<Map<RecordKey, LayeredRecord>> {
    if (keys.length === 0) return new Map();
    const anchorByKey = await this.resolveAnchors(keys);
    await this.loadAnchors([...new Set(anchorByKey.values())]);
    const locals = await this.db.local.bulkGet([...keys]);
    const found = new Map<RecordKey, LayeredRecord>();
    keys.forEach((key, i) => {
      const anchor = anchorByKey.get(key);
      const server =
        anchor === undefined ? null : (this.anchors.get(anchor)?.merged.get(key)?.row ?? null);
      const local = locals[i];
      if (server !== null || local !== undefined) {
        found.set(key, { server, local: local === undefined ? undefined : local.row });
      }
    });
    return found;
  }

  async getReportRecords(
    reportIds: readonly string[],
  ): Promise<Map<string, Map<RecordKey, LayeredRecord>>> {
    const anchors = [...new Set(reportIds)];
    await Promise.all([this.loadAnchors(anchors), this.loadLocalOf(anchors)]);
    const found = new Map<string, Map<RecordKey, LayeredRecord>>();
    for (const anchor of anchors) {
      const merged = this.anchors.get(anchor)?.merged ?? new Map<RecordKey, DocEntry>();
      const records = layeredRecords(merged, [...(this.localByAnchor.get(anchor)?.values() ?? [])]);
      if (records.size > 0) found.set(anchor, records);
    }
    return found;
  }

  async applyServerChanges(changes: readonly PulledChange[]): Promise<void> {
    // Anchors first, from the rows themselves; tombstones of children not in this batch are
    // looked up in one query.
    const seen = new Map<RecordKey, string>();
    const unresolved: RecordKey[] = [];
    for (const change of changes) {
      const key: RecordKey = `${change.entity}:${change.id}`;
      if (!isTombstone(change)) seen.set(key, anchorOfRow(change));
      else if (anchorOfKey(key) === null && !seen.has(key)) unresolved.push(key);
    }
    const looked = await this.resolveAnchors(unresolved);
    const anchorOf = (key: RecordKey): string | undefined =>
      seen.get(key) ?? anchorOfKey(key) ?? looked.get(key);
    const anchors = new Set<string>();
    for (const change of changes) {
      const anchor = anchorOf(`${change.entity}:${change.id}`);
      if (anchor !== undefined) anchors.add(anchor);
    }
    await this.loadAnchors([...anchors]);

    for (const change of changes) {
      const key: RecordKey = `${change.entity}:${change.id}`;
      const anchor = anchorOf(key);
      const state = anchor === undefined ? undefined : this.anchors.get(anchor);
      if (anchor === undefined || state === undefined) continue; // a tombstone of a stranger
      if (isTombstone(change)) {
        // A tombstone drops what the anchor has; for a record never seen there is nothing to drop.
        if (state.merged.size === 0) continue;
        const existing = state.merged.get(key);
        if (existing !== undefined && existing.version <= change.version) {
          const entry: DocEntry = { key, version: change.version, row: null };
          state.merged.set(key, entry);
          state.delta.set(key, entry);
        }
        // A report's tombstone also drops its children that are not newer (they left with it).
        if (change.entity === 'report') {
          const dropped = dropChildrenOlderThan(state.merged, change.version);
          for (const droppedKey of dropped) state.delta.delete(droppedKey);
          // What is on disk is rewritten as the merged remainder: the dropped rows' space returns.
          if (dropped.length > 0 && state.seqs.length > 0) state.reset = true;
        }
      } else {
        const entry: DocEntry = { key, version: change.version, row: change };
        if (!mergeEntry(state.merged, entry)) continue;
        state.delta.set(key, entry);
        if (isReportChild(change.entity)) this.childAnchors.set(key, anchor);
      }
      this.touch(anchor);
    }
  }

  async setLocal(
    entries: readonly { key: RecordKey; row: SyncRow | null | undefined }[],
  ): Promise<void> {
    if (entries.length === 0) return;
    // Only a cleared or deleted record needs its previous anchor (a written row names its own;
    // a record never moves to another report), so only those are read back.
    const clearing = entries.filter((entry) => entry.row === null || entry.row === undefined);
    const read = await this.db.local.bulkGet(clearing.map((entry) => entry.key));
    const existing = new Map<RecordKey, LocalRecord>();
    read.forEach((record, i) => {
      const entry = clearing[i];
      if (record !== undefined && entry !== undefined) existing.set(entry.key, record);
    });
    const needLookup = clearing
      .filter((entry) => !existing.has(entry.key))
      .map((entry) => entry.key);
    const looked = await this.resolveAnchors(needLookup);
    const puts: LocalRecord[] = [];
    const deletes: RecordKey[] = [];
    for (const { key, row } of entries) {
      const previous = existing.get(key);
      const anchor =
        row !== null && row !== undefined
          ? anchorOfRow(row)
          : (previous?.anchor ?? anchorOfKey(key) ?? looked.get(key) ?? '');
      if (row === undefined) {
        if (previous === undefined) continue;
        deletes.push(key);
      } else {
        puts.push({ key, anchor, row });
      }
      this.touch(anchor);
    }
    if (puts.length > 0) await this.db.local.bulkPut(puts);
    if (deletes.length > 0) await this.db.local.bulkDelete(deletes);
    for (const key of deletes) this.uncacheLocal(key);
    for (const record of puts) {
      this.uncacheLocal(record.key);
      const cached = this.localByAnchor.get(record.anchor);
      if (cached !== undefined) {
        cached.set(record.key, record);
        this.cachedLocalAnchor.set(record.key, record.anchor);
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Outbox and review

  async listOutbox(): Promise<OutboxEntry[]> {
    return this.db.outbox.toArray();
  }

  async putOutbox(entries: readonly OutboxEntry[]): Promise<void> {
    if (entries.length === 0) return;
    this.changes.outbox = true;
    await this.db.outbox.bulkPut([...entries]);
  }

  async deleteOutbox(mutationIds: readonly number[]): Promise<void> {
    if (mutationIds.length === 0) return;
    this.changes.outbox = true;
    await this.db.outbox.bulkDelete([...mutationIds]);
  }

  async listReview(): Promise<ReviewItem[]> {
    return sortReview(await this.db.review.toArray());
  }

  async putReview(items: readonly ReviewItem[]): Promise<void> {
    if (items.length === 0) return;
    this.changes.review = true;
    await this.db.review.bulkPut([...items]);
  }

  async deleteReview(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    this.changes.review = true;
    await this.db.review.bulkDelete([...ids]);
  }

  // -------------------------------------------------------------------------------------------
  // Batches

  async getBatch(id: string): Promise<BatchRecord | null> {
    return (await this.db.batches.get(id)) ?? null;
  }

  async putBatches(records: readonly BatchRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.db.batches.bulkPut([...records]);
  }

  async listBatches(limit: number): Promise<BatchRecord[]> {
    if (limit <= 0) return [];
    // A reversed index walk: newest createdAt first, equal ones by primary key descending.
    return this.db.batches.orderBy('createdAt').reverse().limit(limit).toArray();
  }

  async pruneBatches(keep: number): Promise<void> {
    // Keys only: a batch of 1,000 reports is a large record, and pruning runs with every batch.
    const old = await this.db.batches
      .orderBy('createdAt')
      .reverse()
      .offset(Math.max(0, keep))
      .primaryKeys();
    if (old.length > 0) await this.db.batches.bulkDelete(old);
  }

  // -------------------------------------------------------------------------------------------
  // Commit work

  /**
   * Writes the buffered server rows (one docs record per anchor, compacted when it has too many)
   * and the list rows of the changed reports. Runs inside the transaction, after its function.
   */
  async finish(): Promise<void> {
    const puts: DocsRecord[] = [];
    const deletes: [string, number][] = [];
    for (const [anchor, state] of this.anchors) {
      if (state.delta.size === 0 && !state.reset) continue;
      if (state.reset || state.seqs.length + 1 > MAX_DOCS_PER_ANCHOR) {
        for (const seq of state.seqs) if (seq !== 0) deletes.push([anchor, seq]);
        if (state.merged.size === 0) {
          if (state.seqs.includes(0)) deletes.push([anchor, 0]);
          continue;
        }
        const entries = [...state.merged.values()];
        puts.push({ anchor, seq: 0, entries, ck: childKeys(entries) });
      } else {
        const entries = [...state.delta.values()];
        const seq = state.seqs.length === 0 ? 0 : Math.max(...state.seqs) + 1;
        puts.push({ anchor, seq, entries, ck: childKeys(entries) });
      }
    }
    if (puts.length > 0) await this.db.docs.bulkPut(puts);
    if (deletes.length > 0) await this.db.docs.bulkDelete(deletes);
    await this.writeListRows();
  }

  private async writeListRows(): Promise<void> {
    const ids = [...this.dirtyReports];
    if (ids.length === 0) return;
    await Promise.all([this.loadAnchors(ids), this.loadLocalOf(ids)]);
    const local = new Map(
      ids.map((id) => [id, [...(this.localByAnchor.get(id)?.values() ?? [])]] as const),
    );
    // Only reports that may already have a list row are read back (none during initial sync).
    const mayExist = ids.filter(
      (id) => (this.anchors.get(id)?.seqs.length ?? 0) > 0 || (local.get(id)?.length ?? 0) > 0,
    );
    const existing = new Map<string, StoredListRow>();
    if (mayExist.length > 0) {
      const rows = await this.db.list.bulkGet(mayExist);
      for (const row of rows) if (row !== undefined) existing.set(row.id, row);
    }
    const puts: StoredListRow[] = [];
    const deletes: string[] = [];
    for (const id of ids) {
      const merged = this.anchors.get(id)?.merged ?? new Map<RecordKey, DocEntry>();
      const derived = deriveReport(id, merged, local.get(id) ?? []);
      this.changes.reports.push(derived);
      const before = existing.get(id);
      if (derived.row === null) {
        if (before !== undefined) deletes.push(id);
        continue;
      }
      const stored = toStoredListRow(derived.row);
      if (before === undefined || !sameStoredListRow(before, stored)) puts.push(stored);
    }
    if (puts.length > 0) await this.db.list.bulkPut(puts);
    if (deletes.length > 0) await this.db.list.bulkDelete(deletes);
  }

  // -------------------------------------------------------------------------------------------
  // Helpers

  private touch(anchor: string): void {
    if (isReportAnchor(anchor)) this.dirtyReports.add(anchor);
    else if (anchor.startsWith('ref:')) this.changes.reference = true;
  }

  /** Loads (once per transaction) the local records of `anchors`; setLocal keeps them current. */
  private async loadLocalOf(anchors: readonly string[]): Promise<void> {
    const missing = anchors.filter((anchor) => !this.localByAnchor.has(anchor));
    if (missing.length === 0) return;
    const loaded = await loadLocal(this.db, missing);
    for (const anchor of missing) {
      const records = new Map<RecordKey, LocalRecord>();
      for (const record of loaded.get(anchor) ?? []) {
        records.set(record.key, record);
        this.cachedLocalAnchor.set(record.key, anchor);
      }
      this.localByAnchor.set(anchor, records);
    }
  }

  private uncacheLocal(key: RecordKey): void {
    const anchor = this.cachedLocalAnchor.get(key);
    if (anchor === undefined) return;
    this.localByAnchor.get(anchor)?.delete(key);
    this.cachedLocalAnchor.delete(key);
  }

  /** Loads (once per transaction) the merged server layer of `anchors`. */
  private async loadAnchors(anchors: readonly string[]): Promise<void> {
    const missing = anchors.filter((anchor) => !this.anchors.has(anchor));
    if (missing.length === 0) return;
    const docs = await loadDocs(this.db, missing);
    for (const anchor of missing) {
      const records = docs.get(anchor) ?? [];
      this.anchors.set(anchor, {
        seqs: records.map((record) => record.seq),
        merged: mergeDocs(records),
        delta: new Map(),
        reset: false,
      });
    }
  }

  /**
   * The anchors of `keys`: from the key itself (reports, reference rows), from this transaction,
   * else from the docs' child-key index and the local layer. Unknown keys are left out.
   */
  private async resolveAnchors(keys: readonly RecordKey[]): Promise<Map<RecordKey, string>> {
    const resolved = new Map<RecordKey, string>();
    const lookup: RecordKey[] = [];
    for (const key of keys) {
      const anchor = anchorOfKey(key) ?? this.childAnchors.get(key);
      if (anchor !== undefined) resolved.set(key, anchor);
      else lookup.push(key);
    }
    if (lookup.length === 0) return resolved;
    // One index read per key, issued at once: `anyOf` over many keys walks one cursor jump at a
    // time (a bulk reply looks up hundreds of new response keys here).
    const found = await Promise.all(
      lookup.map((key) => this.db.docs.where('ck').equals(key).primaryKeys()),
    );
    lookup.forEach((key, i) => {
      const primaryKey = found[i]?.[0];
      if (primaryKey !== undefined) resolved.set(key, primaryKey[0]);
    });
    const stillMissing = lookup.filter((key) => !resolved.has(key));
    if (stillMissing.length > 0) {
      const locals = await this.db.local.bulkGet(stillMissing);
      for (const record of locals) {
        if (record !== undefined && record.anchor !== '') resolved.set(record.key, record.anchor);
      }
    }
    for (const [key, anchor] of resolved) {
      if (isReportChild(entityOfKey(key))) this.childAnchors.set(key, anchor);
    }
    return resolved;
  }
}

export function sortReview(items: ReviewItem[]): ReviewItem[] {
  return items.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
