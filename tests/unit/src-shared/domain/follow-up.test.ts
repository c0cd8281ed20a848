import { describe, expect, it } from 'vitest';
import {
  dueWithinCutoff,
  dueWithinCutoffs,
  followUpClock,
  followUpCountdown,
  isFollowUpStatus,
  rowFollowUp,
} from '../../../../src-shared/domain/follow-up';
import { DEFAULT_AGENCY_SETTINGS } from '../../../../src-shared/domain/agency';
import { at, calendar, endOf, makeReport } from './domain-fixtures';

/** Disposed Thursday 6 February 2025 10:00 WIB: first follow-up due Thursday 13 February. */
const disposed = makeReport({
  status: 'disposed',
  disposedAt: at('2025-02-06T10:00'),
  dueAt: endOf('2025-02-13'),
});

describe('followUpClock', () => {
  it('runs the first follow-up clock, 5 working days after disposition, over a weekend', () => {
    const clock = followUpClock(disposed, at('2025-02-07T09:00'), calendar);
    expect(clock).toEqual({
      state: 'running',
      kind: 'first_followup',
      dueAt: endOf('2025-02-13'),
      dueDate: '2025-02-13',
      timing: 'upcoming',
      // Monday, Tuesday, Wednesday, Thursday: the weekend does not count.
      workingDaysLeft: 4,
    });
  });

  it('counts the same working days on Friday, Saturday and Sunday, one fewer on Monday', () => {
    const left = (time: string) => {
      const clock = followUpClock(disposed, at(time), calendar);
      return clock.state === 'running' ? clock.workingDaysLeft : null;
    };
    expect(left('2025-02-07T16:00')).toBe(4);
    expect(left('2025-02-08T10:00')).toBe(4);
    expect(left('2025-02-09T23:59')).toBe(4);
    expect(left('2025-02-10T00:00')).toBe(3);
  });

  it('says due today on the due day up to its last millisecond, overdue right after', () => {
    const morning = followUpClock(disposed, at('2025-02-13T00:00'), calendar);
    const lastMs = followUpClock(disposed, endOf('2025-02-13'), calendar);
    const after = followUpClock(disposed, endOf('2025-02-13') + 1, calendar);
    expect(morning).toMatchObject({ timing: 'due_today', workingDaysLeft: 0 });
    expect(lastMs).toMatchObject({ timing: 'due_today', workingDaysLeft: 0 });
    expect(after).toMatchObject({ timing: 'overdue', workingDaysLeft: -1 });
  });

  it('counts overdue working days, and at least one once the deadline has passed', () => {
    const left = (time: string) => followUpClock(disposed, at(time), calendar);
    expect(left('2025-02-14T08:00')).toMatchObject({ timing: 'overdue', workingDaysLeft: -1 });
    // Saturday and Sunday after: no working day has passed, still late.
    expect(left('2025-02-15T08:00')).toMatchObject({ timing: 'overdue', workingDaysLeft: -1 });
    expect(left('2025-02-16T08:00')).toMatchObject({ timing: 'overdue', workingDaysLeft: -1 });
    expect(left('2025-02-17T08:00')).toMatchObject({ timing: 'overdue', workingDaysLeft: -2 });
  });

  it('counts the auto-complete countdown from the response, skipping Waisak and its cuti bersama', () => {
    // Published Friday 9 May 2025. Mon 12 (Waisak) and Tue 13 (cuti bersama) are days off, so the
    // reply window's 10 working days run from Wednesday 14 to Tuesday 27 May.
    const responded = makeReport({
      status: 'responded',
      disposedAt: at('2025-05-02T10:00'),
      firstResponseAt: at('2025-05-09T10:00'),
      respondedAt: at('2025-05-09T10:00'),
      dueAt: endOf('2025-05-27'),
    });
    expect(followUpClock(responded, at('2025-05-12T10:00'), calendar)).toEqual({
      state: 'running',
      kind: 'auto_complete',
      dueAt: endOf('2025-05-27'),
      dueDate: '2025-05-27',
      timing: 'upcoming',
      workingDaysLeft: 10,
    });
    expect(followUpClock(responded, at('2025-05-14T10:00'), calendar)).toMatchObject({
      workingDaysLeft: 9,
    });
    expect(followUpClock(responded, at('2025-05-27T18:00'), calendar)).toMatchObject({
      timing: 'due_today',
      workingDaysLeft: 0,
    });
  });

  it('counts in the report’s time zone: the same instant starts a different day in WIT', () => {
    // Monday 3 February 2025 23:30 WIB is already Tuesday 01:30 in Jayapura.
    const published = at('2025-02-03T23:30', 'WIB');
    const respondedIn = (timeZone: 'WIB' | 'WITA' | 'WIT') =>
      makeReport({
        status: 'responded',
        timeZone,
        disposedAt: published - 86_400_000,
        firstResponseAt: published,
        respondedAt: published,
      });
    const now = at('2025-02-05T12:00', 'WIB');
    expect(followUpClock(respondedIn('WIB'), now, calendar)).toMatchObject({
      dueAt: endOf('2025-02-17', 'WIB'),
      dueDate: '2025-02-17',
      workingDaysLeft: 8,
    });
    expect(followUpClock(respondedIn('WITA'), now, calendar)).toMatchObject({
      dueAt: endOf('2025-02-18', 'WITA'),
      dueDate: '2025-02-18',
      workingDaysLeft: 9,
    });
    expect(followUpClock(respondedIn('WIT'), now, calendar)).toMatchObject({
      dueAt: endOf('2025-02-18', 'WIT'),
      dueDate: '2025-02-18',
      workingDaysLeft: 9,
    });
  });

  it('is overdue in Jayapura while the same hour is still the due day in Bandung', () => {
    // 16:00 UTC on Monday 17 February: 23:00 Monday in WIB, 01:00 Tuesday in WIT.
    const now = Date.UTC(2025, 1, 17, 16, 0);
    const due = (tz: 'WIB' | 'WIT') =>
      followUpCountdown(endOf('2025-02-17', tz), now, tz, calendar);
    expect(due('WIB')).toMatchObject({ timing: 'due_today', workingDaysLeft: 0 });
    expect(due('WIT')).toMatchObject({ timing: 'overdue', workingDaysLeft: -1 });
  });

  it('runs the resolution clock with the agency’s limit once a response went out', () => {
    const inProgress = makeReport({
      status: 'in_progress',
      disposedAt: at('2025-02-03T10:00'),
      firstResponseAt: at('2025-02-05T10:00'),
    });
    const settings = { ...DEFAULT_AGENCY_SETTINGS, resolutionDays: 7 };
    // 7 working days after Monday 3 February: Wednesday 12 February.
    expect(followUpClock(inProgress, at('2025-02-10T09:00'), calendar, settings)).toMatchObject({
      state: 'running',
      kind: 'resolution',
      dueDate: '2025-02-12',
      workingDaysLeft: 2,
    });
    // Extended with reason to 20 working days: Monday 3 March.
    const extended = { ...inProgress, extendedResolutionDays: 20 };
    expect(followUpClock(extended, at('2025-02-10T09:00'), calendar, settings)).toMatchObject({
      kind: 'resolution',
      dueDate: '2025-03-03',
    });
  });

  it('runs the first follow-up clock again for a report in progress without any response', () => {
    const inProgress = { ...disposed, status: 'in_progress' as const };
    expect(followUpClock(inProgress, at('2025-02-12T09:00'), calendar)).toMatchObject({
      kind: 'first_followup',
      timing: 'upcoming',
      workingDaysLeft: 1,
    });
  });

  it('reports the clock as paused while the report waits for the reporter’s data', () => {
    const paused = makeReport({
      status: 'pending_info',
      pausedAt: at('2025-02-04T10:00'),
      dueAt: endOf('2025-02-06'),
    });
    expect(followUpClock(paused, at('2025-02-20T10:00'), calendar)).toEqual({ state: 'paused' });
  });

  it('runs no follow-up clock before disposition or after closing', () => {
    expect(followUpClock(makeReport(), at('2025-02-04T10:00'), calendar)).toEqual({
      state: 'none',
    });
    const closed = { ...disposed, status: 'completed' as const, dueAt: null };
    expect(followUpClock(closed, at('2025-02-07T10:00'), calendar)).toEqual({ state: 'none' });
    const returned = { ...disposed, status: 'not_authority' as const };
    expect(followUpClock(returned, at('2025-02-07T10:00'), calendar)).toEqual({ state: 'none' });
  });
});

