// The inbox's UI state: the operator's query (queue, sort, filters, search), the windows of the
// result list fetched so far, the selection and its detail, and what the sync worker reports
// (counts, status, needs-review items, presence, local store problems). Records stay in the worker;
// this store holds only the windows on screen and drops the rest when the query changes.
import { create } from 'zustand';
import type { SessionUser } from '../../../src-shared/api/auth';
import type { PresenceUser } from '../../../src-shared/api/presence';
import type { ReportListRow } from '../../../src-shared/inbox/list-row';
import {
  defaultInboxQuery,
  type InboxFilters,
  type InboxQuery,
  type QueueCounts,
  type QueueId,
  type SortDirection,
  type SortKey,
} from '../../../src-shared/inbox/queries';
import type { Result } from '../../../src-shared/result';
import type { ReviewItem } from '../../../src-shared/sync/client/ports';
import { initialSyncStatus, type SyncStatus } from '../../../src-shared/sync/client/status';
import type { MutationError } from '../../../src-shared/sync/mutation-error';
import type { MutationArgs, MutationName } from '../../../src-shared/sync/protocol';
import type {
  InboxEvent,
  InboxPage,
  InboxService,
  LocalStoreProblem,
  ReferenceData,
  ReportDetail,
  ReviewChoice,
} from '../../sync/inbox-service';
import { useTriageStore } from '../triage/triage-store';

// ---------------------------------------------------------------------------------------------
// Types

/** Rows per fetched window: a screen and a half at the list's row height. */
export const WINDOW_SIZE = 50;
/**
 * The search box queries on the next task after a key (keys of one task coalesce): the worker
 * answers a search in a few milliseconds, so nothing waits for typing to stop, and an answer to
 * an older text is dropped when a newer one is asked.
 */
export const SEARCH_DEBOUNCE_MS = 0;
const CLOCK_TICK_MS = 30_000;

export interface ListWindow {
  readonly rows: readonly ReportListRow[];
  readonly generation: number;
}

export interface InboxDeps {
  readonly now: () => number;
}

export interface InboxState {
  service: InboxService | null;
  user: SessionUser | null;
  query: InboxQuery;
  /** What the search box shows; becomes `query.search` after the debounce. */
  searchText: string;
  /** Increases with every query change: answers for an older epoch are ignored. */
  epoch: number;
  /** The newest data generation seen (pages and 'data' events). */
  generation: number;
  /** Matching reports in all; null until the first page of the query arrives. */
  total: number | null;
  windows: Readonly<Record<number, ListWindow>>;
  /** The index range the list renders (overscan included). */
  visible: { readonly first: number; readonly last: number };
  selectedIndex: number | null;
  selectedId: string | null;
  detail: ReportDetail | null;
  counts: QueueCounts | null;
  status: SyncStatus;
  review: readonly ReviewItem[];
  problem: LocalStoreProblem | null;
  reference: ReferenceData | null;
  presence: Readonly<Record<string, readonly PresenceUser[]>>;
  reviewOpen: boolean;
  now: number;

  attach: (service: InboxService, user: SessionUser, deps?: InboxDeps) => () => void;
  setQueue: (queue: QueueId) => void;
  /** Replaces the whole query (a saved view): queue, filters, sort and search at once. */
  setQuery: (query: InboxQuery) => void;
  setSort: (sort: SortKey, direction?: SortDirection) => void;
  setDirection: (direction: SortDirection) => void;
  setFilters: (patch: InboxFilters) => void;
  removeFilter: (key: keyof InboxFilters) => void;
  clearFilters: () => void;
  setSearchText: (text: string) => void;
  /** Applies the search text now (the debounce's end; also on Enter). */
  flushSearch: () => void;
  ensureRange: (first: number, last: number) => void;
  selectIndex: (index: number) => void;
  moveSelection: (delta: number) => void;
  /** Puts the cursor on report `id`, known to be at `index` (from a fresh answer). */
  selectReport: (index: number, id: string) => void;
  mutate: <N extends MutationName>(
    name: N,
    args: MutationArgs<N>,
  ) => Promise<Result<{ mutationId: number }, MutationError>>;
  resolveReview: (id: string, choice: ReviewChoice) => Promise<Result<null, MutationError>>;
  setReviewOpen: (open: boolean) => void;
  syncNow: () => Promise<void>;
  setPresence: (reportId: string | null, editing: boolean) => void;
}

