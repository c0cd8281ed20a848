// Failures of the local database as values: a full disk, a database that cannot be opened, is
// newer than the app, is held by another window or goes away under us, and the recovery that
// recreates it without losing the outbox.

import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  openLocalDb,
  recoverLocalDb,
  type DexieLocalDb,
} from '../../../../../src-renderer/platform/local-db/dexie-local-db';
import {
  LocalStoreError,
  localStoreProblemOf,
} from '../../../../../src-renderer/platform/local-db/local-db-problems';
import {
  declareSchema,
  schemaVersions,
  type SchemaVersion,
} from '../../../../../src-renderer/platform/local-db/schema';
import type { LocalStoreProblem } from '../../../../../src-renderer/sync/inbox-service';
import { storeRows } from '../../../../support/local-store-contract';
import { openTestDb, outboxEntry, reviewItem, T0, testOptions, track } from './local-db-support';

const v1 = schemaVersions[0];
if (v1 === undefined) throw new Error('schema has no version 1');
/** A later schema than this app's, as a newer Posko would install. */
const newerSchema: readonly SchemaVersion[] = [
  ...schemaVersions,
  { version: 99, stores: { ...v1.stores, attachments: 'id' } },
];

afterEach(() => {
  vi.restoreAllMocks();
});

async function problemOf(promise: Promise<unknown>): Promise<LocalStoreProblem> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LocalStoreError) return error.problem;
    throw error;
  }
  throw new Error('expected a LocalStoreError');
}

