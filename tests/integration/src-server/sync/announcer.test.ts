import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../../src-server/db/db';
import { Announcer, CHANGES_CHANNEL, concerns } from '../../../../src-server/sync/announcer';
import { describeEachBackend, openMigratedDb } from '../../../support/test-db';

/** A deadline for NOTIFY deliveries across connections. */
const DELIVERY_TIMEOUT_MS = 5_000;

async function eventually(predicate: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + DELIVERY_TIMEOUT_MS;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('concerns', () => {
  it('matches writes in the subscriber’s subtree and at its ancestors, not beside it', () => {
    const at = (...scopePaths: string[]) => ({ version: 1, scopePaths });
    expect(concerns(at('/p/a/x/'), '/p/a/')).toBe(true);
    expect(concerns(at('/p/'), '/p/a/')).toBe(true);
    expect(concerns(at('/p/b/'), '/p/a/')).toBe(false);
    expect(concerns(at('/p/ab/'), '/p/a/')).toBe(false);
    expect(concerns(at('/p/b/', '/p/a/y/'), '/p/a/')).toBe(true);
    expect(concerns(at(), '/p/a/')).toBe(true);
  });
});

describeEachBackend('announcer', (backend) => {
  let db: Db;
  let announcer: Announcer;
  beforeAll(async () => {
    db = await openMigratedDb(backend);
    announcer = new Announcer(db);
    await announcer.start();
  });
  afterAll(async () => {
    await announcer.close();
    await db.close();
  });

  it('tells each local subscriber once, and only about its scope', async () => {
    const heardA: number[] = [];
    const heardB: number[] = [];
    const offA = announcer.subscribe({ path: '/p/a/', onVersion: (v) => heardA.push(v) });
    const offB = announcer.subscribe({ path: '/p/b/', onVersion: (v) => heardB.push(v) });
    await announcer.announce({ version: 7, scopePaths: ['/p/a/x/'] });
    await announcer.announce({ version: 8, scopePaths: ['/p/b/'] });
    // Our own NOTIFY comes back on the channel: give it the time it needs to arrive, then check it
    // was not delivered a second time.
    const marker: string[] = [];
    const unlisten = await db.listen(CHANGES_CHANNEL, (payload) => marker.push(payload));
    await db.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, 'marker']);
    await eventually(() => marker.includes('marker'), 'the marker notification');
    await unlisten();
    expect(heardA).toEqual([7]);
    expect(heardB).toEqual([8]);
    offA();
    offB();
    expect(announcer.subscriberCount).toBe(0);
  });

  it('delivers other processes’ announcements and ignores malformed ones', async () => {
    const heard: number[] = [];
    const off = announcer.subscribe({ path: '/p/a/', onVersion: (v) => heard.push(v) });
    await db.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, 'not json']);
    await db.query('SELECT pg_notify($1, $2)', [
      CHANGES_CHANNEL,
      JSON.stringify({ o: 'x', v: 'nine' }),
    ]);
    await db.query('SELECT pg_notify($1, $2)', [
      CHANGES_CHANNEL,
      JSON.stringify({ o: 'another-process', v: 41, s: ['/p/b/'] }),
    ]);
    await db.query('SELECT pg_notify($1, $2)', [
      CHANGES_CHANNEL,
      JSON.stringify({ o: 'another-process', v: 42, s: ['/p/a/z/'] }),
    ]);
    await eventually(() => heard.length > 0, 'the other process’s announcement');
    expect(heard).toEqual([42]);
    off();
  });

  it('keeps delivering when a subscriber throws', async () => {
    const heard: number[] = [];
    const offBroken = announcer.subscribe({
      path: '/p/',
      onVersion: () => {
        throw new Error('broken subscriber');
      },
    });
    const off = announcer.subscribe({ path: '/p/', onVersion: (v) => heard.push(v) });
    await announcer.announce({ version: 50, scopePaths: ['/p/q/'] });
    expect(heard).toEqual([50]);
    offBroken();
    off();
  });
});
