// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { useFollowUpStore } from '../../../../../src-renderer/features/follow-up/follow-up-store';
import { useInboxStore } from '../../../../../src-renderer/features/inbox/inbox-store';
import { useNavigationStore } from '../../../../../src-renderer/features/shell/navigation-store';
import { useLocaleStore } from '../../../../../src-renderer/i18n/i18n';
import { click, press, run, text } from '../inbox/inbox-fixtures';
import {
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

const panel = () => document.querySelector('[data-testid="follow-up-panel"]');
const openDialog = () => document.querySelector('dialog[open]');
const items = () => Array.from(document.querySelectorAll<HTMLButtonElement>('.follow-up-item'));
const titles = () => items().map((item) => text(item.querySelector('.follow-up-item__title')));
const countdowns = () =>
  items().map((item) => text(item.querySelector('.follow-up-item__countdown')));

async function openPanel(): Promise<void> {
  await run(() => {
    useFollowUpStore.getState().setOpen(true);
  });
}

async function pickWindow(days: number): Promise<void> {
  const radio = document.querySelector(`input[name="follow-up-window"][value="${String(days)}"]`);
  await click(radio);
}

describe('follow-up panel', () => {
  it('lists the follow-ups due within 3 working days by default, soonest first', async () => {
    harness = await mountFollowUps();
    await openPanel();
    expect(openDialog()?.getAttribute('aria-label')).toBe('Tindak lanjut');
    expect(titles()).toEqual([
      'Terlambat kemarin',
      'Jatuh tempo hari ini',
      'Menunggu pelapor',
      'Tiga hari lagi',
    ]);
    expect(countdowns()).toEqual([
      'Terlambat 1 hari kerja',
      'Hari ini',
      'Selesai otomatis dalam 2 hari kerja',
      '3 hari kerja lagi',
    ]);
    expect(text(panel())).toContain('4 laporan jatuh tempo dalam 3 hari kerja');
  });

  it('shows the tracking number, status and due date of each report', async () => {
    harness = await mountFollowUps();
    await openPanel();
    const [overdue, , responded, later] = items();
    expect(text(overdue ?? null)).toContain('Laporan #1900000');
    expect(text(overdue ?? null)).toContain('Terdisposisi, Belum Ditindaklanjuti');
    expect(text(later ?? null)).toContain('Jatuh tempo 16 Juni 2025');
    expect(text(responded ?? null)).toContain('Selesai otomatis 13 Juni 2025');
    expect(overdue?.dataset['timing']).toBe('overdue');
  });

  it('narrows and widens with the window chooser and remembers the choice', async () => {
    harness = await mountFollowUps();
    await openPanel();
    await pickWindow(1);
    expect(titles()).toEqual(['Terlambat kemarin', 'Jatuh tempo hari ini']);
    await pickWindow(10);
    expect(titles()).toEqual([
      'Terlambat kemarin',
      'Jatuh tempo hari ini',
      'Menunggu pelapor',
      'Tiga hari lagi',
      'Enam hari lagi',
      'Sepuluh hari lagi',
    ]);
    expect(countdowns().slice(4)).toEqual([
      'Selesai otomatis dalam 6 hari kerja',
      '10 hari kerja lagi',
    ]);
    const stored = harness.storage.getItem('posko.followUp.http.localhost:8787@koordinator');
    expect(JSON.parse(stored ?? '{}')).toMatchObject({ days: 10 });
  });

  it('says so when nothing is due within the window', async () => {
    harness = await mountFollowUps({
      reports: [makeReportFor(0, 'disposed', endOfDay('2025-06-25'))],
    });
    await openPanel();
    await pickWindow(1);
    expect(items()).toHaveLength(0);
    expect(text(panel())).toContain('Tidak ada tindak lanjut yang mendesak');
    expect(text(panel())).toContain('jatuh tempo dalam 1 hari kerja ke depan');
  });

  it('moves between reports with the arrow keys, Home and End', async () => {
    harness = await mountFollowUps();
    await openPanel();
    const list = document.querySelector('.follow-up-list');
    items()[0]?.focus();
    await press(list ?? document.body, 'ArrowDown');
    expect(document.activeElement).toBe(items()[1]);
    await press(list ?? document.body, 'End');
    expect(document.activeElement).toBe(items()[3]);
    await press(list ?? document.body, 'ArrowDown');
    expect(document.activeElement).toBe(items()[3]);
    await press(list ?? document.body, 'Home');
    expect(document.activeElement).toBe(items()[0]);
    await press(list ?? document.body, 'ArrowUp');
    expect(document.activeElement).toBe(items()[0]);
  });

  it('makes the list one tab stop, the report last focused', async () => {
    harness = await mountFollowUps();
    await openPanel();
    const tabStops = () => items().filter((item) => item.tabIndex === 0);
    expect(tabStops()).toEqual([items()[0]]);
    items()[0]?.focus();
    await press(document.querySelector('.follow-up-list') ?? document.body, 'ArrowDown');
    expect(tabStops()).toEqual([items()[1]]);
  });

  it('opens a report in its status queue and closes', async () => {
    harness = await mountFollowUps();
    await openPanel();
    const target = items().find((item) => text(item).includes('Tiga hari lagi'));
    await click(target ?? null);
    const inbox = useInboxStore.getState();
    expect(inbox.query.queue).toBe('disposed');
    expect(inbox.selectedId).toBe('r-000002');
    expect(useNavigationStore.getState().queue).toBe('disposed');
    expect(useFollowUpStore.getState().open).toBe(false);
    expect(harness.opened()).toBe(1);
  });

  it('drops the operator’s filters when they would hide the report', async () => {
    harness = await mountFollowUps();
    await run(() => {
      useInboxStore.getState().setQueue('responded');
      useInboxStore.getState().setFilters({ channels: ['sms'] });
    });
    await openPanel();
    const target = items().find((item) => text(item).includes('Menunggu pelapor'));
    await click(target ?? null);
    const inbox = useInboxStore.getState();
    expect(inbox.query.queue).toBe('responded');
    expect(inbox.query.filters).toEqual({});
    expect(inbox.selectedId).toBe('r-000003');
  });

  it('tells the operator when the report left its queue meanwhile, and stays open', async () => {
    harness = await mountFollowUps();
    await openPanel();
    // Completed elsewhere between reading the list and the click.
    harness.service.matchingIds = () => Promise.resolve([]);
    const target = items().find((item) => text(item).includes('Tiga hari lagi'));
    await click(target ?? null);
    expect(text(panel())).toContain('Laporan #1900002 tidak lagi berada di antreannya');
    expect(useFollowUpStore.getState().open).toBe(true);
    expect(harness.opened()).toBe(0);
  });

  it('follows changes of the local data while open', async () => {
    harness = await mountFollowUps();
    await openPanel();
    await run(() => {
      harness?.service.removeReports(['r-000002']);
    });
    expect(titles()).toEqual(['Terlambat kemarin', 'Jatuh tempo hari ini', 'Menunggu pelapor']);
  });

  it('shows an error with a way to try again when the list cannot be read', async () => {
    harness = await mountFollowUps();
    harness.service.failQueries(10);
    await openPanel();
    expect(text(panel())).toContain('Daftar tindak lanjut tidak dapat dimuat');
    const retry = Array.from(panel()?.querySelectorAll('button') ?? []).find(
      (b) => text(b) === 'Coba lagi',
    );
    harness.service.failQueries(0);
    await click(retry ?? null);
    expect(titles()).toHaveLength(4);
  });

  it('shows the first page and more on request', async () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      makeReportFor(i, 'in_progress', endOfDay('2025-06-12') + i),
    );
    harness = await mountFollowUps({ reports: many });
    await openPanel();
    expect(items()).toHaveLength(50);
    expect(text(panel())).toContain('Menampilkan 50 dari 60 laporan.');
    const more = Array.from(panel()?.querySelectorAll('button') ?? []).find(
      (b) => text(b) === 'Tampilkan lebih banyak',
    );
    await click(more ?? null);
    expect(items()).toHaveLength(60);
    expect(text(panel())).not.toContain('Tampilkan lebih banyak');
  });

  it('opens with `g f` and from the sidebar entry, which counts what is due today or late', async () => {
    harness = await mountFollowUps();
    const button = document.querySelector('[data-testid="follow-up-entry"]');
    expect(text(document.querySelector('[data-testid="follow-up-count"]'))).toBe('2');
    expect(button?.getAttribute('aria-label')).toBe(
      'Tindak lanjut, 2 jatuh tempo hari ini atau terlambat',
    );
    await click(button);
    expect(openDialog()).not.toBeNull();
    await run(() => {
      useFollowUpStore.getState().setOpen(false);
    });
    await press(document.body, 'g');
    await press(document.body, 'f');
    expect(useFollowUpStore.getState().open).toBe(true);
  });

  it('speaks English when the operator chose it', async () => {
    harness = await mountFollowUps();
    await run(() => {
      useLocaleStore.setState({ locale: 'en' });
    });
    await openPanel();
    expect(countdowns()).toEqual([
      'Overdue by 1 working day',
      'Today',
      'Completes automatically in 2 working days',
      '3 working days left',
    ]);
  });

  it('offers nothing to a head of agency', async () => {
    harness = await mountFollowUps({
      user: {
        id: 'u-head',
        username: 'pimpinan',
        displayName: 'Ibu Kepala',
        role: 'pimpinan',
        agencyId: 'prov',
      },
    });
    expect(document.querySelector('[data-testid="follow-up-entry"]')).toBeNull();
    await press(document.body, 'g');
    await press(document.body, 'f');
    expect(openDialog()).toBeNull();
    expect(useFollowUpStore.getState().service).toBeNull();
  });
});