// ---------------------------------------------------------------------------------------------
// Initial state

type InboxData = Omit<
  InboxState,
  | 'attach'
  | 'setQueue'
  | 'setQuery'
  | 'setSort'
  | 'setDirection'
  | 'setFilters'
  | 'removeFilter'
  | 'clearFilters'
  | 'setSearchText'
  | 'flushSearch'
  | 'ensureRange'
  | 'selectIndex'
  | 'moveSelection'
  | 'selectReport'
  | 'mutate'
  | 'resolveReview'
  | 'setReviewOpen'
  | 'syncNow'
  | 'setPresence'
>;

export const initialInboxState = (): InboxData => ({
  service: null,
  user: null,
  query: defaultInboxQuery('due_today'),
  searchText: '',
  epoch: 0,
  generation: 0,
  total: null,
  windows: {},
  visible: { first: 0, last: WINDOW_SIZE - 1 },
  selectedIndex: null,
  selectedId: null,
  detail: null,
  counts: null,
  status: initialSyncStatus,
  review: [],
  problem: null,
  reference: null,
  presence: {},
  reviewOpen: false,
  now: Date.now(),
});

// ---------------------------------------------------------------------------------------------
// Selectors

export function rowAt(
  state: Pick<InboxState, 'windows'>,
  index: number,
): ReportListRow | undefined {
  return state.windows[Math.floor(index / WINDOW_SIZE)]?.rows[index % WINDOW_SIZE];
}

/** Whether any filter (or a search) narrows the queue. */
export function hasActiveFilters(query: InboxQuery): boolean {
  return Object.keys(query.filters).length > 0 || query.search.trim() !== '';
}

