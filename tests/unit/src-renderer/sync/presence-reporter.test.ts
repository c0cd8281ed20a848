// Presence: one POST when the open report changes, a heartbeat while it stays open, a leave on
// close, and nothing when nothing changed.
import { describe, expect, it } from 'vitest';
import type { PresenceRequest } from '../../../../src-shared/api/presence';
import { createPresenceReporter } from '../../../../src-renderer/sync/presence-reporter';
import type { Scheduler } from '../../../../src-shared/sync/client/ports';

function setUp() {
  const posts: PresenceRequest[] = [];
  const timers = new Map<number, () => void>();
  let next = 0;
  const scheduler: Scheduler = {
    setTimeout(fn) {
      timers.set(++next, fn);
      return next;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
  };
  const reporter = createPresenceReporter({
    post: (request) => {
      posts.push(request);
      return Promise.resolve({ ok: true, value: null });
    },
    scheduler,
    heartbeatMs: 15_000,
  });
  const fireAll = () => {
    for (const [id, fn] of [...timers]) {
      timers.delete(id);
      fn();
    }
  };
  return { reporter, posts, timers, fireAll };
}

describe('presence reporter', () => {
  it('posts when the report on screen changes and repeats while it stays', () => {
    const { reporter, posts, timers, fireAll } = setUp();
    reporter.set('r-1', false);
    reporter.set('r-1', false);
    expect(posts).toEqual([{ reportId: 'r-1', editing: false }]);
    fireAll();
    fireAll();
    expect(posts).toHaveLength(3);
    reporter.set('r-1', true);
    expect(posts.at(-1)).toEqual({ reportId: 'r-1', editing: true });
    expect(timers.size).toBe(1);
  });

  it('leaves once and stops the heartbeat when no report is open', () => {
    const { reporter, posts, timers } = setUp();
    reporter.set(null, false);
    expect(posts).toEqual([]);
    reporter.set('r-1', false);
    reporter.set(null, false);
    expect(posts).toEqual([
      { reportId: 'r-1', editing: false },
      { reportId: null, editing: false },
    ]);
    expect(timers.size).toBe(0);
  });

  it('leaves on close and ignores later calls', () => {
    const { reporter, posts, timers } = setUp();
    reporter.set('r-2', true);
    reporter.close();
    reporter.set('r-3', false);
    expect(posts).toEqual([
      { reportId: 'r-2', editing: true },
      { reportId: null, editing: false },
    ]);
    expect(timers.size).toBe(0);
  });
});
