import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENCY_SETTINGS, agenciesById } from '../../../../src-shared/domain/agency';
import {
  createInboxModel,
  emptyQueueCounts,
  isInboxModelSnapshot,
  restoreInboxModel,
  type InboxModel,
} from '../../../../src-shared/inbox/inbox-model';
import type { ReportListRow } from '../../../../src-shared/inbox/list-row';
import {
  defaultInboxQuery,
  queueIds,
  sortKeys,
  type InboxQuery,
  type QueueId,
} from '../../../../src-shared/inbox/queries';
import { createSearchIndex } from '../../../../src-shared/inbox/search-index';
import { NOW, USER, agencies, at, makeContext, makeRow } from './inbox-fixtures';

const endOfDay = (date: string, tz: 'WIB' | 'WITA' | 'WIT' = 'WIB'): number =>
  at(`${date}T23:59:59.999`, tz);

function ids(model: InboxModel, query: InboxQuery): string[] {
  return model.query(query, 0, 1000).rows.map((row) => row.id);
}

function queue(model: InboxModel, id: QueueId): string[] {
  return ids(model, { ...defaultInboxQuery(id), sort: 'arrival' });
}

/** Rows whose ids say which queues they belong in at NOW (Monday 10 March 2025, 10:00 WIB). */
const queueRows: ReportListRow[] = [
  makeRow({ id: 'unverified-overdue', status: 'unverified', dueAt: endOfDay('2025-03-07') }),
  makeRow({ id: 'disposed-today', status: 'disposed', dueAt: endOfDay('2025-03-10') }),
  makeRow({ id: 'progress-later', status: 'in_progress', dueAt: endOfDay('2025-03-14') }),
  makeRow({
    id: 'progress-mine-awaiting',
    status: 'in_progress',
    assigneeId: USER,
    awaitingApproval: true,
    dueAt: endOfDay('2025-03-11'),
  }),
  makeRow({ id: 'paused-past', status: 'pending_info', dueAt: endOfDay('2025-03-03') }),
  makeRow({ id: 'responded-past', status: 'responded', dueAt: endOfDay('2025-03-03') }),
  makeRow({ id: 'authority-today', status: 'not_authority', dueAt: endOfDay('2025-03-10') }),
  makeRow({ id: 'completed-mine', status: 'completed', assigneeId: USER }),
  makeRow({ id: 'archived', status: 'archived' }),
  makeRow({ id: 'progress-other', status: 'in_progress', assigneeId: 'someone-else' }),
].map((row, i) => ({ ...row, createdAt: at('2025-03-01T09:00') + i * 60_000 }));

describe('inbox model queues', () => {
  const model = createInboxModel(makeContext());
  model.upsert(queueRows);

  it('puts each report in its status queue', () => {
    expect(queue(model, 'unverified')).toEqual(['unverified-overdue']);
    expect(queue(model, 'in_progress')).toEqual([
      'progress-later',
      'progress-mine-awaiting',
      'progress-other',
    ]);
    expect(queue(model, 'pending_info')).toEqual(['paused-past']);
    expect(queue(model, 'completed')).toEqual(['completed-mine']);
  });

  it('lists reports awaiting approval by their flag, whatever their status', () => {
    expect(queue(model, 'awaiting_approval')).toEqual(['progress-mine-awaiting']);
  });

  it('lists the operator’s open reports as assigned to them, not closed ones', () => {
    expect(queue(model, 'assigned_to_me')).toEqual(['progress-mine-awaiting']);
  });

  it('counts a report overdue only while an agency deadline runs', () => {
    expect(queue(model, 'overdue')).toEqual(['unverified-overdue']);
  });

  it('counts a report due today up to the end of the local day', () => {
    expect(queue(model, 'due_today')).toEqual(['disposed-today', 'authority-today']);
  });

  it('keeps counts that agree with the queues', () => {
    const counts = model.counts();
    for (const id of queueIds) expect(counts[id], id).toBe(queue(model, id).length);
  });

  it('reads "today" in the report’s own time zone', () => {
    // 23:30 WIB on Monday is already Tuesday 01:30 in WIT.
    const late = at('2025-03-10T23:30');
    const zoned = createInboxModel(makeContext({ now: () => late }));
    zoned.upsert([
      makeRow({ id: 'wib', dueAt: endOfDay('2025-03-11', 'WIB') }),
      makeRow({ id: 'wit', timeZone: 'WIT', dueAt: endOfDay('2025-03-11', 'WIT') }),
    ]);
    expect(queue(zoned, 'due_today')).toEqual(['wit']);
  });

  it('moves reports from due today to overdue when the clock passes midnight', () => {
    let clock = NOW;
    const timed = createInboxModel(makeContext({ now: () => clock }));
    timed.upsert(queueRows);
    expect(timed.counts().due_today).toBe(2);
    clock = at('2025-03-11T00:00');
    expect(timed.counts().due_today).toBe(1);
    expect(timed.counts().overdue).toBe(3);
    expect(queue(timed, 'overdue')).toEqual([
      'unverified-overdue',
      'disposed-today',
      'authority-today',
    ]);
  });
});

