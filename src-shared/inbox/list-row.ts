// A report as the inbox lists it: the few fields queues, sorts, filters and the list row show,
// derived from the full report. The local store keeps one per report; the in-memory inbox model
// holds all of them (100,000 × a few hundred bytes).

import type { Report, ReportChannel, ReportType } from '../domain/report';
import type { ReportStatus } from '../domain/report-status';
import type { TimeZone } from '../domain/time-zone';

export interface ReportListRow {
  readonly id: string;
  readonly trackingId: string;
  readonly title: string;
  readonly status: ReportStatus;
  readonly agencyId: string;
  readonly unitId: string | null;
  readonly assigneeId: string | null;
  readonly categoryId: string | null;
  readonly channel: ReportChannel;
  readonly type: ReportType;
  readonly rahasia: boolean;
  readonly anonim: boolean;
  readonly locationText: string;
  readonly timeZone: TimeZone;
  readonly createdAt: number;
  /** The current stage's deadline; null when closed. */
  readonly dueAt: number | null;
  /** When the current pending_info pause began (the SLA clock is stopped), else null. */
  readonly pausedAt: number | null;
  readonly updatedAt: number;
  /** The server version of the report row (of the server layer, 0 for a report made locally). */
  readonly version: number;
  /** A pending (not yet confirmed) local change touches the report. */
  readonly pending: boolean;
  /** One of its responses is submitted and waits for a liaison officer's approval. */
  readonly awaitingApproval: boolean;
}

export interface ListRowFlags {
  readonly version: number;
  readonly pending: boolean;
  readonly awaitingApproval: boolean;
}

export function toListRow(report: Report, flags: ListRowFlags): ReportListRow {
  return {
    id: report.id,
    trackingId: report.trackingId,
    title: report.title,
    status: report.status,
    agencyId: report.agencyId,
    unitId: report.unitId,
    assigneeId: report.assigneeId,
    categoryId: report.categoryId,
    channel: report.channel,
    type: report.type,
    rahasia: report.privacy.rahasia,
    anonim: report.privacy.anonim,
    locationText: report.location.text,
    timeZone: report.timeZone,
    createdAt: report.createdAt,
    dueAt: report.dueAt,
    pausedAt: report.pausedAt,
    updatedAt: report.updatedAt,
    version: flags.version,
    pending: flags.pending,
    awaitingApproval: flags.awaitingApproval,
  };
}
