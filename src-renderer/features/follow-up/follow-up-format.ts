// The follow-up countdowns as words: the list's short forms ("3 hari kerja lagi", "Hari ini",
// "Terlambat 2 hari kerja", "Selesai otomatis dalam 4 hari kerja") and the detail pane's sentence
// ("Selesai otomatis dalam 7 hari kerja (12 Desember 2026) bila pelapor tidak menanggapi"). Dates
// are the deadline's day in the report's time zone, whatever the operator's own.
import { dayNumberFromDateKey, type DateKey } from '../../../src-shared/domain/calendar-date';
import type {
  FollowUpClock,
  FollowUpKind,
  FollowUpTiming,
  RowFollowUp,
} from '../../../src-shared/domain/follow-up';
import { DAY_MS } from '../../../src-shared/domain/time-zone';
import type { Locale, MessageKey, Translate } from '../../i18n/i18n';

const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

/** "12 Desember 2026" / "12 December 2026": a calendar day, not an instant. */
export function formatDueDate(locale: Locale, date: DateKey): string {
  let format = dateFormats.get(locale);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      // The day is already local to the report: show it as it is.
      timeZone: 'UTC',
    });
    dateFormats.set(locale, format);
  }
  const day = dayNumberFromDateKey(date);
  return day === null ? date : format.format(day * DAY_MS);
}

/** "hari kerja" / "working day(s)" for a count. */
function unit(t: Translate, days: number): string {
  return t(Math.abs(days) === 1 ? 'followUp.unit.one' : 'followUp.unit.other');
}

/** Count and unit, for messages with `{days} {unit}` (a countdown's sign is in the wording). */
export function daysParams(t: Translate, days: number): { days: number; unit: string } {
  return { days: Math.abs(days), unit: unit(t, days) };
}

/** The list's short countdown of a row. */
export function rowCountdownText(t: Translate, followUp: RowFollowUp): string {
  const params = daysParams(t, followUp.workingDaysLeft);
  if (followUp.kind === 'auto_complete') {
    switch (followUp.timing) {
      case 'upcoming':
        return t('followUp.autoComplete', params);
      case 'due_today':
        return t('followUp.autoCompleteToday');
      case 'overdue':
        return t('followUp.autoCompleteDue');
    }
  }
  switch (followUp.timing) {
    case 'upcoming':
      return t('followUp.left', params);
    case 'due_today':
      return t('followUp.today');
    case 'overdue':
      return t('followUp.overdue', params);
  }
}

/** The list's date line: when it is due, or when it completes by itself. */
export function rowDueText(t: Translate, locale: Locale, followUp: RowFollowUp): string {
  const date = formatDueDate(locale, followUp.dueDate);
  return t(followUp.kind === 'auto_complete' ? 'followUp.autoCompleteOn' : 'followUp.dueOn', {
    date,
  });
}

const countdownKeys: Readonly<Record<FollowUpKind, Readonly<Record<FollowUpTiming, MessageKey>>>> =
  {
    auto_complete: {
      upcoming: 'followUp.countdown.autoComplete',
      due_today: 'followUp.countdown.autoCompleteToday',
      overdue: 'followUp.countdown.autoCompleteDue',
    },
    first_followup: {
      upcoming: 'followUp.countdown.first',
      due_today: 'followUp.countdown.firstToday',
      overdue: 'followUp.countdown.firstOverdue',
    },
    resolution: {
      upcoming: 'followUp.countdown.resolution',
      due_today: 'followUp.countdown.resolutionToday',
      overdue: 'followUp.countdown.resolutionOverdue',
    },
  };

/** The detail pane's sentence for a running clock; null when no follow-up clock runs. */
export function clockText(t: Translate, locale: Locale, clock: FollowUpClock): string | null {
  if (clock.state !== 'running') return null;
  return t(countdownKeys[clock.kind][clock.timing], {
    ...daysParams(t, clock.workingDaysLeft),
    date: formatDueDate(locale, clock.dueDate),
  });
}
