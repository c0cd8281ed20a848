import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  dueAt,
  isWorkingDay,
  workingDaysBetween,
  workingMsBetween,
} from '../../../../src-shared/domain/sla-calendar';
import {
  DAY_MS,
  localDayNumber,
  timeZones,
  utcOffsetMs,
} from '../../../../src-shared/domain/time-zone';
import { calendar, makeReport } from './domain-fixtures';

// Instants across the years the holiday data covers, so holidays take part in every property.
const instant = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 9, 1) });
const timeZone = fc.constantFrom(...timeZones);
const workingDays = fc.integer({ min: 0, max: 80 });

describe('SLA calendar properties', () => {
  it('addWorkingDays moves later with more days', () => {
    fc.assert(
      fc.property(instant, timeZone, workingDays, workingDays, (start, tz, a, b) => {
        fc.pre(a !== b);
        const [fewer, more] = a < b ? [a, b] : [b, a];
        expect(addWorkingDays(start, fewer, tz, calendar)).toBeLessThan(
          addWorkingDays(start, more, tz, calendar),
        );
      }),
    );
  });

  it('addWorkingDays lands on the last millisecond of a working day, never a weekend or holiday', () => {
    fc.assert(
      fc.property(instant, timeZone, fc.integer({ min: 1, max: 80 }), (start, tz, days) => {
        const deadline = addWorkingDays(start, days, tz, calendar);
        expect(isWorkingDay(deadline, tz, calendar)).toBe(true);
        expect((deadline + 1 + utcOffsetMs(tz)) % DAY_MS).toBe(0);
        expect(localDayNumber(deadline, tz)).toBeGreaterThan(localDayNumber(start, tz));
      }),
    );
  });

  it('workingDaysBetween undoes addWorkingDays', () => {
    fc.assert(
      fc.property(instant, timeZone, workingDays, (start, tz, days) => {
        const deadline = addWorkingDays(start, days, tz, calendar);
        expect(workingDaysBetween(start, deadline, tz, calendar)).toBe(days);
        expect(workingDaysBetween(deadline, start, tz, calendar)).toBe(days === 0 ? 0 : -days);
      }),
    );
  });

  it('workingMsBetween adds up over adjacent intervals and never exceeds the wall time', () => {
    fc.assert(
      fc.property(instant, instant, instant, timeZone, (x, y, z, tz) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
        const whole = workingMsBetween(a, c, tz, calendar);
        expect(whole).toBe(
          workingMsBetween(a, b, tz, calendar) + workingMsBetween(b, c, tz, calendar),
        );
        expect(whole).toBeLessThanOrEqual(c - a);
      }),
      { numRuns: 50 },
    );
  });

  it('a pause of k whole working days moves the verify deadline by exactly k working days', () => {
    fc.assert(
      fc.property(instant, timeZone, fc.integer({ min: 0, max: 20 }), (routedAt, tz, k) => {
        const report = makeReport({ routedAt, timeZone: tz, pausedWorkingMs: k * DAY_MS });
        expect(dueAt(report, 'verify_dispose', calendar)).toBe(
          addWorkingDays(routedAt, 3 + k, tz, calendar),
        );
      }),
    );
  });

  it('a longer pause never gives an earlier verify deadline', () => {
    fc.assert(
      fc.property(
        instant,
        timeZone,
        fc.integer({ min: 0, max: 10 * DAY_MS }),
        fc.integer({ min: 0, max: 10 * DAY_MS }),
        (routedAt, tz, p, q) => {
          const [shorter, longer] = p <= q ? [p, q] : [q, p];
          const due = (pausedWorkingMs: number) =>
            dueAt(
              makeReport({ routedAt, timeZone: tz, pausedWorkingMs }),
              'verify_dispose',
              calendar,
            );
          expect(due(shorter)).toBeLessThanOrEqual(due(longer) ?? 0);
        },
      ),
    );
  });
});
