// The IndexedDB schema of the local database, every version in one list (ARCHITECTURE.md, "Local
// store": schema changes are Dexie versions with upgrade functions, tested from every earlier one).
// Layout and indexes follow docs/research/local-store-100k.md: cost is per record, so the server
// layer is grouped into one `docs` record per (anchor, transaction), and every queue index is
// declared up front (adding two indexes to 100k rows later costs ~24 s).

import type { Dexie, Table, Transaction } from 'dexie';
import type { BatchRecord } from '../../../src-shared/bulk/bulk-action';
import type { ReportListRow } from '../../../src-shared/inbox/list-row';
import type {
  OutboxEntry,
  RecordKey,
  ReviewItem,
  SyncMeta,
} from '../../../src-shared/sync/client/ports';
import type { SyncRow } from '../../../src-shared/sync/protocol';

// ---------------------------------------------------------------------------------------------
// Stored shapes

/**
 * A report's list row as stored: index key parts are never null (IndexedDB leaves a row out of a
 * compound index when a part is null) and booleans that are indexed are 0/1 (not valid keys).
 * list-rows.ts converts both ways; readers only ever see ReportListRow.
 */
export interface StoredListRow extends Omit<
  ReportListRow,
  'dueAt' | 'assigneeId' | 'pending' | 'awaitingApproval'
> {
  /** NO_DUE_AT when the report has no deadline (closed): sorts after every real deadline. */
  readonly dueAt: number;
  /** NO_ASSIGNEE when unassigned. */
  readonly assigneeId: string;
  readonly pending: 0 | 1;
  readonly awaitingApproval: 0 | 1;
}

export const NO_DUE_AT = Number.MAX_SAFE_INTEGER;
export const NO_ASSIGNEE = '';

/** One server-layer row in a docs record: `row` null is a tombstone (deleted at `version`). */
export interface DocEntry {
  readonly key: RecordKey;
  readonly version: number;
  readonly row: SyncRow | null;
}

/**
 * Server rows of one anchor written by one transaction. The anchor is the report id for a report
 * and its children, `ref:<entity>` for reference rows. Reading an anchor merges its records
 * (highest version per key wins); an anchor is compacted into one record past MAX_DOCS_PER_ANCHOR.
 */
export interface DocsRecord {
  readonly anchor: string;
  readonly seq: number;
  readonly entries: readonly DocEntry[];
  /** Keys of the report children in `entries` (multiEntry index: a child's key → its anchor). */
  readonly ck: readonly RecordKey[];
}

/** The optimistic layer of one record: a row, or null when a pending mutation deletes it. */
export interface LocalRecord {
  readonly key: RecordKey;
  /** The anchor the record belongs to ('' when it cannot be known: a local delete of a stranger). */
  readonly anchor: string;
  readonly row: SyncRow | null;
}

export interface MetaRecord extends SyncMeta {
  readonly key: typeof META_KEY;
}
export const META_KEY = 'sync';

/**
 * A downloaded attachment kept for offline reading (schema v2). A cache: the server holds the
 * file; the record may be dropped at any time and downloaded again.
 */
export interface AttachmentRecord {
  readonly id: string;
  readonly reportId: string;
  readonly fileName: string;
  readonly mimeType: string;
  readonly sizeBytes: number;
  readonly bytes: ArrayBuffer;
  /** When it was downloaded (the injected clock). */
  readonly fetchedAt: number;
}

export interface SnapshotRecord {
  readonly name: string;
  readonly cursor: number;
  readonly value: unknown;
}

/** The Dexie database with its tables typed. */
export type PoskoDexie = Dexie & {
  readonly list: Table<StoredListRow, string>;
  readonly docs: Table<DocsRecord, [string, number]>;
  readonly local: Table<LocalRecord, RecordKey>;
  readonly outbox: Table<OutboxEntry, number>;
  readonly review: Table<ReviewItem, string>;
  readonly meta: Table<MetaRecord, string>;
  readonly snapshots: Table<SnapshotRecord, string>;
  readonly attachments: Table<AttachmentRecord, string>;
  readonly batches: Table<BatchRecord, string>;
};

/** The tables a sync transaction (LocalStore.transact) writes: attachments stay out of it. */

export const tableNames = [
  'list',
  'docs',
  'local',
  'outbox',
  'review',
  'meta',
  'snapshots',
  'batches',
] as const;

/** Every table of the latest version. */
export const allTableNames = [...tableNames, 'attachments'] as const;
export type TableName = (typeof allTableNames)[number];

// ---------------------------------------------------------------------------------------------
// Versions

export interface SchemaVersion {
  readonly version: number;
  /** Dexie store declarations of this version (null deletes a table). */
  readonly stores: Readonly<Record<string, string | null>>;
  /** Moves data written by the previous version to this version's shape. */
  readonly upgrade?: (tx: Transaction) => Promise<void>;
}

/** Every schema version, oldest first. Append a version; never edit a released one. */
export const schemaVersions: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      list:
        'id, [status+dueAt], [status+createdAt], [agencyId+status], [assigneeId+status], ' +
        '[status+agencyId+dueAt], trackingId, createdAt, version, pending',
      docs: '[anchor+seq], *ck',
      local: 'key, anchor',
      outbox: 'mutation.id',
      review: 'id',
      meta: 'key',
      snapshots: 'name',
    },
  },
  {
    // Issue 5: attachments downloaded on demand, cached for offline reading. A new table only:
    // nothing written by version 1 changes shape, so no upgrade function.
    version: 2,
    stores: {
      attachments: 'id, reportId',
    },
  },
  {
    // Issue 6: bulk-action batches (newest first by createdAt), and outbox entries that can be
    // held back from the server while their batch may still be withdrawn. Entries written before
    // were never held.
    version: 3,
    stores: {
      batches: 'id, createdAt',
    },
    upgrade: async (tx) => {
      await tx
        .table('outbox')
        .toCollection()
        .modify((entry: { holdUntil?: unknown }) => {
          if (typeof entry.holdUntil !== 'number') entry.holdUntil = 0;
        });
    },
  },
];

export function latestSchemaVersion(versions: readonly SchemaVersion[] = schemaVersions): number {
  const last = versions[versions.length - 1];
  if (last === undefined) throw new Error('no schema versions');
  return last.version;
}

/** Declares `versions` on `db` (before it is opened). */
export function declareSchema(
  db: Dexie,
  versions: readonly SchemaVersion[] = schemaVersions,
): void {
  for (const { version, stores, upgrade } of versions) {
    const declared = db.version(version).stores(stores);
    if (upgrade !== undefined) declared.upgrade(upgrade);
  }
}
