// Upgrades from every earlier schema version: a database is created at each version of schema.ts
// with data in that version's shape, then opened by the current code, which must read it all.
// A new version needs a seeder here (the first test fails until it has one).

import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openDexieLocalDb } from '../../../../../src-renderer/platform/local-db/dexie-local-db';
import { toStoredListRow } from '../../../../../src-renderer/platform/local-db/list-rows';
import {
  declareSchema,
  latestSchemaVersion,
  schemaVersions,
} from '../../../../../src-renderer/platform/local-db/schema';
import { toListRow } from '../../../../../src-shared/inbox/list-row';
import type { SyncRow } from '../../../../../src-shared/sync/protocol';
import { batchRecord, storeRows } from '../../../../support/local-store-contract';
import { outboxEntry, reviewItem, testOptions, track } from './local-db-support';

const CLIENT = 'client-seeded';
const report = storeRows.report('r-1', 10, {
  title: 'Lampu jalan mati',
  status: 'disposed',
  dueAt: Date.UTC(2025, 2, 1),
});
const note = storeRows.note('n-1', 'r-1', 11);
const agency = storeRows.agency('prov', 12);
/** The outbox entry as versions 1 and 2 stored it: no hold. */
const { holdUntil: _noHold, ...unheldEntry } = outboxEntry(3, ['report:r-1'], CLIENT);
/** A batch (version 3 on), whose mutation 3 is still held back from the server. */
const batch = batchRecord('b-1', 1400, { holdUntil: 11_400 });
/** A cached attachment (version 2 on). */
const photo = {
  id: 'att-1',
  reportId: 'r-1',
  fileName: 'foto.jpg',
  mimeType: 'image/jpeg',
  sizeBytes: 4,
  bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]).buffer,
  fetchedAt: 1500,
};

/** Writes version 1's content: everything but attachments (which version 1 has no table for). */
async function seedV1(db: Dexie): Promise<void> {
  const data = report.entity === 'report' ? report.data : null;
  if (data === null) throw new Error('fixture is not a report');
  await db.table('meta').put({
    key: 'sync',
    clientId: CLIENT,
    cursor: 12,
    lastMutationId: 3,
    lastSyncAt: 1000,
    initialSyncComplete: true,
  });
  const entry = (row: SyncRow) => ({ key: `${row.entity}:${row.id}`, version: row.version, row });
  await db.table('docs').bulkPut([
    { anchor: 'r-1', seq: 0, entries: [entry(report)], ck: [] },
    { anchor: 'r-1', seq: 1, entries: [entry(note)], ck: ['note:n-1'] },
    { anchor: 'ref:agency', seq: 0, entries: [entry(agency)], ck: [] },
  ]);
  await db
    .table('list')
    .put(
      toStoredListRow(toListRow(data, { version: 10, pending: false, awaitingApproval: false })),
    );
  await db.table('outbox').put(unheldEntry);
  await db.table('review').put(reviewItem(2, CLIENT));
  await db.table('snapshots').put({ name: 'search', cursor: 12, value: 'index' });
}

/** Writes the same content in the shape of each version. */
const seeders: Record<number, (db: Dexie) => Promise<void>> = {
  1: seedV1,
  2: async (db) => {
    await seedV1(db);
    await db.table('attachments').put(photo);
  },
  3: async (db) => {
    await seedV1(db);
    await db.table('attachments').put(photo);
    await db.table('outbox').put({ ...unheldEntry, holdUntil: batch.holdUntil });
    await db.table('batches').put(batch);
  },
};

describe('schema upgrades', () => {
  it('has a seeder for every schema version', () => {
    expect(Object.keys(seeders).map(Number)).toEqual(schemaVersions.map((v) => v.version));
  });

  it('declares versions in increasing order', () => {
    const numbers = schemaVersions.map((v) => v.version);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(latestSchemaVersion()).toBe(numbers[numbers.length - 1]);
  });

  describe.each(schemaVersions.map((v, i) => [v.version, i] as const))(
    'from version %i',
    (version, index) => {
      it('opens with the current code and keeps every record', async () => {
        const factory = new IDBFactory();
        const name = `posko:upgrade:v${String(version)}`;
        const old = new Dexie(name, { indexedDB: factory, IDBKeyRange });
        declareSchema(old, schemaVersions.slice(0, index + 1));
        await old.open();
        const seed = seeders[version];
        if (seed === undefined) throw new Error(`no seeder for version ${String(version)}`);
        await seed(old);
        old.close();

        const result = await openDexieLocalDb(testOptions({ name, indexedDB: factory }));
        if (!result.ok) throw new Error(`open failed: ${JSON.stringify(result.error)}`);
        const db = track(result.value);
        expect(db.dexie.verno).toBe(latestSchemaVersion());

        expect(await db.meta()).toEqual({
          clientId: CLIENT,
          cursor: 12,
          lastMutationId: 3,
          lastSyncAt: 1000,
          initialSyncComplete: true,
        });
        const records = await db.reportRecords('r-1');
        expect(records?.get('report:r-1')?.server).toEqual(report);
        expect(records?.get('note:n-1')?.server).toEqual(note);
        expect(await db.listReference()).toEqual([agency]);
        expect(await db.allListRows()).toMatchObject([
          { id: 'r-1', title: 'Lampu jalan mati', dueAt: Date.UTC(2025, 2, 1), assigneeId: null },
        ]);
        // Entries from before version 3 were never held; a held one keeps its hold.
        const entry = { ...unheldEntry, holdUntil: version >= 3 ? batch.holdUntil : 0 };
        expect(await db.outbox()).toEqual([entry]);
        expect(await db.review()).toEqual([reviewItem(2, CLIENT)]);
        expect(await db.transact((tx) => tx.listBatches(10))).toEqual(version >= 3 ? [batch] : []);
        expect(await db.getSnapshot('search')).toEqual({ cursor: 12, value: 'index' });

        // And the upgraded database takes new writes: a child tombstone finds its report.
        await db.transact((tx) => tx.applyServerChanges([storeRows.tombstone('note', 'n-1', 13)]));
        expect([...((await db.reportRecords('r-1'))?.keys() ?? [])]).toEqual(['report:r-1']);

        // Attachments: kept when the old version had them, and the cache takes new ones.
        const cached = await db.getAttachment('att-1');
        if (version >= 2) {
          expect(cached).toMatchObject({ reportId: 'r-1', fileName: 'foto.jpg', sizeBytes: 4 });
          expect([...new Uint8Array(cached?.bytes ?? new ArrayBuffer(0))]).toEqual([
            0xff, 0xd8, 0xff, 0xe0,
          ]);
        } else {
          expect(cached).toBeNull();
        }
        await db.putAttachment({ ...photo, id: 'att-2', bytes: new Uint8Array([1, 2]).buffer });
        expect((await db.getAttachment('att-2'))?.bytes.byteLength).toBe(2);
        expect(await db.dexie.attachments.where('reportId').equals('r-1').primaryKeys()).toEqual(
          version >= 2 ? ['att-1', 'att-2'] : ['att-2'],
        );
        // The outbox is untouched by the attachment writes.
        expect(await db.outbox()).toEqual([entry]);

        // Batches: the upgraded database takes new ones, newest first.
        const later = batchRecord('b-2', 2000);
        await db.transact((tx) => tx.putBatches([later]));
        expect((await db.transact((tx) => tx.listBatches(10))).map((record) => record.id)).toEqual(
          version >= 3 ? ['b-2', 'b-1'] : ['b-2'],
        );
      });
    },
  );
});
