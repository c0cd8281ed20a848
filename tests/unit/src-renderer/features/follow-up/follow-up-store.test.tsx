// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import {
  selectShowReminder,
  useFollowUpStore,
} from '../../../../../src-renderer/features/follow-up/follow-up-store';
import { emptyQueueCounts } from '../../../../../src-shared/inbox/inbox-model';
import { run } from '../inbox/inbox-fixtures';
import { mountFollowUps, type FollowUpHarness } from './follow-up-fixtures';

let harness: FollowUpHarness | null = null;
afterEach(() => {
  harness?.unmount();
  harness = null;
});

describe('follow-up store', () => {
  it('asks the worker once more, not once per event, when changes arrive in a burst', async () => {
    harness = await mountFollowUps();
    const before = harness.service.queryCount();
    await run(() => {
      for (let i = 0; i < 20; i++) {
        harness?.service.emit({
          type: 'data',
          generation: 100 + i,
          counts: emptyQueueCounts(),
          reportIds: [],
        });
      }
    });
    // The refresh under way, then one more for everything that came meanwhile: two owed statuses
    // each time.
    expect(harness.service.queryCount() - before).toBeLessThanOrEqual(4);
    expect(harness.service.queryCount() - before).toBeGreaterThan(0);
  });

  it('reads the list only while the panel is open', async () => {
    harness = await mountFollowUps();
    expect(useFollowUpStore.getState().list).toBeNull();
    await run(() => {
      useFollowUpStore.getState().setOpen(true);
    });
    expect(useFollowUpStore.getState().list?.total).toBe(4);
    expect(useFollowUpStore.getState().listState).toBe('ready');
  });

  it('keeps the last count when the worker fails, and recovers on the next change', async () => {
    harness = await mountFollowUps();
    expect(useFollowUpStore.getState().due?.count).toBe(2);
    harness.service.failQueries(2);
    await run(() => useFollowUpStore.getState().refresh());
    expect(useFollowUpStore.getState().due?.count).toBe(2);
    await run(() => {
      harness?.service.removeReports(['r-000000']);
    });
    expect(useFollowUpStore.getState().due).toEqual({ count: 1, hasOverdue: false });
  });

  it('forgets the session when detached', async () => {
    harness = await mountFollowUps();
    expect(selectShowReminder(useFollowUpStore.getState())).toBe(true);
    harness.unmount();
    harness = null;
    expect(useFollowUpStore.getState().service).toBeNull();
    expect(selectShowReminder(useFollowUpStore.getState())).toBe(false);
  });
});
