// The conformance suite of the sync engine's LocalStore port (src-shared/sync/client/ports.ts):
// every implementation (the in-memory store, the Dexie store) runs it, so the engine can rely on
// the same semantics everywhere.
//
//   describeLocalStoreContract('dexie store', () => openTestStore());

import { describe, expect, it } from 'vitest';
import type { BatchRecord } from '../../src-shared/bulk/bulk-action';
import type { AuditEvent } from '../../src-shared/domain/audit-event';
import type { Report } from '../../src-shared/domain/report';
import type { Template } from '../../src-shared/domain/template';
import {
  effectiveRow,
  recordKey,
  type LocalStore,
  type OutboxEntry,
  type RecordKey,
  type ReviewItem,
} from '../../src-shared/sync/client/ports';
import type { Mutation, SyncRow, Tombstone } from '../../src-shared/sync/protocol';
import { makeReport } from '../unit/src-shared/domain/domain-fixtures';

// ---------------------------------------------------------------------------------------------
// Rows for store tests

const T0 = Date.UTC(2025, 1, 3, 2, 0, 0);

export const storeRows = {
  report(id: string, version: number, overrides: Partial<Report> = {}): SyncRow {
    return { entity: 'report', id, version, data: makeReport({ id, version, ...overrides }) };
  },
  note(id: string, reportId: string, version: number, body = 'Cek lokasi'): SyncRow {
    return {
      entity: 'note',
      id,
      version,
      data: {
        id,
        reportId,
        authorId: 'u-1',
        agencyId: 'dinkes',
        body,
        createdAt: T0,
        updatedAt: T0,
        version,
      },
    };
  },
  disposition(id: string, reportId: string, version: number): SyncRow {
    return {
      entity: 'disposition',
      id,
      version,
      data: {
        id,
        reportId,
        kind: 'dispose',
        fromAgencyId: 'kota-bandung',
        toAgencyId: 'dinkes',
        toUnitId: null,
        byUserId: 'u-1',
        at: T0,
        note: null,
        version,
      },
    };
  },
  auditEvent(id: string, reportId: string, version: number): SyncRow {
    const data: AuditEvent = {
      id,
      reportId,
      at: T0,
      actor: { kind: 'system' },
      action: 'verify_dispose',
      from: 'unverified',
      to: 'disposed',
      reason: null,
    };
    return { entity: 'audit_event', id, version, data };
  },
  agency(id: string, version: number): SyncRow {
    return {
      entity: 'agency',
      id,
      version,
      data: {
        id,
        parentId: null,
        name: `Agency ${id}`,
        level: 'province',
        timeZone: 'WIB',
        settings: { resolutionDays: 14, adminsMayPublish: false, pendingInfoWaitDays: 10 },
        version,
      },
    };
  },
  user(id: string, version: number): SyncRow {
    return {
      entity: 'user',
      id,
      version,
      data: {
        id,
        username: id,
        displayName: `User ${id}`,
        role: 'operator_unit',
        agencyId: 'dinkes',
      },
    };
  },
  category(id: string, version: number): SyncRow {
    return {
      entity: 'category',
      id,
      version,
      data: { id, parentId: null, code: id.replace(/-/g, '_'), name: id, isActive: true },
    };
  },
  template(id: string, version: number, name = 'Tindak lanjut'): SyncRow {
    const data: Template = {
      id,
      kind: 'tindak_lanjut',
      name,
      body: 'Yth. {{nama}}',
      description: 'Tindak lanjut umum',
      categoryIds: [],
      revision: 1,
      agencyId: 'dinkes',
      version,
      updatedBy: 'u-1',
      updatedAt: T0,
      scope: 'agency',
    };
    return { entity: 'template', id, version, data };
  },
  tombstone(entity: SyncRow['entity'], id: string, version: number): Tombstone {
    return { entity, id, version, deleted: true };
  },
};

