// The Dexie local database beyond the LocalStore contract: list rows and their sentinels, the
// pending and awaiting-approval flags, queue pages through the indexes, grouped server docs and
// compaction, change events, search text, snapshots and the outbox export.

import { IDBObjectStore } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import { queuePageByDue } from '../../../../../src-renderer/platform/local-db/list-rows';
import type { StoreChange } from '../../../../../src-renderer/platform/local-db/local-db';
import {
  parseOutboxExport,
  withoutHold,
} from '../../../../../src-renderer/platform/local-db/outbox-export';
import { NO_ASSIGNEE, NO_DUE_AT } from '../../../../../src-renderer/platform/local-db/schema';
import { MAX_DOCS_PER_ANCHOR } from '../../../../../src-renderer/platform/local-db/store-tx';
import type { ReportStatus } from '../../../../../src-shared/domain/report-status';
import type { SyncRow } from '../../../../../src-shared/sync/protocol';
import { storeRows } from '../../../../support/local-store-contract';
import { openTestDb, outboxEntry, responseRow, reviewItem, T0 } from './local-db-support';

const DAY = 86_400_000;

describe('list rows', () => {
  it('stores null deadlines and assignees as sentinels and reads them back as null', async () => {
    const db = await openTestDb();
    await db.transact((tx) =>
      tx.applyServerChanges([
        storeRows.report('r-open', 1, { status: 'disposed', dueAt: T0 + DAY, assigneeId: 'u-7' }),
        storeRows.report('r-closed', 2, { status: 'completed', dueAt: null, assigneeId: null }),
      ]),
    );
    const stored = await db.dexie.list.get('r-closed');
    expect(stored).toMatchObject({ dueAt: NO_DUE_AT, assigneeId: NO_ASSIGNEE, pending: 0 });

    const rows = new Map((await db.allListRows()).map((row) => [row.id, row]));
    expect(rows.get('r-closed')).toMatchObject({ dueAt: null, assigneeId: null, pending: false });
    expect(rows.get('r-open')).toMatchObject({ dueAt: T0 + DAY, assigneeId: 'u-7', version: 1 });
    // Closed and unassigned rows are in the compound indexes (a null part would leave them out).
    expect(
      await db.dexie.list
        .where('[status+dueAt]')
        .between(['completed', 0], ['completed', Dexie.maxKey])
        .count(),
    ).toBe(1);
    expect(
      await db.dexie.list.where('[assigneeId+status]').equals([NO_ASSIGNEE, 'completed']).count(),
    ).toBe(1);
  });

  it('derives the row from the local report over the server one, with the server version', async () => {
    const db = await openTestDb();
    await db.transact((tx) =>
      tx.applyServerChanges([storeRows.report('r-1', 4, { title: 'server title' })]),
    );
    await db.transact((tx) =>
      tx.setLocal([
        {
          key: 'report:r-1',
          row: storeRows.report('r-1', 4, { title: 'local title', status: 'disposed' }),
        },
      ]),
    );
    const [row] = await db.allListRows();
    expect(row).toMatchObject({
      title: 'local title',
      status: 'disposed',
      version: 4,
      pending: true,
    });

    await db.transact((tx) => tx.setLocal([{ key: 'report:r-1', row: undefined }]));
    const [cleared] = await db.allListRows();
    expect(cleared).toMatchObject({ title: 'server title', status: 'unverified', pending: false });
  });

  it('marks a report pending while any of its children has a local layer', async () => {
    const db = await openTestDb();
    await db.transact((tx) =>
      tx.applyServerChanges([storeRows.report('r-1', 1), storeRows.report('r-2', 2)]),
    );
    const note = storeRows.note('n-1', 'r-1', 0);
    await db.transact((tx) => tx.setLocal([{ key: 'note:n-1', row: note }]));
    const pending = new Map((await db.allListRows()).map((row) => [row.id, row.pending]));
    expect(pending).toEqual(
      new Map([
        ['r-1', true],
        ['r-2', false],
      ]),
    );
    expect(await db.dexie.list.where('pending').equals(1).primaryKeys()).toEqual(['r-1']);

    await db.transact((tx) => tx.setLocal([{ key: 'note:n-1', row: undefined }]));
    expect((await db.allListRows()).every((row) => !row.pending)).toBe(true);
  });

  it('flags a report awaiting approval while an effective response is submitted', async () => {
    const db = await openTestDb();
    await db.transact((tx) =>
      tx.applyServerChanges([storeRows.report('r-1', 1), responseRow('resp-1', 'r-1', 2, 'draft')]),
    );
    expect((await db.allListRows())[0]?.awaitingApproval).toBe(false);

    // Submitted locally (optimistic) ...
    await db.transact((tx) =>
      tx.setLocal([{ key: 'response:resp-1', row: responseRow('resp-1', 'r-1', 2, 'submitted') }]),
    );
    expect((await db.allListRows())[0]).toMatchObject({ awaitingApproval: true, pending: true });

    // ... then confirmed by the server and the local layer cleared.
    await db.transact(async (tx) => {
      await tx.applyServerChanges([responseRow('resp-1', 'r-1', 3, 'submitted')]);
      await tx.setLocal([{ key: 'response:resp-1', row: undefined }]);
    });
    expect((await db.allListRows())[0]).toMatchObject({ awaitingApproval: true, pending: false });

    // A local edit back to draft hides the server's submitted state.
    await db.transact((tx) =>
      tx.setLocal([{ key: 'response:resp-1', row: responseRow('resp-1', 'r-1', 3, 'draft') }]),
    );
    expect((await db.allListRows())[0]?.awaitingApproval).toBe(false);
  });

  it('removes the row of a report deleted by a tombstone or locally', async () => {
    const db = await openTestDb();
    await db.transact((tx) =>
      tx.applyServerChanges([storeRows.report('r-1', 1), storeRows.report('r-2', 2)]),
    );
    await db.transact((tx) => tx.applyServerChanges([storeRows.tombstone('report', 'r-1', 3)]));
    expect((await db.allListRows()).map((row) => row.id)).toEqual(['r-2']);
    await db.transact((tx) => tx.setLocal([{ key: 'report:r-2', row: null }]));
    expect(await db.allListRows()).toEqual([]);
    await db.transact((tx) => tx.setLocal([{ key: 'report:r-2', row: undefined }]));
    expect((await db.allListRows()).map((row) => row.id)).toEqual(['r-2']);
  });
});