/** An IDBFactory whose `open` fails like Chromium's with a broken backing store. */
function brokenFactory(name: string, message: string): IDBFactory {
  const real = new IDBFactory();
  return new Proxy(real, {
    get(target, prop, receiver) {
      if (prop === 'open') {
        return () => {
          throw new DOMException(message, name);
        };
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}

describe('error mapping', () => {
  it('maps storage errors, however deeply wrapped, and leaves bugs alone', () => {
    const quota = new DOMException('quota', 'QuotaExceededError');
    expect(localStoreProblemOf(new Dexie.AbortError('Transaction aborted', quota))).toMatchObject({
      code: 'local/quota-exceeded',
      messageKey: 'localDb.problem.quota',
    });
    expect(localStoreProblemOf(new Dexie.BulkError('bulk', [quota]) as unknown)).toBeNull();
    expect(localStoreProblemOf(new Dexie.DatabaseClosedError('closed'))?.code).toBe(
      'local/deleted',
    );
    expect(localStoreProblemOf(new Dexie.DatabaseClosedError('closed'), 'open')?.code).toBe(
      'local/open-failed',
    );
    expect(localStoreProblemOf(new DOMException('v', 'VersionError'))?.code).toBe(
      'local/version-too-new',
    );
    expect(
      localStoreProblemOf(new Error('Internal error opening backing store for indexedDB.open.')),
    ).toMatchObject({ code: 'local/open-failed', messageKey: 'localDb.problem.openFailed' });
    expect(localStoreProblemOf(new TypeError('x is undefined'))).toBeNull();
  });
});

describe('quota exceeded', () => {
  it('aborts the whole transaction, surfaces the problem, and keeps working afterwards', async () => {
    const db = await openTestDb();
    await db.transact(async (tx) => {
      await tx.applyServerChanges([storeRows.report('r-1', 1)]);
      await tx.putOutbox([outboxEntry(1)]);
      await tx.setMeta({ cursor: 1, lastMutationId: 1 });
    });
    // The disk fills up at the docs write, after the outbox and meta writes succeeded.
    const originalPut = IDBObjectStore.prototype.put;
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (this.name === 'docs' || this.name === 'snapshots') {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return originalPut.apply(this, args);
    });

    const problem = await problemOf(
      db.transact(async (tx) => {
        await tx.putOutbox([outboxEntry(2)]);
        await tx.setMeta({ cursor: 9, lastMutationId: 2 });
        await tx.applyServerChanges([storeRows.report('r-2', 9), storeRows.report('r-1', 8)]);
      }),
    );
    expect(problem).toMatchObject({
      code: 'local/quota-exceeded',
      messageKey: 'localDb.problem.quota',
    });
    expect(put.mock.contexts.map((store) => (store as IDBObjectStore).name)).toEqual(
      expect.arrayContaining(['outbox', 'meta', 'docs']),
    );

    // Reads (and the outbox export) still work while writes fail; nothing of the write landed.
    expect((await db.outbox()).map((entry) => entry.mutation.id)).toEqual([1]);
    expect(await db.meta()).toMatchObject({ cursor: 1, lastMutationId: 1 });
    expect((await db.allListRows()).map((row) => [row.id, row.version])).toEqual([['r-1', 1]]);
    expect(JSON.parse(await db.exportOutbox())).toMatchObject({ lastMutationId: 1 });
    expect(await problemOf(db.putSnapshot('search', 1, 'x'))).toMatchObject({
      code: 'local/quota-exceeded',
    });

    put.mockRestore();
    await db.transact((tx) => tx.putOutbox([outboxEntry(2)]));
    expect((await db.outbox()).map((entry) => entry.mutation.id)).toEqual([1, 2]);
  });
});

describe('opening', () => {
  it('creates the meta with a new client id once, and keeps it on reopening', async () => {
    const options = testOptions();
    const first = await openLocalDb(options);
    if (!first.ok) throw new Error('open failed');
    const { clientId } = await first.value.meta();
    expect(clientId).toMatch(/^client-/);
    first.value.close();
    const second = await openLocalDb({ ...options, createClientId: () => 'client-other' });
    if (!second.ok) throw new Error('reopen failed');
    track(second.value);
    expect((await second.value.meta()).clientId).toBe(clientId);
  });

  it.each([
    ['UnknownError', 'Internal error opening backing store for indexedDB.open.'],
    ['InvalidStateError', 'The database connection is closing.'],
  ])('answers open-failed for %s instead of throwing', async (name, message) => {
    const result = await openLocalDb(testOptions({ indexedDB: brokenFactory(name, message) }));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'local/open-failed', messageKey: 'localDb.problem.openFailed' },
    });
    if (!result.ok) expect(result.error.detail).toContain(message);
  });

  it('answers open-failed where there is no IndexedDB', async () => {
    const options = { ...testOptions(), indexedDB: undefined, IDBKeyRange: undefined };
    const { indexedDB: _a, IDBKeyRange: _b, ...rest } = options;
    const result = await openLocalDb(rest);
    expect(result).toMatchObject({ ok: false, error: { code: 'local/open-failed' } });
  });

  it.each([
    ['listing databases', (factory: IDBFactory) => factory],
    [
      'without a database list',
      (factory: IDBFactory) =>
        new Proxy(factory, {
          get(target, prop) {
            if (prop === 'databases') return undefined;
            const value: unknown = Reflect.get(target, prop, target);
            return typeof value === 'function'
              ? (value as (...a: unknown[]) => unknown).bind(target)
              : value;
          },
        }),
    ],
  ])(
    'refuses a database of a newer app version (%s) and leaves it as it is',
    async (_label, wrap) => {
      const factory = new IDBFactory();
      const newer = new Dexie('posko:test:u-1', { indexedDB: factory, IDBKeyRange });
      declareSchema(newer, newerSchema);
      await newer.open();
      await newer.table('outbox').put(outboxEntry(1));
      newer.close();

      const result = await openLocalDb(testOptions({ indexedDB: wrap(factory) }));
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'local/version-too-new', messageKey: 'localDb.problem.versionTooNew' },
      });
      const again = new Dexie('posko:test:u-1', { indexedDB: factory, IDBKeyRange });
      declareSchema(again, newerSchema);
      await again.open();
      expect(again.verno).toBe(99);
      expect(await again.table('outbox').count()).toBe(1);
      again.close();
    },
  );

  it('answers blocked while another connection holds an older version open', async () => {
    const factory = new IDBFactory();
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open('posko:test:u-1', 5);
      request.onsuccess = () => {
        resolve(request.result);
      };
      request.onerror = () => {
        reject(request.error ?? new Error('open failed'));
      };
    });
    old.onversionchange = () => undefined; // an old window that does not let go
    const result = await openLocalDb(testOptions({ indexedDB: factory }));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'local/blocked', messageKey: 'localDb.problem.blocked' },
    });
    old.close();
    const retried = await openLocalDb(testOptions({ indexedDB: factory }));
    expect(retried.ok).toBe(true);
    if (retried.ok) track(retried.value);
  });
});

describe('the database going away', () => {
  it('reports deleted when the database is deleted under us, and does not recreate it', async () => {
    const factory = new IDBFactory();
    const db = await openTestDb({ indexedDB: factory });
    const problems: LocalStoreProblem[] = [];
    db.onProblem((problem) => problems.push(problem));
    await new Promise<void>((resolve, reject) => {
      const request = factory.deleteDatabase(db.name);
      request.onsuccess = () => {
        resolve();
      };
      request.onerror = () => {
        reject(request.error ?? new Error('delete failed'));
      };
    });
    expect(problems.map((p) => p.code)).toEqual(['local/deleted']);
    expect(await problemOf(db.transact((tx) => tx.getMeta()))).toMatchObject({
      code: 'local/deleted',
      messageKey: 'localDb.problem.deleted',
    });
    expect(await problemOf(db.allListRows())).toMatchObject({ code: 'local/deleted' });
    expect((await factory.databases()).map((info) => info.name)).toEqual([]);
  });

  it('reports deleted when the connection is closed unexpectedly', async () => {
    const db = await openTestDb();
    const problems: LocalStoreProblem[] = [];
    db.onProblem((problem) => problems.push(problem));
    const backend = db.dexie.backendDB();
    backend.onclose?.call(backend, new Event('close'));
    await Promise.resolve();
    await Promise.resolve();
    expect(problems.map((p) => p.code)).toEqual(['local/deleted']);
    expect(await problemOf(db.outbox())).toMatchObject({ code: 'local/deleted' });
  });

  it('reports blocked when a newer app version in another window upgrades the database', async () => {
    const factory = new IDBFactory();
    const db = await openTestDb({ indexedDB: factory });
    const problems: LocalStoreProblem[] = [];
    db.onProblem((problem) => problems.push(problem));
    const newer = new Dexie(db.name, { indexedDB: factory, IDBKeyRange });
    declareSchema(newer, newerSchema);
    await newer.open();
    newer.close();
    await Promise.resolve();
    expect(problems.map((p) => p.code)).toEqual(['local/blocked']);
    expect(await problemOf(db.transact((tx) => tx.getMeta()))).toMatchObject({
      code: 'local/blocked',
    });
  });

  it('stays quiet when closed on purpose', async () => {
    const db = await openTestDb();
    const problems: LocalStoreProblem[] = [];
    db.onProblem((problem) => problems.push(problem));
    db.close();
    await Promise.resolve();
    await Promise.resolve();
    expect(problems).toEqual([]);
  });
});

