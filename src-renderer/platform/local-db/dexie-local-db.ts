// The renderer's local database on Dexie (local-db.ts is the contract): opening with every failure
// as a value, transactions that keep the list rows in step with the records, change events for
// this window and, over a BroadcastChannel, for the other windows on the same database.

import { Dexie } from 'dexie';
import { z } from 'zod';
import type { ReportListRow } from '../../../src-shared/inbox/list-row';
import { err, ok, type Result } from '../../../src-shared/result';
import type {
  LayeredRecord,
  OutboxEntry,
  RecordKey,
  ReviewItem,
  StoreTx,
  SyncMeta,
} from '../../../src-shared/sync/client/ports';
import type { SyncRow } from '../../../src-shared/sync/protocol';
import type { LocalStoreProblem } from '../../sync/inbox-service';
import {
  deriveReport,
  isReportAnchor,
  layeredRecords,
  mergeDocs,
  referenceAnchors,
  reportHistoryOf,
  type ReportHistory,
} from './anchors';
import { fromStoredListRow } from './list-rows';
import type { OpenLocalDbResult, PoskoLocalDb, ReportChange, StoreChange } from './local-db';
import {
  LocalStoreError,
  localStoreProblem,
  localStoreProblemOf,
  EXPORT_UNREADABLE_MESSAGE_KEY,
} from './local-db-problems';
import {
  OUTBOX_EXPORT_FORMAT,
  parseOutboxExport,
  serializeOutboxExport,
  withHoldCleared,
  withoutHold,
} from './outbox-export';
import {
  META_KEY,
  declareSchema,
  latestSchemaVersion,
  schemaVersions,
  tableNames,
  type AttachmentRecord,
  type DocsRecord,
  type LocalRecord,
  type MetaRecord,
  type PoskoDexie,
  type SchemaVersion,
  type TableName,
  type DocEntry,
} from './schema';
import { DexieStoreTx, loadDocs, loadLocal, sortReview, type TxChanges } from './store-tx';

export interface OpenLocalDbOptions {
  /** localDbName(…): `posko:<serverId>:<userId>`. */
  readonly name: string;
  /** Defaults to the global indexedDB (tests pass fake-indexeddb's). */
  readonly indexedDB?: IDBFactory;
  readonly IDBKeyRange?: typeof IDBKeyRange;
  /** Makes the client id when the database is created. */
  readonly createClientId: () => string;
  /** Tell other windows about changes and listen to theirs (default: when available). */
  readonly broadcast?: boolean;
  /** The clock of exportOutbox's `exportedAt` (default Date.now). */
  readonly now?: () => number;
  /** The schema versions to open with (tests of upgrades; default: schema.ts). */
  readonly schema?: readonly SchemaVersion[];
}

/** A cached attachment as read back (a damaged record reads as not cached). */
const AttachmentRecordSchema = z.object({
  id: z.string(),
  reportId: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.int().nonnegative(),
  // By tag, not instanceof: IndexedDB may hand back a buffer of another realm.
  bytes: z.custom<ArrayBuffer>(
    (value) => Object.prototype.toString.call(value) === '[object ArrayBuffer]',
  ),
  fetchedAt: z.number(),
});

/** What one window tells the others after a commit. */
const BroadcastMessageSchema = z.strictObject({
  reportIds: z.array(z.string()),
  reference: z.boolean(),
  outbox: z.boolean(),
  review: z.boolean(),
});
type BroadcastMessage = z.infer<typeof BroadcastMessageSchema>;

