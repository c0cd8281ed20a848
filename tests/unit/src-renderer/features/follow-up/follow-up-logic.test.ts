import { describe, expect, it } from 'vitest';
import type { RowFollowUp } from '../../../../../src-shared/domain/follow-up';
import { InboxQuerySchema } from '../../../../../src-shared/inbox/queries';
import {
  clockText,
  formatDueDate,
  rowCountdownText,
  rowDueText,
} from '../../../../../src-renderer/features/follow-up/follow-up-format';
import {
  followUpQuery,
  isFollowUpWindow,
  mergeByDue,
} from '../../../../../src-renderer/features/follow-up/follow-up-queries';
import {
  loadReminderMemory,
  reminderMemoryKey,
  saveReminderMemory,
} from '../../../../../src-renderer/features/follow-up/reminder-memory';
import { translate, type Locale, type Translate } from '../../../../../src-renderer/i18n/i18n';
import { makeRow } from '../../../src-shared/inbox/inbox-fixtures';
import { MemoryStorage } from '../../../../support/memory-storage';

const tr =
  (locale: Locale): Translate =>
  (key, params) =>
    translate(locale, key, params);

const followUp = (patch: Partial<RowFollowUp>): RowFollowUp => ({
  kind: 'follow_up',
  dueAt: 0,
  dueDate: '2026-12-11',
  timing: 'upcoming',
  workingDaysLeft: 3,
  ...patch,
});

describe('follow-up wording', () => {
  it('writes the list’s countdowns as operators say them', () => {
    const t = tr('id');
    expect(rowCountdownText(t, followUp({}))).toBe('3 hari kerja lagi');
    expect(rowCountdownText(t, followUp({ timing: 'due_today', workingDaysLeft: 0 }))).toBe(
      'Hari ini',
    );
    expect(rowCountdownText(t, followUp({ timing: 'overdue', workingDaysLeft: -2 }))).toBe(
      'Terlambat 2 hari kerja',
    );
    expect(rowCountdownText(t, followUp({ kind: 'auto_complete', workingDaysLeft: 7 }))).toBe(
      'Selesai otomatis dalam 7 hari kerja',
    );
    expect(
      rowCountdownText(
        t,
        followUp({ kind: 'auto_complete', timing: 'overdue', workingDaysLeft: -1 }),
      ),
    ).toBe('Menunggu penyelesaian otomatis');
  });

  it('uses the singular in English for one working day', () => {
    const t = tr('en');
    expect(rowCountdownText(t, followUp({ workingDaysLeft: 1 }))).toBe('1 working day left');
    expect(rowCountdownText(t, followUp({ timing: 'overdue', workingDaysLeft: -1 }))).toBe(
      'Overdue by 1 working day',
    );
  });

  it('writes the detail’s sentence with the date in Indonesian', () => {
    const text = clockText(tr('id'), 'id', {
      state: 'running',
      kind: 'auto_complete',
      dueAt: 0,
      dueDate: '2026-12-11',
      timing: 'upcoming',
      workingDaysLeft: 7,
    });
    expect(text).toBe(
      'Selesai otomatis dalam 7 hari kerja (11 Desember 2026) bila pelapor tidak menanggapi',
    );
    expect(clockText(tr('id'), 'id', { state: 'paused' })).toBeNull();
    expect(clockText(tr('id'), 'id', { state: 'none' })).toBeNull();
  });

  it('formats a calendar day as that day in any time zone of the machine', () => {
    expect(formatDueDate('id', '2025-01-01')).toBe('1 Januari 2025');
    expect(formatDueDate('en', '2025-12-31')).toBe('31 December 2025');
    expect(rowDueText(tr('id'), 'id', followUp({}))).toBe('Jatuh tempo 11 Desember 2026');
    expect(rowDueText(tr('id'), 'id', followUp({ kind: 'auto_complete' }))).toBe(
      'Selesai otomatis 11 Desember 2026',
    );
  });
});

describe('follow-up queries', () => {
  it('asks one status queue, soonest deadline first, with the window as a filter', () => {
    const query = followUpQuery('responded', 5);
    expect(query).toEqual({
      queue: 'responded',
      sort: 'breach',
      direction: 'asc',
      filters: { dueWithinWorkingDays: 5 },
      search: '',
    });
    expect(InboxQuerySchema.safeParse(query).success).toBe(true);
  });

  it('merges the statuses’ pages by deadline and keeps the limit', () => {
    const row = (id: string, dueAt: number) => makeRow({ id, dueAt });
    const merged = mergeByDue(
      [
        { rows: [row('a', 10), row('c', 30)], total: 5 },
        { rows: [row('b', 20), row('d', 40)], total: 2 },
        { rows: [], total: 0 },
      ],
      3,
    );
    expect(merged.rows.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(merged.total).toBe(7);
  });

  it('knows the windows the chooser offers', () => {
    expect([1, 3, 5, 10].every(isFollowUpWindow)).toBe(true);
    expect(isFollowUpWindow(2)).toBe(false);
    expect(isFollowUpWindow('3')).toBe(false);
  });
});

describe('reminder memory', () => {
  it('starts with the 3-day window and no reminder shown', () => {
    expect(loadReminderMemory(new MemoryStorage(), 'p')).toEqual({
      days: 3,
      dismissedDay: null,
      notifiedDay: null,
    });
    expect(loadReminderMemory(null, 'p').days).toBe(3);
  });

  it('round-trips per profile', () => {
    const storage = new MemoryStorage();
    saveReminderMemory(storage, 'a', { days: 10, dismissedDay: '2025-06-11', notifiedDay: null });
    expect(loadReminderMemory(storage, 'a')).toEqual({
      days: 10,
      dismissedDay: '2025-06-11',
      notifiedDay: null,
    });
    expect(loadReminderMemory(storage, 'b').days).toBe(3);
  });

  it('keeps what is valid of a damaged entry and drops the rest', () => {
    const storage = new MemoryStorage();
    storage.setItem(
      reminderMemoryKey('p'),
      JSON.stringify({ days: 4, dismissedDay: '2025-06-11' }),
    );
    expect(loadReminderMemory(storage, 'p')).toEqual({
      days: 3,
      dismissedDay: '2025-06-11',
      notifiedDay: null,
    });
    storage.setItem(reminderMemoryKey('p'), '{not json');
    expect(loadReminderMemory(storage, 'p').dismissedDay).toBeNull();
    storage.setItem(reminderMemoryKey('p'), JSON.stringify({ dismissedDay: 'kemarin' }));
    expect(loadReminderMemory(storage, 'p').dismissedDay).toBeNull();
  });

  it('survives a storage that refuses to write', () => {
    const full = new MemoryStorage();
    full.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    expect(() => {
      saveReminderMemory(full, 'p', { days: 1, dismissedDay: null, notifiedDay: null });
    }).not.toThrow();
  });
});
