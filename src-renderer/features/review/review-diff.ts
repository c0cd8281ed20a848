// The fields of a report that differ between the operator's intent and the server's state, for
// the needs-review side-by-side view.
import type { Report } from '../../../src-shared/domain/report';
import type { ReviewItem } from '../../../src-shared/sync/client/ports';
import type { SyncRow } from '../../../src-shared/sync/protocol';

export const reviewFields = [
  'status',
  'agency',
  'unit',
  'assignee',
  'category',
  'tags',
  'privacy',
] as const;
export type ReviewField = (typeof reviewFields)[number];

function reportOf(row: SyncRow | null): Report | null {
  return row !== null && row.entity === 'report' ? row.data : null;
}

function fieldValue(report: Report, field: ReviewField): string {
  switch (field) {
    case 'status':
      return report.status;
    case 'agency':
      return report.agencyId;
    case 'unit':
      return report.unitId ?? '';
    case 'assignee':
      return report.assigneeId ?? '';
    case 'category':
      return report.categoryId ?? '';
    case 'tags':
      return report.tags.join('\u0000');
    case 'privacy':
      return `${String(report.privacy.rahasia)}/${String(report.privacy.anonim)}`;
  }
}

export interface ReviewDiff {
  readonly field: ReviewField;
  readonly intended: Report;
  readonly current: Report;
}

/** The differing fields, in a fixed order; empty when either side is not a report. */
export function reviewDiff(item: Pick<ReviewItem, 'intended' | 'current'>): ReviewDiff[] {
  const intended = reportOf(item.intended);
  const current = reportOf(item.current);
  if (intended === null || current === null) return [];
  return reviewFields
    .filter((field) => fieldValue(intended, field) !== fieldValue(current, field))
    .map((field) => ({ field, intended, current }));
}

/** The tracking number the item is about, when either side is a report. */
export function reviewTrackingId(item: Pick<ReviewItem, 'intended' | 'current'>): string | null {
  return (reportOf(item.intended) ?? reportOf(item.current))?.trackingId ?? null;
}
