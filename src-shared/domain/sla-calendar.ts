// The SLA calendar: working days (Monday–Friday minus libur nasional and cuti bersama) in an
// agency's time zone, and the deadline of each complaint-handling stage counted in them.
//
// Deadline rule: a report that starts a stage at any moment of local day D is due at the end
// (23:59:59.999 local) of the Nth working day after D. D itself never counts, whether it is a
// working day or not, so a report arriving on Friday night and one arriving on Sunday get the
// same deadline. Time spent in `pending_info` does not count (see `dueAt`).

import { DEFAULT_AGENCY_SETTINGS, type AgencySettings } from './agency';
import { assertNever } from './assert-never';
import {
  dayNumberFromDateKey,
  weekdayOfDayNumber,
  yearOfDayNumber,
  type DateKey,
} from './calendar-date';
import type { EpochMs } from './epoch-ms';
import type { Holiday } from './holiday';
import type { Report } from './report';
import { endOfLocalDay, localDayNumber, startOfLocalDay, type TimeZone } from './time-zone';

// ---------------------------------------------------------------------------------------------
// The calendar

export interface SlaCalendar {
  /** Holidays by day number (days since 1970-01-01); a day may carry several. */
  readonly holidaysByDay: ReadonlyMap<number, readonly Holiday[]>;
  /** Years with holiday data; outside them only weekends are days off. */
  readonly years: ReadonlySet<number>;
}

/**
 * Builds a calendar from holiday data (e.g. `indonesianHolidays`, plus an agency's local days).
 * Throws on a date that is not a real date: holiday data is parsed with `HolidaySchema` at the
 * edge, so a bad date here is a bug.
 */
export function createSlaCalendar(holidays: readonly Holiday[]): SlaCalendar {
  const holidaysByDay = new Map<number, Holiday[]>();
  const years = new Set<number>();
  for (const holiday of holidays) {
    const day = dayNumberFromDateKey(holiday.date);
    if (day === null) throw new RangeError(`Holiday date ${holiday.date} is not a calendar date`);
    const sameDay = holidaysByDay.get(day);
    if (sameDay === undefined) holidaysByDay.set(day, [holiday]);
    else sameDay.push(holiday);
    years.add(yearOfDayNumber(day));
  }
  return { holidaysByDay, years };
}

export function holidaysOn(date: DateKey, calendar: SlaCalendar): readonly Holiday[] {
  const day = dayNumberFromDateKey(date);
  return day === null ? [] : (calendar.holidaysByDay.get(day) ?? []);
}

// ---------------------------------------------------------------------------------------------
// Working days

function isWorkingDayNumber(day: number, calendar: SlaCalendar): boolean {
  const weekday = weekdayOfDayNumber(day);
  return weekday !== 0 && weekday !== 6 && !calendar.holidaysByDay.has(day);
}

function toDayNumber(day: DateKey | EpochMs, tz: TimeZone): number {
  if (typeof day === 'number') return localDayNumber(day, tz);
  const dayNumber = dayNumberFromDateKey(day);
  if (dayNumber === null) throw new RangeError(`${day} is not a calendar date`);
  return dayNumber;
}

/**
 * Whether a day is a working day. A date key names the day directly; an instant is first placed
 * on its local day in `tz` (the same instant can be Sunday in WIB and Monday in WIT).
 */
export function isWorkingDay(day: DateKey | EpochMs, tz: TimeZone, calendar: SlaCalendar): boolean {
  return isWorkingDayNumber(toDayNumber(day, tz), calendar);
}

/**
 * The end (23:59:59.999 local) of the `days`-th working day after the local day containing
 * `startEpochMs`. With `days` = 0 it is the end of that day itself.
 */
export function addWorkingDays(
  startEpochMs: EpochMs,
  days: number,
  tz: TimeZone,
  calendar: SlaCalendar,
): EpochMs {
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`days must be a whole number ≥ 0, got ${days}`);
  }
  let day = localDayNumber(startEpochMs, tz);
  for (let remaining = days; remaining > 0;) {
    day += 1;
    if (isWorkingDayNumber(day, calendar)) remaining -= 1;
  }
  return endOfLocalDay(day, tz);
}

/**
 * Working days after the local day of `startMs` up to and including the local day of `endMs`; the
 * inverse of `addWorkingDays`. Negative when `endMs` lies on an earlier day (days overdue).
 */
export function workingDaysBetween(
  startMs: EpochMs,
  endMs: EpochMs,
  tz: TimeZone,
  calendar: SlaCalendar,
): number {
  const startDay = localDayNumber(startMs, tz);
  const endDay = localDayNumber(endMs, tz);
  const [from, to, sign] = endDay >= startDay ? [startDay, endDay, 1] : [endDay, startDay, -1];
  let count = 0;
  for (let day = from + 1; day <= to; day++) {
    if (isWorkingDayNumber(day, calendar)) count += 1;
  }
  // No -0: callers compare with === and display the number.
  return count === 0 ? 0 : sign * count;
}

