import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportChannels, reportTypes } from '../../../../src-shared/domain/report';
import { reportStatuses } from '../../../../src-shared/domain/report-status';
import { timeZones } from '../../../../src-shared/domain/time-zone';
import { createInboxModel, restoreInboxModel } from '../../../../src-shared/inbox/inbox-model';
import type { ReportListRow } from '../../../../src-shared/inbox/list-row';
import {
  queueIds,
  sortKeys,
  type InboxFilters,
  type InboxQuery,
} from '../../../../src-shared/inbox/queries';
import { createSearchIndex } from '../../../../src-shared/inbox/search-index';
import {
  NOW,
  USER,
  agencies,
  at,
  categoryName,
  makeContext,
  naiveCounts,
  naiveQuery,
  searchTextOf,
} from './inbox-fixtures';

const DAY = 86_400_000;
const agencyIds = [...agencies.keys(), 'ghost-agency'];
const words = ['jalan', 'rusak', 'perbaikan', 'diperbaiki', 'café', 'air', 'sekolah', 'lampu'];

const idPool = (size: number): string[] => Array.from({ length: size }, (_, i) => `r${i + 1}`);

// Few distinct values, so ties in every sort key and every filter value occur; statuses lean
// towards a few so that queues hold several rows to order.
const rowFrom = (ids: readonly string[]): fc.Arbitrary<ReportListRow> =>
  fc.record({
    id: fc.constantFrom(...ids),
    trackingId: fc.constantFrom('1916449', '1916450', '2000001'),
    title: fc.array(fc.constantFrom(...words), { maxLength: 4 }).map((w) => w.join(' ')),
    status: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('in_progress' as const, 'unverified' as const) },
      { weight: 2, arbitrary: fc.constantFrom(...reportStatuses) },
    ),
    agencyId: fc.constantFrom(...agencyIds),
    unitId: fc.constantFrom(null, 'dinkes-yankes', 'disdik-sd', 'ghost-unit'),
    assigneeId: fc.constantFrom(null, USER, 'other'),
    categoryId: fc.constantFrom(null, 'cat-kes', 'cat-pen', 'cat-inf', 'cat-unknown'),
    channel: fc.constantFrom(...reportChannels),
    type: fc.constantFrom(...reportTypes),
    rahasia: fc.boolean(),
    anonim: fc.boolean(),
    locationText: fc.constantFrom('Bandung', 'Jayapura', 'Jl. Merdeka'),
    timeZone: fc.constantFrom(...timeZones),
    createdAt: fc.integer({ min: -3, max: 0 }).map((d) => NOW + d * DAY),
    // Ends of local days around now (as real deadlines are) and a few arbitrary instants.
    dueAt: fc.oneof(
      fc.constant(null),
      fc
        .tuple(fc.integer({ min: -2, max: 3 }), fc.constantFrom(...timeZones))
        .map(([d, tz]) => at(`2025-03-${String(10 + d).padStart(2, '0')}T23:59:59.999`, tz)),
      fc.integer({ min: NOW - 2 * DAY, max: NOW + 2 * DAY }),
    ),
    pausedAt: fc.constantFrom(null, NOW - DAY),
    updatedAt: fc.constant(NOW),
    version: fc.nat({ max: 5 }),
    pending: fc.boolean(),
    awaitingApproval: fc.boolean(),
  });
const row = rowFrom(idPool(16));

const someOf = <T>(values: readonly T[]) =>
  fc.option(fc.subarray([...values], { maxLength: 3 }), { nil: undefined });

const filters: fc.Arbitrary<InboxFilters> = fc
  .record({
    agencyIds: someOf(['kota-bandung', 'dinkes', 'disdik-sd', 'prov-papua', 'ghost-agency']),
    categoryIds: someOf(['cat-kes', 'cat-pen', 'cat-unknown']),
    channels: someOf(reportChannels),
    types: someOf(reportTypes),
    privacy: someOf(['rahasia', 'anonim', 'public'] as const),
    createdFrom: fc.option(
      fc.integer({ min: -3, max: 0 }).map((d) => NOW + d * DAY),
      { nil: undefined },
    ),
    createdTo: fc.option(
      fc.integer({ min: -2, max: 1 }).map((d) => NOW + d * DAY),
      { nil: undefined },
    ),
    pendingOnly: fc.option(fc.boolean(), { nil: undefined }),
  })
  // exactOptionalPropertyTypes: absent, not undefined.
  .map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)));

const query: fc.Arbitrary<InboxQuery> = fc.record({
  queue: fc.constantFrom(...queueIds),
  sort: fc.constantFrom(...sortKeys),
  direction: fc.constantFrom('asc' as const, 'desc' as const),
  filters: fc.oneof({ weight: 2, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: filters }),
  search: fc.oneof(
    { weight: 2, arbitrary: fc.constant('') },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'jalan ',
        'perbaiki ',
        'cafe',
        'ja',
        '19164',
        '1916449 ',
        'air la',
        'bandung',
      ),
    },
  ),
});

