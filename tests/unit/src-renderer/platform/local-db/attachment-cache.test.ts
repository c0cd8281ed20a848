// The attachment cache of the local database (schema v2): files kept by id with their report,
// replaced on a new download, a damaged record read as not cached, and a full disk reported as
// 'local/quota-exceeded' without harming the rest of the database.

import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocalStoreError } from '../../../../../src-renderer/platform/local-db/local-db-problems';
import type { AttachmentRecord } from '../../../../../src-renderer/platform/local-db/schema';
import type { LocalStoreProblem } from '../../../../../src-renderer/sync/inbox-service';
import { storeRows } from '../../../../support/local-store-contract';
import { T0, openTestDb, outboxEntry } from './local-db-support';

afterEach(() => {
  vi.restoreAllMocks();
});

function record(id: string, reportId: string, bytes: number[]): AttachmentRecord {
  return {
    id,
    reportId,
    fileName: `${id}.pdf`,
    mimeType: 'application/pdf',
    sizeBytes: bytes.length,
    bytes: new Uint8Array(bytes).buffer,
    fetchedAt: T0,
  };
}

async function problemOf(promise: Promise<unknown>): Promise<LocalStoreProblem> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LocalStoreError) return error.problem;
    throw error;
  }
  throw new Error('expected a LocalStoreError');
}

describe('attachment cache', () => {
  it('answers null for an attachment never downloaded', async () => {
    const db = await openTestDb();
    expect(await db.getAttachment('att-none')).toBeNull();
  });

  it('keeps a file with its metadata and bytes, indexed by report', async () => {
    const db = await openTestDb();
    await db.putAttachment(record('att-1', 'r-1', [1, 2, 3]));
    await db.putAttachment(record('att-2', 'r-1', [4]));
    await db.putAttachment(record('att-3', 'r-2', [5, 6]));
    const got = await db.getAttachment('att-1');
    expect(got).toMatchObject({
      id: 'att-1',
      reportId: 'r-1',
      fileName: 'att-1.pdf',
      mimeType: 'application/pdf',
      sizeBytes: 3,
      fetchedAt: T0,
    });
    expect([...new Uint8Array(got?.bytes ?? new ArrayBuffer(0))]).toEqual([1, 2, 3]);
    expect(await db.dexie.attachments.where('reportId').equals('r-1').primaryKeys()).toEqual([
      'att-1',
      'att-2',
    ]);
  });

  it('replaces an older copy of the same attachment', async () => {
    const db = await openTestDb();
    await db.putAttachment(record('att-1', 'r-1', [1, 2, 3]));
    await db.putAttachment({ ...record('att-1', 'r-1', [9, 9]), fetchedAt: T0 + 1 });
    const got = await db.getAttachment('att-1');
    expect(got?.fetchedAt).toBe(T0 + 1);
    expect([...new Uint8Array(got?.bytes ?? new ArrayBuffer(0))]).toEqual([9, 9]);
    expect(await db.dexie.attachments.count()).toBe(1);
  });

  it('reads a damaged record as not cached', async () => {
    const db = await openTestDb();
    await db.dexie.attachments.put({
      ...record('att-1', 'r-1', [1]),
      bytes: 'not bytes' as unknown as ArrayBuffer,
    });
    expect(await db.getAttachment('att-1')).toBeNull();
  });

  it('reports a full disk as local/quota-exceeded and leaves the rest of the store working', async () => {
    const db = await openTestDb();
    await db.transact((tx) => tx.putOutbox([outboxEntry(1)]));
    const originalPut = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (this.name === 'attachments') {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return originalPut.apply(this, args);
    });

    const problem = await problemOf(db.putAttachment(record('att-1', 'r-1', [1, 2])));
    expect(problem).toMatchObject({
      code: 'local/quota-exceeded',
      messageKey: 'localDb.problem.quota',
    });
    expect(await db.getAttachment('att-1')).toBeNull();
    // The database is not marked unusable: sync writes and reads go on.
    expect(db.problem()).toBeNull();
    await db.transact(async (tx) => {
      await tx.putOutbox([outboxEntry(2)]);
      await tx.applyServerChanges([storeRows.report('r-1', 5)]);
    });
    expect((await db.outbox()).map((entry) => entry.mutation.id)).toEqual([1, 2]);
    expect((await db.allListRows()).map((row) => row.id)).toEqual(['r-1']);
  });
});
