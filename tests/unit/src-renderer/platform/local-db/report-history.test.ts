// forEachReportHistory, the walk routing suggestions train from: the server layer's wanted reports
// with their dispositions, one entry per report however many docs records it spans across pages,
// handed over in batches between read transactions (the consumer may take its time, and write).

import { Dexie } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import type { ReportHistory } from '../../../../../src-renderer/platform/local-db/anchors';
import type { DexieLocalDb } from '../../../../../src-renderer/platform/local-db/dexie-local-db';
import { MAX_DOCS_PER_ANCHOR } from '../../../../../src-renderer/platform/local-db/store-tx';
import type { SyncRow } from '../../../../../src-shared/sync/protocol';
import { storeRows } from '../../../../support/local-store-contract';
import { openTestDb, T0 } from './local-db-support';

const BATCH = 2;
/** Dispositions r-03 gets in transactions of their own: its docs records span pages. */
const LATER_DISPOSITIONS = MAX_DOCS_PER_ANCHOR - 2;

function disposition(id: string, reportId: string, version: number, toAgencyId: string): SyncRow {
  const row = storeRows.disposition(id, reportId, version);
  if (row.entity !== 'disposition') throw new Error('not a disposition');
  return { ...row, data: { ...row.data, toAgencyId, at: T0 + version } };
}

const reportId = (n: number): string => `r-${String(n).padStart(2, '0')}`;

/**
 * Ten reports r-00 … r-09 with one disposition each; r-03 with more in later transactions; a
 * reference row; a disposition whose report was never pulled; r-09 tombstoned; a local edit of
 * r-05 and a report that exists only locally.
 */
async function seeded(): Promise<DexieLocalDb> {
  const db = await openTestDb();
  let version = 0;
  const rows: SyncRow[] = [storeRows.agency('prov', ++version)];
  for (let n = 0; n < 10; n++) {
    const id = reportId(n);
    rows.push(storeRows.report(id, ++version, { status: 'disposed', title: `Laporan ${id}` }));
    rows.push(disposition(`d-${id}`, id, ++version, 'dinkes'));
  }
  rows.push(disposition('d-orphan', 'r-orphan', ++version, 'dinkes'));
  await db.transact((tx) => tx.applyServerChanges(rows));
  for (let i = 0; i < LATER_DISPOSITIONS; i++) {
    const row = disposition(`d-r-03-${String(i)}`, 'r-03', ++version, 'disdik');
    await db.transact((tx) => tx.applyServerChanges([row]));
  }
  await db.transact((tx) =>
    tx.applyServerChanges([{ entity: 'report', id: 'r-09', version: ++version, deleted: true }]),
  );
  await db.transact((tx) =>
    tx.setLocal([
      { key: 'report:r-05', row: storeRows.report('r-05', 0, { title: 'Diubah lokal' }) },
      { key: 'report:local-1', row: storeRows.report('local-1', 0) },
    ]),
  );
  return db;
}

describe('forEachReportHistory', () => {
  it('hands over the wanted server reports with their dispositions, once each, across pages', async () => {
    const db = await seeded();
    const r03Records = await db.dexie.docs
      .where('[anchor+seq]')
      .between(['r-03', -Infinity], ['r-03', Infinity])
      .count();
    // More docs records than one page holds (pages are twice the batch).
    expect(r03Records).toBeGreaterThan(BATCH * 2);

    const batches: ReportHistory[][] = [];
    await db.forEachReportHistory(
      BATCH,
      (id) => id !== 'r-01',
      (batch) => {
        batches.push([...batch]);
      },
    );

    expect(batches.every((batch) => batch.length > 0 && batch.length <= BATCH)).toBe(true);
    const all = batches.flat();
    const ids = all.map((entry) => entry.report.id);
    // Not r-01 (unwanted), r-09 (tombstoned), r-orphan (no report), local-1 (only local).
    expect(ids).toEqual([0, 2, 3, 4, 5, 6, 7, 8].map(reportId));
    const byId = new Map(all.map((entry) => [entry.report.id, entry]));
    expect(
      byId
        .get('r-03')
        ?.dispositions.map((d) => d.id)
        .sort(),
    ).toEqual(
      [
        'd-r-03',
        ...Array.from({ length: LATER_DISPOSITIONS }, (_, i) => `d-r-03-${String(i)}`),
      ].sort(),
    );
    expect(byId.get('r-04')?.dispositions).toEqual([
      expect.objectContaining({ id: 'd-r-04', reportId: 'r-04', toAgencyId: 'dinkes' }),
    ]);
    // The server's report, not the local edit.
    expect(byId.get('r-05')?.report.title).toBe('Laporan r-05');
  });

  it('calls the consumer between read transactions, so it may write while the walk goes on', async () => {
    const db = await seeded();
    const log: string[] = [];
    const transaction = db.dexie.transaction.bind(db.dexie) as (
      ...args: unknown[]
    ) => Promise<unknown>;
    // Read transactions only (the consumer's own writes are read-write).
    vi.spyOn(db.dexie, 'transaction').mockImplementation(((...args: unknown[]) => {
      if (args[0] !== 'r') return transaction(...args);
      log.push('open');
      return transaction(...args).finally(() => log.push('close'));
    }) as unknown as typeof db.dexie.transaction);

    let written = 0;
    await db.forEachReportHistory(
      BATCH,
      () => true,
      async () => {
        log.push('fn');
        expect(Dexie.currentTransaction).toBeNull();
        // A write over the docs table would wait forever for a read transaction held open.
        await db.transact((tx) =>
          tx.applyServerChanges([storeRows.note(`n-${String(written)}`, 'r-00', 1_000 + written)]),
        );
        written += 1;
      },
    );
    vi.restoreAllMocks();

    expect(written).toBeGreaterThan(1);
    // Outside any read: every 'fn' comes after a close and before the next open.
    let depth = 0;
    for (const entry of log) {
      if (entry === 'open') depth += 1;
      else if (entry === 'close') depth -= 1;
      else expect(depth).toBe(0);
    }
    // Handed over while walking, not all at the end.
    const lastOpen = log.lastIndexOf('open');
    expect(log.indexOf('fn')).toBeLessThan(lastOpen);
  });
});