describe('queue pages', () => {
  it('pages a status by deadline through [status+dueAt] with keyset cursors', async () => {
    const db = await openTestDb();
    const rows: SyncRow[] = [];
    // 23 disposed reports: deadlines with ties, some without a deadline; other statuses mixed in.
    for (let i = 0; i < 23; i++) {
      const dueAt = i % 5 === 4 ? null : T0 + (i % 4) * DAY;
      rows.push(
        storeRows.report(`d-${String(i).padStart(2, '0')}`, i + 1, { status: 'disposed', dueAt }),
      );
    }
    for (let i = 0; i < 6; i++) {
      const status: ReportStatus = i % 2 === 0 ? 'unverified' : 'in_progress';
      rows.push(storeRows.report(`o-${String(i)}`, 100 + i, { status, dueAt: T0 }));
    }
    await db.transact((tx) => tx.applyServerChanges(rows));

    const expected = rows
      .filter((row) => row.entity === 'report' && row.data.status === 'disposed')
      .map((row) => (row.entity === 'report' ? row.data : null))
      .flatMap((data) => (data === null ? [] : [data]))
      .sort((a, b) => (a.dueAt ?? NO_DUE_AT) - (b.dueAt ?? NO_DUE_AT) || (a.id < b.id ? -1 : 1))
      .map((data) => data.id);

    const seen: string[] = [];
    let after = null as { dueAt: number | null; id: string } | null;
    for (let page = 0; page < 10; page++) {
      const rowsOfPage = await queuePageByDue(db.dexie, 'disposed', 5, after);
      if (rowsOfPage.length === 0) break;
      seen.push(...rowsOfPage.map((row) => row.id));
      const last = rowsOfPage[rowsOfPage.length - 1];
      if (last === undefined) break;
      after = { dueAt: last.dueAt, id: last.id };
    }
    expect(seen).toEqual(expected);
    expect(seen).toHaveLength(23);
  });

  it('answers agency and assignee queues from their compound indexes', async () => {
    const db = await openTestDb();
    await db.transact((tx) =>
      tx.applyServerChanges([
        storeRows.report('r-1', 1, {
          agencyId: 'dinkes',
          status: 'disposed',
          assigneeId: 'u-1',
          dueAt: T0,
        }),
        storeRows.report('r-2', 2, {
          agencyId: 'dinkes',
          status: 'in_progress',
          assigneeId: null,
          dueAt: T0,
        }),
        storeRows.report('r-3', 3, {
          agencyId: 'disdik',
          status: 'disposed',
          assigneeId: 'u-1',
          dueAt: T0,
        }),
      ]),
    );
    expect(
      await db.dexie.list.where('[agencyId+status]').equals(['dinkes', 'disposed']).primaryKeys(),
    ).toEqual(['r-1']);
    expect(
      await db.dexie.list.where('[assigneeId+status]').equals(['u-1', 'disposed']).primaryKeys(),
    ).toEqual(['r-1', 'r-3']);
    expect(
      await db.dexie.list
        .where('[status+agencyId+dueAt]')
        .between(['disposed', 'disdik', Dexie.minKey], ['disposed', 'disdik', Dexie.maxKey])
        .primaryKeys(),
    ).toEqual(['r-3']);
    expect(await db.dexie.list.where('trackingId').equals('1916449').count()).toBe(3);
  });
});