/** The part of [startMs, endMs) that falls on working days, in milliseconds. */
export function workingMsBetween(
  startMs: EpochMs,
  endMs: EpochMs,
  tz: TimeZone,
  calendar: SlaCalendar,
): number {
  let total = 0;
  for (let day = localDayNumber(startMs, tz); startOfLocalDay(day, tz) < endMs; day++) {
    if (!isWorkingDayNumber(day, calendar)) continue;
    const from = Math.max(startMs, startOfLocalDay(day, tz));
    const to = Math.min(endMs, startOfLocalDay(day + 1, tz));
    if (to > from) total += to - from;
  }
  return total;
}

/** The instant reached after `ms` of working time from `fromMs`, skipping days off. */
function addWorkingMs(fromMs: EpochMs, ms: number, tz: TimeZone, calendar: SlaCalendar): EpochMs {
  let cursor = fromMs;
  let remaining = ms;
  while (remaining > 0) {
    const day = localDayNumber(cursor, tz);
    const nextDayStart = startOfLocalDay(day + 1, tz);
    if (isWorkingDayNumber(day, calendar)) {
      const available = nextDayStart - cursor;
      if (remaining <= available) return cursor + remaining;
      remaining -= available;
    }
    cursor = nextDayStart;
  }
  return cursor;
}

/**
 * Moves a deadline later by paused working time, then to the end of the local day it lands on:
 * deadlines are always whole days, and a pause never costs the agency part of one.
 */
function extendByPause(
  deadline: EpochMs,
  pausedWorkingMs: number,
  tz: TimeZone,
  calendar: SlaCalendar,
): EpochMs {
  if (pausedWorkingMs <= 0) return deadline;
  // Work with the exclusive end (next local midnight) so a pause of exactly k working days moves
  // the deadline by exactly k working days.
  const shiftedEnd = addWorkingMs(deadline + 1, pausedWorkingMs, tz, calendar);
  return endOfLocalDay(localDayNumber(shiftedEnd - 1, tz), tz);
}

// ---------------------------------------------------------------------------------------------
// Stages and deadlines (DOMAIN.md, "Deadlines")

export const slaStages = [
  'verify_dispose',
  'first_followup',
  'resolution',
  'resolution_extended',
  'auto_complete',
] as const;
export type SlaStage = (typeof slaStages)[number];

export const VERIFY_DISPOSE_WORKING_DAYS = 3;
export const FIRST_FOLLOWUP_WORKING_DAYS = 5;
/** The longest resolution limit an extension with reason may set. */
export const MAX_RESOLUTION_WORKING_DAYS = 60;
export const AUTO_COMPLETE_WORKING_DAYS = 10;

/** The fields of a report the SLA clocks read. */
export type SlaReport = Pick<
  Report,
  | 'status'
  | 'timeZone'
  | 'routedAt'
  | 'disposedAt'
  | 'firstResponseAt'
  | 'respondedAt'
  | 'pausedAt'
  | 'pausedWorkingMs'
  | 'extendedResolutionDays'
  | 'dueAt'
>;

/**
 * The deadline of one stage, or null when the stage has not started (e.g. `first_followup` of a
 * report never disposed). Stages and their clocks:
 * - `verify_dispose`: 3 working days from `routedAt`, later by the working time of finished
 *   `pending_info` pauses (`pausedWorkingMs`). A pause still running is not included: its end
 *   is unknown, and `timeToBreach` reports such a report as paused instead.
 * - `first_followup`: 5 working days from `disposedAt`.
 * - `resolution`: the agency's `resolutionDays` (default 14) from `disposedAt`.
 * - `resolution_extended`: the extended limit from `disposedAt`; for a report not extended, the
 *   longest extension allowed (60 working days).
 * - `auto_complete`: 10 working days from `respondedAt`.
 */
export function dueAt(
  report: SlaReport,
  stage: SlaStage,
  calendar: SlaCalendar,
  agencySettings: AgencySettings = DEFAULT_AGENCY_SETTINGS,
): EpochMs | null {
  const tz = report.timeZone;
  const after = (start: EpochMs | null, days: number): EpochMs | null =>
    start === null ? null : addWorkingDays(start, days, tz, calendar);
  switch (stage) {
    case 'verify_dispose':
      return extendByPause(
        addWorkingDays(report.routedAt, VERIFY_DISPOSE_WORKING_DAYS, tz, calendar),
        report.pausedWorkingMs,
        tz,
        calendar,
      );
    case 'first_followup':
      return after(report.disposedAt, FIRST_FOLLOWUP_WORKING_DAYS);
    case 'resolution':
      return after(report.disposedAt, agencySettings.resolutionDays);
    case 'resolution_extended':
      return after(report.disposedAt, report.extendedResolutionDays ?? MAX_RESOLUTION_WORKING_DAYS);
    case 'auto_complete':
      return after(report.respondedAt, AUTO_COMPLETE_WORKING_DAYS);
    default:
      return assertNever(stage, 'SLA stage');
  }
}

