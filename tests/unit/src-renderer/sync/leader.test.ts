// Leader election over a fake Web Lock manager (first come holds, the rest wait in order), and the
// windows' channel.
import { describe, expect, it } from 'vitest';
import {
  electLeader,
  openSyncChannel,
  syncLockName,
  type BroadcastChannelLike,
  type LockManagerLike,
  type SyncChannelMessage,
} from '../../../../src-renderer/sync/leader';
import { initialSyncStatus } from '../../../../src-shared/sync/client/status';

function fakeLocks() {
  const requested: string[] = [];
  let holder: (() => void) | null = null;
  const queue: { grant: () => void; signal: AbortSignal | undefined }[] = [];
  const locks: LockManagerLike = {
    request(name, options, callback) {
      requested.push(name);
      return new Promise((resolve, reject) => {
        const grant = () => {
          holder = grant;
          void callback(null)
            .then(resolve, reject)
            .finally(() => {
              holder = null;
              queue.shift()?.grant();
            });
        };
        if (holder === null) {
          grant();
          return;
        }
        const entry = { grant, signal: options.signal };
        queue.push(entry);
        options.signal?.addEventListener('abort', () => {
          queue.splice(queue.indexOf(entry), 1);
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    },
  };
  return { locks, requested };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('leader election', () => {
  it('leads at once without a lock manager', () => {
    let called = 0;
    const election = electLeader({ dbName: 'db', locks: undefined, onLeader: () => (called += 1) });
    expect(election.isLeader()).toBe(true);
    expect(called).toBe(1);
  });

  it('lets the first window lead and the second wait until the first releases', async () => {
    const { locks, requested } = fakeLocks();
    const led: string[] = [];
    const a = electLeader({ dbName: 'posko:x:u', locks, onLeader: () => led.push('a') });
    const b = electLeader({ dbName: 'posko:x:u', locks, onLeader: () => led.push('b') });
    await tick();
    expect(requested).toEqual([syncLockName('posko:x:u'), syncLockName('posko:x:u')]);
    expect([a.isLeader(), b.isLeader()]).toEqual([true, false]);
    a.release();
    await tick();
    expect([a.isLeader(), b.isLeader()]).toEqual([false, true]);
    expect(led).toEqual(['a', 'b']);
  });

  it('stops waiting when a follower is released first', async () => {
    const { locks } = fakeLocks();
    const led: string[] = [];
    const a = electLeader({ dbName: 'db', locks, onLeader: () => led.push('a') });
    const b = electLeader({ dbName: 'db', locks, onLeader: () => led.push('b') });
    const c = electLeader({ dbName: 'db', locks, onLeader: () => led.push('c') });
    b.release();
    a.release();
    await tick();
    expect(led).toEqual(['a', 'c']);
    expect(c.isLeader()).toBe(true);
  });
});

describe('sync channel', () => {
  function pair() {
    const ends: { channel: BroadcastChannelLike; closed: boolean }[] = [];
    const open = (): BroadcastChannelLike => {
      const end = {
        closed: false,
        channel: {
          onmessage: null as ((event: MessageEvent) => void) | null,
          postMessage(message: unknown) {
            for (const other of ends) {
              if (other.channel !== end.channel && !other.closed) {
                other.channel.onmessage?.(new MessageEvent('message', { data: message }));
              }
            }
          },
          close() {
            end.closed = true;
          },
        },
      };
      ends.push(end);
      return end.channel;
    };
    return open;
  }

  it('carries sync requests and statuses between windows and drops anything else', () => {
    const open = pair();
    const got: SyncChannelMessage[] = [];
    const leader = openSyncChannel({ dbName: 'db', open, onMessage: (m) => got.push(m) });
    const follower = openSyncChannel({ dbName: 'db', open, onMessage: () => undefined });
    follower.post({ type: 'sync-now' });
    follower.post({ type: 'status', status: initialSyncStatus });
    (follower as unknown as { post(m: unknown): void }).post({ type: 'bogus' });
    expect(got).toEqual([{ type: 'sync-now' }, { type: 'status', status: initialSyncStatus }]);
    leader.close();
    follower.post({ type: 'sync-now' });
    expect(got).toHaveLength(2);
  });

  it('does nothing without BroadcastChannel', () => {
    const channel = openSyncChannel({ dbName: 'db', open: undefined, onMessage: () => undefined });
    expect(() => {
      channel.post({ type: 'sync-now' });
      channel.close();
    }).not.toThrow();
  });
});
