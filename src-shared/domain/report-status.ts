// The eight statuses of a report (DOMAIN.md, "Lifecycle"). Only the codes live here; their
// Indonesian labels are in the renderer's i18n catalogue under the keys `status.<code>`.

import { z } from 'zod';
import { assertNever } from './assert-never';

export const reportStatuses = [
  'unverified',
  'pending_info',
  'disposed',
  'in_progress',
  'responded',
  'completed',
  'not_authority',
  'archived',
] as const;
export const ReportStatusSchema = z.enum(reportStatuses);
export type ReportStatus = z.infer<typeof ReportStatusSchema>;

export type ReportStatusLabelKey = `status.${ReportStatus}`;

export function reportStatusLabelKey(status: ReportStatus): ReportStatusLabelKey {
  return `status.${status}`;
}

/** Whether the report is closed: nothing happens to it any more unless someone reopens it. */
export function isClosedStatus(status: ReportStatus): boolean {
  switch (status) {
    case 'completed':
    case 'archived':
      return true;
    case 'unverified':
    case 'pending_info':
    case 'disposed':
    case 'in_progress':
    case 'responded':
    case 'not_authority':
      return false;
    default:
      return assertNever(status, 'report status');
  }
}
