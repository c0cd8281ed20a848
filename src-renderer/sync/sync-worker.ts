// The sync worker's entry (a module worker, one per window): builds the real InboxService — the
// profile's Dexie database, the HTTP transport, real time — for the session the UI posts, and
// serves it over postMessage. Everything here is wiring; the logic lives in the modules it uses.

import {
  openLocalDb,
  recoverLocalDb,
  type OpenLocalDbOptions,
} from '../platform/local-db/dexie-local-db';
import { localDbName } from '../platform/local-db/local-db-name';
import { createHttpTransport, type EventSourceLike } from './http-transport';
import { openInboxService } from './inbox-service-impl';
import { serveInboxWorker } from './inbox-worker';
import type { BroadcastChannelLike, LockManagerLike } from './leader';
import type { MessagePortLike } from './rpc';

const scope = globalThis as unknown as MessagePortLike & { close(): void };

const scheduler = {
  setTimeout: (fn: () => void, ms: number): unknown => setTimeout(fn, ms),
  clearTimeout: (handle: unknown) => {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

function newClientId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;

serveInboxWorker(
  scope,
  (config) => {
    const dbOptions = (name: string): OpenLocalDbOptions => ({
      name,
      createClientId: newClientId,
    });
    const transport = createHttpTransport({
      serverUrl: config.serverUrl,
      token: config.token,
      fetch: (input, init) => fetch(input, init),
      scheduler,
      ...(typeof EventSource === 'function'
        ? { openEventSource: (url: string): EventSourceLike => new EventSource(url) }
        : {}),
    });
    return openInboxService(config, {
      openDb: (name) => openLocalDb(dbOptions(name)),
      recoverDb: (name, exported) => recoverLocalDb(dbOptions(name), exported),
      dbName: localDbName,
      transport,
      clock: { now: () => Date.now() },
      scheduler,
      random: () => Math.random(),
      onNetworkOnline: (listener) => {
        globalThis.addEventListener('online', listener);
        return () => {
          globalThis.removeEventListener('online', listener);
        };
      },
      ...(locks === undefined ? {} : { locks }),
      ...(typeof BroadcastChannel === 'function'
        ? { openChannel: (name: string): BroadcastChannelLike => new BroadcastChannel(name) }
        : {}),
    });
  },
  () => {
    scope.close();
  },
);