describe('inbox model changes', () => {
  it('moves a report between queues when it is upserted again', () => {
    const model = createInboxModel(makeContext());
    model.upsert(queueRows);
    const before = model.generation;
    model.upsert([{ ...queueRows[0]!, status: 'disposed', dueAt: endOfDay('2025-03-10') }]);
    expect(model.generation).toBeGreaterThan(before);
    expect(model.size).toBe(queueRows.length);
    expect(queue(model, 'unverified')).toEqual([]);
    expect(queue(model, 'due_today')).toContain('unverified-overdue');
    expect(model.counts().unverified).toBe(0);
    expect(model.counts().overdue).toBe(0);
    expect(model.row('unverified-overdue')?.status).toBe('disposed');
  });

  it('forgets removed reports in queues, counts and lookups', () => {
    const model = createInboxModel(makeContext());
    model.upsert(queueRows);
    model.remove(['progress-mine-awaiting', 'not-there']);
    expect(model.size).toBe(queueRows.length - 1);
    expect(model.row('progress-mine-awaiting')).toBeUndefined();
    expect(queue(model, 'assigned_to_me')).toEqual([]);
    expect(model.counts().awaiting_approval).toBe(0);
    expect(model.counts().in_progress).toBe(2);
  });

  it('empties completely on clear', () => {
    const model = createInboxModel(makeContext());
    model.upsert(queueRows);
    model.clear();
    expect(model.size).toBe(0);
    expect(model.counts()).toEqual(emptyQueueCounts());
    expect(queue(model, 'in_progress')).toEqual([]);
  });

  it('returns the rows it was given', () => {
    const model = createInboxModel(makeContext());
    const row = makeRow({
      id: 'full',
      unitId: 'dinkes-yankes',
      categoryId: 'cat-kes',
      channel: 'sms',
      type: 'aspirasi',
      rahasia: true,
      anonim: true,
      timeZone: 'WITA',
      dueAt: endOfDay('2025-03-12', 'WITA'),
      pausedAt: at('2025-03-05T10:00'),
      version: 42,
      pending: true,
    });
    model.upsert([row]);
    expect(model.row('full')).toEqual(row);
  });

  it('recounts the assigned queue when the user changes', () => {
    const model = createInboxModel(makeContext());
    model.upsert(queueRows);
    model.setContext({ userId: 'someone-else' });
    expect(model.counts().assigned_to_me).toBe(1);
    expect(queue(model, 'assigned_to_me')).toEqual(['progress-other']);
  });
});

