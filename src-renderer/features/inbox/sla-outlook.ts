// Time to breach for list rows and reports (sla-calendar.ts `timeToBreach`), and its badge text:
// "Terlambat 2 hari kerja", "Jatuh tempo hari ini", "Sisa 3 hari kerja", "Dijeda".
import { indonesianHolidays } from '../../../src-shared/domain/holidays-id';
import {
  createSlaCalendar,
  timeToBreach,
  type BreachOutlook,
  type SlaCalendar,
  type SlaReport,
} from '../../../src-shared/domain/sla-calendar';
import type { ReportListRow } from '../../../src-shared/inbox/list-row';
import type { Translate } from '../../i18n/i18n';

let calendar: SlaCalendar | null = null;

/** The national calendar, built once (holidays 2024–2027). */
export function slaCalendar(): SlaCalendar {
  calendar ??= createSlaCalendar(indonesianHolidays);
  return calendar;
}

/**
 * A row carries the stored deadline (`dueAt`) and pause, which is all `timeToBreach` reads besides
 * the status; the stage clocks it does not read are filled with neutral values.
 */
export function rowSlaReport(row: ReportListRow): SlaReport {
  return {
    status: row.status,
    timeZone: row.timeZone,
    dueAt: row.dueAt,
    pausedAt: row.pausedAt,
    routedAt: row.createdAt,
    disposedAt: null,
    firstResponseAt: null,
    respondedAt: null,
    pausedWorkingMs: 0,
    extendedResolutionDays: null,
  };
}

export function breachOutlook(report: SlaReport, now: number): BreachOutlook {
  return timeToBreach(report, now, slaCalendar());
}

export function slaBadgeText(t: Translate, outlook: BreachOutlook): string {
  switch (outlook.state) {
    case 'overdue': {
      const days = -outlook.workingDaysRemaining;
      return days > 0 ? t('sla.overdue', { days }) : t('sla.overdueShort');
    }
    case 'due_today':
      return t('sla.dueToday');
    case 'on_track':
      return t('sla.remaining', { days: outlook.workingDaysRemaining });
    case 'paused':
      return t('sla.paused');
    case 'no_deadline':
      return t('sla.none');
  }
}
