import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { followUpCountdown } from '../../../../src-shared/domain/follow-up';
import { reportStatuses } from '../../../../src-shared/domain/report-status';
import { timeZones } from '../../../../src-shared/domain/time-zone';
import { createInboxModel, type InboxModel } from '../../../../src-shared/inbox/inbox-model';
import type { ReportListRow } from '../../../../src-shared/inbox/list-row';
import {
  InboxFiltersSchema,
  defaultInboxQuery,
  type QueueId,
} from '../../../../src-shared/inbox/queries';
import { NOW, at, calendar, makeContext, makeRow } from './inbox-fixtures';

const endOfDay = (date: string, tz: 'WIB' | 'WITA' | 'WIT' = 'WIB'): number =>
  at(`${date}T23:59:59.999`, tz);

function within(model: InboxModel, queue: QueueId, days: number): string[] {
  return model
    .query({ ...defaultInboxQuery(queue), filters: { dueWithinWorkingDays: days } }, 0, 1000)
    .rows.map((row) => row.id);
}

/** At NOW, Monday 10 March 2025 10:00 WIB. */
const rows: ReportListRow[] = [
  makeRow({ id: 'fri-14', dueAt: endOfDay('2025-03-14') }),
  makeRow({ id: 'thu-13', dueAt: endOfDay('2025-03-13') }),
  makeRow({ id: 'tue-11', dueAt: endOfDay('2025-03-11') }),
  makeRow({ id: 'today', dueAt: endOfDay('2025-03-10') }),
  makeRow({ id: 'overdue', dueAt: endOfDay('2025-03-07') }),
  makeRow({ id: 'no-deadline', dueAt: null }),
  // 10:00 WIB is noon in Jayapura: still Monday there.
  makeRow({ id: 'wit-today', timeZone: 'WIT', dueAt: endOfDay('2025-03-10', 'WIT') }),
  makeRow({ id: 'responded-tue', status: 'responded', dueAt: endOfDay('2025-03-11') }),
  makeRow({
    id: 'paused',
    status: 'pending_info',
    dueAt: endOfDay('2025-03-05'),
    pausedAt: at('2025-03-04T09:00'),
  }),
];

describe('inbox model: due within N working days', () => {
  const model = createInboxModel(makeContext());
  model.upsert(rows);

  it('keeps overdue and due-today reports for 0, sorted by deadline', () => {
    expect(within(model, 'in_progress', 0)).toEqual(['overdue', 'wit-today', 'today']);
  });

  it('widens the window one working day at a time', () => {
    expect(within(model, 'in_progress', 1)).toEqual(['overdue', 'wit-today', 'today', 'tue-11']);
    expect(within(model, 'in_progress', 3)).toEqual([
      'overdue',
      'wit-today',
      'today',
      'tue-11',
      'thu-13',
    ]);
    expect(within(model, 'in_progress', 4)).toHaveLength(6);
  });

  it('combines with the queue: responded reports by their auto-complete deadline', () => {
    expect(within(model, 'responded', 0)).toEqual([]);
    expect(within(model, 'responded', 1)).toEqual(['responded-tue']);
  });

  it('never keeps a paused report, whatever its stored deadline', () => {
    expect(within(model, 'pending_info', 10)).toEqual([]);
  });

  it('moves with the clock without any change of the rows', () => {
    let clock = NOW;
    const timed = createInboxModel(makeContext({ now: () => clock }));
    timed.upsert(rows);
    expect(within(timed, 'in_progress', 0)).toEqual(['overdue', 'wit-today', 'today']);
    clock = at('2025-03-11T08:00');
    expect(within(timed, 'in_progress', 0)).toEqual(['overdue', 'wit-today', 'today', 'tue-11']);
  });

  it('counts working days over the Nyepi and Lebaran holidays', () => {
    // Thursday 27 March 2025: the next working day is Tuesday 8 April.
    const before = createInboxModel(makeContext({ now: () => at('2025-03-27T10:00') }));
    before.upsert([
      makeRow({ id: 'apr-8', dueAt: endOfDay('2025-04-08') }),
      makeRow({ id: 'apr-9', dueAt: endOfDay('2025-04-09') }),
    ]);
    expect(within(before, 'in_progress', 1)).toEqual(['apr-8']);
    expect(within(before, 'in_progress', 2)).toEqual(['apr-8', 'apr-9']);
  });

  it('combines with the other filters', () => {
    const query = {
      ...defaultInboxQuery('in_progress'),
      filters: { dueWithinWorkingDays: 1, agencyIds: ['kota-jayapura'] },
    };
    const others = createInboxModel(makeContext());
    others.upsert([
      ...rows,
      makeRow({ id: 'papua', agencyId: 'kota-jayapura', timeZone: 'WIT', dueAt: NOW }),
    ]);
    expect(others.query(query, 0, 10).rows.map((r) => r.id)).toEqual(['papua']);
    expect(others.matchingIds(query)).toEqual(['papua']);
  });

  it('agrees with the follow-up countdown for any rows, clock and window', () => {
    const row = fc.record({
      status: fc.constantFrom(...reportStatuses),
      timeZone: fc.constantFrom(...timeZones),
      dueAt: fc.option(fc.integer({ min: NOW - 20 * 86_400_000, max: NOW + 30 * 86_400_000 })),
      paused: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 40 }),
        fc.integer({ min: NOW - 5 * 86_400_000, max: NOW + 5 * 86_400_000 }),
        fc.integer({ min: 0, max: 12 }),
        fc.constantFrom<QueueId>('disposed', 'in_progress', 'responded', 'pending_info'),
        (specs, now, days, queue) => {
          const listed = specs.map((spec, i) =>
            makeRow({
              id: `r${String(i).padStart(3, '0')}`,
              status: spec.status,
              timeZone: spec.timeZone,
              dueAt: spec.dueAt,
              pausedAt: spec.paused ? NOW - 86_400_000 : null,
            }),
          );
          const checked = createInboxModel(makeContext({ now: () => now }));
          checked.upsert(listed);
          // The model reads the clock at the start of the minute.
          const minute = Math.floor(now / 60_000) * 60_000;
          const expected = listed
            .filter(
              (r) =>
                r.status === queue &&
                r.dueAt !== null &&
                r.pausedAt === null &&
                followUpCountdown(r.dueAt, minute, r.timeZone, calendar).workingDaysLeft <= days,
            )
            .map((r) => r.id)
            .sort();
          expect(within(checked, queue, days).sort()).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('the due-within filter at the edge', () => {
  it('accepts a whole number of working days up to the longest resolution limit', () => {
    expect(InboxFiltersSchema.safeParse({ dueWithinWorkingDays: 0 }).success).toBe(true);
    expect(InboxFiltersSchema.safeParse({ dueWithinWorkingDays: 60 }).success).toBe(true);
  });

  it('refuses negative, fractional and too large windows', () => {
    for (const value of [-1, 1.5, 61, '3']) {
      expect(
        InboxFiltersSchema.safeParse({ dueWithinWorkingDays: value }).success,
        String(value),
      ).toBe(false);
    }
  });
});
