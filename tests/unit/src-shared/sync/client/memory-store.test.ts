import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../../../src-shared/sync/client/memory-store';
import { describeLocalStoreContract, storeRows } from '../../../../support/local-store-contract';

describeLocalStoreContract('memory store', () =>
  Promise.resolve(createMemoryStore('client-memory-1')),
);

describe('memory store', () => {
  it('runs overlapping transactions one after the other', async () => {
    const store = createMemoryStore('client-memory-1');
    const order: string[] = [];
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = store.transact(async (tx) => {
      order.push('first starts');
      await gate;
      await tx.setMeta({ cursor: 1 });
      order.push('first ends');
    });
    const second = store.transact(async (tx) => {
      order.push(`second sees cursor ${String((await tx.getMeta()).cursor)}`);
    });
    await Promise.resolve();
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first starts', 'first ends', 'second sees cursor 1']);
  });

  it('exposes the committed records for whole-store comparisons', async () => {
    const store = createMemoryStore('client-memory-1');
    await store.transact((tx) => tx.applyServerChanges([storeRows.report('r-1', 2)]));
    expect([...store.records().keys()]).toEqual(['report:r-1']);
    expect(store.meta().clientId).toBe('client-memory-1');
  });
});