export function broadcastChannelName(name: string): string {
  return `posko-db:${name}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

// ---------------------------------------------------------------------------------------------
// Opening

/** The installed version (Dexie's numbering) of database `name`, null when absent or unknown. */
async function installedVersion(factory: IDBFactory, name: string): Promise<number | null> {
  if (typeof factory.databases !== 'function') return null;
  try {
    const found = (await factory.databases()).find((info) => info.name === name);
    return found?.version === undefined ? null : found.version / 10;
  } catch {
    return null;
  }
}

/**
 * Opens (creating or upgrading) the local database `options.name`. Never throws: a database that
 * cannot be used comes back as a LocalStoreProblem.
 */
export async function openLocalDb(options: OpenLocalDbOptions): Promise<OpenLocalDbResult> {
  return openDexieLocalDb(options);
}

/** openLocalDb with the concrete type (queue pages by index, problem events, tests). */
export async function openDexieLocalDb(
  options: OpenLocalDbOptions,
): Promise<Result<DexieLocalDb, LocalStoreProblem>> {
  const global: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = globalThis;
  const factory = options.indexedDB ?? global.indexedDB;
  const keyRange = options.IDBKeyRange ?? global.IDBKeyRange;
  if (factory === undefined || keyRange === undefined) {
    return err(localStoreProblem('local/open-failed', 'IndexedDB is not available here'));
  }
  const versions = options.schema ?? schemaVersions;
  const latest = latestSchemaVersion(versions);
  const installed = await installedVersion(factory, options.name);
  if (installed !== null && installed > latest) {
    return err(
      localStoreProblem(
        'local/version-too-new',
        `database ${options.name} is at version ${installed}, this app knows up to ${latest}`,
      ),
    );
  }

  const db = new Dexie(options.name, {
    indexedDB: factory,
    IDBKeyRange: keyRange,
    // A database deleted or closed under us must not silently come back empty (new client id).
    autoOpen: false,
  }) as PoskoDexie;
  declareSchema(db, versions);

  let resolveBlocked: (outcome: 'blocked') => void = () => undefined;
  const blockedEvent = new Promise<'blocked'>((resolve) => {
    resolveBlocked = resolve;
  });
  const blocked = (): void => {
    resolveBlocked('blocked');
  };
  db.on('blocked', blocked);
  try {
    const outcome = await Promise.race([db.open().then(() => 'open' as const), blockedEvent]);
    if (outcome === 'blocked') {
      db.close();
      return err(
        localStoreProblem(
          'local/blocked',
          'another window keeps an older version of the database open; close it and retry',
        ),
      );
    }
  } catch (error) {
    db.close();
    return err(
      localStoreProblemOf(error, 'open') ?? localStoreProblem('local/open-failed', describe(error)),
    );
  } finally {
    db.on('blocked').unsubscribe(blocked);
  }

  // Dexie opens a newer database without its version when asked for an older one: refuse it.
  const nativeVersion = db.backendDB().version / 10;
  if (nativeVersion > latest) {
    db.close();
    return err(
      localStoreProblem(
        'local/version-too-new',
        `database ${options.name} is at version ${nativeVersion}, this app knows up to ${latest}`,
      ),
    );
  }

  try {
    await db.transaction('rw', db.meta, async () => {
      const meta = await db.meta.get(META_KEY);
      if (meta === undefined) {
        await db.meta.add({
          key: META_KEY,
          clientId: options.createClientId(),
          cursor: 0,
          lastMutationId: 0,
          lastSyncAt: null,
          initialSyncComplete: false,
        });
      }
    });
  } catch (error) {
    db.close();
    return err(
      localStoreProblemOf(error, 'open') ?? localStoreProblem('local/open-failed', describe(error)),
    );
  }
  return ok(new DexieLocalDb(db, options));
}

// ---------------------------------------------------------------------------------------------
// The database

export class DexieLocalDb implements PoskoLocalDb {
  readonly name: string;
  private readonly listeners = new Set<(change: StoreChange) => void>();
  private readonly problemListeners = new Set<(problem: LocalStoreProblem) => void>();
  private readonly channel: BroadcastChannel | null;
  private readonly now: () => number;
  private closing = false;
  private currentProblem: LocalStoreProblem | null = null;
  /** Other windows' changes are re-read and emitted in the order they arrived. */
  private incoming: Promise<void> = Promise.resolve();

  constructor(
    /** The Dexie database (queue pages by index, tests). */
    readonly dexie: PoskoDexie,
    options: OpenLocalDbOptions,
  ) {
    this.name = options.name;
    this.now = options.now ?? (() => Date.now());
    dexie.on('versionchange', (event: IDBVersionChangeEvent) => {
      this.setProblem(
        event.newVersion === null || event.newVersion === 0
          ? localStoreProblem('local/deleted', 'the local database is being deleted')
          : localStoreProblem(
              'local/blocked',
              'a newer version of Posko in another window is upgrading the local database',
            ),
      );
      dexie.close();
    });
    dexie.on('close', () => {
      // Deferred: when a versionchange closed the database, its handler names the cause first.
      queueMicrotask(() => {
        this.setProblem(localStoreProblem('local/deleted', 'the local database was closed'));
      });
    });
    const canBroadcast = options.broadcast !== false && typeof BroadcastChannel === 'function';
    this.channel = canBroadcast ? new BroadcastChannel(broadcastChannelName(this.name)) : null;
    if (this.channel !== null) {
      this.channel.onmessage = (event: MessageEvent) => {
        const parsed = BroadcastMessageSchema.safeParse(event.data);
        if (!parsed.success) return;
        this.incoming = this.incoming.then(() => this.receive(parsed.data)).catch(() => undefined);
      };
    }
  }

  /** The current problem (null while the database works). */
  problem(): LocalStoreProblem | null {
    return this.currentProblem;
  }

  /** Called when the database becomes unusable (deleted, closed, upgraded by another window). */
  onProblem(listener: (problem: LocalStoreProblem) => void): () => void {
    this.problemListeners.add(listener);
    return () => {
      this.problemListeners.delete(listener);
    };
  }

  subscribe(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  // -------------------------------------------------------------------------------------------
  // LocalStore

  async transact<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    this.throwIfUnusable();
    const tx = new DexieStoreTx(this.dexie);
    const value = await this.guard(
      this.dexie.transaction('rw', [...tableNames], async () => {
        const result = await fn(tx);
        await tx.finish();
        return result;
      }),
    );
    this.committed(tx.changes);
    return value;
  }

  async listReference(): Promise<SyncRow[]> {
    return this.read(['docs', 'local'], async () => {
      const docs = await loadDocs(this.dexie, referenceAnchors);
      const local = await loadLocal(this.dexie, referenceAnchors);
      const rows: SyncRow[] = [];
      for (const anchor of referenceAnchors) {
        const records = layeredRecords(mergeDocs(docs.get(anchor) ?? []), local.get(anchor) ?? []);
        for (const record of records.values()) {
          const row = record.local === undefined ? record.server : record.local;
          if (row !== null) rows.push(row);
        }
      }
      return rows;
    });
  }

  // -------------------------------------------------------------------------------------------
  // Reads

  async meta(): Promise<SyncMeta> {
    const record = await this.read(['meta'], () => this.dexie.meta.get(META_KEY));
    if (record === undefined) throw new Error('local database has no meta record');
    const { key: _key, ...meta } = record;
    return meta;
  }

  async allListRows(): Promise<ReportListRow[]> {
    const rows = await this.read(['list'], () => this.dexie.list.toArray());
    return rows.map(fromStoredListRow);
  }

  async forEachSearchText(
    batchSize: number,
    fn: (batch: readonly { id: string; text: string }[]) => void,
  ): Promise<void> {
    const size = Math.max(1, batchSize);
    const local = await this.read(['local'], () => this.dexie.local.toArray());
    const localByAnchor = groupLocal(local);
    let batch: { id: string; text: string }[] = [];
    const emit = (anchor: string, server: ReadonlyMap<RecordKey, DocEntry>): void => {
      const text = deriveReport(anchor, server, localByAnchor.get(anchor) ?? []).searchText;
      if (text === null) return;
      batch.push({ id: anchor, text });
      if (batch.length >= size) {
        fn(batch);
        batch = [];
      }
    };
    const seen = await this.forEachReportAnchor(
      size * 2,
      () => true,
      (anchor, records) => {
        emit(anchor, mergeDocs(records));
      },
    );
    // Reports that exist only locally.
    for (const anchor of localByAnchor.keys()) {
      if (!seen.has(anchor) && isReportAnchor(anchor)) emit(anchor, new Map());
    }
    if (batch.length > 0) fn(batch);
  }

  async forEachReportHistory(
    batchSize: number,
    wanted: (reportId: string) => boolean,
    fn: (batch: readonly ReportHistory[]) => Promise<void> | void,
  ): Promise<void> {
    const size = Math.max(1, batchSize);
    let batch: ReportHistory[] = [];
    const pages: ReportHistory[][] = [];
    await this.forEachReportAnchor(
      size * 2,
      wanted,
      (anchor, records) => {
        const history = reportHistoryOf(anchor, mergeDocs(records));
        if (history === null) return;
        batch.push(history);
        if (batch.length >= size) {
          pages.push(batch);
          batch = [];
        }
      },
      async () => {
        // Handed over between pages, so a slow consumer never holds a read transaction open.
        for (const page of pages.splice(0)) await fn(page);
      },
    );
    if (batch.length > 0) await fn(batch);
  }

  /**
   * Walks the server layer one report anchor at a time, in pages of `pageSize` docs records in
   * primary key order (an anchor's records are adjacent; the last anchor of a page may continue
   * on the next one, so it is carried over). Answers every anchor seen.
   */
  private async forEachReportAnchor(
    pageSize: number,
    wanted: (reportId: string) => boolean,
    emit: (anchor: string, records: readonly DocsRecord[]) => void,
    betweenPages: () => Promise<void> = () => Promise.resolve(),
  ): Promise<Set<string>> {
    const seen = new Set<string>();
    const visit = (anchor: string, records: readonly DocsRecord[]): void => {
      seen.add(anchor);
      if (isReportAnchor(anchor) && wanted(anchor)) emit(anchor, records);
    };
    let after: [string, number] | null = null;
    let carried: DocsRecord[] = [];
    for (;;) {
      const page: DocsRecord[] = await this.read(['docs'], () =>
        (after === null
          ? this.dexie.docs.orderBy('[anchor+seq]')
          : this.dexie.docs.where('[anchor+seq]').above(after)
        )
          .limit(pageSize)
          .toArray(),
      );
      for (const record of page) {
        const first = carried[0];
        if (first !== undefined && first.anchor !== record.anchor) {
          visit(first.anchor, carried);
          carried = [];
        }
        carried.push(record);
      }
      await betweenPages();
      const last = page[page.length - 1];
      if (last === undefined || page.length < pageSize) break;
      after = [last.anchor, last.seq];
    }
    const first = carried[0];
    if (first !== undefined) visit(first.anchor, carried);
    await betweenPages();
    return seen;
  }

  async reportRecords(reportId: string): Promise<Map<RecordKey, LayeredRecord> | null> {
    return (await this.reportsRecords([reportId])).get(reportId) ?? null;
  }

  async reportsRecords(
    reportIds: readonly string[],
  ): Promise<Map<string, Map<RecordKey, LayeredRecord>>> {
    const anchors = [...new Set(reportIds)];
    const [docs, local] = await this.read(['docs', 'local'], () =>
      Promise.all([loadDocs(this.dexie, anchors), loadLocal(this.dexie, anchors)]),
    );
    const byReport = new Map<string, Map<RecordKey, LayeredRecord>>();
    for (const anchor of anchors) {
      const records = layeredRecords(mergeDocs(docs.get(anchor) ?? []), local.get(anchor) ?? []);
      if (records.size > 0) byReport.set(anchor, records);
    }
    return byReport;
  }

  async outbox(): Promise<OutboxEntry[]> {
    return this.read(['outbox'], () => this.dexie.outbox.toArray());
  }

  async review(): Promise<ReviewItem[]> {
    return sortReview(await this.read(['review'], () => this.dexie.review.toArray()));
  }

  async getSnapshot(name: string): Promise<{ cursor: number; value: unknown } | null> {
    const record = await this.read(['snapshots'], () => this.dexie.snapshots.get(name));
    return record === undefined ? null : { cursor: record.cursor, value: record.value };
  }

  async putSnapshot(name: string, cursor: number, value: unknown): Promise<void> {
    this.throwIfUnusable();
    await this.guard(this.dexie.snapshots.put({ name, cursor, value }));
  }

  async getAttachment(id: string): Promise<AttachmentRecord | null> {
    const record = await this.read(['attachments'], () => this.dexie.attachments.get(id));
    if (record === undefined) return null;
    const parsed = AttachmentRecordSchema.safeParse(record);
    return parsed.success ? parsed.data : null;
  }

  async putAttachment(record: AttachmentRecord): Promise<void> {
    this.throwIfUnusable();
    await this.guard(this.dexie.attachments.put(record));
  }

  async exportOutbox(): Promise<string> {
    const { meta, outbox, review } = await this.read(['meta', 'outbox', 'review'], async () => ({
      meta: await this.dexie.meta.get(META_KEY),
      outbox: await this.dexie.outbox.toArray(),
      review: await this.dexie.review.toArray(),
    }));
    if (meta === undefined) throw new Error('local database has no meta record');
    return serializeOutboxExport({
      format: OUTBOX_EXPORT_FORMAT,
      formatVersion: 1,
      database: this.name,
      clientId: meta.clientId,
      lastMutationId: meta.lastMutationId,
      exportedAt: this.now(),
      outbox: outbox.map(withoutHold),
      review: sortReview(review),
    });
  }

  close(): void {
    this.closing = true;
    this.channel?.close();
    this.dexie.close();
  }

  // -------------------------------------------------------------------------------------------
  // Internals

  private setProblem(problem: LocalStoreProblem): void {
    if (this.closing) return;
    // The first cause wins: the close that follows a versionchange is not a second problem.
    if (this.currentProblem !== null) return;
    this.currentProblem = problem;
    for (const listener of [...this.problemListeners]) listener(problem);
  }

  private throwIfUnusable(): void {
    if (this.currentProblem !== null) throw new LocalStoreError(this.currentProblem);
  }

  /** Maps storage failures of `work` to LocalStoreError; other errors (bugs) pass unchanged. */
  private async guard<T>(work: PromiseLike<T>): Promise<T> {
    try {
      return await work;
    } catch (error) {
      const problem = localStoreProblemOf(error, 'use');
      if (problem === null) throw error;
      throw new LocalStoreError(
        problem.code === 'local/deleted' && this.currentProblem !== null
          ? this.currentProblem
          : problem,
      );
    }
  }

  /** A read-only transaction over `tables`. */
  private async read<T>(tables: readonly TableName[], work: () => Promise<T>): Promise<T> {
    this.throwIfUnusable();
    return this.guard(this.dexie.transaction('r', [...tables], work));
  }

  private committed(changes: TxChanges): void {
    const nothing =
      changes.reports.length === 0 && !changes.reference && !changes.outbox && !changes.review;
    if (nothing) return;
    this.emit({ ...changes, origin: 'this-window' });
    const message: BroadcastMessage = {
      reportIds: changes.reports.map((report) => report.id),
      reference: changes.reference,
      outbox: changes.outbox,
      review: changes.review,
    };
    try {
      this.channel?.postMessage(message);
    } catch {
      // A closed channel (window going away): the other windows re-read on their next change.
    }
  }

  private async receive(message: BroadcastMessage): Promise<void> {
    if (this.closing || this.currentProblem !== null) return;
    const ids = [...new Set(message.reportIds)];
    const reports: ReportChange[] = [];
    if (ids.length > 0) {
      const { docs, local } = await this.read(['docs', 'local'], async () => ({
        docs: await loadDocs(this.dexie, ids),
        local: await loadLocal(this.dexie, ids),
      }));
      for (const id of ids) {
        reports.push(deriveReport(id, mergeDocs(docs.get(id) ?? []), local.get(id) ?? []));
      }
    }
    this.emit({
      reports,
      reference: message.reference,
      outbox: message.outbox,
      review: message.review,
      origin: 'other-window',
    });
  }

  private emit(change: StoreChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }
}

function groupLocal(records: readonly LocalRecord[]): Map<string, LocalRecord[]> {
  const byAnchor = new Map<string, LocalRecord[]>();
  for (const record of records) {
    const group = byAnchor.get(record.anchor);
    if (group === undefined) byAnchor.set(record.anchor, [record]);
    else group.push(record);
  }
  return byAnchor;
}

// ---------------------------------------------------------------------------------------------
// Recovery

/** Deletes database `name`; `blocked` when another connection keeps it open. */
async function deleteDatabase(
  options: OpenLocalDbOptions,
): Promise<Result<null, LocalStoreProblem>> {
  const global: { indexedDB?: IDBFactory } = globalThis;
  const factory = options.indexedDB ?? global.indexedDB;
  if (factory === undefined) {
    return err(localStoreProblem('local/open-failed', 'IndexedDB is not available here'));
  }
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.deleteDatabase(options.name);
    } catch (error) {
      resolve(
        err(
          localStoreProblemOf(error, 'open') ??
            localStoreProblem('local/open-failed', describe(error)),
        ),
      );
      return;
    }
    request.onsuccess = () => {
      resolve(ok(null));
    };
    request.onerror = () => {
      const error = request.error;
      resolve(
        err(
          localStoreProblemOf(error, 'open') ??
            localStoreProblem('local/open-failed', describe(error)),
        ),
      );
    };
    request.onblocked = () => {
      // The deletion stays queued and completes once the other connections close.
      resolve(
        err(
          localStoreProblem(
            'local/blocked',
            'another window keeps the local database open; close it and retry',
          ),
        ),
      );
    };
  });
}

/**
 * Recreates the local database after a problem: deletes it, opens it anew and re-imports the
 * client id, last mutation id, outbox and needs-review list from `exported` (exportOutbox's
 * document). The cursor starts at 0, so the next pull rebuilds the cache from the server.
 */
export async function recoverLocalDb(
  options: OpenLocalDbOptions,
  exported: string,
): Promise<OpenLocalDbResult> {
  const doc = parseOutboxExport(exported);
  if (doc === null) {
    return err({
      code: 'local/open-failed',
      messageKey: EXPORT_UNREADABLE_MESSAGE_KEY,
      detail: 'the outbox export is not readable; the database was left as it was',
    });
  }
  const deleted = await deleteDatabase(options);
  if (!deleted.ok) return deleted;
  const opened = await openDexieLocalDb({ ...options, createClientId: () => doc.clientId });
  if (!opened.ok) return opened;
  const db = opened.value;
  try {
    await db.dexie.transaction(
      'rw',
      [db.dexie.meta, db.dexie.outbox, db.dexie.review],
      async () => {
        const meta: MetaRecord = {
          key: META_KEY,
          clientId: doc.clientId,
          cursor: 0,
          lastMutationId: doc.lastMutationId,
          lastSyncAt: null,
          initialSyncComplete: false,
        };
        await db.dexie.meta.put(meta);
        if (doc.outbox.length > 0) await db.dexie.outbox.bulkPut(doc.outbox.map(withHoldCleared));
        if (doc.review.length > 0) await db.dexie.review.bulkPut([...doc.review]);
      },
    );
  } catch (error) {
    db.close();
    return err(
      localStoreProblemOf(error, 'use') ?? localStoreProblem('local/open-failed', describe(error)),
    );
  }
  return ok(db);
}
