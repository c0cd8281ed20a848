// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { useFollowUpStore } from '../../../../../src-renderer/features/follow-up/follow-up-store';
import { MemoryStorage } from '../../../../support/memory-storage';
import { DAY, click, run, text } from '../inbox/inbox-fixtures';
import {
  NOW,
  endOfDay,
  makeReportFor,
  mountFollowUps,
  type FollowUpHarness,
} from './follow-up-fixtures';

let harness: FollowUpHarness | null = null;
afterEach(() => {
  harness?.unmount();
  harness = null;
});

const reminder = () => document.querySelector('[data-testid="follow-up-reminder"]');
const button = (label: string) =>
  Array.from(reminder()?.querySelectorAll('button') ?? []).find(
    (b) => text(b) === label || b.getAttribute('aria-label') === label,
  ) ?? null;

const dueToday = [
  makeReportFor(0, 'disposed', endOfDay('2025-06-11')),
  makeReportFor(1, 'in_progress', endOfDay('2025-06-11')),
  makeReportFor(2, 'in_progress', endOfDay('2025-06-11')),
  makeReportFor(3, 'in_progress', endOfDay('2025-06-12')),
  // Completes by itself today: nobody has to act, so no reminder for it.
  makeReportFor(4, 'responded', endOfDay('2025-06-11')),
];

describe('follow-up reminder', () => {
  it('reminds of the follow-ups due today', async () => {
    harness = await mountFollowUps({ reports: dueToday });
    expect(text(reminder())).toContain('3 tindak lanjut jatuh tempo hari ini');
    expect(reminder()?.getAttribute('role')).toBe('status');
  });

  it('says when some are already late', async () => {
    harness = await mountFollowUps({
      reports: [...dueToday, makeReportFor(9, 'disposed', endOfDay('2025-06-10'))],
    });
    expect(text(reminder())).toContain('4 tindak lanjut jatuh tempo hari ini atau sudah terlambat');
  });

  it('stays away when nothing is due today', async () => {
    harness = await mountFollowUps({
      reports: [makeReportFor(0, 'disposed', endOfDay('2025-06-12'))],
    });
    expect(reminder()).toBeNull();
    expect(harness.notifications).toEqual([]);
  });

  it('opens the list from the reminder', async () => {
    harness = await mountFollowUps({ reports: dueToday });
    await click(button('Lihat daftar'));
    expect(useFollowUpStore.getState().open).toBe(true);
  });

  it('is dismissed for the rest of the day for this profile, and comes back the next day', async () => {
    const storage = new MemoryStorage();
    let clock = NOW;
    harness = await mountFollowUps({ reports: dueToday, storage, now: () => clock });
    await click(button('Tutup pengingat'));
    expect(reminder()).toBeNull();
    harness.unmount();

    // Signing in again the same day: still dismissed.
    harness = await mountFollowUps({ reports: dueToday, storage, now: () => clock });
    expect(reminder()).toBeNull();
    harness.unmount();

    // Another profile on the same device is reminded.
    harness = await mountFollowUps({ reports: dueToday, storage, profileId: 'other@server' });
    expect(reminder()).not.toBeNull();
    harness.unmount();

    // The next morning the follow-ups are late and the reminder is back.
    clock = NOW + DAY;
    harness = await mountFollowUps({ reports: dueToday, storage, now: () => clock });
    expect(text(reminder())).toContain('sudah terlambat');
  });

  it('shows a system notification once a day per profile', async () => {
    const storage = new MemoryStorage();
    harness = await mountFollowUps({ reports: dueToday, storage });
    expect(harness.notifications).toEqual([
      {
        title: 'Posko: tindak lanjut jatuh tempo',
        body: '3 tindak lanjut jatuh tempo hari ini',
      },
    ]);
    // More local data the same day: no second notification.
    await run(() => {
      harness?.service.load({ reports: [makeReportFor(8, 'disposed', endOfDay('2025-06-11'))] });
    });
    expect(text(reminder())).toContain('4 tindak lanjut');
    expect(harness.notifications).toHaveLength(1);
    harness.unmount();

    harness = await mountFollowUps({ reports: dueToday, storage });
    expect(harness.notifications).toEqual([]);
  });

  it('keeps the entry’s count up to date as local data changes', async () => {
    harness = await mountFollowUps({ reports: dueToday });
    expect(useFollowUpStore.getState().due).toEqual({ count: 3, hasOverdue: false });
    await run(() => {
      harness?.service.removeReports(['r-000000', 'r-000001', 'r-000002']);
    });
    expect(useFollowUpStore.getState().due).toEqual({ count: 0, hasOverdue: false });
    expect(reminder()).toBeNull();
  });
});
