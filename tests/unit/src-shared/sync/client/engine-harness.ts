// A sync engine over the in-memory store and the fake server, with a manual clock and a fake
// scheduler: the client engine's tests drive time and the network by hand.

import { setImmediate as nextMacrotask } from 'node:timers/promises';
import type { UserActor } from '../../../../../src-shared/domain/actor';
import type { User } from '../../../../../src-shared/domain/user';
import { manualClock } from '../../../../../src-shared/ports';
import {
  createSyncEngine,
  type SyncEngine,
  type SyncEngineOptions,
} from '../../../../../src-shared/sync/client/engine';
import {
  createMemoryStore,
  type MemoryStore,
} from '../../../../../src-shared/sync/client/memory-store';
import {
  effectiveRow,
  type RecordKey,
  type Scheduler,
} from '../../../../../src-shared/sync/client/ports';
import type { SyncRow } from '../../../../../src-shared/sync/protocol';
import {
  createFakeSyncServer,
  fakeTransport,
  type FakeSyncServer,
  type FakeTransport,
} from '../../../../support/fake-sync-server';
import { agencyList } from '../../domain/domain-fixtures';
import { NOW, consistent, makeReport, template } from '../sync-fixtures';

export { NOW };

export const koordinatorA: UserActor = {
  kind: 'user',
  id: 'u-koord-a',
  role: 'admin_koordinator',
  agencyId: 'kota-bandung',
};
export const koordinatorB: UserActor = {
  kind: 'user',
  id: 'u-koord-b',
  role: 'admin_koordinator',
  agencyId: 'kota-bandung',
};

const people: User[] = [
  {
    id: koordinatorA.id,
    username: 'koord-a',
    displayName: 'Koordinator A',
    role: 'admin_koordinator',
    agencyId: 'kota-bandung',
  },
  {
    id: koordinatorB.id,
    username: 'koord-b',
    displayName: 'Koordinator B',
    role: 'admin_koordinator',
    agencyId: 'kota-bandung',
  },
  {
    id: 'op-yankes',
    username: 'op-yankes',
    displayName: 'Operator Yankes',
    role: 'operator_unit',
    agencyId: 'dinkes-yankes',
  },
];

/** Unverified reports at kota-bandung, r-1 … r-n. */
export function seedReports(count: number): Extract<SyncRow, { entity: 'report' }>[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `r-${String(i + 1)}`;
    const data = consistent(makeReport({ id, trackingId: String(1916450 + i) }));
    return { entity: 'report' as const, id, version: 0, data };
  });
}

/** Agencies, users, categories, one agency template at kota-bandung and `reports` reports. */
export function seedRows(reports = 3): SyncRow[] {
  return [
    ...agencyList.map((data): SyncRow => ({ entity: 'agency', id: data.id, version: 0, data })),
    ...people.map((data): SyncRow => ({ entity: 'user', id: data.id, version: 0, data })),
    ...[
      { id: 'kesehatan', isActive: true },
      { id: 'jalan', isActive: true },
      { id: 'lama', isActive: false },
    ].map(({ id, isActive }): SyncRow => ({
      entity: 'category',
      id,
      version: 0,
      data: { id, parentId: null, code: id, name: id, isActive },
    })),
    {
      entity: 'template',
      id: 'tpl-1',
      version: 0,
      data: template({ id: 'tpl-1', agencyId: 'kota-bandung', version: 0 }),
    },
    ...seedReports(reports),
  ];
}

// ---------------------------------------------------------------------------------------------
// A scheduler whose timers fire only when the test says so

export interface FakeScheduler extends Scheduler {
  /** The pending timers, soonest first. */
  pending(): { ms: number; dueAt: number }[];
  /** Moves the clock to the soonest timer, fires it and lets the engine finish its round. */
  fireNext(): Promise<void>;
}

export function fakeScheduler(clock: ReturnType<typeof manualClock>): FakeScheduler {
  let nextId = 0;
  const timers = new Map<number, { fn: () => void; ms: number; dueAt: number }>();
  const sorted = () => [...timers.entries()].sort((a, b) => a[1].dueAt - b[1].dueAt || a[0] - b[0]);
  return {
    setTimeout(fn, ms) {
      nextId += 1;
      timers.set(nextId, { fn, ms, dueAt: clock.now() + ms });
      return nextId;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    pending: () => sorted().map(([, t]) => ({ ms: t.ms, dueAt: t.dueAt })),
    async fireNext() {
      const first = sorted()[0];
      if (first === undefined) throw new Error('no timer pending');
      const [id, timer] = first;
      timers.delete(id);
      if (timer.dueAt > clock.now()) clock.set(timer.dueAt);
      timer.fn();
      await settle();
    },
  };
}

/** Lets every promise chain started so far run to its end (the fakes never use timers). */
export async function settle(): Promise<void> {
  await nextMacrotask();
}

// ---------------------------------------------------------------------------------------------
// Clients

export interface Client {
  readonly actor: UserActor;
  readonly store: MemoryStore;
  readonly transport: FakeTransport;
  engine: SyncEngine;
  /** A new engine over the same store (an app restart). */
  restart(): SyncEngine;
  effective(key: RecordKey): SyncRow | null;
}

export interface World {
  readonly clock: ReturnType<typeof manualClock>;
  readonly scheduler: FakeScheduler;
  readonly server: FakeSyncServer;
  client(
    actor: UserActor,
    options?: Partial<SyncEngineOptions> & { heads?: boolean; clientId?: string },
  ): Client;
}

export function world(
  options: { seed?: readonly SyncRow[]; rememberOutcomes?: boolean } = {},
): World {
  const clock = manualClock(NOW);
  const scheduler = fakeScheduler(clock);
  const server = createFakeSyncServer({
    now: () => clock.now(),
    seed: options.seed ?? seedRows(),
    ...(options.rememberOutcomes === undefined
      ? {}
      : { rememberOutcomes: options.rememberOutcomes }),
  });
  let clients = 0;
  return {
    clock,
    scheduler,
    server,
    client(actor, clientOptions = {}) {
      clients += 1;
      const store = createMemoryStore(
        clientOptions.clientId ?? `client-${actor.id}-${String(clients)}`,
      );
      const transport = fakeTransport(server, actor, { heads: clientOptions.heads ?? false });
      const { heads: _heads, clientId: _clientId, ...engineOptions } = clientOptions;
      const make = () =>
        createSyncEngine({
          store,
          transport,
          clock,
          scheduler,
          random: () => 0.5,
          actor,
          ...engineOptions,
        });
      const client: Client = {
        actor,
        store,
        transport,
        engine: make(),
        restart() {
          client.engine.stop();
          client.engine = make();
          return client.engine;
        },
        effective: (key) => effectiveRow(store.records().get(key)),
      };
      return client;
    },
  };
}

/** Every record the client sees, by key (deleted ones left out). */
export function effectiveRows(store: MemoryStore): Map<RecordKey, SyncRow> {
  const rows = new Map<RecordKey, SyncRow>();
  for (const [key, record] of store.records()) {
    const row = effectiveRow(record);
    if (row !== null) rows.set(key, row);
  }
  return rows;
}