describe('grouped server docs', () => {
  /** A pull page of `reports` reports with `perReport - 1` children each, in version order. */
  function page(reports: number, perReport: number, firstVersion = 1, prefix = 'r'): SyncRow[] {
    const rows: SyncRow[] = [];
    let version = firstVersion;
    for (let r = 0; r < reports; r++) {
      const id = `${prefix}-${String(r)}`;
      rows.push(storeRows.report(id, version++, { status: 'disposed', dueAt: T0 + r }));
      for (let c = 1; c < perReport; c++) {
        const kind = c % 3;
        const childId = `${id}-c${String(c)}`;
        rows.push(
          kind === 0
            ? storeRows.note(childId, id, version++)
            : kind === 1
              ? storeRows.auditEvent(childId, id, version++)
              : storeRows.disposition(childId, id, version++),
        );
      }
    }
    return rows;
  }

  it('writes one docs record per report for a 1000-row page of ~140 reports', async () => {
    const db = await openTestDb();
    const rows = page(143, 7).slice(0, 1000);
    expect(rows).toHaveLength(1000);
    await db.transact((tx) => tx.applyServerChanges(rows));
    expect(await db.dexie.docs.count()).toBe(143);
    expect(await db.dexie.list.count()).toBe(143);
    const records = await db.reportRecords('r-10');
    expect([...(records?.keys() ?? [])].sort()).toEqual(
      [
        'report:r-10',
        ...[1, 2, 3, 4, 5, 6].map(
          (c) => `${['note', 'audit_event', 'disposition'][c % 3] ?? ''}:r-10-c${String(c)}`,
        ),
      ].sort(),
    );
  });

  it('reads many reports with their children in one go, leaving unknown ones out', async () => {
    const db = await openTestDb();
    await db.transact((tx) => tx.applyServerChanges(page(20, 3)));
    await db.transact((tx) =>
      tx.setLocal([{ key: 'note:r-2-local', row: storeRows.note('r-2-local', 'r-2', 0) }]),
    );
    const byReport = await db.reportsRecords(['r-1', 'r-2', 'r-missing', 'r-1']);
    expect([...byReport.keys()]).toEqual(['r-1', 'r-2']);
    expect(byReport.get('r-1')).toEqual(await db.reportRecords('r-1'));
    expect(byReport.get('r-2')?.get('note:r-2-local')?.local).toBeDefined();
    expect(await db.reportRecords('r-missing')).toBeNull();
  });

  it('writes one record per anchor per transaction, however many batches it applies', async () => {
    const db = await openTestDb();
    await db.transact(async (tx) => {
      await tx.applyServerChanges([storeRows.report('r-1', 1)]);
      await tx.applyServerChanges([storeRows.note('n-1', 'r-1', 2)]);
      await tx.applyServerChanges([storeRows.note('n-2', 'r-1', 3), storeRows.user('u-1', 4)]);
    });
    expect(await db.dexie.docs.toCollection().primaryKeys()).toEqual([
      ['r-1', 0],
      ['ref:user', 0],
    ]);
  });

  it('appends a record per later transaction and compacts an anchor past the limit', async () => {
    const db = await openTestDb();
    await db.transact((tx) => tx.applyServerChanges([storeRows.report('r-1', 1)]));
    let version = 2;
    for (let i = 1; i < MAX_DOCS_PER_ANCHOR; i++) {
      await db.transact((tx) =>
        tx.applyServerChanges([storeRows.note(`n-${String(i)}`, 'r-1', version++)]),
      );
    }
    expect(
      await db.dexie.docs
        .where('[anchor+seq]')
        .between(['r-1', -Infinity], ['r-1', Infinity])
        .count(),
    ).toBe(MAX_DOCS_PER_ANCHOR);

    const newest = storeRows.report('r-1', version++, { title: 'compacted' });
    await db.transact((tx) =>
      tx.applyServerChanges([storeRows.note('n-last', 'r-1', version++), newest]),
    );
    const docs = await db.dexie.docs
      .where('[anchor+seq]')
      .between(['r-1', -Infinity], ['r-1', Infinity])
      .toArray();
    expect(docs).toHaveLength(1);
    expect(docs[0]?.entries).toHaveLength(MAX_DOCS_PER_ANCHOR + 1);
    const records = await db.reportRecords('r-1');
    expect(records?.size).toBe(MAX_DOCS_PER_ANCHOR + 1);
    expect(records?.get('report:r-1')?.server).toEqual(newest);
    expect((await db.allListRows())[0]?.title).toBe('compacted');
  });

  it('keeps the newest version when records of one anchor disagree', async () => {
    const db = await openTestDb();
    const newer = storeRows.note('n-1', 'r-1', 9, 'newer');
    await db.transact((tx) => tx.applyServerChanges([storeRows.report('r-1', 1), newer]));
    // An older copy (a heads payload written before the pull) does not win, and is not written.
    await db.transact((tx) => tx.applyServerChanges([storeRows.note('n-1', 'r-1', 4, 'older')]));
    expect(await db.dexie.docs.count()).toBe(1);
    expect((await db.reportRecords('r-1'))?.get('note:n-1')?.server).toEqual(newer);
  });

  it("finds a child's report for a tombstone that carries only its id", async () => {
    const db = await openTestDb();
    await db.transact((tx) =>
      tx.applyServerChanges([
        storeRows.report('r-1', 1),
        storeRows.note('n-1', 'r-1', 2),
        storeRows.note('n-2', 'r-1', 3),
      ]),
    );
    await db.transact((tx) => tx.applyServerChanges([storeRows.tombstone('note', 'n-1', 4)]));
    const records = await db.reportRecords('r-1');
    expect([...(records?.keys() ?? [])].sort()).toEqual(['note:n-2', 'report:r-1']);
    // A tombstone of a record never seen writes nothing.
    await db.transact((tx) => tx.applyServerChanges([storeRows.tombstone('note', 'n-unknown', 5)]));
    expect(await db.dexie.docs.count()).toBe(2);
  });

  it('rewrites a tombstoned report as one small record, and it comes back with newer rows', async () => {
    const db = await openTestDb();
    await db.transact((tx) =>
      tx.applyServerChanges([storeRows.report('r-1', 1), storeRows.note('n-1', 'r-1', 2)]),
    );
    await db.transact((tx) => tx.applyServerChanges([storeRows.note('n-2', 'r-1', 3)]));
    await db.transact((tx) => tx.applyServerChanges([storeRows.tombstone('report', 'r-1', 10)]));
    const docs = await db.dexie.docs.toArray();
    expect(docs).toHaveLength(1);
    expect(docs[0]?.entries).toEqual([{ key: 'report:r-1', version: 10, row: null }]);
    expect(await db.reportRecords('r-1')).toBeNull();

    const back = storeRows.report('r-1', 11);
    await db.transact((tx) => tx.applyServerChanges([back, storeRows.note('n-1', 'r-1', 12)]));
    expect([...((await db.reportRecords('r-1'))?.keys() ?? [])].sort()).toEqual([
      'note:n-1',
      'report:r-1',
    ]);
    expect((await db.allListRows()).map((row) => row.id)).toEqual(['r-1']);
  });

  it('applies a 1000-row page without per-row reads (relative cost logged)', async () => {
    const db = await openTestDb();
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    const pages = [0, 1, 2, 3, 4].map((p) =>
      page(143, 7, 1 + p * 1001, `p${String(p)}`).slice(0, 1000),
    );
    const started = performance.now();
    for (const rows of pages) await db.transact((tx) => tx.applyServerChanges(rows));
    const perPage = (performance.now() - started) / pages.length;
    // New reports: no gets at all (only the meta read of nobody: none here).
    expect(gets).not.toHaveBeenCalled();
    expect(await db.dexie.docs.count()).toBe(5 * 143);
    expect(await db.dexie.list.count()).toBe(5 * 143);

    // A page adding children to 143 existing reports reads each existing list row once.
    const more = Array.from({ length: 143 }, (_, r) =>
      storeRows.note(`more-${String(r)}`, `p0-${String(r)}`, 10_000 + r),
    );
    await db.transact((tx) => tx.applyServerChanges(more));
    expect(gets.mock.calls.length).toBeLessThanOrEqual(143);
    expect(await db.dexie.docs.count()).toBe(6 * 143);
    gets.mockRestore();

    // Floor: the same rows, one unindexed record each, one transaction per page.
    const floorStarted = performance.now();
    for (const [p, rows] of pages.entries()) {
      await db.dexie.snapshots.bulkPut(
        rows.map((row, i) => ({ name: `floor-${String(p)}-${String(i)}`, cursor: 0, value: row })),
      );
    }
    const floorPerPage = (performance.now() - floorStarted) / pages.length;
    // Relative figures for the report (fake-indexeddb in memory, not a browser measurement).
    console.info(
      `fake-indexeddb, 1000-row page: applyServerChanges ≈ ${perPage.toFixed(0)} ms, ` +
        `floor (1000 unindexed puts) ≈ ${floorPerPage.toFixed(0)} ms, ` +
        `ratio ${(perPage / floorPerPage).toFixed(2)}`,
    );
  });
});

