// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { ListToolbar } from '../../../../../src-renderer/features/inbox/ListToolbar';
import { FiltersBar } from '../../../../../src-renderer/features/inbox/FiltersBar';
import { useInboxStore } from '../../../../../src-renderer/features/inbox/inbox-store';
import { ReportList } from '../../../../../src-renderer/features/inbox/ReportList';
import { QueueSidebar } from '../../../../../src-renderer/features/shell/QueueSidebar';
import type { InboxQuery } from '../../../../../src-shared/inbox/queries';
import {
  DAY,
  NOW,
  attach,
  click,
  fakeService,
  makeReport,
  makeReports,
  mount,
  press,
  run,
  text,
  type,
  type Mounted,
} from './inbox-fixtures';

let mounted: Mounted | null = null;
let detach: (() => void) | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  detach?.();
  detach = null;
});

const grid = () => document.querySelector('[role="grid"]') as HTMLElement;
const bodyRows = () =>
  Array.from(document.querySelectorAll('[role="row"][aria-rowindex]')).filter(
    (row) => row.getAttribute('aria-rowindex') !== '1',
  );
const selectedRow = () => document.querySelector('[role="row"][data-current="true"]');

describe('report list', () => {
  it('renders the first window of 10,000 reports with only the visible rows in the DOM', async () => {
    const service = fakeService({ reports: makeReports(10_000) });
    detach = await attach(service);
    mounted = await mount(<ReportList onOpen={() => undefined} />);
    expect(grid().getAttribute('aria-rowcount')).toBe('10001');
    const rows = bodyRows();
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThanOrEqual(60);
    expect(text(rows[0] ?? null)).toContain('1900000');
    expect(text(rows[0] ?? null)).toContain('Jalan rusak nomor 0');
    expect(text(rows[0] ?? null)).toContain('Pemerintah Provinsi Nusa Harapan');
    expect(text(rows[0] ?? null)).toContain('Belum Terverifikasi');
    expect(rows[0]?.getAttribute('aria-rowindex')).toBe('2');
  });

  it('moves the selection with j/k and arrows, jumps with Home/End and opens with Enter', async () => {
    const service = fakeService({ reports: makeReports(1_000) });
    detach = await attach(service);
    let opened = 0;
    mounted = await mount(
      <ReportList
        onOpen={() => {
          opened += 1;
        }}
      />,
    );
    await press(grid(), 'j');
    expect(selectedRow()?.getAttribute('data-report-id')).toBe('r-000000');
    await press(grid(), 'j');
    await press(grid(), 'ArrowDown');
    expect(selectedRow()?.getAttribute('data-report-id')).toBe('r-000002');
    expect(grid().getAttribute('aria-activedescendant')).toBe('report-row-2');
    await press(grid(), 'k');
    expect(selectedRow()?.getAttribute('data-report-id')).toBe('r-000001');
    await press(grid(), 'End');
    expect(selectedRow()?.getAttribute('data-report-id')).toBe('r-000999');
    expect(bodyRows().length).toBeLessThanOrEqual(60);
    expect(useInboxStore.getState().detail?.report.id).toBe('r-000999');
    await press(grid(), 'Home');
    expect(selectedRow()?.getAttribute('data-report-id')).toBe('r-000000');
    await press(grid(), 'Enter');
    await press(grid(), 'o');
    expect(opened).toBe(2);
  });

  it('shows the time to breach and the pending-change marker', async () => {
    const service = fakeService({
      reports: [
        makeReport(0, { dueAt: NOW - 3 * DAY }), // Sunday 8 June: 2 working days overdue
        makeReport(1, { dueAt: NOW + 5 * 3_600_000 }),
        makeReport(2, { status: 'pending_info', pausedAt: NOW - DAY, dueAt: NOW + 2 * DAY }),
      ],
    });
    detach = await attach(service);
    useInboxStore.getState().setQueue('unverified');
    mounted = await mount(<ReportList onOpen={() => undefined} />);
    const rows = bodyRows();
    expect(text(rows[0] ?? null)).toContain('Terlambat');
    expect(text(rows[1] ?? null)).toContain('Jatuh tempo hari ini');
    expect(document.querySelector('[aria-label="Perubahan belum tersinkron"]')).toBeNull();

    await run(() =>
      useInboxStore.getState().mutate('report.setTags', { reportId: 'r-000001', tags: ['a'] }),
    );
    const marked = document.querySelectorAll(
      '[role="img"][aria-label="Perubahan belum tersinkron"]',
    );
    expect(marked).toHaveLength(1);
    expect(marked[0]?.closest('[role="row"]')?.getAttribute('data-report-id')).toBe('r-000001');

    await run(() => {
      useInboxStore.getState().setQueue('pending_info');
    });
    expect(text(bodyRows()[0] ?? null)).toContain('Dijeda');
  });

  it('shows an empty state for an empty queue and for filters that match nothing', async () => {
    const service = fakeService({ reports: makeReports(2) });
    detach = await attach(service);
    useInboxStore.getState().setQueue('archived');
    mounted = await mount(<ReportList onOpen={() => undefined} />);
    expect(document.body.textContent).toContain('Belum ada laporan di antrean ini');
    expect(document.body.textContent).toContain('Belum ada laporan yang diarsipkan.');

    await run(() => {
      useInboxStore.getState().setQueue('unverified');
      useInboxStore.getState().setFilters({ channels: ['sms'] });
    });
    expect(document.body.textContent).toContain('Tidak ada laporan yang cocok');
    const clear = Array.from(document.querySelectorAll('button')).find(
      (b) => b.textContent === 'Hapus semua filter',
    );
    await click(clear ?? null);
    expect(bodyRows()).toHaveLength(2);
  });
});

