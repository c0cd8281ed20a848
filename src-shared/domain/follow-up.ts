// Follow-up clocks for liaison officers: which deadline a report's follow-up works against (the
// first follow-up, the resolution, or the reporter's reply window before automatic completion)
// and the countdown to it in working days, counted in the report's time zone (sla-calendar.ts).
//
// Countdown rule: `workingDaysLeft` is 0 exactly on the local day the deadline falls on, the
// number of working days after today up to that day before it, and negative once it has passed.
// Deadlines end at 23:59:59.999 local, so "passed" always means a later day. Two edges are
// rounded away from 0 so the count never says "due today" on another day and never increases as
// time passes: a deadline still ahead with no working day before it (a Saturday deadline seen on
// Friday, which the calendar never produces but holiday data changed afterwards can) counts 1,
// and a deadline passed with no working day since (Friday's deadline seen on Sunday) counts -1.

import { DEFAULT_AGENCY_SETTINGS, type AgencySettings } from './agency';
import { assertNever } from './assert-never';
import type { DateKey } from './calendar-date';
import type { EpochMs } from './epoch-ms';
import type { ReportStatus } from './report-status';
import {
  addWorkingDays,
  currentSlaStage,
  dueAt,
  workingDaysBetween,
  type SlaCalendar,
  type SlaReport,
  type SlaStage,
} from './sla-calendar';
import {
  localDateKey,
  localDayNumber,
  startOfLocalDay,
  timeZones,
  type TimeZone,
} from './time-zone';

// ---------------------------------------------------------------------------------------------
// Countdown

export type FollowUpTiming = 'upcoming' | 'due_today' | 'overdue';

export interface FollowUpCountdown {
  readonly dueAt: EpochMs;
  /** The deadline's calendar day in the report's time zone (for "12 Desember 2026"). */
  readonly dueDate: DateKey;
  readonly timing: FollowUpTiming;
  /** ≥ 1 while upcoming, 0 on the due day, ≤ -1 once overdue (see the top of this file). */
  readonly workingDaysLeft: number;
}

/** The countdown to `deadline` at `now`, in working days of `tz`. */
export function followUpCountdown(
  deadline: EpochMs,
  now: EpochMs,
  tz: TimeZone,
  calendar: SlaCalendar,
): FollowUpCountdown {
  const dueDate = localDateKey(deadline, tz);
  if (now > deadline) {
    const days = Math.min(-1, workingDaysBetween(now, deadline, tz, calendar));
    return { dueAt: deadline, dueDate, timing: 'overdue', workingDaysLeft: days };
  }
  if (localDayNumber(now, tz) === localDayNumber(deadline, tz)) {
    return { dueAt: deadline, dueDate, timing: 'due_today', workingDaysLeft: 0 };
  }
  const days = Math.max(1, workingDaysBetween(now, deadline, tz, calendar));
  return { dueAt: deadline, dueDate, timing: 'upcoming', workingDaysLeft: days };
}

/**
 * The first instant that is not within `days` working days of `now` in `tz`: a deadline `d` is
 * due within `days` working days (overdue ones included) exactly when `d < cutoff`, which is
 * `followUpCountdown(d, now, …).workingDaysLeft <= days`. The inbox filters on it per time zone.
 */
export function dueWithinCutoff(
  now: EpochMs,
  days: number,
  tz: TimeZone,
  calendar: SlaCalendar,
): EpochMs {
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`days must be a whole number ≥ 0, got ${days}`);
  }
  // 0: only today (an upcoming deadline counts at least 1, even before the next working day).
  if (days === 0) return startOfLocalDay(localDayNumber(now, tz) + 1, tz);
  // Otherwise every day before the (days + 1)-th working day after today.
  const after = addWorkingDays(now, days + 1, tz, calendar);
  return startOfLocalDay(localDayNumber(after, tz), tz);
}