describe('rowFollowUp', () => {
  const row = {
    status: 'in_progress' as const,
    timeZone: 'WIB' as const,
    dueAt: endOf('2025-02-13'),
    pausedAt: null,
  };

  it('reads the stored deadline of a row the agency owes an answer', () => {
    expect(rowFollowUp(row, at('2025-02-12T09:00'), calendar)).toEqual({
      kind: 'follow_up',
      dueAt: endOf('2025-02-13'),
      dueDate: '2025-02-13',
      timing: 'upcoming',
      workingDaysLeft: 1,
    });
  });

  it('marks a responded row as the auto-complete countdown', () => {
    expect(rowFollowUp({ ...row, status: 'responded' }, at('2025-02-13T09:00'), calendar)).toEqual(
      expect.objectContaining({ kind: 'auto_complete', timing: 'due_today' }),
    );
  });

  it('has no follow-up for other statuses, a paused clock or no deadline', () => {
    const now = at('2025-02-12T09:00');
    expect(rowFollowUp({ ...row, status: 'unverified' }, now, calendar)).toBeNull();
    expect(rowFollowUp({ ...row, pausedAt: now }, now, calendar)).toBeNull();
    expect(rowFollowUp({ ...row, dueAt: null }, now, calendar)).toBeNull();
    expect(isFollowUpStatus('responded')).toBe(true);
    expect(isFollowUpStatus('completed')).toBe(false);
  });
});