const op = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('upsert' as const),
      rows: fc.array(row, { maxLength: 8 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('remove' as const),
      ids: fc.array(fc.constantFrom('r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r99'), { maxLength: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('tick' as const),
      ms: fc.integer({ min: 0, max: DAY }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('query' as const), query }) },
);

describe('inbox model properties', () => {
  it('answers every query like a brute-force filter and sort, through any history', () => {
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 12 }),
        fc.array(query, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        fc.nat({ max: 6 }),
        fc.integer({ min: 1, max: 8 }),
        (ops, queries, withIndex, offset, limit) => {
          let clock = NOW;
          const search = withIndex ? createSearchIndex() : undefined;
          const ctx = makeContext({ now: () => clock, search });
          const model = createInboxModel(ctx);
          const expected = new Map<string, ReportListRow>();
          const env = () => ({ userId: USER, now: clock, agencies, categoryName });
          const check = (q: InboxQuery): void => {
            const want = naiveQuery(expected.values(), q, env());
            expect(model.matchingIds(q)).toEqual(want.map((r) => r.id));
            const page = model.query(q, offset, limit);
            expect(page.total).toBe(want.length);
            expect(page.rows).toEqual(want.slice(offset, offset + limit));
          };
          for (const o of ops) {
            switch (o.kind) {
              case 'upsert':
                model.upsert(o.rows);
                search?.add(o.rows.map((r) => ({ id: r.id, text: searchTextOf(r) })));
                for (const r of o.rows) expected.set(r.id, r);
                break;
              case 'remove':
                model.remove(o.ids);
                search?.remove(o.ids);
                for (const id of o.ids) expected.delete(id);
                break;
              case 'tick':
                clock += o.ms;
                break;
              case 'query':
                check(o.query);
                break;
            }
            // Queries after every change: caches and sorted orders filled before a change must
            // be invalidated or repaired by it.
            for (const q of queries) check(q);
          }
          expect(model.size).toBe(expected.size);
          expect(model.counts()).toEqual(naiveCounts(expected.values(), env()));
          for (const q of queries) check(q);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('answers like the brute force over hundreds of rows, with few and with many search hits', () => {
    const many = rowFrom(idPool(800));
    fc.assert(
      fc.property(
        fc.array(many, { minLength: 200, maxLength: 500 }),
        fc.array(many, { maxLength: 40 }),
        fc.array(query, { minLength: 1, maxLength: 8 }),
        (initial, changes, queries) => {
          const search = createSearchIndex();
          const model = createInboxModel(makeContext({ search }));
          const expected = new Map<string, ReportListRow>();
          const env = { userId: USER, now: NOW, agencies, categoryName };
          const apply = (rows: readonly ReportListRow[]): void => {
            model.upsert(rows);
            search.add(rows.map((r) => ({ id: r.id, text: searchTextOf(r) })));
            for (const r of rows) expected.set(r.id, r);
          };
          apply(initial);
          for (const q of queries) model.query(q, 0, 10);
          apply(changes);
          const gone = changes.slice(0, 5).map((r) => r.id);
          model.remove(gone);
          search.remove(gone);
          for (const id of gone) expected.delete(id);
          for (const q of queries) {
            const want = naiveQuery(expected.values(), q, env).map((r) => r.id);
            expect(model.matchingIds(q)).toEqual(want);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('keeps counts equal to naive counts after random upserts and removes', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        let clock = NOW;
        const model = createInboxModel(makeContext({ now: () => clock }));
        const expected = new Map<string, ReportListRow>();
        for (const o of ops) {
          if (o.kind === 'upsert') {
            model.upsert(o.rows);
            for (const r of o.rows) expected.set(r.id, r);
          } else if (o.kind === 'remove') {
            model.remove(o.ids);
            for (const id of o.ids) expected.delete(id);
          } else if (o.kind === 'tick') clock += o.ms;
          // Counts read between changes so that incremental upkeep is what gets tested.
          expect(model.counts()).toEqual(
            naiveCounts(expected.values(), { userId: USER, now: clock, agencies, categoryName }),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('restores a snapshot that answers every query as the original does', () => {
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 12 }),
        fc.array(query, { maxLength: 8 }),
        (ops, queries) => {
          const model = createInboxModel(makeContext());
          for (const o of ops) {
            if (o.kind === 'upsert') model.upsert(o.rows);
            else if (o.kind === 'remove') model.remove(o.ids);
            else if (o.kind === 'query') model.query(o.query, 0, 5);
          }
          const restored = restoreInboxModel(makeContext(), structuredClone(model.snapshot()));
          expect(restored.size).toBe(model.size);
          expect(restored.counts()).toEqual(model.counts());
          for (const q of queries) {
            expect(restored.matchingIds(q)).toEqual(model.matchingIds(q));
            expect(restored.query(q, 0, 3)).toEqual(model.query(q, 0, 3));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
