import { describe, expect, it } from 'vitest';
import {
  ReportStatusSchema,
  isClosedStatus,
  reportStatusLabelKey,
  reportStatuses,
} from '../../../../src-shared/domain/report-status';

describe('report statuses', () => {
  it('are the eight codes of the lifecycle', () => {
    expect(reportStatuses).toEqual([
      'unverified',
      'pending_info',
      'disposed',
      'in_progress',
      'responded',
      'completed',
      'not_authority',
      'archived',
    ]);
    expect(ReportStatusSchema.safeParse('selesai').success).toBe(false);
  });

  it('map to i18n keys under status.', () => {
    expect(reportStatusLabelKey('unverified')).toBe('status.unverified');
    expect(new Set(reportStatuses.map(reportStatusLabelKey)).size).toBe(reportStatuses.length);
  });

  it('are closed only when completed or archived', () => {
    expect(reportStatuses.filter(isClosedStatus)).toEqual(['completed', 'archived']);
  });
});
