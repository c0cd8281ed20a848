import { describe, expect, it } from 'vitest';
import type { Holiday } from '../../../../src-shared/domain/holiday';
import {
  addWorkingDays,
  createSlaCalendar,
  currentDueAt,
  currentSlaStage,
  dueAt,
  holidaysOn,
  isWorkingDay,
  pausedWorkingMsAfterResume,
  pendingInfoExpiresAt,
  timeToBreach,
  workingDaysBetween,
  workingMsBetween,
} from '../../../../src-shared/domain/sla-calendar';
import { localDateKey } from '../../../../src-shared/domain/time-zone';
import { at, calendar, endOf, makeReport } from './domain-fixtures';

const HOUR = 3_600_000;

describe('createSlaCalendar', () => {
  it('indexes holidays by date and keeps every entry of a shared date', () => {
    const local = createSlaCalendar([
      { date: '2025-08-17', name: 'Hari Proklamasi', kind: 'libur_nasional' },
      { date: '2025-08-17', name: 'Hari jadi kota', kind: 'libur_nasional' },
    ]);
    expect(holidaysOn('2025-08-17', local).map((h) => h.name)).toEqual([
      'Hari Proklamasi',
      'Hari jadi kota',
    ]);
    expect(holidaysOn('2025-08-18', local)).toEqual([]);
    expect([...local.years]).toEqual([2025]);
  });

  it('throws on a holiday date that does not exist, because holiday data is parsed at the edge', () => {
    const bad: Holiday = { date: '2025-02-30', name: 'Tidak ada', kind: 'cuti_bersama' };
    expect(() => createSlaCalendar([bad])).toThrow(RangeError);
  });

  it('treats only weekends as days off in a year without holiday data', () => {
    const empty = createSlaCalendar([]);
    expect(isWorkingDay('2025-03-31', 'WIB', empty)).toBe(true);
    expect(isWorkingDay('2025-03-31', 'WIB', calendar)).toBe(false);
  });
});

