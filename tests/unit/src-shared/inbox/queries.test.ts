import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportChannels, reportTypes } from '../../../../src-shared/domain/report';
import {
  InboxQuerySchema,
  SEARCH_TEXT_MAX,
  defaultInboxQuery,
  privacyFilters,
  queueIds,
  sortKeys,
  type InboxFilters,
  type InboxQuery,
} from '../../../../src-shared/inbox/queries';

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const drop = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** Every query the inbox UI can build: any queue, sort, direction, filters and search. */
const anyQuery: fc.Arbitrary<InboxQuery> = fc.record({
  queue: fc.constantFrom(...queueIds),
  sort: fc.constantFrom(...sortKeys),
  direction: fc.constantFrom('asc' as const, 'desc' as const),
  filters: fc
    .record({
      agencyIds: opt(fc.array(fc.constantFrom('prov', 'dinkes', 'dinkes-yankes'))),
      categoryIds: opt(fc.array(fc.constantFrom('kesehatan', 'jalan'))),
      channels: opt(fc.subarray([...reportChannels])),
      types: opt(fc.subarray([...reportTypes])),
      privacy: opt(fc.subarray([...privacyFilters])),
      createdFrom: opt(fc.integer({ min: -86_400_000, max: 4_102_444_800_000 })),
      createdTo: opt(fc.integer({ min: 0, max: 4_102_444_800_000 })),
      pendingOnly: opt(fc.boolean()),
    })
    // Absent filters are left out, as the UI's normalizeFilters leaves them.
    .map((filters) => drop(filters) as InboxFilters),
  search: fc.string({ maxLength: 60 }),
});

describe('InboxQuerySchema', () => {
  it('accepts every query the inbox can build and gives it back unchanged', () => {
    fc.assert(
      fc.property(anyQuery, (query) => {
        const parsed = InboxQuerySchema.safeParse(query);
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
        expect(parsed.data).toEqual(query);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses unknown queues, sort keys and directions', () => {
    const base = defaultInboxQuery('overdue');
    expect(InboxQuerySchema.safeParse({ ...base, queue: 'all_reports' }).success).toBe(false);
    expect(InboxQuerySchema.safeParse({ ...base, sort: 'title' }).success).toBe(false);
    expect(InboxQuerySchema.safeParse({ ...base, direction: 'up' }).success).toBe(false);
  });

  it('refuses filters of the wrong shape, unknown values and unknown keys', () => {
    const withFilters = (filters: unknown) =>
      InboxQuerySchema.safeParse({ ...defaultInboxQuery('unverified'), filters }).success;
    expect(withFilters({ channels: ['sms'], privacy: ['anonim'] })).toBe(true);
    expect(withFilters({ channels: ['fax'] })).toBe(false);
    expect(withFilters({ types: ['keluhan'] })).toBe(false);
    expect(withFilters({ privacy: ['secret'] })).toBe(false);
    expect(withFilters({ agencyIds: 'dinkes' })).toBe(false);
    expect(withFilters({ agencyIds: [''] })).toBe(false);
    expect(withFilters({ createdFrom: 1.5 })).toBe(false);
    expect(withFilters({ pendingOnly: 'yes' })).toBe(false);
    expect(withFilters({ assigneeId: 'u-1' })).toBe(false);
    // An absent filter is left out, never written as undefined.
    expect(withFilters({ channels: undefined })).toBe(false);
  });

  it('refuses a search text longer than a stored query keeps, and extra keys', () => {
    const base = defaultInboxQuery('overdue');
    expect(
      InboxQuerySchema.safeParse({ ...base, search: 'x'.repeat(SEARCH_TEXT_MAX) }).success,
    ).toBe(true);
    expect(
      InboxQuerySchema.safeParse({ ...base, search: 'x'.repeat(SEARCH_TEXT_MAX + 1) }).success,
    ).toBe(false);
    expect(InboxQuerySchema.safeParse({ ...base, page: 2 }).success).toBe(false);
  });
});