describe('inbox model sorts', () => {
  const rows = [
    makeRow({ id: 'c', agencyId: 'disdik', categoryId: 'cat-pen', dueAt: endOfDay('2025-03-12') }),
    makeRow({ id: 'a', agencyId: 'dinkes', categoryId: null, dueAt: null }),
    makeRow({ id: 'b', agencyId: 'dinkes', categoryId: 'cat-kes', dueAt: endOfDay('2025-03-11') }),
    makeRow({
      id: 'd',
      agencyId: 'unknown-agency',
      categoryId: 'cat-kes',
      dueAt: endOfDay('2025-03-11'),
      createdAt: at('2025-02-01T09:00'),
    }),
  ];
  const named = agenciesById(
    [...agencies.values()].map((agency) => ({
      ...agency,
      name:
        agency.id === 'dinkes'
          ? 'Dinas Kesehatan'
          : agency.id === 'disdik'
            ? 'Dinas Pendidikan'
            : agency.name,
    })),
  );
  const model = createInboxModel(makeContext({ agencies: named }));
  model.upsert(rows);
  const sorted = (sort: InboxQuery['sort'], direction: InboxQuery['direction'] = 'asc') =>
    ids(model, { ...defaultInboxQuery('in_progress'), sort, direction });

  it('sorts by time to breach, no deadline last, ties by arrival', () => {
    expect(sorted('breach')).toEqual(['d', 'b', 'c', 'a']);
  });

  it('reverses the whole order for descending', () => {
    expect(sorted('breach', 'desc')).toEqual(['a', 'c', 'b', 'd']);
  });

  it('sorts by arrival, ties by id', () => {
    expect(sorted('arrival')).toEqual(['d', 'a', 'b', 'c']);
  });

  it('sorts by agency name, unknown agencies last, then by breach', () => {
    expect(sorted('agency')).toEqual(['b', 'a', 'c', 'd']);
  });

  it('sorts by category name, uncategorized last, then by breach', () => {
    expect(sorted('category')).toEqual(['d', 'b', 'c', 'a']);
  });

  it('re-sorts when agency names arrive later', () => {
    const late = createInboxModel(makeContext({ agencies: new Map() }));
    late.upsert(rows);
    const byAgency = () => ids(late, { ...defaultInboxQuery('in_progress'), sort: 'agency' });
    expect(byAgency()).toEqual(['d', 'b', 'c', 'a']);
    late.setContext({
      agencies: agenciesById([
        {
          id: 'disdik',
          parentId: null,
          name: 'Aaa Disdik',
          level: 'opd',
          timeZone: 'WIB',
          settings: { ...DEFAULT_AGENCY_SETTINGS },
          version: 1,
        },
      ]),
    });
    expect(byAgency()).toEqual(['c', 'd', 'b', 'a']);
  });

  it('serves windows of the order', () => {
    const query = { ...defaultInboxQuery('in_progress'), sort: 'breach' as const };
    expect(model.query(query, 1, 2)).toEqual({
      total: 4,
      rows: [model.row('b'), model.row('c')],
    });
    expect(model.query({ ...query, direction: 'desc' }, 3, 10).rows.map((r) => r.id)).toEqual([
      'd',
    ]);
    expect(model.query(query, 10, 5).rows).toEqual([]);
    expect(model.matchingIds({ ...query, direction: 'desc' })).toEqual(['a', 'c', 'b', 'd']);
  });
});

describe('inbox model filters', () => {
  const rows = [
    makeRow({ id: 'kota', agencyId: 'kota-bandung' }),
    makeRow({ id: 'dinkes', agencyId: 'dinkes', channel: 'sms', categoryId: 'cat-kes' }),
    makeRow({ id: 'via-unit', agencyId: 'kota-bandung', unitId: 'dinkes-yankes', rahasia: true }),
    makeRow({ id: 'sd', agencyId: 'disdik', unitId: 'disdik-sd', anonim: true, pending: true }),
    makeRow({ id: 'papua', agencyId: 'dinkes-jayapura', type: 'aspirasi', timeZone: 'WIT' }),
  ].map((row, i) => ({ ...row, createdAt: at('2025-03-01T09:00') + i * 86_400_000 }));
  const model = createInboxModel(makeContext());
  model.upsert(rows);
  const filtered = (filters: InboxQuery['filters']) =>
    ids(model, { ...defaultInboxQuery('in_progress'), sort: 'arrival', filters });

  it('matches an agency filter by agency or unit anywhere in its subtree', () => {
    expect(filtered({ agencyIds: ['dinkes'] })).toEqual(['dinkes', 'via-unit']);
    expect(filtered({ agencyIds: ['dinkes-yankes'] })).toEqual(['via-unit']);
    expect(filtered({ agencyIds: ['kota-bandung'] })).toEqual(['kota', 'dinkes', 'via-unit', 'sd']);
    expect(filtered({ agencyIds: ['disdik', 'prov-papua'] })).toEqual(['sd', 'papua']);
  });

  it('matches an agency the tree does not know only by its own id', () => {
    const treeless = createInboxModel(makeContext({ agencies: new Map() }));
    treeless.upsert(rows);
    expect(
      ids(treeless, { ...defaultInboxQuery('in_progress'), filters: { agencyIds: ['dinkes'] } }),
    ).toEqual(['dinkes']);
  });

  it('combines filters with AND and values within one with OR', () => {
    expect(filtered({ channels: ['sms', 'phone'] })).toEqual(['dinkes']);
    expect(filtered({ types: ['aspirasi'] })).toEqual(['papua']);
    expect(filtered({ categoryIds: ['cat-kes', 'cat-pen'] })).toEqual(['dinkes']);
    expect(filtered({ privacy: ['rahasia', 'anonim'] })).toEqual(['via-unit', 'sd']);
    expect(filtered({ privacy: ['public'] })).toEqual(['kota', 'dinkes', 'papua']);
    expect(filtered({ pendingOnly: true })).toEqual(['sd']);
    expect(filtered({ agencyIds: ['kota-bandung'], privacy: ['public'] })).toEqual([
      'kota',
      'dinkes',
    ]);
  });

  it('filters arrival from inclusive to exclusive', () => {
    const day = (n: number) => at('2025-03-01T09:00') + n * 86_400_000;
    expect(filtered({ createdFrom: day(1), createdTo: day(3) })).toEqual(['dinkes', 'via-unit']);
  });

  it('treats empty filter lists as no filter', () => {
    expect(filtered({ agencyIds: [], channels: [], privacy: [] })).toHaveLength(5);
  });
});

