// Shared test data for the inbox model: list rows with defaults, a context over the domain
// fixtures' agency tree, and a brute-force reference implementation of queues, filters, sorts and
// search written from the rules (DOMAIN.md, queries.ts), with none of the model's machinery.

import { isInSubtree } from '../../../../src-shared/domain/agency';
import { endOfLocalDay, localDayNumber } from '../../../../src-shared/domain/time-zone';
import { compareSortNames, type InboxModelContext } from '../../../../src-shared/inbox/inbox-model';
import type { ReportListRow } from '../../../../src-shared/inbox/list-row';
import type { InboxQuery, QueueCounts, QueueId } from '../../../../src-shared/inbox/queries';
import { queueIds } from '../../../../src-shared/inbox/queries';
import { documentTerms, matchesQuery, parseQuery } from '../../../../src-shared/inbox/tokenize';
import { agencies, at, calendar } from '../domain/domain-fixtures';

export { agencies, at, calendar };

/** Monday 10 March 2025, 10:00 WIB. */
export const NOW = at('2025-03-10T10:00');
export const USER = 'me';

const categoryNames: Record<string, string> = {
  'cat-kes': 'Kesehatan',
  'cat-pen': 'Pendidikan',
  'cat-inf': 'Infrastruktur',
  'cat-adm': 'adminduk',
};

export function categoryName(id: string): string {
  return categoryNames[id] ?? id;
}

export function makeContext(overrides: Partial<InboxModelContext> = {}): InboxModelContext {
  return {
    userId: USER,
    now: () => NOW,
    calendar,
    agencies,
    categoryName,
    ...overrides,
  };
}

export function makeRow(overrides: Partial<ReportListRow> & { id: string }): ReportListRow {
  return {
    trackingId: '1916449',
    title: 'Jalan berlubang',
    status: 'in_progress',
    agencyId: 'kota-bandung',
    unitId: null,
    assigneeId: null,
    categoryId: null,
    channel: 'web',
    type: 'pengaduan',
    rahasia: false,
    anonim: false,
    locationText: 'Bandung',
    timeZone: 'WIB',
    createdAt: at('2025-03-01T09:00'),
    dueAt: null,
    pausedAt: null,
    updatedAt: at('2025-03-01T09:00'),
    version: 1,
    pending: false,
    awaitingApproval: false,
    ...overrides,
  };
}

export function searchTextOf(row: ReportListRow): string {
  return `${row.trackingId} ${row.title} ${row.locationText}`;
}

// ---------------------------------------------------------------------------------------------
// The reference

export interface NaiveEnv {
  readonly userId: string;
  readonly now: number;
  readonly agencies: InboxModelContext['agencies'];
  readonly categoryName: (id: string) => string;
  /** Text searched per row; default `searchTextOf`. */
  readonly searchText?: (row: ReportListRow) => string;
}

const closed = new Set(['completed', 'archived']);
const noRunningDeadline = new Set(['completed', 'archived', 'pending_info', 'responded']);

export function naiveInQueue(row: ReportListRow, queue: QueueId, env: NaiveEnv): boolean {
  // The model reads the clock to the minute (inbox-model.ts).
  const now = Math.floor(env.now / 60_000) * 60_000;
  const running = !noRunningDeadline.has(row.status) && row.dueAt !== null;
  switch (queue) {
    case 'awaiting_approval':
      return row.awaitingApproval;
    case 'assigned_to_me':
      return row.assigneeId === env.userId && !closed.has(row.status);
    case 'overdue':
      return running && row.dueAt < now;
    case 'due_today': {
      const due = row.dueAt ?? 0;
      const endOfToday = endOfLocalDay(localDayNumber(now, row.timeZone), row.timeZone);
      return running && now <= due && due <= endOfToday;
    }
    default:
      return row.status === queue;
  }
}

function naivePasses(row: ReportListRow, query: InboxQuery, env: NaiveEnv): boolean {
  const f = query.filters;
  if (f.agencyIds !== undefined && f.agencyIds.length > 0) {
    const mine = [row.agencyId, row.unitId].filter((id): id is string => id !== null);
    const inside = f.agencyIds.some((root) =>
      mine.some((id) => id === root || isInSubtree(env.agencies, root, id)),
    );
    if (!inside) return false;
  }
  if (f.categoryIds !== undefined && f.categoryIds.length > 0) {
    if (row.categoryId === null || !f.categoryIds.includes(row.categoryId)) return false;
  }
  if (f.channels !== undefined && f.channels.length > 0 && !f.channels.includes(row.channel)) {
    return false;
  }
  if (f.types !== undefined && f.types.length > 0 && !f.types.includes(row.type)) return false;
  if (f.privacy !== undefined && f.privacy.length > 0) {
    const ok = f.privacy.some((p) =>
      p === 'rahasia' ? row.rahasia : p === 'anonim' ? row.anonim : !row.rahasia && !row.anonim,
    );
    if (!ok) return false;
  }
  if (f.createdFrom !== undefined && row.createdAt < f.createdFrom) return false;
  if (f.createdTo !== undefined && row.createdAt >= f.createdTo) return false;
  if (f.pendingOnly === true && !row.pending) return false;
  const parsed = parseQuery(query.search);
  if (parsed.words.length > 0) {
    const text = (env.searchText ?? searchTextOf)(row);
    if (!matchesQuery(documentTerms(text), parsed)) return false;
  }
  return true;
}

const byNumber = (a: number, b: number): number => (a < b ? -1 : a > b ? 1 : 0);

function compareBreach(a: ReportListRow, b: ReportListRow): number {
  return (
    byNumber(a.dueAt ?? Infinity, b.dueAt ?? Infinity) ||
    byNumber(a.createdAt, b.createdAt) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Missing names sort after every name. */
function compareNames(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  return compareSortNames(a, b);
}

export function naiveQuery(
  rows: Iterable<ReportListRow>,
  query: InboxQuery,
  env: NaiveEnv,
): ReportListRow[] {
  const matching = [...rows].filter(
    (row) => naiveInQueue(row, query.queue, env) && naivePasses(row, query, env),
  );
  const agencyName = (row: ReportListRow): string | undefined =>
    env.agencies.get(row.agencyId)?.name;
  const categoryOf = (row: ReportListRow): string | undefined =>
    row.categoryId === null ? undefined : env.categoryName(row.categoryId);
  matching.sort((a, b) => {
    switch (query.sort) {
      case 'breach':
        return compareBreach(a, b);
      case 'arrival':
        return byNumber(a.createdAt, b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
      case 'agency':
        return compareNames(agencyName(a), agencyName(b)) || compareBreach(a, b);
      case 'category':
        return compareNames(categoryOf(a), categoryOf(b)) || compareBreach(a, b);
    }
  });
  return query.direction === 'desc' ? matching.reverse() : matching;
}

export function naiveCounts(rows: Iterable<ReportListRow>, env: NaiveEnv): QueueCounts {
  const list = [...rows];
  return Object.fromEntries(
    queueIds.map((queue) => [queue, list.filter((row) => naiveInQueue(row, queue, env)).length]),
  ) as Record<QueueId, number>;
}