/**
 * The stage whose deadline the report is working against now, or null when none runs. A report
 * returned as not within authority waits for the level above to verify and dispose it again.
 */
export function currentSlaStage(
  report: Pick<SlaReport, 'status' | 'firstResponseAt' | 'extendedResolutionDays'>,
): SlaStage | null {
  switch (report.status) {
    case 'unverified':
    case 'pending_info':
    case 'not_authority':
      return 'verify_dispose';
    case 'disposed':
    case 'in_progress':
      if (report.firstResponseAt === null) return 'first_followup';
      return report.extendedResolutionDays === null ? 'resolution' : 'resolution_extended';
    case 'responded':
      return 'auto_complete';
    case 'completed':
    case 'archived':
      return null;
    default:
      return assertNever(report.status, 'report status');
  }
}

/** What a mutator stores as `report.dueAt` after changing the report. */
export function currentDueAt(
  report: SlaReport,
  calendar: SlaCalendar,
  agencySettings: AgencySettings = DEFAULT_AGENCY_SETTINGS,
): EpochMs | null {
  const stage = currentSlaStage(report);
  return stage === null ? null : dueAt(report, stage, calendar, agencySettings);
}

/** `pausedWorkingMs` after a `pending_info` pause ends at `resumedAt` (resume or archive). */
export function pausedWorkingMsAfterResume(
  report: Pick<SlaReport, 'timeZone' | 'pausedAt' | 'pausedWorkingMs'>,
  resumedAt: EpochMs,
  calendar: SlaCalendar,
): number {
  if (report.pausedAt === null) return report.pausedWorkingMs;
  return (
    report.pausedWorkingMs + workingMsBetween(report.pausedAt, resumedAt, report.timeZone, calendar)
  );
}

/** When a postponed report may be archived for want of the reporter's data; null if not paused. */
export function pendingInfoExpiresAt(
  report: Pick<SlaReport, 'timeZone' | 'pausedAt'>,
  calendar: SlaCalendar,
  agencySettings: AgencySettings = DEFAULT_AGENCY_SETTINGS,
): EpochMs | null {
  if (report.pausedAt === null) return null;
  return addWorkingDays(
    report.pausedAt,
    agencySettings.pendingInfoWaitDays,
    report.timeZone,
    calendar,
  );
}

// ---------------------------------------------------------------------------------------------
// Time to breach (triage)

export type BreachOutlook =
  | {
      readonly state: 'on_track' | 'due_today' | 'overdue';
      readonly dueAt: EpochMs;
      /** Negative once overdue. */
      readonly msRemaining: number;
      /** Working days after today up to the due day; 0 when due today; negative when overdue. */
      readonly workingDaysRemaining: number;
    }
  | {
      /** In `pending_info`: the clock stopped; the remaining time is as it was when it stopped. */
      readonly state: 'paused';
      readonly dueAt: EpochMs;
      readonly msRemaining: number;
      readonly workingDaysRemaining: number;
    }
  | {
      /** Closed, or waiting for the reporter after a response (no agency deadline runs). */
      readonly state: 'no_deadline';
    };

/**
 * How close the report is to breaching its current deadline, for triage. Reads the stored
 * `report.dueAt`, which mutators keep equal to `currentDueAt`.
 */
export function timeToBreach(
  report: SlaReport,
  now: EpochMs,
  calendar: SlaCalendar,
): BreachOutlook {
  const stage = currentSlaStage(report);
  if (stage === null || stage === 'auto_complete' || report.dueAt === null) {
    return { state: 'no_deadline' };
  }
  const tz = report.timeZone;
  const deadline = report.dueAt;
  if (report.status === 'pending_info') {
    const stoppedAt = report.pausedAt ?? now;
    return {
      state: 'paused',
      dueAt: deadline,
      msRemaining: deadline - stoppedAt,
      workingDaysRemaining: workingDaysBetween(stoppedAt, deadline, tz, calendar),
    };
  }
  const msRemaining = deadline - now;
  const state =
    msRemaining < 0
      ? 'overdue'
      : localDayNumber(now, tz) === localDayNumber(deadline, tz)
        ? 'due_today'
        : 'on_track';
  return {
    state,
    dueAt: deadline,
    msRemaining,
    workingDaysRemaining: workingDaysBetween(now, deadline, tz, calendar),
  };
}
