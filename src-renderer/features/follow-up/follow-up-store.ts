// Follow-ups for liaison officers, admins and unit operators: the reports whose follow-up is due
// within the chosen window (the panel), how many the agency owes today or late (the entry's badge
// and the daily reminder), and the reminder's once-a-day memory per profile. Rows come from the
// sync worker's inbox model (follow-up-queries.ts); this store holds only what is on screen and
// asks again when the worker announces a change or the clock moves on.
import { create } from 'zustand';
import type { UserRole } from '../../../src-shared/domain/user';
import { localDateKey, type TimeZone } from '../../../src-shared/domain/time-zone';
import { translate, useLocaleStore, type Locale } from '../../i18n/i18n';
import { localStorageOrNull } from '../../platform/local-storage';
import type { InboxService } from '../../sync/inbox-service';
import {
  followUpQuery,
  listedStatuses,
  mergeByDue,
  owedStatuses,
  type FollowUpList,
  type FollowUpWindow,
} from './follow-up-queries';
import {
  initialReminderMemory,
  loadReminderMemory,
  saveReminderMemory,
  type ReminderMemory,
} from './reminder-memory';

// ---------------------------------------------------------------------------------------------
// Types

/** Rows shown at first and added by each "show more". */
export const FOLLOW_UP_PAGE_SIZE = 50;
/** How often the clock is read again: the badge and reminder follow the day. */
const CLOCK_TICK_MS = 60_000;

/** Roles that follow reports up. Pimpinan reads dashboards and is neither listed to nor reminded. */
export const followUpRoles: readonly UserRole[] = [
  'admin_koordinator',
  'admin_instansi',
  'operator_unit',
  'pejabat_penghubung',
  'pelatih',
  'peserta',
];

export function worksFollowUps(role: UserRole): boolean {
  return followUpRoles.includes(role);
}

export interface FollowUpSession {
  readonly profileId: string;
  readonly role: UserRole;
}

export interface FollowUpDeps {
  readonly now: () => number;
  readonly storage: Storage | null;
  /** A system notification; the host shows it only where permission was given before. */
  readonly notify: (title: string, body: string) => void;
}

/** What the agency owes today: follow-ups due today or already late. */
export interface DueSummary {
  readonly count: number;
  readonly hasOverdue: boolean;
}

export type ListState = 'idle' | 'loading' | 'ready' | 'error';

export interface FollowUpState {
  service: InboxService | null;
  session: FollowUpSession | null;
  deps: FollowUpDeps;
  /** The operator's time zone: whose "today" the reminder counts. */
  timeZone: TimeZone;
  now: number;
  open: boolean;
  days: FollowUpWindow;
  limit: number;
  list: FollowUpList | null;
  listState: ListState;
  due: DueSummary | null;
  memory: ReminderMemory;
  /** The tracking number of a report that could not be opened from the list. */
  openFailed: string | null;

  attach: (service: InboxService, session: FollowUpSession, deps?: FollowUpDeps) => () => void;
  setTimeZone: (timeZone: TimeZone) => void;
  setOpen: (open: boolean) => void;
  setDays: (days: FollowUpWindow) => void;
  showMore: () => void;
  /** Asks for the list again after it failed. */
  retry: () => void;
  /** Asks the worker again (coalesced: one request at a time, one more if asked meanwhile). */
  refresh: () => Promise<void>;
  dismissReminder: () => void;
  setOpenFailed: (trackingId: string | null) => void;
}

// ---------------------------------------------------------------------------------------------
// Initial state

/** The system notification through the host bridge, loaded on first use (as save-attachment.ts). */
function notifyWithBridge(title: string, body: string): void {
  // Best effort: the in-app reminder says the same, so a host without notifications loses nothing.
  import('../../platform/bridge')
    .then(({ bridge }) => bridge.invoke('notify:show', { title, body }))
    .catch(() => undefined);
}

const defaultDeps = (): FollowUpDeps => ({
  now: () => Date.now(),
  storage: localStorageOrNull(),
  notify: notifyWithBridge,
});

type FollowUpData = Pick<
  FollowUpState,
  | 'service'
  | 'session'
  | 'deps'
  | 'timeZone'
  | 'now'
  | 'open'
  | 'days'
  | 'limit'
  | 'list'
  | 'listState'
  | 'due'
  | 'memory'
  | 'openFailed'
>;

export const initialFollowUpState = (): FollowUpData => ({
  service: null,
  session: null,
  deps: defaultDeps(),
  timeZone: 'WIB',
  now: Date.now(),
  open: false,
  days: initialReminderMemory().days,
  limit: FOLLOW_UP_PAGE_SIZE,
  list: null,
  listState: 'idle',
  due: null,
  memory: initialReminderMemory(),
  openFailed: null,
});

// ---------------------------------------------------------------------------------------------
// Selectors

/** The operator's local day, as the reminder's memory records it. */
export const selectToday = (state: Pick<FollowUpState, 'now' | 'timeZone'>): string =>
  localDateKey(state.now, state.timeZone);

/** The in-app reminder shows while something is owed today and it was not dismissed today. */
export function selectShowReminder(
  state: Pick<FollowUpState, 'session' | 'due' | 'memory' | 'now' | 'timeZone'>,
): boolean {
  return (
    state.session !== null &&
    worksFollowUps(state.session.role) &&
    state.due !== null &&
    state.due.count > 0 &&
    state.memory.dismissedDay !== selectToday(state)
  );
}