/** Drops empty filters, so `{}` means "no filter" and queries compare by content. */
export function normalizeFilters(filters: InboxFilters): InboxFilters {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters) as [string, unknown][]) {
    if (value === undefined || value === false) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    result[key] = value;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// The store

// Requests in flight by window, with the generation they were asked at, so a window is not asked
// twice for the same data but is asked again after a change.
const inflight = new Map<string, number>();
let searchTimer: ReturnType<typeof setTimeout> | null = null;
let detailRequest = 0;

export const useInboxStore = create<InboxState>()((set, get) => {
  /** Replaces the query: a new epoch, no windows, the selection back to the top. */
  function changeQuery(query: InboxQuery): void {
    inflight.clear();
    set((s) => ({
      query,
      epoch: s.epoch + 1,
      total: null,
      windows: {},
      selectedIndex: null,
      selectedId: null,
      detail: null,
    }));
    const { visible } = get();
    fetchRange(visible.first, visible.last, true);
  }

  function fetchWindow(windowIndex: number, force: boolean): void {
    const { service, query, epoch, generation, windows } = get();
    if (service === null) return;
    const key = `${String(epoch)}:${String(windowIndex)}`;
    const asked = inflight.get(key);
    const have = windows[windowIndex];
    if (!force) {
      if (asked !== undefined && asked >= generation) return;
      if (have !== undefined && have.generation >= generation) return;
    }
    inflight.set(key, generation);
    void service.query(query, windowIndex * WINDOW_SIZE, WINDOW_SIZE).then(
      (page) => {
        acceptPage(epoch, windowIndex, page);
      },
      () => {
        inflight.delete(key);
      },
    );
  }

  function fetchRange(first: number, last: number, force: boolean): void {
    const total = get().total;
    const lastIndex = total === null ? last : Math.min(last, Math.max(total - 1, 0));
    const from = Math.floor(Math.max(first, 0) / WINDOW_SIZE);
    const to = Math.floor(Math.max(lastIndex, 0) / WINDOW_SIZE);
    for (let w = from; w <= to; w++) fetchWindow(w, force);
  }

  function acceptPage(epoch: number, windowIndex: number, page: InboxPage): void {
    const state = get();
    // Superseded query, or older data than what is already known: a newer answer is on its way.
    if (epoch !== state.epoch || page.generation < state.generation) return;
    const existing = state.windows[windowIndex];
    if (existing !== undefined && existing.generation > page.generation) return;
    inflight.delete(`${String(epoch)}:${String(windowIndex)}`);
    const windows = {
      ...state.windows,
      [windowIndex]: { rows: page.rows, generation: page.generation },
    };
    set({ windows, total: page.total, generation: page.generation });
    reconcileSelection();
  }

  /** Keeps the selection on its report as rows move, and fills it in once its row arrives. */
  function reconcileSelection(): void {
    const { selectedId, selectedIndex, windows, total } = get();
    if (selectedIndex === null) return;
    if (selectedId !== null) {
      const here = rowAt({ windows }, selectedIndex);
      if (here?.id === selectedId) return;
      for (const [w, win] of Object.entries(windows)) {
        const i = win.rows.findIndex((row) => row.id === selectedId);
        if (i >= 0) {
          set({ selectedIndex: Number(w) * WINDOW_SIZE + i });
          return;
        }
      }
      return;
    }
    if (total !== null && selectedIndex >= total) {
      set({ selectedIndex: total > 0 ? total - 1 : null });
    }
    const index = get().selectedIndex;
    const row = index === null ? undefined : rowAt({ windows }, index);
    if (row !== undefined) {
      set({ selectedId: row.id });
      loadDetail(row.id);
    }
  }

  function loadDetail(id: string): void {
    const service = get().service;
    if (service === null) return;
    const request = ++detailRequest;
    void service.report(id).then((detail) => {
      if (request !== detailRequest || get().selectedId !== id) return;
      set({ detail });
    });
  }

  function onEvent(event: InboxEvent): void {
    switch (event.type) {
      case 'status':
        set({ status: event.status });
        return;
      case 'data': {
        set((s) => ({
          counts: event.counts,
          generation: Math.max(s.generation, event.generation),
        }));
        // Windows out of sight would be stale: drop them and re-ask for the visible ones.
        const { visible, windows, selectedId } = get();
        const from = Math.floor(visible.first / WINDOW_SIZE);
        const to = Math.floor(visible.last / WINDOW_SIZE);
        const kept: Record<number, ListWindow> = {};
        for (const [w, win] of Object.entries(windows)) {
          const n = Number(w);
          if (n >= from && n <= to) kept[n] = win;
        }
        set({ windows: kept });
        fetchRange(visible.first, visible.last, true);
        if (
          selectedId !== null &&
          (event.reportIds === null || event.reportIds.includes(selectedId))
        ) {
          loadDetail(selectedId);
        }
        if (event.reportIds === null)
          void get()
            .service?.reference()
            .then((reference) => {
              set({ reference });
            });
        return;
      }
      case 'review':
        set({ review: event.items });
        return;
      case 'problem':
        set({ problem: event.problem });
        return;
      case 'presence':
        set((s) => ({ presence: { ...s.presence, [event.reportId]: event.others } }));
        return;
    }
  }

  return {
    ...initialInboxState(),

    attach(service, user, deps = { now: () => Date.now() }) {
      inflight.clear();
      // The same operator coming back (from settings) finds their query as they left it; another
      // operator starts from the queue only.
      const previous = get();
      const isSameUser = previous.user?.id === user.id;
      set({
        ...initialInboxState(),
        service,
        user,
        now: deps.now(),
        // Answers still on their way from an earlier attachment belong to older epochs.
        epoch: previous.epoch + 1,
        query: isSameUser ? previous.query : defaultInboxQuery(previous.query.queue),
        searchText: isSameUser ? previous.searchText : '',
      });
      const unsubscribe = service.subscribe(onEvent);
      void service.counts().then((counts) => {
        if (get().service === service) set({ counts });
      });
      void service.status().then((status) => {
        if (get().service === service) set({ status });
      });
      void service.review().then((review) => {
        if (get().service === service) set({ review });
      });
      void service.reference().then((reference) => {
        if (get().service === service) set({ reference });
      });
      const { visible } = get();
      fetchRange(visible.first, visible.last, true);
      const tick = setInterval(() => {
        set({ now: deps.now() });
      }, CLOCK_TICK_MS);
      return () => {
        unsubscribe();
        // Leaving the workspace leaves the report on screen too.
        if (get().selectedId !== null) service.setPresence(null, false);
        clearInterval(tick);
        if (searchTimer !== null) clearTimeout(searchTimer);
        if (get().service === service) set({ service: null });
      };
    },

    setQueue(queue) {
      if (queue === get().query.queue) return;
      // A queue switch keeps sort and filters: the operator narrows once and looks across queues.
      changeQuery({ ...get().query, queue });
    },

    setQuery(query) {
      // The search box shows the view's text, and a search still waiting to apply is dropped.
      if (searchTimer !== null) clearTimeout(searchTimer);
      searchTimer = null;
      set({ searchText: query.search });
      changeQuery({ ...query, filters: normalizeFilters(query.filters) });
    },

    setSort(sort, direction) {
      const query = get().query;
      changeQuery({ ...query, sort, direction: direction ?? query.direction });
    },

    setDirection(direction) {
      changeQuery({ ...get().query, direction });
    },

    setFilters(patch) {
      const query = get().query;
      changeQuery({ ...query, filters: normalizeFilters({ ...query.filters, ...patch }) });
    },

    removeFilter(key) {
      const filters = Object.fromEntries(
        Object.entries(get().query.filters).filter(([name]) => name !== key),
      );
      changeQuery({ ...get().query, filters });
    },

    clearFilters() {
      if (searchTimer !== null) clearTimeout(searchTimer);
      set({ searchText: '' });
      changeQuery({ ...get().query, filters: {}, search: '' });
    },

    setSearchText(text) {
      set({ searchText: text });
      if (searchTimer !== null) clearTimeout(searchTimer);
      searchTimer = setTimeout(() => {
        searchTimer = null;
        get().flushSearch();
      }, SEARCH_DEBOUNCE_MS);
    },

    flushSearch() {
      if (searchTimer !== null) {
        clearTimeout(searchTimer);
        searchTimer = null;
      }
      const { searchText, query } = get();
      if (searchText.trim() === query.search) return;
      changeQuery({ ...query, search: searchText.trim() });
    },

    ensureRange(first, last) {
      const visible = get().visible;
      if (visible.first !== first || visible.last !== last) set({ visible: { first, last } });
      fetchRange(first, last, false);
    },

    selectIndex(index) {
      const { total, selectedId, service } = get();
      if (total === null || total === 0) return;
      const clamped = Math.min(Math.max(index, 0), total - 1);
      const row = rowAt(get(), clamped);
      const id = row?.id ?? null;
      set({
        selectedIndex: clamped,
        selectedId: id,
        detail: id === selectedId ? get().detail : null,
      });
      if (id === null) {
        fetchWindow(Math.floor(clamped / WINDOW_SIZE), false);
        return;
      }
      if (id !== selectedId) {
        loadDetail(id);
        service?.setPresence(id, false);
      }
    },

    moveSelection(delta) {
      const { selectedIndex } = get();
      get().selectIndex(selectedIndex === null ? 0 : selectedIndex + delta);
    },

    selectReport(index, id) {
      const { selectedId, service } = get();
      set({
        selectedIndex: index,
        selectedId: id,
        detail: id === selectedId ? get().detail : null,
      });
      if (id !== selectedId) {
        loadDetail(id);
        service?.setPresence(id, false);
      }
      // A window not fetched yet: reconcileSelection keeps the cursor on `id` when it arrives.
      fetchWindow(Math.floor(index / WINDOW_SIZE), false);
    },

    async mutate(name, args) {
      const service = get().service;
      if (service === null) {
        return {
          ok: false,
          error: {
            code: 'mutation/not-found',
            message: 'No inbox service',
            reasonKey: 'mutation.unknown',
          },
        };
      }
      const result = await service.mutate(name, args);
      if (result.ok) {
        // The worker announces the change too; asking now shows it without waiting for the event.
        const { visible, selectedId } = get();
        fetchRange(visible.first, visible.last, true);
        if (selectedId !== null) loadDetail(selectedId);
        void service.counts().then((counts) => {
          set({ counts });
        });
        // Triage mode opens the next report after a decision.
        useTriageStore.getState().actionDone(name, args);
      }
      return result;
    },

    async resolveReview(id, choice) {
      const service = get().service;
      if (service === null) {
        return { ok: false, error: { code: 'mutation/not-found', message: 'No inbox service' } };
      }
      const result = await service.resolveReview(id, choice);
      const review = await service.review();
      set({ review });
      return result;
    },

    setReviewOpen(reviewOpen) {
      set({ reviewOpen });
    },

    async syncNow() {
      await get().service?.syncNow();
    },

    setPresence(reportId, editing) {
      get().service?.setPresence(reportId, editing);
    },
  };
});

/** Resets the store (tests, sign-out). */
export function resetInboxStore(): void {
  inflight.clear();
  if (searchTimer !== null) clearTimeout(searchTimer);
  searchTimer = null;
  useInboxStore.setState(initialInboxState());
}
