// Shared fixtures for the follow-up UI tests: reports around the inbox fixtures' NOW (Wednesday
// 11 June 2025, 10:00 WIB) at known working-day distances, the fake InboxService taught the
// `dueWithinWorkingDays` filter, and the follow-up workspace mounted beside the inbox store.
import { dueWithinCutoffs } from '../../../../../src-shared/domain/follow-up';
import type { Report } from '../../../../../src-shared/domain/report';
import type { SessionUser } from '../../../../../src-shared/api/auth';
import { FollowUpSidebarEntry } from '../../../../../src-renderer/features/follow-up/FollowUpSidebarEntry';
import { FollowUpWorkspace } from '../../../../../src-renderer/features/follow-up/FollowUpWorkspace';
import {
  resetFollowUpStore,
  type FollowUpDeps,
} from '../../../../../src-renderer/features/follow-up/follow-up-store';
import { slaCalendar } from '../../../../../src-renderer/features/inbox/sla-outlook';
import {
  initialNavigationState,
  useNavigationStore,
} from '../../../../../src-renderer/features/shell/navigation-store';
import type { FakeInboxService } from '../../../../support/fake-inbox-service';
import { MemoryStorage } from '../../../../support/memory-storage';
import {
  NOW,
  adminUser,
  attach,
  fakeService,
  makeReport,
  mount,
  type Mounted,
} from '../inbox/inbox-fixtures';

export { NOW };

/** The last millisecond of a day in WIB, e.g. `endOfDay('2025-06-16')`. */
export function endOfDay(date: string): number {
  return Date.parse(`${date}T23:59:59.999Z`) - 7 * 3_600_000;
}

/** Report `i` in `status`, due at `dueAt`. */
export function makeReportFor(i: number, status: Report['status'], dueAt: number): Report {
  return makeReport(i, { status, dueAt, title: `Laporan ${String(i)}` });
}

/**
 * At NOW (Wednesday 11 June 2025): Thursday 12 is 1 working day away, Friday 13 is 2, Monday 16
 * is 3, Thursday 19 is 6 and Wednesday 25 is 10.
 */
export const followUpReports: Report[] = [
  makeReport(0, { status: 'disposed', title: 'Terlambat kemarin', dueAt: endOfDay('2025-06-10') }),
  makeReport(1, {
    status: 'in_progress',
    title: 'Jatuh tempo hari ini',
    dueAt: endOfDay('2025-06-11'),
  }),
  makeReport(2, { status: 'disposed', title: 'Tiga hari lagi', dueAt: endOfDay('2025-06-16') }),
  makeReport(3, {
    status: 'responded',
    title: 'Menunggu pelapor',
    dueAt: endOfDay('2025-06-13'),
  }),
  makeReport(4, {
    status: 'in_progress',
    title: 'Sepuluh hari lagi',
    dueAt: endOfDay('2025-06-25'),
  }),
  makeReport(5, {
    status: 'unverified',
    title: 'Belum diverifikasi',
    dueAt: endOfDay('2025-06-11'),
  }),
  makeReport(6, { status: 'responded', title: 'Enam hari lagi', dueAt: endOfDay('2025-06-19') }),
];

/**
 * Teaches the fake the due-within filter (same cutoffs as the inbox model), counts the queries
 * that use it and lets a test make the next ones fail.
 */
export function withDueWindow(
  service: FakeInboxService,
  now: () => number = () => NOW,
): FakeInboxService & { failQueries: (count: number) => void; queryCount: () => number } {
  const inner = service.query.bind(service);
  let failures = 0;
  let queries = 0;
  service.query = async (query, offset, limit) => {
    const days = query.filters.dueWithinWorkingDays;
    if (days === undefined) return inner(query, offset, limit);
    queries += 1;
    if (failures > 0) {
      failures -= 1;
      throw new Error('worker gone');
    }
    const rest = Object.fromEntries(
      Object.entries(query.filters).filter(([key]) => key !== 'dueWithinWorkingDays'),
    );
    const all = await inner({ ...query, filters: rest }, 0, 1_000_000);
    const cutoffs = dueWithinCutoffs(now(), days, slaCalendar());
    const rows = all.rows.filter(
      (row) => row.dueAt !== null && row.pausedAt === null && row.dueAt < cutoffs[row.timeZone],
    );
    return { ...all, offset, total: rows.length, rows: rows.slice(offset, offset + limit) };
  };
  return Object.assign(service, {
    failQueries(count: number) {
      failures = count;
    },
    queryCount: () => queries,
  });
}

export interface FollowUpHarness {
  readonly service: ReturnType<typeof withDueWindow>;
  readonly storage: MemoryStorage;
  readonly notifications: { title: string; body: string }[];
  readonly opened: () => number;
  unmount(): void;
}

export interface HarnessOptions {
  readonly reports?: readonly Report[];
  readonly user?: SessionUser;
  readonly storage?: MemoryStorage;
  readonly now?: () => number;
  readonly profileId?: string;
}

/** The inbox store attached to a fake service, and the follow-up entry and workspace on it. */
export async function mountFollowUps(options: HarnessOptions = {}): Promise<FollowUpHarness> {
  const now = options.now ?? (() => NOW);
  const service = withDueWindow(
    fakeService({ reports: options.reports ?? followUpReports, now }),
    now,
  );
  const user = options.user ?? adminUser;
  resetFollowUpStore();
  useNavigationStore.setState(initialNavigationState());
  const detach = await attach(service, user);
  const storage = options.storage ?? new MemoryStorage();
  const notifications: { title: string; body: string }[] = [];
  const deps: FollowUpDeps = {
    now,
    storage,
    notify: (title, body) => {
      notifications.push({ title, body });
    },
  };
  let opened = 0;
  // As the layout places them: the entry (with the reminder) in the sidebar, the workspace once.
  const mounted: Mounted = await mount(
    <>
      <FollowUpSidebarEntry role={user.role} />
      <FollowUpWorkspace
        service={service}
        profileId={options.profileId ?? 'http.localhost:8787@koordinator'}
        user={user}
        deps={deps}
        onOpened={() => {
          opened += 1;
        }}
      />
    </>,
  );
  return {
    service,
    storage,
    notifications,
    opened: () => opened,
    unmount() {
      mounted.unmount();
      detach();
      resetFollowUpStore();
    },
  };
}