describe('isWorkingDay', () => {
  it('counts Monday to Friday and not the weekend', () => {
    expect(isWorkingDay('2025-02-07', 'WIB', calendar)).toBe(true); // Friday
    expect(isWorkingDay('2025-02-08', 'WIB', calendar)).toBe(false); // Saturday
    expect(isWorkingDay('2025-02-09', 'WIB', calendar)).toBe(false); // Sunday
    expect(isWorkingDay('2025-02-10', 'WIB', calendar)).toBe(true); // Monday
  });

  it('excludes libur nasional and cuti bersama alike', () => {
    expect(isWorkingDay('2025-03-31', 'WIB', calendar)).toBe(false); // Idul Fitri
    expect(isWorkingDay('2025-04-07', 'WIB', calendar)).toBe(false); // cuti bersama
    expect(isWorkingDay('2025-04-08', 'WIB', calendar)).toBe(true);
  });

  it('places an instant on its local day, which differs between WIB and WIT', () => {
    // 16:00 UTC on 29 January 2025: 23:00 on Imlek in Bandung, 01:00 the next morning in Jayapura.
    const instant = Date.UTC(2025, 0, 29, 16, 0);
    expect(localDateKey(instant, 'WIB')).toBe('2025-01-29');
    expect(localDateKey(instant, 'WIT')).toBe('2025-01-30');
    expect(isWorkingDay(instant, 'WIB', calendar)).toBe(false);
    expect(isWorkingDay(instant, 'WIT', calendar)).toBe(true);
  });

  it('rejects a date key that is not a date', () => {
    expect(() => isWorkingDay('2025-13-01', 'WIB', calendar)).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('skips the Nyepi and Lebaran holidays of 2025 for a report arriving the Thursday before', () => {
    // Fri 28 Mar cuti bersama Nyepi, Sat 29 Nyepi, Mon–Tue 31 Mar–1 Apr Idul Fitri,
    // Wed–Fri 2–4 Apr and Mon 7 Apr cuti bersama: the first working day after is Tue 8 April.
    const arrival = at('2025-03-27T10:00');
    expect(addWorkingDays(arrival, 1, 'WIB', calendar)).toBe(endOf('2025-04-08'));
    expect(addWorkingDays(arrival, 3, 'WIB', calendar)).toBe(endOf('2025-04-10'));
    expect(addWorkingDays(arrival, 5, 'WIB', calendar)).toBe(endOf('2025-04-14'));
  });

  it('gives a report arriving on Friday night and one arriving on Saturday the same deadline', () => {
    expect(addWorkingDays(at('2025-02-07T23:30'), 3, 'WIB', calendar)).toBe(endOf('2025-02-12'));
    expect(addWorkingDays(at('2025-02-08T10:00'), 3, 'WIB', calendar)).toBe(endOf('2025-02-12'));
  });

  it('counts across the year boundary and the new year holiday', () => {
    expect(addWorkingDays(at('2025-12-31T10:00'), 3, 'WIB', calendar)).toBe(endOf('2026-01-06'));
    // Natal 25 Dec and cuti bersama 26 Dec 2024, then Tahun Baru 1 Jan 2025.
    expect(addWorkingDays(at('2024-12-24T10:00'), 3, 'WIB', calendar)).toBe(endOf('2024-12-31'));
    expect(addWorkingDays(at('2024-12-24T10:00'), 4, 'WIB', calendar)).toBe(endOf('2025-01-02'));
  });

  it('starts from the local day of the agency, so a WIT agency can be a day ahead of WIB', () => {
    const instant = Date.UTC(2025, 0, 29, 16, 0); // Wed 23:00 WIB = Thu 01:00 WIT
    expect(addWorkingDays(instant, 1, 'WIB', calendar)).toBe(endOf('2025-01-30', 'WIB'));
    expect(addWorkingDays(instant, 1, 'WIT', calendar)).toBe(endOf('2025-01-31', 'WIT'));
    expect(endOf('2025-01-31', 'WIT')).toBe(Date.UTC(2025, 0, 31, 14, 59, 59, 999));
  });

  it('returns the end of the starting day for zero days and rejects negative or fractional days', () => {
    expect(addWorkingDays(at('2025-02-08T10:00'), 0, 'WIB', calendar)).toBe(endOf('2025-02-08'));
    expect(() => addWorkingDays(0, -1, 'WIB', calendar)).toThrow(RangeError);
    expect(() => addWorkingDays(0, 1.5, 'WIB', calendar)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts the working days after the start day up to and including the end day', () => {
    expect(workingDaysBetween(at('2025-03-27T10:00'), endOf('2025-04-10'), 'WIB', calendar)).toBe(
      3,
    );
    expect(
      workingDaysBetween(at('2025-02-03T08:00'), at('2025-02-03T20:00'), 'WIB', calendar),
    ).toBe(0);
  });

  it('is negative when the end lies on an earlier day', () => {
    expect(workingDaysBetween(at('2025-02-10T08:00'), endOf('2025-02-06'), 'WIB', calendar)).toBe(
      -2,
    );
  });
});

describe('workingMsBetween', () => {
  it('counts only the hours that fall on working days', () => {
    expect(workingMsBetween(at('2025-02-07T12:00'), at('2025-02-10T12:00'), 'WIB', calendar)).toBe(
      24 * HOUR,
    );
    expect(workingMsBetween(at('2025-03-28T00:00'), at('2025-04-08T00:00'), 'WIB', calendar)).toBe(
      0,
    );
  });

  it('is zero for an empty or reversed interval', () => {
    const t = at('2025-02-04T12:00');
    expect(workingMsBetween(t, t, 'WIB', calendar)).toBe(0);
    expect(workingMsBetween(t, t - HOUR, 'WIB', calendar)).toBe(0);
  });
});

describe('dueAt', () => {
  const arrived = at('2025-02-03T09:00'); // Monday

  it('gives 3 working days to verify and dispose', () => {
    expect(dueAt(makeReport({ routedAt: arrived }), 'verify_dispose', calendar)).toBe(
      endOf('2025-02-06'),
    );
  });

  it('counts the follow-up stages from the disposition and is null before one', () => {
    const disposed = makeReport({ status: 'disposed', disposedAt: arrived });
    expect(dueAt(disposed, 'first_followup', calendar)).toBe(endOf('2025-02-10'));
    expect(dueAt(disposed, 'resolution', calendar)).toBe(endOf('2025-02-21'));
    expect(dueAt(makeReport(), 'first_followup', calendar)).toBeNull();
    expect(dueAt(makeReport(), 'resolution', calendar)).toBeNull();
  });

  it('uses the agency’s own resolution limit when it sets one', () => {
    const disposed = makeReport({ status: 'disposed', disposedAt: arrived });
    const settings = { resolutionDays: 10, adminsMayPublish: false, pendingInfoWaitDays: 10 };
    expect(dueAt(disposed, 'resolution', calendar, settings)).toBe(endOf('2025-02-17'));
  });

  it('uses the extended limit, or the 60-day maximum for a report not extended', () => {
    const extended = makeReport({
      status: 'in_progress',
      disposedAt: arrived,
      extendedResolutionDays: 30,
    });
    expect(dueAt(extended, 'resolution_extended', calendar)).toBe(endOf('2025-03-17'));
    const plain = makeReport({ status: 'in_progress', disposedAt: arrived });
    const max = dueAt(plain, 'resolution_extended', calendar);
    expect(max).not.toBeNull();
    expect(workingDaysBetween(arrived, max ?? 0, 'WIB', calendar)).toBe(60);
  });

  it('completes automatically 10 working days after a response, skipping Kenaikan and Idul Adha', () => {
    const responded = makeReport({ status: 'responded', respondedAt: at('2025-05-23T10:00') });
    expect(dueAt(responded, 'auto_complete', calendar)).toBe(endOf('2025-06-12'));
    expect(dueAt(makeReport(), 'auto_complete', calendar)).toBeNull();
  });
});

describe('pending_info pauses the clock', () => {
  const arrived = at('2025-02-03T09:00'); // Monday; due end of Thursday 6 February

  it('measures the working time of a pause and moves the deadline by it', () => {
    const paused = makeReport({ status: 'pending_info', pausedAt: at('2025-02-03T10:00') });
    const pausedWorkingMs = pausedWorkingMsAfterResume(paused, at('2025-02-05T10:00'), calendar);
    expect(pausedWorkingMs).toBe(48 * HOUR);
    const resumed = makeReport({ routedAt: arrived, pausedWorkingMs });
    expect(dueAt(resumed, 'verify_dispose', calendar)).toBe(endOf('2025-02-10'));
  });

  it('does not count the weekend inside a pause', () => {
    const paused = makeReport({ status: 'pending_info', pausedAt: at('2025-02-07T12:00') });
    const pausedWorkingMs = pausedWorkingMsAfterResume(paused, at('2025-02-10T12:00'), calendar);
    expect(pausedWorkingMs).toBe(24 * HOUR);
    expect(
      dueAt(makeReport({ routedAt: arrived, pausedWorkingMs }), 'verify_dispose', calendar),
    ).toBe(endOf('2025-02-07'));
  });

  it('adds up successive pauses', () => {
    const second = makeReport({
      status: 'pending_info',
      pausedAt: at('2025-02-04T09:00'),
      pausedWorkingMs: 5 * HOUR,
    });
    expect(pausedWorkingMsAfterResume(second, at('2025-02-04T12:00'), calendar)).toBe(8 * HOUR);
    expect(
      pausedWorkingMsAfterResume(
        makeReport({ pausedWorkingMs: 7 }),
        at('2025-02-04T12:00'),
        calendar,
      ),
    ).toBe(7);
  });

  it('rounds a deadline moved by part of a day up to the end of that day', () => {
    const resumed = makeReport({ routedAt: arrived, pausedWorkingMs: 4 * HOUR });
    expect(dueAt(resumed, 'verify_dispose', calendar)).toBe(endOf('2025-02-07'));
  });

  it('leaves the pause still running out of the deadline until it ends', () => {
    const paused = makeReport({ status: 'pending_info', pausedAt: at('2025-02-04T09:00') });
    expect(dueAt(paused, 'verify_dispose', calendar)).toBe(endOf('2025-02-06'));
  });

  it('lets a postponed report expire after the agency’s wait period', () => {
    const paused = makeReport({ status: 'pending_info', pausedAt: at('2025-02-03T10:00') });
    expect(pendingInfoExpiresAt(paused, calendar)).toBe(endOf('2025-02-17'));
    const settings = { resolutionDays: 14, adminsMayPublish: false, pendingInfoWaitDays: 3 };
    expect(pendingInfoExpiresAt(paused, calendar, settings)).toBe(endOf('2025-02-06'));
    expect(pendingInfoExpiresAt(makeReport(), calendar)).toBeNull();
  });
});

describe('currentSlaStage and currentDueAt', () => {
  it('names the stage each status works against', () => {
    expect(currentSlaStage(makeReport({ status: 'unverified' }))).toBe('verify_dispose');
    expect(currentSlaStage(makeReport({ status: 'not_authority' }))).toBe('verify_dispose');
    expect(currentSlaStage(makeReport({ status: 'disposed' }))).toBe('first_followup');
    expect(
      currentSlaStage(
        makeReport({ status: 'in_progress', firstResponseAt: at('2025-02-05T09:00') }),
      ),
    ).toBe('resolution');
    expect(
      currentSlaStage(
        makeReport({ status: 'in_progress', firstResponseAt: 1, extendedResolutionDays: 30 }),
      ),
    ).toBe('resolution_extended');
    expect(currentSlaStage(makeReport({ status: 'responded' }))).toBe('auto_complete');
    expect(currentSlaStage(makeReport({ status: 'completed' }))).toBeNull();
    expect(currentSlaStage(makeReport({ status: 'archived' }))).toBeNull();
  });

  it('computes the deadline to store on the report, none once it is closed', () => {
    const disposed = makeReport({ status: 'disposed', disposedAt: at('2025-02-03T09:00') });
    expect(currentDueAt(disposed, calendar)).toBe(endOf('2025-02-10'));
    expect(currentDueAt(makeReport({ status: 'completed' }), calendar)).toBeNull();
  });
});

describe('timeToBreach', () => {
  const due = endOf('2025-02-06'); // Thursday
  const open = makeReport({ dueAt: due });

  it('is on track with the working days left before the due day', () => {
    const outlook = timeToBreach(open, at('2025-02-04T10:00'), calendar);
    expect(outlook).toEqual({
      state: 'on_track',
      dueAt: due,
      msRemaining: due - at('2025-02-04T10:00'),
      workingDaysRemaining: 2,
    });
  });

  it('is due today on the due day itself', () => {
    const outlook = timeToBreach(open, at('2025-02-06T08:00'), calendar);
    expect(outlook.state).toBe('due_today');
    expect(outlook).toMatchObject({ workingDaysRemaining: 0 });
  });

  it('is overdue after the deadline, counting working days late as negative', () => {
    const outlook = timeToBreach(open, at('2025-02-10T08:00'), calendar);
    expect(outlook.state).toBe('overdue');
    expect(outlook).toMatchObject({
      workingDaysRemaining: -2,
      msRemaining: due - at('2025-02-10T08:00'),
    });
  });

  it('judges the due day in the agency’s time zone, not the viewer’s', () => {
    const jayapura = makeReport({ timeZone: 'WIT', dueAt: endOf('2025-02-06', 'WIT') });
    // 20:00 WIB is 22:00 WIT: still Thursday in Jayapura.
    expect(timeToBreach(jayapura, at('2025-02-06T20:00', 'WIB'), calendar).state).toBe('due_today');
    // 22:30 WIB is already Friday 00:30 in Jayapura.
    expect(timeToBreach(jayapura, at('2025-02-06T22:30', 'WIB'), calendar).state).toBe('overdue');
  });

  it('freezes the remaining time while the report waits for the reporter', () => {
    const pausedAt = at('2025-02-04T10:00');
    const paused = makeReport({ status: 'pending_info', pausedAt, dueAt: due });
    expect(timeToBreach(paused, at('2025-03-01T10:00'), calendar)).toEqual({
      state: 'paused',
      dueAt: due,
      msRemaining: due - pausedAt,
      workingDaysRemaining: 2,
    });
  });

  it('reports no deadline for closed reports and for reports waiting on the reporter’s reply', () => {
    const now = at('2025-02-04T10:00');
    expect(timeToBreach(makeReport({ status: 'completed' }), now, calendar).state).toBe(
      'no_deadline',
    );
    expect(timeToBreach(makeReport({ status: 'archived' }), now, calendar).state).toBe(
      'no_deadline',
    );
    expect(timeToBreach(makeReport({ status: 'responded', dueAt: due }), now, calendar).state).toBe(
      'no_deadline',
    );
  });
});
