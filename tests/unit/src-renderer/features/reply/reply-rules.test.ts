import { describe, expect, it } from 'vitest';
import type { Agency } from '../../../../../src-shared/domain/agency';
import type { ReportResponse } from '../../../../../src-shared/domain/response';
import {
  composerStart,
  replyResponses,
  replyRights,
} from '../../../../../src-renderer/features/reply/reply-rules';
import { NOW, agencies, makeReport } from '../inbox/inbox-fixtures';

const report = makeReport(0, {
  status: 'in_progress',
  agencyId: 'dinkes',
  unitId: 'dinkes-yankes',
});
const tree = new Map(agencies.map((a) => [a.id, a]));
const publishingTree = new Map<string, Agency>(
  agencies.map((a) => [
    a.id,
    a.id === 'dinkes' ? { ...a, settings: { ...a.settings, adminsMayPublish: true } } : a,
  ]),
);

const operator = { role: 'operator_unit' as const, agencyId: 'dinkes-yankes' };
const liaison = { role: 'pejabat_penghubung' as const, agencyId: 'dinkes' };
const agencyAdmin = { role: 'admin_instansi' as const, agencyId: 'dinkes' };

const base = {
  reportId: report.id,
  agencyId: 'dinkes',
  authorId: 'u-op',
  body: 'Yth. Bapak/Ibu, laporan Anda kami tindak lanjuti.',
  createdAt: NOW - 3000,
  version: 1,
};
const draft: ReportResponse = { ...base, id: 'resp-draft', state: 'draft', updatedAt: NOW - 2000 };
const returned: ReportResponse = {
  ...base,
  id: 'resp-returned',
  state: 'returned',
  updatedAt: NOW - 1000,
  submittedAt: NOW - 1500,
  reviewedById: 'u-liaison',
  reviewedAt: NOW - 1000,
  returnComment: 'Sebutkan jadwal perbaikannya.',
};
const submitted: ReportResponse = {
  ...base,
  id: 'resp-submitted',
  state: 'submitted',
  updatedAt: NOW - 500,
  submittedAt: NOW - 500,
};

describe('reply rights', () => {
  it('lets a unit operator write but not publish', () => {
    expect(replyRights(report, operator, tree)).toEqual({ mayWrite: true, mayPublish: false });
  });

  it('lets a liaison officer write and publish', () => {
    expect(replyRights(report, liaison, tree)).toEqual({ mayWrite: true, mayPublish: true });
  });

  it('lets an agency admin publish only where the agency allows admins to', () => {
    expect(replyRights(report, agencyAdmin, tree).mayPublish).toBe(false);
    expect(replyRights(report, agencyAdmin, publishingTree).mayPublish).toBe(true);
  });

  it('offers nothing before the report is in progress, outside the subtree or to the head', () => {
    const none = { mayWrite: false, mayPublish: false };
    expect(replyRights({ ...report, status: 'disposed' }, liaison, tree)).toEqual(none);
    expect(replyRights(report, { role: 'operator_unit', agencyId: 'dishub' }, tree)).toEqual(none);
    expect(replyRights(report, { role: 'pimpinan', agencyId: 'prov' }, tree)).toEqual(none);
    expect(replyRights(report, { role: 'admin_koordinator', agencyId: 'prov' }, tree)).toEqual(
      none,
    );
  });
});

describe('the report responses the reply section works on', () => {
  it('continues the user’s own newest draft or returned response, never a colleague’s', () => {
    expect(replyResponses([draft, returned, submitted], 'u-op')).toEqual({
      editable: returned,
      submitted,
      approved: null,
    });
    expect(replyResponses([draft, returned], 'u-liaison').editable).toBeNull();
  });
});

describe('where the composer starts', () => {
  const local = {
    responseId: 'resp-draft',
    templateId: 'tpl-1',
    source: 'Teks lokal {{petugas.nama}}',
    fills: { 'petugas.nama': 'Budi' },
    updatedAt: NOW,
  };

  it('restores the device’s draft first, with its template and fills', () => {
    expect(composerStart(local, [draft], 'u-op', 'new-id')).toEqual({
      responseId: 'resp-draft',
      templateId: 'tpl-1',
      source: 'Teks lokal {{petugas.nama}}',
      fills: { 'petugas.nama': 'Budi' },
      returnComment: null,
      from: 'local',
      isLocalStale: false,
    });
  });

  it('takes the synced draft or returned response as the source when the device has none', () => {
    const start = composerStart(null, [draft, returned], 'u-op', 'new-id');
    expect(start).toMatchObject({
      responseId: 'resp-returned',
      templateId: null,
      source: returned.body,
      fills: {},
      returnComment: 'Sebutkan jadwal perbaikannya.',
      from: 'synced',
    });
  });

  it('drops a device draft whose response was sent meanwhile', () => {
    const start = composerStart(
      { ...local, responseId: 'resp-submitted' },
      [submitted],
      'u-op',
      'new-id',
    );
    expect(start).toMatchObject({ responseId: 'new-id', source: '', from: 'new' });
    expect(start.isLocalStale).toBe(true);
  });

  it('starts a new response when there is nothing to continue', () => {
    expect(composerStart(null, [submitted], 'u-op', 'new-id')).toMatchObject({
      responseId: 'new-id',
      source: '',
      from: 'new',
      isLocalStale: false,
    });
  });
});