describe('inbox model search', () => {
  const rows = [
    makeRow({ id: 'a', title: 'Jalan rusak parah', trackingId: '1916449' }),
    makeRow({ id: 'b', title: 'Lampu jalan padam', trackingId: '1916450' }),
    makeRow({ id: 'c', title: 'Air bersih', trackingId: '1916451', status: 'completed' }),
  ];

  it('intersects the queue with the search index', () => {
    const search = createSearchIndex();
    search.add([
      { id: 'a', text: 'Jalan rusak parah. Mohon segera diperbaiki.' },
      { id: 'b', text: 'Lampu jalan padam sejak seminggu' },
      { id: 'c', text: 'Jalan menuju sumber air bersih rusak' },
      { id: 'not-in-model', text: 'Jalan' },
    ]);
    const model = createInboxModel(makeContext({ search }));
    model.upsert(rows);
    const found = (text: string) =>
      ids(model, { ...defaultInboxQuery('in_progress'), sort: 'arrival', search: text });
    expect(found('jalan ')).toEqual(['a', 'b']);
    expect(found('perbaikan ')).toEqual(['a']);
    expect(found('pad')).toEqual(['b']);
    expect(found('')).toEqual(['a', 'b']);
  });

  it('sees changes of the index without a change of the model', () => {
    const search = createSearchIndex();
    search.add([{ id: 'a', text: 'jalan' }]);
    const model = createInboxModel(makeContext({ search }));
    model.upsert(rows);
    const query = { ...defaultInboxQuery('in_progress'), search: 'sampah ' };
    expect(ids(model, query)).toEqual([]);
    search.add([{ id: 'b', text: 'sampah menumpuk' }]);
    expect(ids(model, query)).toEqual(['b']);
  });

  it('searches the rows’ own text when there is no index', () => {
    const model = createInboxModel(makeContext());
    model.upsert(rows);
    const query = { ...defaultInboxQuery('in_progress'), search: '1916450 ' };
    expect(ids(model, query)).toEqual(['b']);
  });
});

describe('inbox model snapshot', () => {
  it('restores from a structured clone with the same answers, counts and generation', () => {
    const model = createInboxModel(makeContext());
    model.upsert(queueRows);
    model.remove(['archived']);
    model.upsert([{ ...queueRows[2]!, dueAt: endOfDay('2025-03-10') }]);
    const snapshot = structuredClone(model.snapshot());
    expect(isInboxModelSnapshot(snapshot)).toBe(true);
    const restored = restoreInboxModel(makeContext(), snapshot);
    expect(restored.size).toBe(model.size);
    expect(restored.generation).toBe(model.generation);
    expect(restored.counts()).toEqual(model.counts());
    for (const id of queueIds) {
      for (const sort of sortKeys) {
        for (const direction of ['asc', 'desc'] as const) {
          const query = { ...defaultInboxQuery(id), sort, direction };
          expect(restored.query(query, 0, 100)).toEqual(model.query(query, 0, 100));
        }
      }
    }
  });

  it('keeps working after a restore', () => {
    const restored = restoreInboxModel(
      makeContext(),
      (() => {
        const model = createInboxModel(makeContext());
        model.upsert(queueRows);
        return model.snapshot();
      })(),
    );
    restored.upsert([makeRow({ id: 'new', status: 'unverified', dueAt: endOfDay('2025-03-01') })]);
    restored.remove(['unverified-overdue']);
    expect(queue(restored, 'overdue')).toEqual(['new']);
    expect(restored.counts().unverified).toBe(1);
  });

  it('refuses a snapshot whose parts do not fit together', () => {
    const model = createInboxModel(makeContext());
    model.upsert(queueRows);
    const snapshot = model.snapshot();
    expect(isInboxModelSnapshot({ ...snapshot, numbers: [] })).toBe(false);
    expect(() =>
      restoreInboxModel(makeContext(), { ...snapshot, size: snapshot.size + 1 }),
    ).toThrow(RangeError);
  });
});
