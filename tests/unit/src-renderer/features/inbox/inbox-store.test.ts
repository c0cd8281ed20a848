// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  SEARCH_DEBOUNCE_MS,
  WINDOW_SIZE,
  rowAt,
  useInboxStore,
} from '../../../../../src-renderer/features/inbox/inbox-store';
import type { InboxPage } from '../../../../../src-renderer/sync/inbox-service';
import type { InboxQuery } from '../../../../../src-shared/inbox/queries';
import { attach, fakeService, flush, makeReport, makeReports } from './inbox-fixtures';

let detach: (() => void) | null = null;
afterEach(() => {
  detach?.();
  detach = null;
  vi.useRealTimers();
});

function spyQueries(service: ReturnType<typeof fakeService>) {
  const calls: { query: InboxQuery; offset: number; limit: number }[] = [];
  const original = service.query.bind(service);
  service.query = (query, offset, limit) => {
    calls.push({ query, offset, limit });
    return original(query, offset, limit);
  };
  return calls;
}

describe('inbox store', () => {
  it('loads the counts, the status and the first window of the queue on attach', async () => {
    const service = fakeService({ reports: makeReports(120), status: { pendingCount: 2 } });
    detach = await attach(service);
    const state = useInboxStore.getState();
    expect(state.total).toBe(120);
    expect(state.counts?.unverified).toBe(120);
    expect(state.status.pendingCount).toBe(2);
    expect(rowAt(state, 0)?.trackingId).toBe('1900000');
    expect(state.reference?.agencies.length).toBeGreaterThan(0);
  });

  it('re-queries from the top when the queue changes', async () => {
    const service = fakeService({
      reports: [...makeReports(3), makeReport(10, { status: 'archived', dueAt: null })],
    });
    detach = await attach(service);
    const calls = spyQueries(service);
    useInboxStore.getState().setQueue('archived');
    await flush();
    expect(calls[0]).toMatchObject({ query: { queue: 'archived' }, offset: 0, limit: WINDOW_SIZE });
    expect(useInboxStore.getState().total).toBe(1);
    expect(rowAt(useInboxStore.getState(), 0)?.id).toBe('r-000010');
  });

  it('builds the query from sort, direction, filters and clears them all at once', async () => {
    const service = fakeService({ reports: makeReports(5) });
    detach = await attach(service);
    const calls = spyQueries(service);
    const store = useInboxStore.getState();
    store.setSort('arrival');
    store.setDirection('desc');
    store.setFilters({ channels: ['sms'] });
    store.setFilters({ agencyIds: ['dinkes'], pendingOnly: true, categoryIds: [] });
    await flush();
    expect(calls.at(-1)?.query).toEqual({
      queue: 'unverified',
      sort: 'arrival',
      direction: 'desc',
      filters: { channels: ['sms'], agencyIds: ['dinkes'], pendingOnly: true },
      search: '',
    });
    useInboxStore.getState().removeFilter('channels');
    await flush();
    expect(calls.at(-1)?.query.filters).toEqual({ agencyIds: ['dinkes'], pendingOnly: true });
    useInboxStore.getState().clearFilters();
    await flush();
    expect(calls.at(-1)?.query).toMatchObject({ filters: {}, search: '', sort: 'arrival' });
  });

  it('searches once, at most the debounce after the last key', async () => {
    const service = fakeService({
      reports: [makeReport(1, { title: 'Puskesmas tutup' }), makeReport(2)],
    });
    detach = await attach(service);
    vi.useFakeTimers();
    const calls = spyQueries(service);
    const store = useInboxStore.getState();
    store.setSearchText('p');
    store.setSearchText('pus');
    store.setSearchText('puskesmas');
    expect(useInboxStore.getState().searchText).toBe('puskesmas');
    expect(calls).toHaveLength(0);
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    vi.useRealTimers();
    await flush();
    expect(calls.map((c) => c.query.search)).toEqual(['puskesmas']);
    expect(useInboxStore.getState().total).toBe(1);
    expect(SEARCH_DEBOUNCE_MS).toBeLessThanOrEqual(80);
  });

  it('ignores the answer of a superseded query that arrives late', async () => {
    const service = fakeService({
      reports: [...makeReports(3), makeReport(10, { status: 'archived', dueAt: null })],
    });
    detach = await attach(service);
    // The next answer for `unverified` is held back until the queue has changed.
    const original = service.query.bind(service);
    let release: (() => void) | null = null;
    service.query = (query, offset, limit) => {
      const answer = original(query, offset, limit);
      if (query.queue !== 'unverified') return answer;
      return new Promise<InboxPage>((resolve) => {
        release = () => {
          void answer.then(resolve);
        };
      });
    };
    useInboxStore.getState().setSort('arrival'); // asks `unverified` again (held back)
    useInboxStore.getState().setQueue('archived');
    await flush();
    expect(release).not.toBeNull();
    (release as unknown as () => void)();
    await flush();
    const state = useInboxStore.getState();
    expect(state.query.queue).toBe('archived');
    expect(state.total).toBe(1);
    expect(rowAt(state, 0)?.id).toBe('r-000010');
  });

  it('ignores a page older than the data generation already announced', async () => {
    const service = fakeService({ reports: makeReports(2) });
    detach = await attach(service);
    const generation = useInboxStore.getState().generation;
    const original = service.query.bind(service);
    let stale: InboxPage | null = null;
    service.query = async (query, offset, limit) => {
      const page = await original(query, offset, limit);
      stale ??= { ...page, rows: [], total: 0, generation: generation - 1 };
      return stale;
    };
    useInboxStore.getState().ensureRange(0, 10);
    service.load({ reports: [makeReport(5)] });
    await flush();
    expect(useInboxStore.getState().total).toBe(2);
  });

  it('re-queries the visible windows and updates counts when local data changes', async () => {
    const service = fakeService({ reports: makeReports(2) });
    detach = await attach(service);
    service.load({ reports: [makeReport(7, { dueAt: 1 })] });
    await flush();
    const state = useInboxStore.getState();
    expect(state.total).toBe(3);
    expect(state.counts?.unverified).toBe(3);
    // Sorted by time to breach: the overdue report comes first.
    expect(rowAt(state, 0)?.id).toBe('r-000007');
  });

  it('moves the selection, keeps it in range and loads the selected report', async () => {
    const service = fakeService({ reports: makeReports(3) });
    detach = await attach(service);
    const store = useInboxStore.getState();
    store.moveSelection(1);
    await flush();
    expect(useInboxStore.getState().selectedIndex).toBe(0);
    store.moveSelection(5);
    await flush();
    const state = useInboxStore.getState();
    expect(state.selectedIndex).toBe(2);
    expect(state.selectedId).toBe('r-000002');
    expect(state.detail?.report.id).toBe('r-000002');
    expect(service.presenceCalls.at(-1)).toEqual({ reportId: 'r-000002', editing: false });
    const leave = detach;
    detach = null;
    leave();
    expect(service.presenceCalls.at(-1)).toEqual({ reportId: null, editing: false });
  });

  it('selects a row beyond the loaded windows once its window arrives', async () => {
    const service = fakeService({ reports: makeReports(500) });
    detach = await attach(service);
    useInboxStore.getState().selectIndex(499);
    expect(useInboxStore.getState().selectedIndex).toBe(499);
    await flush();
    const state = useInboxStore.getState();
    expect(state.selectedId).toBe('r-000499');
    expect(state.detail?.report.trackingId).toBe('1900499');
  });

  it('shows a mutation at once and keeps needs-review items from the service', async () => {
    const service = fakeService({ reports: makeReports(2) });
    detach = await attach(service);
    const result = await useInboxStore
      .getState()
      .mutate('report.setTags', { reportId: 'r-000000', tags: ['jalan'] });
    expect(result.ok).toBe(true);
    await flush();
    expect(rowAt(useInboxStore.getState(), 0)?.pending).toBe(true);
    service.setStatus({ connection: 'offline' });
    expect(useInboxStore.getState().status.connection).toBe('offline');
  });
});