describe('change events', () => {
  it('emits the changed reports with their rows and search text after commit', async () => {
    const db = await openTestDb();
    const changes: StoreChange[] = [];
    db.subscribe((change) => changes.push(change));
    await db.transact(async (tx) => {
      await tx.applyServerChanges([
        storeRows.report('r-1', 1, {
          title: 'Jalan rusak',
          body: 'Lubang besar',
          trackingId: '555',
        }),
        storeRows.note('n-2', 'r-2', 2),
        storeRows.user('u-1', 3),
      ]);
      // Nothing is emitted before the transaction commits.
      expect(changes).toEqual([]);
    });
    expect(changes).toHaveLength(1);
    const [change] = changes;
    expect(change?.origin).toBe('this-window');
    expect(change?.reference).toBe(true);
    expect(change?.outbox).toBe(false);
    const byId = new Map(change?.reports.map((report) => [report.id, report]));
    expect(byId.get('r-1')?.row?.title).toBe('Jalan rusak');
    expect(byId.get('r-1')?.searchText).toBe(
      '555\nJalan rusak\nLubang besar\nJl. Soekarno-Hatta, Bandung',
    );
    // A report known only by a child has no row yet.
    expect(byId.get('r-2')).toEqual({ id: 'r-2', row: null, searchText: null });
  });

  it('reports outbox and review changes, and nothing for a transaction that changed nothing', async () => {
    const db = await openTestDb();
    const changes: StoreChange[] = [];
    const unsubscribe = db.subscribe((change) => changes.push(change));
    await db.transact((tx) => tx.getMeta());
    await db.transact((tx) => tx.putOutbox([outboxEntry(1)]));
    await db.transact((tx) => tx.putReview([reviewItem(1)]));
    expect(changes.map((c) => [c.outbox, c.review, c.reports.length])).toEqual([
      [true, false, 0],
      [false, true, 0],
    ]);
    unsubscribe();
    await db.transact((tx) => tx.deleteOutbox([1]));
    expect(changes).toHaveLength(2);
  });

  it('emits nothing for a transaction that fails', async () => {
    const db = await openTestDb();
    const changes: StoreChange[] = [];
    db.subscribe((change) => changes.push(change));
    await expect(
      db.transact(async (tx) => {
        await tx.applyServerChanges([storeRows.report('r-1', 1)]);
        throw new Error('bug');
      }),
    ).rejects.toThrow('bug');
    expect(changes).toEqual([]);
    expect(await db.allListRows()).toEqual([]);
  });
});

