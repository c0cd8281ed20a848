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

/** The badge's text; `compact` abbreviates working days as "HK" (hari kerja) for the list. */
export function slaBadgeText(t: Translate, outlook: BreachOutlook, compact = false): string {
  switch (outlook.state) {
    case 'overdue': {
      const days = -outlook.workingDaysRemaining;
      if (days <= 0) return t('sla.overdueShort');
      return compact ? t('sla.overdueCompact', { days }) : t('sla.overdue', { days });
    }
    case 'due_today':
      return t('sla.dueToday');
    case 'on_track': {
      const days = outlook.workingDaysRemaining;
      return compact ? t('sla.remainingCompact', { days }) : t('sla.remaining', { days });
    }
    case 'paused':
      return t('sla.paused');
    case 'no_deadline':
      return t('sla.none');
  }
}