/** The reminder's text, in the operator's language. */
export function reminderText(locale: Locale, due: DueSummary): string {
  return translate(
    locale,
    due.hasOverdue ? 'followUp.reminder.overdue' : 'followUp.reminder.today',
    {
      count: due.count.toLocaleString(locale === 'id' ? 'id-ID' : 'en-GB'),
    },
  );
}

// ---------------------------------------------------------------------------------------------
// The store

// Counts attachments: an answer that arrives for an earlier one is dropped.
let attachment = 0;
// The refresh under way (one at a time) and whether another was asked for meanwhile.
let refreshing: Promise<void> | null = null;
let refreshRound = 0;
let refreshAgain = false;

/** Whether another refresh was asked for during round `round` (and it is still the current one). */
function isAskedAgain(round: number): boolean {
  return refreshAgain && round === refreshRound;
}

function forgetRefresh(): void {
  refreshRound += 1;
  refreshing = null;
  refreshAgain = false;
}

async function loadDue(service: InboxService, now: number): Promise<DueSummary> {
  const pages = await Promise.all(
    owedStatuses.map((status) => service.query(followUpQuery(status, 0), 0, 1)),
  );
  return {
    count: pages.reduce((sum, page) => sum + page.total, 0),
    // Sorted by deadline: if any is late, the first row of its status is.
    hasOverdue: pages.some((page) => (page.rows[0]?.dueAt ?? Infinity) < now),
  };
}

async function loadList(
  service: InboxService,
  days: FollowUpWindow,
  limit: number,
): Promise<FollowUpList> {
  const pages = await Promise.all(
    listedStatuses.map((status) => service.query(followUpQuery(status, days), 0, limit)),
  );
  return mergeByDue(pages, limit);
}

export const useFollowUpStore = create<FollowUpState>()((set, get) => {
  function remember(patch: Partial<ReminderMemory>): void {
    const { session, deps, memory } = get();
    const next = { ...memory, ...patch };
    set({ memory: next });
    if (session !== null) saveReminderMemory(deps.storage, session.profileId, next);
  }

  /** The system notification, once a day per profile, when something is owed. */
  function maybeNotify(due: DueSummary): void {
    const state = get();
    const today = selectToday(state);
    if (!selectShowReminder(state) || state.memory.notifiedDay === today) return;
    remember({ notifiedDay: today });
    const locale = useLocaleStore.getState().locale;
    state.deps.notify(translate(locale, 'followUp.notification.title'), reminderText(locale, due));
  }

  async function refreshOnce(): Promise<void> {
    const { service, deps, open, days, limit } = get();
    if (service === null) return;
    const mine = attachment;
    const now = deps.now();
    set({ now });
    const [due, list] = await Promise.allSettled([
      loadDue(service, now),
      open ? loadList(service, days, limit) : Promise.resolve(null),
    ]);
    if (mine !== attachment) return;
    if (due.status === 'fulfilled') {
      set({ due: due.value });
      maybeNotify(due.value);
    }
    const current = get();
    // The window or the page changed meanwhile: the next round asks for the right list.
    if (!open || !current.open || current.days !== days || current.limit !== limit) return;
    if (list.status === 'fulfilled' && list.value !== null) {
      set({ list: list.value, listState: 'ready' });
    } else if (list.status === 'rejected') {
      set({ listState: 'error' });
    }
  }

  return {
    ...initialFollowUpState(),

    attach(service, session, deps = defaultDeps()) {
      attachment += 1;
      forgetRefresh();
      const memory = loadReminderMemory(deps.storage, session.profileId);
      set({
        ...initialFollowUpState(),
        service,
        session,
        deps,
        now: deps.now(),
        memory,
        days: memory.days,
      });
      const unsubscribe = service.subscribe((event) => {
        if (event.type === 'data') void get().refresh();
      });
      void get().refresh();
      const tick = setInterval(() => {
        void get().refresh();
      }, CLOCK_TICK_MS);
      return () => {
        unsubscribe();
        clearInterval(tick);
        if (get().service === service) {
          attachment += 1;
          set({ service: null, open: false });
        }
      };
    },

    setTimeZone(timeZone) {
      if (timeZone !== get().timeZone) set({ timeZone });
    },

    setOpen(open) {
      if (open === get().open) return;
      set({
        open,
        openFailed: null,
        ...(open ? { limit: FOLLOW_UP_PAGE_SIZE, list: null, listState: 'loading' as const } : {}),
      });
      if (open) void get().refresh();
    },

    setDays(days) {
      if (days === get().days) return;
      set({ days, limit: FOLLOW_UP_PAGE_SIZE, list: null, listState: 'loading', openFailed: null });
      remember({ days });
      void get().refresh();
    },

    showMore() {
      const { list, limit } = get();
      if (list === null || list.rows.length >= list.total) return;
      set({ limit: limit + FOLLOW_UP_PAGE_SIZE });
      void get().refresh();
    },

    retry() {
      set({ listState: 'loading' });
      void get().refresh();
    },

    refresh() {
      if (refreshing !== null) {
        refreshAgain = true;
        return refreshing;
      }
      const round = ++refreshRound;
      const run = async (): Promise<void> => {
        try {
          do {
            refreshAgain = false;
            await refreshOnce();
          } while (isAskedAgain(round));
        } finally {
          if (round === refreshRound) refreshing = null;
        }
      };
      refreshing = run();
      return refreshing;
    },

    dismissReminder() {
      remember({ dismissedDay: selectToday(get()) });
    },

    setOpenFailed(openFailed) {
      set({ openFailed });
    },
  };
});

/** Resets the store (tests, sign-out). */
export function resetFollowUpStore(): void {
  attachment += 1;
  forgetRefresh();
  useFollowUpStore.setState(initialFollowUpState());
}