describe('reads', () => {
  it('walks every report search text in batches, local reports and edits included', async () => {
    const db = await openTestDb();
    const rows: SyncRow[] = [];
    for (let i = 0; i < 25; i++)
      rows.push(
        storeRows.report(`r-${String(i).padStart(2, '0')}`, i + 1, {
          title: `Laporan ${String(i)}`,
        }),
      );
    rows.push(storeRows.agency('prov', 50), storeRows.note('n-1', 'r-03', 51));
    await db.transact((tx) => tx.applyServerChanges(rows));
    // Several records for one anchor, so an anchor spans the paging boundary.
    await db.transact((tx) => tx.applyServerChanges([storeRows.note('n-2', 'r-03', 52)]));
    await db.transact((tx) =>
      tx.setLocal([
        { key: 'report:r-05', row: storeRows.report('r-05', 6, { title: 'Diubah lokal' }) },
        { key: 'report:r-07', row: null },
        { key: 'report:local-1', row: storeRows.report('local-1', 0, { title: 'Hanya lokal' }) },
      ]),
    );
    const batches: { id: string; text: string }[][] = [];
    await db.forEachSearchText(4, (batch) => batches.push([...batch]));
    expect(batches.every((batch) => batch.length <= 4)).toBe(true);
    const texts = new Map(batches.flat().map((entry) => [entry.id, entry.text]));
    expect(texts.size).toBe(25); // 25 server reports − 1 deleted locally + 1 local only
    expect(texts.has('r-07')).toBe(false);
    expect(texts.get('r-05')).toContain('Diubah lokal');
    expect(texts.get('local-1')).toContain('Hanya lokal');
    expect(texts.get('r-03')).toContain('Laporan 3');
  });

  it('keeps snapshots with their cursor', async () => {
    const db = await openTestDb();
    expect(await db.getSnapshot('search')).toBeNull();
    await db.putSnapshot('search', 42, { terms: ['jalan'], bytes: new Uint8Array([1, 2, 3]) });
    expect(await db.getSnapshot('search')).toEqual({
      cursor: 42,
      value: { terms: ['jalan'], bytes: new Uint8Array([1, 2, 3]) },
    });
  });

  it('lists the outbox and the review list without a transaction', async () => {
    const db = await openTestDb();
    await db.transact(async (tx) => {
      await tx.putOutbox([outboxEntry(2), outboxEntry(1)]);
      await tx.putReview([reviewItem(3), reviewItem(2)]);
    });
    expect((await db.outbox()).map((entry) => entry.mutation.id)).toEqual([1, 2]);
    expect((await db.review()).map((item) => item.id)).toEqual(['client-0001:2', 'client-0001:3']);
  });

  it('exports the client id, last mutation id, outbox (without holds) and review list as JSON', async () => {
    const db = await openTestDb({ now: () => T0 + 5 });
    const { clientId } = await db.meta();
    const held = { ...outboxEntry(2, [], clientId), holdUntil: T0 + 10_000 };
    await db.transact(async (tx) => {
      await tx.putOutbox([outboxEntry(1, ['report:r-1'], clientId), held]);
      await tx.putReview([reviewItem(1, clientId)]);
      await tx.setMeta({ lastMutationId: 2, cursor: 99 });
    });
    const text = await db.exportOutbox();
    const doc = parseOutboxExport(text);
    expect(doc).toMatchObject({
      clientId,
      lastMutationId: 2,
      exportedAt: T0 + 5,
      database: db.name,
    });
    const { holdUntil: _hold, ...unheld } = outboxEntry(2, [], clientId);
    expect(doc?.outbox).toEqual([withoutHold(outboxEntry(1, ['report:r-1'], clientId)), unheld]);
    expect(JSON.parse(text)).not.toHaveProperty(['outbox', 1, 'holdUntil']);
    expect(doc?.review).toEqual([reviewItem(1, clientId)]);
    expect(parseOutboxExport('{"format":"something else"}')).toBeNull();
    expect(parseOutboxExport('not json')).toBeNull();
  });
});