/** A dispose batch of report r-1 (r-2 skipped), made at `createdAt`. */
export function batchRecord(
  id: string,
  createdAt: number,
  overrides: Partial<BatchRecord> = {},
): BatchRecord {
  return {
    id,
    action: { kind: 'dispose', targetAgencyId: 'dinkes', targetUnitId: 'dinkes-yankes' },
    createdAt,
    holdUntil: 0,
    items: [
      {
        reportId: 'r-1',
        trackingId: '1916449',
        name: 'report.verifyDispose',
        before: {
          status: 'unverified',
          agencyId: 'kota-bandung',
          unitId: null,
          assigneeId: null,
          categoryId: null,
          tags: ['jalan'],
          rahasia: false,
          anonim: false,
        },
      },
    ],
    skipped: [
      {
        reportId: 'r-2',
        trackingId: '1916450',
        code: 'mutation/not-found',
        reasonKey: 'mutation.not_found',
        message: 'not in the local store',
      },
    ],
    outcomes: {},
    undo: null,
    compensates: null,
    ...overrides,
  };
}

const keyOf = (row: { entity: SyncRow['entity']; id: string }): RecordKey =>
  recordKey(row.entity, row.id);

function outboxEntry(id: number, keys: RecordKey[] = []): OutboxEntry {
  const mutation: Mutation = {
    clientId: 'client-contract',
    id,
    name: 'report.setTags',
    args: { reportId: 'r-1', tags: [`t${String(id)}`] },
    baseVersion: 0,
    at: T0,
  };
  return { mutation, state: 'pending', appliedVersion: null, keys, attempts: 0, holdUntil: 0 };
}

function reviewItem(id: number): ReviewItem {
  const entry = outboxEntry(id);
  return {
    id: `client-contract:${String(id)}`,
    kind: 'rejected',
    mutation: entry.mutation,
    error: { code: 'mutation/invalid', message: 'no' },
    current: null,
    intended: null,
    at: T0 + id,
  };
}

// ---------------------------------------------------------------------------------------------
// The suite

