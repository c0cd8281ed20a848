import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dueWithinCutoff,
  followUpClock,
  followUpCountdown,
} from '../../../../src-shared/domain/follow-up';
import { addWorkingDays, currentDueAt } from '../../../../src-shared/domain/sla-calendar';
import { localDayNumber, timeZones } from '../../../../src-shared/domain/time-zone';
import { calendar, makeReport } from './domain-fixtures';

// Instants across the years the holiday data covers, so holidays take part in every property.
const instant = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 6, 1) });
const timeZone = fc.constantFrom(...timeZones);
const HOURS_90_DAYS = 90 * 24;

describe('follow-up countdown properties', () => {
  it('never increases as now advances, for every follow-up clock', () => {
    fc.assert(
      fc.property(
        instant,
        timeZone,
        fc.constantFrom<'disposed' | 'in_progress' | 'responded'>(
          'disposed',
          'in_progress',
          'responded',
        ),
        fc.boolean(),
        fc.integer({ min: 0, max: HOURS_90_DAYS }),
        fc.integer({ min: 0, max: HOURS_90_DAYS }),
        (start, tz, status, hasResponse, a, b) => {
          const base = makeReport({
            status,
            timeZone: tz,
            disposedAt: start,
            firstResponseAt: status === 'responded' || hasResponse ? start : null,
            respondedAt: status === 'responded' ? start : null,
          });
          const report = { ...base, dueAt: currentDueAt(base, calendar) };
          const [earlier, later] = a <= b ? [a, b] : [b, a];
          const left = (hours: number) => {
            const clock = followUpClock(report, start + hours * 3_600_000, calendar);
            if (clock.state !== 'running') throw new Error('the clock should run');
            return clock.workingDaysLeft;
          };
          expect(left(later)).toBeLessThanOrEqual(left(earlier));
        },
      ),
    );
  });

  it('equals 0 exactly on the due working day, is positive before and negative after', () => {
    fc.assert(
      fc.property(
        instant,
        timeZone,
        fc.integer({ min: 1, max: 15 }),
        fc.integer({ min: -HOURS_90_DAYS, max: HOURS_90_DAYS }),
        (start, tz, days, offsetHours) => {
          const deadline = addWorkingDays(start, days, tz, calendar);
          const now = deadline + offsetHours * 3_600_000;
          const countdown = followUpCountdown(deadline, now, tz, calendar);
          const sameDay = localDayNumber(now, tz) === localDayNumber(deadline, tz);
          expect(countdown.workingDaysLeft === 0).toBe(sameDay);
          expect(countdown.timing === 'due_today').toBe(sameDay);
          if (now > deadline) {
            expect(countdown.timing).toBe('overdue');
            expect(countdown.workingDaysLeft).toBeLessThan(0);
          } else if (!sameDay) {
            expect(countdown.timing).toBe('upcoming');
            expect(countdown.workingDaysLeft).toBeGreaterThan(0);
          }
        },
      ),
    );
  });

  it('counts down from the limit: k working days after the start it shows k on the start day', () => {
    fc.assert(
      fc.property(instant, timeZone, fc.integer({ min: 1, max: 60 }), (start, tz, days) => {
        const deadline = addWorkingDays(start, days, tz, calendar);
        expect(followUpCountdown(deadline, start, tz, calendar).workingDaysLeft).toBe(days);
      }),
    );
  });

  it('the due-within cutoff keeps exactly the deadlines at most N working days away', () => {
    fc.assert(
      fc.property(
        instant,
        // Any instant within a month either way, not only the ends of days the calendar makes.
        fc.integer({ min: -30 * 86_400_000, max: 30 * 86_400_000 }),
        timeZone,
        fc.integer({ min: 0, max: 15 }),
        (now, offset, tz, days) => {
          const deadline = now + offset;
          const within = deadline < dueWithinCutoff(now, days, tz, calendar);
          const left = followUpCountdown(deadline, now, tz, calendar).workingDaysLeft;
          expect(within).toBe(left <= days);
        },
      ),
    );
  });
});
