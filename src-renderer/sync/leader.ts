// One syncer per database: the windows (each with its own sync worker) elect a leader with a Web
// Lock named after the database. The holder keeps the lock for the life of its service; when its
// window closes the browser releases it and the next waiting window takes over. Without Web Locks
// (an old host, tests) every service leads.
//
// Followers talk to the leader over a BroadcastChannel of the same name: "sync now" requests and
// the leader's sync status (so every window's status bar tells the truth about the sync).

import type { SyncStatus } from '../../src-shared/sync/client/status';

/** The part of navigator.locks used here. */
export interface LockManagerLike {
  request(
    name: string,
    options: { mode?: 'exclusive'; signal?: AbortSignal },
    callback: (lock: unknown) => Promise<void>,
  ): Promise<unknown>;
}

export interface LeaderElection {
  isLeader(): boolean;
  /** Gives up the lock (or stops waiting for it). */
  release(): void;
}

export function syncLockName(dbName: string): string {
  return `posko-sync:${dbName}`;
}

/**
 * Waits for the lock and calls `onLeader` once it holds it. Returns immediately; with no lock
 * manager, `onLeader` is called right away.
 */
export function electLeader(options: {
  dbName: string;
  locks: LockManagerLike | undefined;
  onLeader: () => void;
}): LeaderElection {
  let isLeader = false;
  let isReleased = false;
  if (options.locks === undefined) {
    isLeader = true;
    options.onLeader();
    return {
      isLeader: () => isLeader,
      release() {
        isLeader = false;
        isReleased = true;
      },
    };
  }
  const abort = new AbortController();
  let letGo: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    letGo = resolve;
  });
  options.locks
    .request(syncLockName(options.dbName), { mode: 'exclusive', signal: abort.signal }, () => {
      if (isReleased) return Promise.resolve();
      isLeader = true;
      options.onLeader();
      return held;
    })
    // Aborted while waiting (released before it was our turn): nothing to do.
    .catch(() => undefined);
  return {
    isLeader: () => isLeader,
    release() {
      if (isReleased) return;
      isReleased = true;
      isLeader = false;
      abort.abort();
      letGo();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The windows' channel

export type SyncChannelMessage =
  | { readonly type: 'sync-now' }
  | { readonly type: 'status'; readonly status: SyncStatus }
  /** A new window asks the leader for its status. */
  | { readonly type: 'status-request' };

/** The part of BroadcastChannel used here. */
export interface BroadcastChannelLike {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
  close(): void;
}

export interface SyncChannel {
  post(message: SyncChannelMessage): void;
  close(): void;
}

function isSyncChannelMessage(value: unknown): value is SyncChannelMessage {
  if (typeof value !== 'object' || value === null || !('type' in value)) return false;
  const type = value.type;
  if (type === 'sync-now' || type === 'status-request') return true;
  return type === 'status' && 'status' in value && typeof value.status === 'object';
}

/** A channel between the windows of one database; a no-op without BroadcastChannel. */
export function openSyncChannel(options: {
  dbName: string;
  open: ((name: string) => BroadcastChannelLike) | undefined;
  onMessage: (message: SyncChannelMessage) => void;
}): SyncChannel {
  if (options.open === undefined) return { post: () => undefined, close: () => undefined };
  const channel = options.open(syncLockName(options.dbName));
  channel.onmessage = (event) => {
    if (isSyncChannelMessage(event.data)) options.onMessage(event.data);
  };
  let isClosed = false;
  return {
    post(message) {
      if (!isClosed) channel.postMessage(message);
    },
    close() {
      if (isClosed) return;
      isClosed = true;
      channel.onmessage = null;
      channel.close();
    },
  };
}