export function describeLocalStoreContract(
  name: string,
  makeStore: () => Promise<LocalStore>,
): void {
  const read = async (store: LocalStore, keys: readonly RecordKey[]) =>
    store.transact((tx) => tx.getRecords(keys));
  const effective = async (store: LocalStore, key: RecordKey) =>
    effectiveRow((await read(store, [key])).get(key));

  describe(`LocalStore contract: ${name}`, () => {
    describe('meta', () => {
      it('starts with cursor 0, no mutations, no sync and a client id', async () => {
        const store = await makeStore();
        const meta = await store.transact((tx) => tx.getMeta());
        expect(meta).toMatchObject({
          cursor: 0,
          lastMutationId: 0,
          lastSyncAt: null,
          initialSyncComplete: false,
        });
        expect(meta.clientId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
      });

      it('patches only the fields given and keeps them across transactions', async () => {
        const store = await makeStore();
        const clientId = (await store.transact((tx) => tx.getMeta())).clientId;
        await store.transact((tx) => tx.setMeta({ cursor: 42 }));
        await store.transact((tx) => tx.setMeta({ lastMutationId: 7, lastSyncAt: T0 }));
        expect(await store.transact((tx) => tx.getMeta())).toEqual({
          clientId,
          cursor: 42,
          lastMutationId: 7,
          lastSyncAt: T0,
          initialSyncComplete: false,
        });
      });
    });

    describe('server layer', () => {
      it('leaves absent keys out of getRecords', async () => {
        const store = await makeStore();
        await store.transact((tx) => tx.applyServerChanges([storeRows.report('r-1', 3)]));
        const found = await read(store, ['report:r-1', 'report:r-2']);
        expect([...found.keys()]).toEqual(['report:r-1']);
        expect(found.get('report:r-1')).toEqual({
          server: storeRows.report('r-1', 3),
          local: undefined,
        });
      });

      it('gives every record of each report asked for, both layers, and leaves unknown ones out', async () => {
        const store = await makeStore();
        await store.transact((tx) =>
          tx.applyServerChanges([
            storeRows.report('r-1', 1),
            storeRows.note('n-1', 'r-1', 2),
            storeRows.disposition('d-1', 'r-1', 3),
            storeRows.report('r-2', 4),
            storeRows.note('n-2', 'r-2', 5),
          ]),
        );
        const localNote = storeRows.note('n-3', 'r-1', 0, 'Catatan lokal');
        const edited = storeRows.note('n-1', 'r-1', 2, 'Diubah');
        const byReport = await store.transact(async (tx) => {
          await tx.setLocal([
            { key: 'note:n-3', row: localNote },
            { key: 'note:n-1', row: edited },
          ]);
          return tx.getReportRecords(['r-1', 'r-missing']);
        });
        expect([...byReport.keys()]).toEqual(['r-1']);
        const r1 = byReport.get('r-1');
        expect(new Set(r1?.keys())).toEqual(
          new Set(['report:r-1', 'note:n-1', 'disposition:d-1', 'note:n-3']),
        );
        expect(r1?.get('note:n-1')).toEqual({
          server: storeRows.note('n-1', 'r-1', 2),
          local: edited,
        });
        expect(r1?.get('note:n-3')).toEqual({ server: null, local: localNote });
      });

      it('reads children from the report named for them, both layers', async () => {
        const store = await makeStore();
        await store.transact((tx) =>
          tx.applyServerChanges([storeRows.report('r-1', 1), storeRows.note('n-1', 'r-1', 2)]),
        );
        const localNote = storeRows.note('n-2', 'r-1', 0);
        await store.transact((tx) => tx.setLocal([{ key: 'note:n-2', row: localNote }]));
        const reportOf = new Map<RecordKey, string>([
          ['note:n-1', 'r-1'],
          ['note:n-2', 'r-1'],
          ['note:n-new', 'r-1'],
        ]);
        const found = await store.transact((tx) =>
          tx.getRecords(['report:r-1', 'note:n-1', 'note:n-2', 'note:n-new'], reportOf),
        );
        expect([...found.keys()].sort()).toEqual(['note:n-1', 'note:n-2', 'report:r-1']);
        expect(found.get('note:n-1')).toEqual({
          server: storeRows.note('n-1', 'r-1', 2),
          local: undefined,
        });
        expect(found.get('note:n-2')).toEqual({ server: null, local: localNote });
      });

      it('keeps what it read current with local writes made after it in the same transaction', async () => {
        const store = await makeStore();
        await store.transact((tx) =>
          tx.applyServerChanges([storeRows.report('r-1', 1), storeRows.note('n-1', 'r-1', 2)]),
        );
        const localNote = storeRows.note('n-2', 'r-1', 0);
        const after = await store.transact(async (tx) => {
          await tx.getReportRecords(['r-1']);
          await tx.setLocal([
            { key: 'note:n-2', row: localNote },
            { key: 'note:n-1', row: null },
          ]);
          return tx.getReportRecords(['r-1']);
        });
        expect(after.get('r-1')?.get('note:n-2')).toEqual({ server: null, local: localNote });
        expect(after.get('r-1')?.get('note:n-1')).toEqual({
          server: storeRows.note('n-1', 'r-1', 2),
          local: null,
        });
        // And in the next transaction, as committed.
        const committed = await store.transact((tx) => tx.getReportRecords(['r-1']));
        expect(committed).toEqual(after);
      });

      it('replaces a row only with a newer version', async () => {
        const store = await makeStore();
        const v5 = storeRows.report('r-1', 5, { title: 'five' });
        await store.transact((tx) => tx.applyServerChanges([v5]));
        await store.transact((tx) =>
          tx.applyServerChanges([
            storeRows.report('r-1', 3, { title: 'three' }),
            storeRows.report('r-1', 5, { title: 'five again' }),
          ]),
        );
        expect(await effective(store, 'report:r-1')).toEqual(v5);
        const v7 = storeRows.report('r-1', 7, { title: 'seven' });
        await store.transact((tx) => tx.applyServerChanges([v7]));
        expect(await effective(store, 'report:r-1')).toEqual(v7);
      });

      it('drops a record on its tombstone', async () => {
        const store = await makeStore();
        await store.transact((tx) => tx.applyServerChanges([storeRows.template('tpl-1', 4)]));
        await store.transact((tx) =>
          tx.applyServerChanges([storeRows.tombstone('template', 'tpl-1', 9)]),
        );
        expect((await read(store, ['template:tpl-1'])).size).toBe(0);
        expect(await store.listReference()).toEqual([]);
      });

      it('keeps a row newer than a tombstone that arrives after it', async () => {
        const store = await makeStore();
        const row = storeRows.template('tpl-1', 10);
        await store.transact((tx) => tx.applyServerChanges([row]));
        await store.transact((tx) =>
          tx.applyServerChanges([storeRows.tombstone('template', 'tpl-1', 8)]),
        );
        expect(await effective(store, 'template:tpl-1')).toEqual(row);
      });

      it('applies a batch in order: a tombstone followed by a newer row leaves the row', async () => {
        const store = await makeStore();
        const back = storeRows.report('r-1', 12, { title: 'back in scope' });
        await store.transact((tx) =>
          tx.applyServerChanges([
            storeRows.report('r-1', 2),
            storeRows.tombstone('report', 'r-1', 9),
            back,
          ]),
        );
        expect(await effective(store, 'report:r-1')).toEqual(back);
      });

      it("drops a report's children with the report's tombstone, and only its own", async () => {
        const store = await makeStore();
        const otherNote = storeRows.note('n-other', 'r-2', 6);
        await store.transact((tx) =>
          tx.applyServerChanges([
            storeRows.report('r-1', 1),
            storeRows.report('r-2', 2),
            storeRows.note('n-1', 'r-1', 3),
            storeRows.disposition('d-1', 'r-1', 4),
            storeRows.auditEvent('a-1', 'r-1', 5),
            otherNote,
          ]),
        );
        await store.transact((tx) =>
          tx.applyServerChanges([storeRows.tombstone('report', 'r-1', 20)]),
        );
        const found = await read(store, [
          'report:r-1',
          'note:n-1',
          'disposition:d-1',
          'audit_event:a-1',
          'report:r-2',
          'note:n-other',
        ]);
        expect([...found.keys()].sort()).toEqual(['note:n-other', 'report:r-2']);
        expect(effectiveRow(found.get('note:n-other'))).toEqual(otherNote);
      });

      it('leaves local layers as they are when server rows or tombstones arrive', async () => {
        const store = await makeStore();
        const local = storeRows.report('r-1', 1, { tags: ['mine'] });
        await store.transact(async (tx) => {
          await tx.applyServerChanges([storeRows.report('r-1', 1)]);
          await tx.setLocal([{ key: 'report:r-1', row: local }]);
        });
        const newer = storeRows.report('r-1', 4, { title: 'edited elsewhere' });
        await store.transact((tx) => tx.applyServerChanges([newer]));
        expect((await read(store, ['report:r-1'])).get('report:r-1')).toEqual({
          server: newer,
          local,
        });
        await store.transact((tx) =>
          tx.applyServerChanges([storeRows.tombstone('report', 'r-1', 8)]),
        );
        expect((await read(store, ['report:r-1'])).get('report:r-1')).toEqual({
          server: null,
          local,
        });
      });
    });

    describe('local layer', () => {
      it('shows a local row over the server row, a local null as deleted, and clears', async () => {
        const store = await makeStore();
        const server = storeRows.template('tpl-1', 3, 'server');
        const local = storeRows.template('tpl-1', 3, 'local');
        await store.transact((tx) => tx.applyServerChanges([server]));

        await store.transact((tx) => tx.setLocal([{ key: 'template:tpl-1', row: local }]));
        expect(await effective(store, 'template:tpl-1')).toEqual(local);

        await store.transact((tx) => tx.setLocal([{ key: 'template:tpl-1', row: null }]));
        const deleted = (await read(store, ['template:tpl-1'])).get('template:tpl-1');
        expect(deleted).toEqual({ server, local: null });
        expect(effectiveRow(deleted)).toBeNull();

        await store.transact((tx) => tx.setLocal([{ key: 'template:tpl-1', row: undefined }]));
        expect((await read(store, ['template:tpl-1'])).get('template:tpl-1')).toEqual({
          server,
          local: undefined,
        });
      });

      it('keeps a record that exists only locally, and forgets it when cleared', async () => {
        const store = await makeStore();
        const note = storeRows.note('n-new', 'r-1', 0);
        await store.transact((tx) => tx.setLocal([{ key: keyOf(note), row: note }]));
        expect((await read(store, [keyOf(note)])).get(keyOf(note))).toEqual({
          server: null,
          local: note,
        });
        await store.transact((tx) => tx.setLocal([{ key: keyOf(note), row: undefined }]));
        expect((await read(store, [keyOf(note)])).size).toBe(0);
      });
    });

    describe('outbox and review', () => {
      it('lists the outbox in mutation id order, replaces by id and deletes', async () => {
        const store = await makeStore();
        await store.transact((tx) =>
          tx.putOutbox([outboxEntry(3), outboxEntry(1, ['report:r-1']), outboxEntry(2)]),
        );
        await store.transact((tx) => tx.putOutbox([outboxEntry(10)]));
        const applied = { ...outboxEntry(2), state: 'applied' as const, appliedVersion: 17 };
        await store.transact((tx) => tx.putOutbox([applied]));
        await store.transact((tx) => tx.deleteOutbox([3]));
        const outbox = await store.transact((tx) => tx.listOutbox());
        expect(outbox.map((entry) => entry.mutation.id)).toEqual([1, 2, 10]);
        expect(outbox[0]).toEqual(outboxEntry(1, ['report:r-1']));
        expect(outbox[1]).toEqual(applied);
      });

      it('keeps the hold of an entry as written', async () => {
        const store = await makeStore();
        const held = { ...outboxEntry(1), holdUntil: T0 + 10_000 };
        await store.transact((tx) => tx.putOutbox([held, outboxEntry(2)]));
        const outbox = await store.transact((tx) => tx.listOutbox());
        expect(outbox.map((entry) => entry.holdUntil)).toEqual([T0 + 10_000, 0]);
        expect(outbox[0]).toEqual(held);
      });

      it('puts, replaces and deletes review items', async () => {
        const store = await makeStore();
        await store.transact((tx) => tx.putReview([reviewItem(1), reviewItem(2)]));
        const superseded = { ...reviewItem(2), kind: 'superseded' as const };
        await store.transact((tx) => tx.putReview([superseded]));
        await store.transact((tx) => tx.deleteReview(['client-contract:1']));
        expect(await store.transact((tx) => tx.listReview())).toEqual([superseded]);
      });
    });

    describe('batches', () => {
      it('answers null for an unknown batch and the record as written for a known one', async () => {
        const store = await makeStore();
        const record = batchRecord('b-1', T0, {
          holdUntil: T0 + 10_000,
          outcomes: { 'r-1': 'superseded' },
          undo: { kind: 'withdrawn', at: T0 + 1 },
        });
        await store.transact((tx) => tx.putBatches([record]));
        expect(await store.transact((tx) => tx.getBatch('b-404'))).toBeNull();
        expect(await store.transact((tx) => tx.getBatch('b-1'))).toEqual(record);
      });

      it('replaces a batch record by id', async () => {
        const store = await makeStore();
        await store.transact((tx) => tx.putBatches([batchRecord('b-1', T0)]));
        const answered = batchRecord('b-1', T0, { outcomes: { 'r-1': 'applied' } });
        await store.transact((tx) => tx.putBatches([answered]));
        expect(await store.transact((tx) => tx.listBatches(10))).toEqual([answered]);
      });

      it('lists the newest first, greater id first among equals, up to the limit', async () => {
        const store = await makeStore();
        await store.transact((tx) =>
          tx.putBatches([
            batchRecord('b-a', T0 + 2),
            batchRecord('b-old', T0),
            batchRecord('b-new', T0 + 9),
            batchRecord('b-b', T0 + 2),
          ]),
        );
        const ids = async (limit: number) =>
          (await store.transact((tx) => tx.listBatches(limit))).map((record) => record.id);
        expect(await ids(10)).toEqual(['b-new', 'b-b', 'b-a', 'b-old']);
        expect(await ids(2)).toEqual(['b-new', 'b-b']);
        expect(await ids(0)).toEqual([]);
      });

      it('prunes all but the newest records', async () => {
        const store = await makeStore();
        await store.transact((tx) =>
          tx.putBatches([1, 2, 3, 4, 5].map((n) => batchRecord(`b-${String(n)}`, T0 + n))),
        );
        await store.transact((tx) => tx.pruneBatches(3));
        const listed = await store.transact((tx) => tx.listBatches(10));
        expect(listed.map((record) => record.id)).toEqual(['b-5', 'b-4', 'b-3']);
        expect(await store.transact((tx) => tx.getBatch('b-2'))).toBeNull();
        await store.transact((tx) => tx.pruneBatches(3));
        expect(await store.transact((tx) => tx.listBatches(10))).toEqual(listed);
      });

      it("prunes within a transaction, counting the transaction's own writes", async () => {
        const store = await makeStore();
        await store.transact((tx) => tx.putBatches([batchRecord('b-1', T0)]));
        const seen = await store.transact(async (tx) => {
          await tx.putBatches([batchRecord('b-2', T0 + 1)]);
          await tx.pruneBatches(1);
          return (await tx.listBatches(10)).map((record) => record.id);
        });
        expect(seen).toEqual(['b-2']);
        expect(await store.transact((tx) => tx.getBatch('b-1'))).toBeNull();
      });
    });

    describe('transactions', () => {
      it("sees the transaction's own writes before it commits", async () => {
        const store = await makeStore();
        const seen = await store.transact(async (tx) => {
          await tx.applyServerChanges([storeRows.report('r-1', 1)]);
          await tx.setLocal([{ key: 'note:n-1', row: storeRows.note('n-1', 'r-1', 0) }]);
          await tx.putOutbox([outboxEntry(1)]);
          await tx.setMeta({ lastMutationId: 1 });
          await tx.putBatches([batchRecord('b-1', T0)]);
          return {
            keys: [...(await tx.getRecords(['report:r-1', 'note:n-1'])).keys()],
            outbox: (await tx.listOutbox()).length,
            last: (await tx.getMeta()).lastMutationId,
            batch: (await tx.getBatch('b-1'))?.id,
          };
        });
        expect(seen).toEqual({
          keys: ['report:r-1', 'note:n-1'],
          outbox: 1,
          last: 1,
          batch: 'b-1',
        });
      });

      it('leaves nothing of a transaction that throws', async () => {
        const store = await makeStore();
        const before = storeRows.report('r-1', 1);
        await store.transact((tx) => tx.applyServerChanges([before]));
        const failure = new Error('quota exceeded');
        await expect(
          store.transact(async (tx) => {
            await tx.applyServerChanges([storeRows.report('r-1', 5), storeRows.report('r-2', 6)]);
            await tx.setLocal([{ key: 'report:r-1', row: null }]);
            await tx.putOutbox([outboxEntry(1)]);
            await tx.putReview([reviewItem(1)]);
            await tx.putBatches([batchRecord('b-1', T0)]);
            await tx.setMeta({ cursor: 6, lastMutationId: 1 });
            throw failure;
          }),
        ).rejects.toBe(failure);
        const after = await store.transact(async (tx) => ({
          records: await tx.getRecords(['report:r-1', 'report:r-2']),
          outbox: await tx.listOutbox(),
          review: await tx.listReview(),
          batches: await tx.listBatches(10),
          meta: await tx.getMeta(),
        }));
        expect(after.batches).toEqual([]);
        expect(after.records).toEqual(
          new Map([['report:r-1', { server: before, local: undefined }]]),
        );
        expect(after.outbox).toEqual([]);
        expect(after.review).toEqual([]);
        expect(after.meta).toMatchObject({ cursor: 0, lastMutationId: 0 });
        // And the store goes on working.
        await store.transact((tx) => tx.setMeta({ cursor: 2 }));
        expect((await store.transact((tx) => tx.getMeta())).cursor).toBe(2);
      });

      it('returns what the transaction function resolves to', async () => {
        const store = await makeStore();
        expect(await store.transact(() => Promise.resolve('done'))).toBe('done');
      });
    });

    describe('reference', () => {
      it('lists the effective agency, user, category and template rows, not reports', async () => {
        const store = await makeStore();
        const local = storeRows.template('tpl-2', 0, 'drafted here');
        await store.transact(async (tx) => {
          await tx.applyServerChanges([
            storeRows.agency('prov', 1),
            storeRows.user('u-1', 2),
            storeRows.category('kesehatan', 3),
            storeRows.template('tpl-1', 4),
            storeRows.template('tpl-gone', 5),
            storeRows.report('r-1', 6),
            storeRows.note('n-1', 'r-1', 7),
          ]);
          await tx.setLocal([
            { key: 'template:tpl-2', row: local },
            { key: 'template:tpl-gone', row: null },
          ]);
        });
        const byKey = new Map((await store.listReference()).map((row) => [keyOf(row), row]));
        expect([...byKey.keys()].sort()).toEqual([
          'agency:prov',
          'category:kesehatan',
          'template:tpl-1',
          'template:tpl-2',
          'user:u-1',
        ]);
        expect(byKey.get('template:tpl-2')).toEqual(local);
      });
    });
  });
}
