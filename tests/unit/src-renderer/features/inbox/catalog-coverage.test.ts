import { describe, expect, it } from 'vitest';
import { catalogEn } from '../../../../../src-renderer/i18n/catalog-en';
import { catalogId } from '../../../../../src-renderer/i18n/catalog-id';
import { bulkReasonKeys } from '../../../../../src-shared/bulk/bulk-action';
import { archiveReasons } from '../../../../../src-shared/domain/archive-reason';
import { auditEditActions } from '../../../../../src-shared/domain/audit-event';
import { reportChannels, reportTypes } from '../../../../../src-shared/domain/report';
import {
  workflowActions,
  workflowReasonKeys,
} from '../../../../../src-shared/domain/report-workflow';
import { queueIds } from '../../../../../src-shared/inbox/queries';
import { mutationReasonKeys } from '../../../../../src-shared/sync/mutation-error';
import { mutationNames } from '../../../../../src-shared/sync/protocol';

const required = [
  ...workflowReasonKeys,
  ...mutationReasonKeys,
  'localDb.problem.quota',
  'localDb.problem.openFailed',
  'localDb.problem.blocked',
  'localDb.problem.deleted',
  'localDb.problem.versionTooNew',
  ...mutationNames.map((name) => `mutationName.${name}`),
  ...workflowActions.map((action) => `workflowAction.${action}`),
  ...auditEditActions.map((action) => `auditAction.${action}`),
  ...bulkReasonKeys,
  ...archiveReasons.map((reason) => `archiveReason.${reason}`),
  ...reportChannels.map((channel) => `channel.${channel}`),
  ...reportTypes.map((type) => `reportType.${type}`),
  ...queueIds.flatMap((queue) => [`queue.${queue}`, `inbox.empty.${queue}`]),
];

describe('inbox catalogue coverage', () => {
  it('explains every refusal, local store problem, mutation and code in both languages', () => {
    for (const key of required) {
      expect(Object.keys(catalogId), key).toContain(key);
      expect(Object.keys(catalogEn), key).toContain(key);
    }
  });

  it('uses the inbox wording operators know', () => {
    expect(catalogId['inbox.pendingMarker']).toBe('Perubahan belum tersinkron');
    expect(catalogId['sla.overdue']).toBe('Terlambat {days} hari kerja');
    expect(catalogId['sla.remaining']).toBe('Sisa {days} hari kerja');
    expect(catalogId['review.reapply']).toBe('Terapkan lagi pada kondisi baru');
  });
});