describe('recovery', () => {
  async function populated(factory: IDBFactory): Promise<DexieLocalDb> {
    const db = await openTestDb({ indexedDB: factory });
    const { clientId } = await db.meta();
    await db.transact(async (tx) => {
      await tx.applyServerChanges([storeRows.report('r-1', 40), storeRows.user('u-1', 41)]);
      await tx.setLocal([{ key: 'report:r-1', row: storeRows.report('r-1', 40, { tags: ['x'] }) }]);
      // Entry 7 belongs to a batch still held back from the server.
      await tx.putOutbox([
        outboxEntry(6, ['report:r-1'], clientId),
        { ...outboxEntry(7, [], clientId), holdUntil: T0 + 10_000 },
      ]);
      await tx.putReview([reviewItem(5, clientId)]);
      await tx.setMeta({
        cursor: 41,
        lastMutationId: 7,
        lastSyncAt: 123,
        initialSyncComplete: true,
      });
    });
    return db;
  }

  it('recreates the database with the outbox, review list, client id and last mutation id', async () => {
    const factory = new IDBFactory();
    const db = await populated(factory);
    const { clientId } = await db.meta();
    const exported = await db.exportOutbox();
    const outbox = await db.outbox();
    const review = await db.review();
    const problems: LocalStoreProblem[] = [];
    db.onProblem((problem) => problems.push(problem));

    // The old connection is still open: it lets go and reports the deletion.
    const result = await recoverLocalDb(testOptions({ indexedDB: factory }), exported);
    if (!result.ok) throw new Error(`recovery failed: ${JSON.stringify(result.error)}`);
    const fresh = track(result.value);
    expect(problems.map((p) => p.code)).toEqual(['local/deleted']);

    expect(await fresh.meta()).toEqual({
      clientId,
      cursor: 0,
      lastMutationId: 7,
      lastSyncAt: null,
      initialSyncComplete: false,
    });
    // Re-imported entries are not held: the batch records stay behind, nothing could withdraw them.
    expect(outbox.map((entry) => entry.holdUntil)).toEqual([0, T0 + 10_000]);
    expect(await fresh.outbox()).toEqual(outbox.map((entry) => ({ ...entry, holdUntil: 0 })));
    expect(await fresh.review()).toEqual(review);
    // The cache is gone: the next pull from cursor 0 rebuilds it.
    expect(await fresh.allListRows()).toEqual([]);
    expect(await fresh.reportRecords('r-1')).toBeNull();
    expect(await fresh.listReference()).toEqual([]);
    // And it works as a database again.
    await fresh.transact((tx) => tx.applyServerChanges([storeRows.report('r-1', 50)]));
    expect((await fresh.allListRows()).map((row) => row.version)).toEqual([50]);
  });

  it('leaves the database alone when the export cannot be read', async () => {
    const factory = new IDBFactory();
    const db = await populated(factory);
    const result = await recoverLocalDb(testOptions({ indexedDB: factory }), '{"outbox": "lost"}');
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'local/open-failed', messageKey: 'localDb.problem.exportUnreadable' },
    });
    expect((await db.outbox()).map((entry) => entry.mutation.id)).toEqual([6, 7]);
  });

  it('answers blocked when another connection will not let the database be deleted', async () => {
    const factory = new IDBFactory();
    const db = await populated(factory);
    const exported = await db.exportOutbox();
    db.close();
    const holder = await new Promise<IDBDatabase>((resolve) => {
      const request = factory.open(db.name);
      request.onsuccess = () => {
        resolve(request.result);
      };
    });
    holder.onversionchange = () => undefined;
    const result = await recoverLocalDb(testOptions({ indexedDB: factory }), exported);
    expect(result).toMatchObject({ ok: false, error: { code: 'local/blocked' } });
    holder.close();
  });
});
