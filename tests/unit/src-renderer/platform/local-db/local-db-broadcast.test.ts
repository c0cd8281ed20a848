// Several windows on one database: each tells the others what its transactions changed over a
// BroadcastChannel, and they re-read those reports and emit them as 'other-window' changes.

import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { StoreChange } from '../../../../../src-renderer/platform/local-db/local-db';
import { storeRows } from '../../../../support/local-store-contract';
import { openTestDb, outboxEntry } from './local-db-support';

describe('cross-window changes', () => {
  it("re-reads another window's changed reports and emits them as other-window", async () => {
    const factory = new IDBFactory();
    const a = await openTestDb({ indexedDB: factory, broadcast: true, name: 'posko:bc:u-1' });
    const b = await openTestDb({ indexedDB: factory, broadcast: true, name: 'posko:bc:u-1' });
    const seenByA: StoreChange[] = [];
    const seenByB: StoreChange[] = [];
    a.subscribe((change) => seenByA.push(change));
    b.subscribe((change) => seenByB.push(change));

    await a.transact(async (tx) => {
      await tx.applyServerChanges([
        storeRows.report('r-1', 1, { title: 'Sampah menumpuk', trackingId: '777' }),
        storeRows.report('r-2', 2),
        storeRows.category('kebersihan', 3),
      ]);
      await tx.setLocal([{ key: 'report:r-2', row: null }]);
      await tx.putOutbox([outboxEntry(1)]);
    });

    await vi.waitFor(() => {
      expect(seenByB).toHaveLength(1);
    });
    const [change] = seenByB;
    expect(change).toMatchObject({
      origin: 'other-window',
      reference: true,
      outbox: true,
      review: false,
    });
    const byId = new Map(change?.reports.map((report) => [report.id, report]));
    expect(byId.get('r-1')?.row).toMatchObject({ title: 'Sampah menumpuk', version: 1 });
    expect(byId.get('r-1')?.searchText).toContain('777\nSampah menumpuk');
    expect(byId.get('r-2')).toEqual({ id: 'r-2', row: null, searchText: null });
    // The writer hears only itself, once.
    expect(seenByA.map((c) => c.origin)).toEqual(['this-window']);
  });

  it('keeps databases of other profiles apart and stays silent when broadcasting is off', async () => {
    const factory = new IDBFactory();
    const writer = await openTestDb({ indexedDB: factory, broadcast: true, name: 'posko:bc:u-2' });
    const otherProfile = await openTestDb({
      indexedDB: factory,
      broadcast: true,
      name: 'posko:bc:u-3',
    });
    const deaf = await openTestDb({ indexedDB: factory, broadcast: false, name: 'posko:bc:u-2' });
    const listening = await openTestDb({
      indexedDB: factory,
      broadcast: true,
      name: 'posko:bc:u-2',
    });
    const heard: string[] = [];
    otherProfile.subscribe(() => heard.push('other profile'));
    deaf.subscribe(() => heard.push('deaf'));
    listening.subscribe(() => heard.push('listening'));

    await writer.transact((tx) => tx.applyServerChanges([storeRows.report('r-1', 1)]));
    await vi.waitFor(() => {
      expect(heard).toContain('listening');
    });
    // A second round trip: anything else would have arrived by now.
    await writer.transact((tx) => tx.applyServerChanges([storeRows.report('r-2', 2)]));
    await vi.waitFor(() => {
      expect(heard.filter((h) => h === 'listening')).toHaveLength(2);
    });
    expect(heard).toEqual(['listening', 'listening']);
  });
});