/** `dueWithinCutoff` for each time zone, in `timeZones` order. */
export function dueWithinCutoffs(
  now: EpochMs,
  days: number,
  calendar: SlaCalendar,
): Readonly<Record<TimeZone, EpochMs>> {
  const cutoffs = {} as Record<TimeZone, EpochMs>;
  for (const tz of timeZones) cutoffs[tz] = dueWithinCutoff(now, days, tz, calendar);
  return cutoffs;
}

// ---------------------------------------------------------------------------------------------
// Which clock runs

/**
 * first_followup: disposed, no response published yet (5 working days after disposition);
 * resolution: a response went out, the reporter replied, the agency works on the resolution
 * (the agency's limit, or the extended one); auto_complete: a response is published and the
 * reporter has 10 working days to reply before the report completes by itself.
 */
export const followUpKinds = ['first_followup', 'resolution', 'auto_complete'] as const;
export type FollowUpKind = (typeof followUpKinds)[number];

/** Statuses whose running clock is a follow-up clock. */
export const followUpStatuses = [
  'disposed',
  'in_progress',
  'responded',
] as const satisfies readonly ReportStatus[];
export type FollowUpStatus = (typeof followUpStatuses)[number];

export function isFollowUpStatus(status: ReportStatus): status is FollowUpStatus {
  return (followUpStatuses as readonly ReportStatus[]).includes(status);
}

export type FollowUpClock =
  | ({ readonly state: 'running'; readonly kind: FollowUpKind } & FollowUpCountdown)
  /** In `pending_info`: the SLA clock is stopped and no follow-up runs until the reporter answers. */
  | { readonly state: 'paused' }
  /** Not disposed yet, returned upward, or closed: nothing to follow up. */
  | { readonly state: 'none' };

function kindOfStage(stage: SlaStage | null): FollowUpKind | null {
  switch (stage) {
    case 'first_followup':
    case 'auto_complete':
      return stage;
    case 'resolution':
    case 'resolution_extended':
      return 'resolution';
    case 'verify_dispose':
    case null:
      return null;
    default:
      return assertNever(stage, 'SLA stage');
  }
}

/**
 * The follow-up clock of a report at `now`. The deadline is the stage's own (`dueAt` with the
 * report's agency settings), the same rule the auto_complete transition checks, so the countdown
 * reaches "overdue" exactly when the server may complete the report.
 */
export function followUpClock(
  report: SlaReport,
  now: EpochMs,
  calendar: SlaCalendar,
  agencySettings: AgencySettings = DEFAULT_AGENCY_SETTINGS,
): FollowUpClock {
  if (report.status === 'pending_info') return { state: 'paused' };
  const stage = currentSlaStage(report);
  const kind = kindOfStage(stage);
  if (stage === null || kind === null) return { state: 'none' };
  const deadline = dueAt(report, stage, calendar, agencySettings);
  if (deadline === null) return { state: 'none' };
  return {
    state: 'running',
    kind,
    ...followUpCountdown(deadline, now, report.timeZone, calendar),
  };
}

// ---------------------------------------------------------------------------------------------
// List rows

/** The fields of an inbox list row the follow-up list reads. */
export interface FollowUpRowFields {
  readonly status: ReportStatus;
  readonly timeZone: TimeZone;
  /** The stored deadline of the current stage (sla-calendar.ts `currentDueAt`). */
  readonly dueAt: EpochMs | null;
  readonly pausedAt: EpochMs | null;
}

/**
 * A list row's follow-up: `follow_up` while the agency owes the reporter an answer (a row does not
 * say whether a response went out before, so first follow-up and resolution are one kind here),
 * `auto_complete` while the reporter may still reply. Null when no follow-up clock runs.
 */
export type RowFollowUp = {
  readonly kind: 'follow_up' | 'auto_complete';
} & FollowUpCountdown;

export function rowFollowUp(
  row: FollowUpRowFields,
  now: EpochMs,
  calendar: SlaCalendar,
): RowFollowUp | null {
  if (!isFollowUpStatus(row.status) || row.dueAt === null || row.pausedAt !== null) return null;
  return {
    kind: row.status === 'responded' ? 'auto_complete' : 'follow_up',
    ...followUpCountdown(row.dueAt, now, row.timeZone, calendar),
  };
}
