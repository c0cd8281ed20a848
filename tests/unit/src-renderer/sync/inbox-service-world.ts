// The world the sync worker's InboxService tests run in: a manual clock and fake scheduler, the
// in-memory sync server, a fake IndexedDB per world, and services opened on it as the worker opens
// them (real Dexie store, engine and inbox model). Services opened here close when the test ends.

import { setImmediate as nextMacrotask } from 'node:timers/promises';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach } from 'vitest';
import {
  openLocalDb,
  recoverLocalDb,
  type OpenLocalDbOptions,
} from '../../../../src-renderer/platform/local-db/dexie-local-db';
import type { PoskoLocalDb } from '../../../../src-renderer/platform/local-db/local-db';
import { localDbName } from '../../../../src-renderer/platform/local-db/local-db-name';
import {
  createInboxService,
  type InboxServiceDeps,
} from '../../../../src-renderer/sync/inbox-service-impl';
import type { InboxEvent, InboxService } from '../../../../src-renderer/sync/inbox-service';
import type { LockManagerLike } from '../../../../src-renderer/sync/leader';
import { manualClock, type Ids } from '../../../../src-shared/ports';
import type { SyncRow } from '../../../../src-shared/sync/protocol';
import {
  createFakeSyncServer,
  fakeTransport,
  type FakeSyncServer,
  type FakeTransport,
} from '../../../support/fake-sync-server';
import {
  fakeScheduler,
  koordinatorA,
  NOW,
  seedRows,
  type FakeScheduler,
} from '../../src-shared/sync/client/engine-harness';
import { koordinatorASession } from './session-config';

/** Reports the server holds when a world is made without its own seed (r-1 … r-30). */
export const WORLD_REPORTS = 30;

/** Services opened by `start`; closed after each test (a test that closes one removes it). */
export const toClose: InboxService[] = [];
afterEach(async () => {
  for (const service of toClose.splice(0)) await service.close();
});

/** Web Locks in one process: the first request holds the lock, the others wait in order. */
export function fakeLocks(): LockManagerLike {
  const held = new Set<string>();
  const waiting = new Map<string, (() => void)[]>();
  return {
    request(name, options, callback) {
      return new Promise((resolve, reject) => {
        const run = () => {
          held.add(name);
          void callback(null)
            .then(resolve, reject)
            .finally(() => {
              held.delete(name);
              waiting.get(name)?.shift()?.();
            });
        };
        if (!held.has(name)) {
          run();
          return;
        }
        const queue = waiting.get(name) ?? [];
        queue.push(run);
        waiting.set(name, queue);
        options.signal?.addEventListener('abort', () => {
          const index = queue.indexOf(run);
          if (index >= 0) queue.splice(index, 1);
          reject(new Error('AbortError'));
        });
      });
    },
  };
}

/** Runs one call of a local database method (`call` does it as the database would). */
export type DbCallHook = (method: string, call: () => unknown) => unknown;

export interface World {
  readonly clock: ReturnType<typeof manualClock>;
  readonly scheduler: FakeScheduler;
  readonly server: FakeSyncServer;
  readonly factory: IDBFactory;
  readonly locks: LockManagerLike | undefined;
  /** Calls of the rebuild paths of the database (to tell a snapshot restore from a rebuild). */
  readonly rebuilds: string[];
  /** While set, every call of a local database method goes through it (failures, slow disks). */
  dbCalls: DbCallHook | null;
}

export function world(options: { locks?: boolean; seed?: readonly SyncRow[] } = {}): World {
  const clock = manualClock(NOW);
  return {
    clock,
    scheduler: fakeScheduler(clock),
    server: createFakeSyncServer({
      now: () => clock.now(),
      seed: options.seed ?? seedRows(WORLD_REPORTS),
    }),
    factory: new IDBFactory(),
    locks: options.locks === true ? fakeLocks() : undefined,
    rebuilds: [],
    dbCalls: null,
  };
}

let clientIds = 0;

export interface Started {
  readonly service: InboxService;
  readonly transport: FakeTransport;
  readonly events: InboxEvent[];
}

/** Opens koordinator A's inbox in the world, as a window of the app opens it. */
export function start(
  w: World,
  options: {
    broadcast?: boolean;
    onNetworkOnline?: InboxServiceDeps['onNetworkOnline'];
    ids?: Ids;
  } = {},
): Promise<Started> {
  const transport = fakeTransport(w.server, koordinatorA, { heads: true });
  const dbOptions = (name: string): OpenLocalDbOptions => ({
    name,
    indexedDB: w.factory,
    IDBKeyRange,
    createClientId: () => `client-${String(++clientIds).padStart(4, '0')}`,
    broadcast: options.broadcast ?? false,
    now: () => w.clock.now(),
  });
  const watched = (db: PoskoLocalDb): PoskoLocalDb =>
    new Proxy(db, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (property === 'allListRows' || property === 'forEachSearchText') {
            w.rebuilds.push(property);
          }
          const call = () => (value as (...a: unknown[]) => unknown).apply(target, args);
          return w.dbCalls === null ? call() : w.dbCalls(String(property), call);
        };
      },
    });
  const deps: InboxServiceDeps = {
    openDb: async (name) => {
      const opened = await openLocalDb(dbOptions(name));
      return opened.ok ? { ok: true, value: watched(opened.value) } : opened;
    },
    recoverDb: (name, exported) => recoverLocalDb(dbOptions(name), exported),
    dbName: localDbName,
    transport,
    clock: w.clock,
    scheduler: w.scheduler,
    random: () => 0.5,
    ...(w.locks === undefined ? {} : { locks: w.locks }),
    engine: { pageSize: 10 },
    ...(options.onNetworkOnline === undefined ? {} : { onNetworkOnline: options.onNetworkOnline }),
    ...(options.ids === undefined ? {} : { ids: options.ids }),
  };
  return createInboxService(koordinatorASession, deps).then((created) => {
    if (!created.ok) throw new Error(`open failed: ${created.error.detail}`);
    const events: InboxEvent[] = [];
    created.value.subscribe((e) => events.push(e));
    toClose.push(created.value);
    return { service: created.value, transport, events };
  });
}

/**
 * Lets IndexedDB work and fires the timers due within a second (sync rounds, event throttles;
 * not polls, holds or snapshot intervals) until `done` holds.
 */
export async function runUntil(w: World, done: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 5_000; i++) {
    if (await done()) return;
    await nextMacrotask();
    if (i % 5 === 4) {
      const next = w.scheduler.pending()[0];
      if (next !== undefined && next.dueAt - w.clock.now() <= 1_000) await w.scheduler.fireNext();
    }
  }
  throw new Error('condition not reached');
}

/** Whether the initial sync is over and the engine rests. */
export async function synced(service: InboxService): Promise<boolean> {
  const status = await service.status();
  return status.initialSync === null && status.lastSyncAt !== null && status.phase === 'idle';
}