describe('queue sidebar', () => {
  it('shows live counts, marks them approximate during the initial sync, and switches queue', async () => {
    const service = fakeService({
      reports: [...makeReports(4), makeReport(9, { status: 'archived', dueAt: null })],
      status: { initialSync: { rowsDone: 10, rowsTotal: 100, etaMs: 30_000 } },
    });
    detach = await attach(service);
    const queries: InboxQuery[] = [];
    const original = service.query.bind(service);
    service.query = (query, offset, limit) => {
      queries.push(query);
      return original(query, offset, limit);
    };
    mounted = await mount(
      <>
        <QueueSidebar role="admin_koordinator" />
        <ReportList onOpen={() => undefined} />
      </>,
    );
    const unverified = document.querySelector('[data-queue="unverified"]');
    expect(text(unverified)).toContain('Belum Terverifikasi');
    expect(text(unverified)).toContain('≈4');
    expect(unverified?.getAttribute('aria-current')).toBe('page');

    await run(() => {
      service.setStatus({ initialSync: null });
      service.load({ reports: [makeReport(5)] });
    });
    expect(text(document.querySelector('[data-testid="count-unverified"]'))).toBe('5');

    await click(document.querySelector('[data-queue="archived"]'));
    expect(queries.at(-1)?.queue).toBe('archived');
    expect(document.querySelector('[data-queue="archived"]')?.getAttribute('aria-current')).toBe(
      'page',
    );
    expect(bodyRows()).toHaveLength(1);
    // Approving responses is the liaison officer's queue, not a coordinator's.
    expect(document.querySelector('[data-queue="awaiting_approval"]')).toBeNull();
  });
});

describe('toolbar and filters', () => {
  it('turns the controls into the query: sort, direction, channel, privacy, dates, pending', async () => {
    const service = fakeService({ reports: makeReports(3) });
    detach = await attach(service);
    mounted = await mount(
      <>
        <ListToolbar filtersOpen onToggleFilters={() => undefined} />
        <FiltersBar />
      </>,
    );
    const selects = Array.from(document.querySelectorAll('select'));
    const byLabel = (label: string) =>
      selects.find((s) => s.closest('label')?.textContent.startsWith(label) === true) ?? null;
    await type(byLabel('Urutkan'), 'agency');
    const direction = document.querySelector('button[aria-label="Arah urutan"]');
    await click(direction);
    await type(byLabel('Kanal'), 'sms');
    await type(byLabel('Privasi'), 'anonim');
    await type(byLabel('Instansi/unit'), 'dinkes');
    const dates = Array.from(document.querySelectorAll('input[type="date"]'));
    await type(dates[0] ?? null, '2025-06-01');
    await type(dates[1] ?? null, '2025-06-10');
    await click(document.querySelector('.filters-bar input[type="checkbox"]'));
    const query = useInboxStore.getState().query;
    expect(query).toMatchObject({
      queue: 'unverified',
      sort: 'agency',
      direction: 'desc',
      filters: {
        channels: ['sms'],
        privacy: ['anonim'],
        agencyIds: ['dinkes'],
        pendingOnly: true,
        createdFrom: new Date(2025, 5, 1).getTime(),
        createdTo: new Date(2025, 5, 11).getTime(),
      },
    });
    // The toolbar's button tells how many filters are set.
    const toggle = document.querySelector('button[aria-controls="inbox-filters"]');
    expect(text(toggle)).toBe('Filter (6)');
    await type(byLabel('Kanal'), '');
    expect(useInboxStore.getState().query.filters.channels).toBeUndefined();
    expect(text(toggle)).toBe('Filter (5)');
  });

  it('focuses nothing itself but updates the search text on every key', async () => {
    const service = fakeService({ reports: makeReports(3) });
    detach = await attach(service);
    mounted = await mount(<ListToolbar filtersOpen={false} onToggleFilters={() => undefined} />);
    const search = document.getElementById('inbox-search');
    await type(search, '1900001');
    expect(useInboxStore.getState().searchText).toBe('1900001');
    await press(search as HTMLElement, 'Enter');
    expect(useInboxStore.getState().query.search).toBe('1900001');
    expect(useInboxStore.getState().total).toBe(1);
  });
});
