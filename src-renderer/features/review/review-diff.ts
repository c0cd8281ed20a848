// The fields of a report that differ between the operator's intent and the server's state, for
// the needs-review side-by-side view: only the fields the reviewed change sets (the intended
// record also carries the operator's other pending changes, which are not this item's business).
import type { Report } from '../../../src-shared/domain/report';
import type { ReviewItem } from '../../../src-shared/sync/client/ports';
import type { MutationName, SyncRow } from '../../../src-shared/sync/protocol';

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

/** What each report mutation sets; a mutation not listed is compared on every field. */
const fieldsSetBy: Partial<Record<MutationName, readonly ReviewField[]>> = {
  'report.verifyDispose': ['status', 'agency', 'unit'],
  'report.redispose': ['status', 'agency', 'unit'],
  'report.notAuthority': ['status', 'unit'],
  'report.tunda': ['status'],
  'report.resume': ['status'],
  'report.archive': ['status'],
  'report.startProcessing': ['status'],
  'report.extendDeadline': ['status'],
  'report.reopen': ['status'],
  'report.setCategory': ['category'],
  'report.setTags': ['tags'],
  'report.setPrivacy': ['privacy'],
  'report.assign': ['assignee'],
};

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

/**
 * The differing fields the change sets, in a fixed order; empty when either side is not a
 * report.
 */
export function reviewDiff(
  item: Pick<ReviewItem, 'mutation' | 'intended' | 'current'>,
): ReviewDiff[] {
  const intended = reportOf(item.intended);
  const current = reportOf(item.current);
  if (intended === null || current === null) return [];
  const fields = fieldsSetBy[item.mutation.name] ?? reviewFields;
  return reviewFields
    .filter((field) => fields.includes(field))
    .filter((field) => fieldValue(intended, field) !== fieldValue(current, field))
    .map((field) => ({ field, intended, current }));
}

/** The tracking number the item is about, when either side is a report. */
export function reviewTrackingId(item: Pick<ReviewItem, 'intended' | 'current'>): string | null {
  return (reportOf(item.intended) ?? reportOf(item.current))?.trackingId ?? null;
}