describe('dueWithinCutoff', () => {
  it('ends "within 0 working days" with today', () => {
    const friday = at('2025-02-07T10:00');
    expect(dueWithinCutoff(friday, 0, 'WIB', calendar)).toBe(at('2025-02-08T00:00'));
  });

  it('reaches over the weekend to the start of the next working day after the window', () => {
    // From Friday, within 1 working day = up to Monday; Tuesday begins outside.
    const friday = at('2025-02-07T10:00');
    expect(dueWithinCutoff(friday, 1, 'WIB', calendar)).toBe(at('2025-02-11T00:00'));
    expect(dueWithinCutoff(friday, 3, 'WIB', calendar)).toBe(at('2025-02-13T00:00'));
  });

  it('skips holidays: from Friday 9 May 2025, one working day reaches Wednesday 14 May', () => {
    const friday = at('2025-05-09T10:00');
    expect(dueWithinCutoff(friday, 1, 'WIB', calendar)).toBe(at('2025-05-15T00:00'));
  });

  it('places the cutoff at each zone’s own local midnight', () => {
    const now = at('2025-02-07T10:00');
    const cutoffs = dueWithinCutoffs(now, 1, calendar);
    expect(cutoffs.WIB).toBe(at('2025-02-11T00:00', 'WIB'));
    expect(cutoffs.WITA).toBe(at('2025-02-11T00:00', 'WITA'));
    expect(cutoffs.WIT).toBe(at('2025-02-11T00:00', 'WIT'));
  });

  it('refuses a window that is not a whole number of days', () => {
    expect(() => dueWithinCutoff(0, -1, 'WIB', calendar)).toThrow(RangeError);
    expect(() => dueWithinCutoff(0, 1.5, 'WIB', calendar)).toThrow(RangeError);
  });
});
