import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../../src-shared/domain/actor';
import { AuditEventSchema } from '../../../../src-shared/domain/audit-event';
import { ReportSchema, type Report } from '../../../../src-shared/domain/report';
import { currentDueAt, dueAt } from '../../../../src-shared/domain/sla-calendar';
import type { Change } from '../../../../src-shared/sync/mutators';
import { mutationTarget, mutators, runMutator } from '../../../../src-shared/sync/mutators';
import type { MutationError } from '../../../../src-shared/sync/mutation-error';
import type { Result } from '../../../../src-shared/result';
import {
  NOW,
  agencies,
  at,
  calendar,
  consistent,
  ctxFor,
  disposedReport,
  makeReport,
  response,
  stateWith,
  template,
  user,
} from './sync-fixtures';

const adminBandung = user('admin_instansi', 'kota-bandung', 'admin-bandung');
const adminDinkes = user('admin_instansi', 'dinkes', 'admin-dinkes');
const koordinatorJabar = user('admin_koordinator', 'prov-jabar', 'koor-jabar');
const operatorYankes = user('operator_unit', 'dinkes-yankes', 'op-yankes');
const penghubungDinkes = user('pejabat_penghubung', 'dinkes', 'u-penghubung');
const pimpinanDinkes = user('pimpinan', 'dinkes', 'kepala');

const unverified = consistent(makeReport());

function accepted(result: Result<Change, MutationError>): Change {
  if (!result.ok) throw new Error(`refused: ${result.error.code} ${result.error.message}`);
  return result.value;
}

function refused(result: Result<Change, MutationError>): MutationError {
  if (result.ok) throw new Error('accepted a mutation that should be refused');
  return result.error;
}

function changedReport(result: Result<Change, MutationError>): Report {
  const report = accepted(result).report;
  if (report === null) throw new Error('the report did not change');
  expect(ReportSchema.safeParse(report).success).toBe(true);
  return report;
}

function expectDueAtCurrent(report: Report): void {
  expect(report.dueAt).toBe(
    currentDueAt(report, calendar, agencies.get(report.agencyId)?.settings),
  );
}

describe('report.verifyDispose', () => {
  it('disposes to the target agency and unit, records a disposition and an audit event', () => {
    const change = accepted(
      mutators['report.verifyDispose'](
        stateWith({ report: unverified }),
        {
          reportId: 'r-1',
          targetAgencyId: 'dinkes',
          targetUnitId: 'dinkes-yankes',
          note: 'Segera',
          batchId: 'b-9',
        },
        ctxFor(adminBandung),
      ),
    );
    const report = change.report!;
    expect(report).toMatchObject({
      status: 'disposed',
      agencyId: 'dinkes',
      unitId: 'dinkes-yankes',
      disposedAt: NOW,
      updatedAt: NOW,
      version: unverified.version,
    });
    expect(report.dueAt).toBe(dueAt(report, 'first_followup', calendar));
    expect(change.dispositions).toEqual([
      expect.objectContaining({
        id: 'client-a:7:disposition',
        kind: 'dispose',
        fromAgencyId: 'kota-bandung',
        toAgencyId: 'dinkes',
        toUnitId: 'dinkes-yankes',
        byUserId: 'admin-bandung',
        note: 'Segera',
      }),
    ]);
    expect(change.auditEvents).toEqual([
      {
        id: 'client-a:7:audit',
        reportId: 'r-1',
        at: NOW,
        actor: adminBandung,
        action: 'verify_dispose',
        from: 'unverified',
        to: 'disposed',
        reason: 'Segera',
        batchId: 'b-9',
      },
    ]);
    expect(change.writes).toEqual([
      { entity: 'report', id: 'r-1', fields: ['status', 'agencyId', 'unitId'] },
    ]);
  });

  it('copies the time zone of the agency the report moves to', () => {
    const national = user('admin_koordinator', 'nasional');
    const report = changedReport(
      mutators['report.verifyDispose'](
        stateWith({ report: consistent(makeReport({ agencyId: 'nasional' })) }),
        { reportId: 'r-1', targetAgencyId: 'dinkes-jayapura' },
        ctxFor(national),
      ),
    );
    expect(report.timeZone).toBe('WIT');
    expect(report.dueAt).toBe(dueAt(report, 'first_followup', calendar));
    expect(report.dueAt).not.toBe(
      dueAt({ ...report, timeZone: 'WIB' }, 'first_followup', calendar),
    );
  });

  it('refuses a target outside the actor’s subtree', () => {
    const error = refused(
      mutators['report.verifyDispose'](
        stateWith({ report: unverified }),
        { reportId: 'r-1', targetAgencyId: 'prov-papua' },
        ctxFor(adminBandung),
      ),
    );
    expect(error).toMatchObject({
      code: 'workflow/out-of-scope',
      reasonKey: 'workflow.target_outside_subtree',
    });
  });

  it('answers not found for a report that is not in the state', () => {
    const error = refused(
      mutators['report.verifyDispose'](
        stateWith({ report: null }),
        { reportId: 'r-1', targetAgencyId: 'dinkes' },
        ctxFor(adminBandung),
      ),
    );
    expect(error.code).toBe('mutation/not-found');
  });
});

describe('report.tunda and report.resume', () => {
  it('pauses the clock with the message as the audit reason', () => {
    const change = accepted(
      mutators['report.tunda'](
        stateWith({ report: unverified }),
        { reportId: 'r-1', messageToReporter: 'Mohon lampirkan foto lokasi' },
        ctxFor(adminBandung),
      ),
    );
    expect(change.report).toMatchObject({ status: 'pending_info', pausedAt: NOW });
    expect(change.auditEvents[0]).toMatchObject({
      reason: 'Mohon lampirkan foto lokasi',
      to: 'pending_info',
    });
  });

  it('refuses a tunda without a message', () => {
    expect(
      refused(
        mutators['report.tunda'](
          stateWith({ report: unverified }),
          { reportId: 'r-1', messageToReporter: '   ' },
          ctxFor(adminBandung),
        ),
      ).reasonKey,
    ).toBe('workflow.message_required');
  });

  it('resumes with the paused working time excluded from the verify deadline', () => {
    const paused = consistent(
      makeReport({ status: 'pending_info', pausedAt: at('2025-02-04T09:00') }),
    );
    const later = at('2025-02-06T09:00'); // two working days later
    const report = changedReport(
      mutators['report.resume'](
        stateWith({ report: paused }),
        { reportId: 'r-1' },
        ctxFor(adminBandung, { now: later }),
      ),
    );
    expect(report.status).toBe('unverified');
    expect(report.pausedAt).toBeNull();
    expect(report.pausedWorkingMs).toBe(2 * 86_400_000);
    expectDueAtCurrent(report);
    expect(report.dueAt).toBeGreaterThan(currentDueAt(unverified, calendar)!);
  });

  it('refuses to resume a report that is not postponed', () => {
    expect(
      refused(
        mutators['report.resume'](
          stateWith({ report: unverified }),
          { reportId: 'r-1' },
          ctxFor(adminBandung),
        ),
      ).code,
    ).toBe('workflow/wrong-status');
  });
});

describe('report.archive', () => {
  it('archives a duplicate with the original’s tracking id and closes the deadline', () => {
    const change = accepted(
      mutators['report.archive'](
        stateWith({ report: unverified }),
        { reportId: 'r-1', reason: 'duplicate', duplicateOf: '1916400', note: 'sama persis' },
        ctxFor(adminBandung),
      ),
    );
    expect(change.report).toMatchObject({
      status: 'archived',
      archiveReason: 'duplicate',
      duplicateOf: '1916400',
      closedAt: NOW,
      dueAt: null,
    });
    expect(change.auditEvents[0]?.reason).toBe('duplicate: sama persis');
    expect(ReportSchema.safeParse(change.report).success).toBe(true);
  });

  it('refuses a duplicate without the original', () => {
    expect(
      refused(
        mutators['report.archive'](
          stateWith({ report: unverified }),
          { reportId: 'r-1', reason: 'duplicate' },
          ctxFor(adminBandung),
        ),
      ).reasonKey,
    ).toBe('workflow.duplicate_of_required');
  });
});

describe('report.notAuthority and report.redispose', () => {
  it('returns a report upward: it leaves its unit and its verify clock restarts', () => {
    const report = changedReport(
      mutators['report.notAuthority'](
        stateWith({ report: disposedReport() }),
        { reportId: 'r-1', reason: 'Urusan Dinas PU' },
        ctxFor(adminDinkes),
      ),
    );
    expect(report).toMatchObject({
      status: 'not_authority',
      agencyId: 'dinkes',
      unitId: null,
      routedAt: NOW,
    });
    expect(report.dueAt).toBe(dueAt(report, 'verify_dispose', calendar));
  });

  it('refuses a return without a reason', () => {
    expect(
      refused(
        mutators['report.notAuthority'](
          stateWith({ report: disposedReport() }),
          { reportId: 'r-1', reason: '' },
          ctxFor(adminDinkes),
        ),
      ).reasonKey,
    ).toBe('workflow.reason_required');
  });

  it('lets the level above re-dispose a returned report', () => {
    const returned = consistent(disposedReport({ status: 'not_authority', unitId: null }));
    const change = accepted(
      mutators['report.redispose'](
        stateWith({ report: returned }),
        { reportId: 'r-1', targetAgencyId: 'disdik', targetUnitId: 'disdik-sd' },
        ctxFor(adminBandung),
      ),
    );
    expect(change.report).toMatchObject({
      status: 'disposed',
      agencyId: 'disdik',
      unitId: 'disdik-sd',
      disposedAt: NOW,
    });
    expect(change.dispositions[0]).toMatchObject({ kind: 'redispose', fromAgencyId: 'dinkes' });
  });

  it('refuses a re-disposition by the agency that declined', () => {
    const returned = consistent(disposedReport({ status: 'not_authority', unitId: null }));
    expect(
      refused(
        mutators['report.redispose'](
          stateWith({ report: returned }),
          { reportId: 'r-1', targetAgencyId: 'dinkes' },
          ctxFor(adminDinkes),
        ),
      ).reasonKey,
    ).toBe('workflow.needs_level_above');
  });
});

describe('report.startProcessing, report.extendDeadline and report.reopen', () => {
  it('lets the unit start processing a disposed report', () => {
    const report = changedReport(
      mutators['report.startProcessing'](
        stateWith({ report: disposedReport() }),
        { reportId: 'r-1' },
        ctxFor(operatorYankes),
      ),
    );
    expect(report.status).toBe('in_progress');
    expectDueAtCurrent(report);
  });

  it('refuses start processing by a liaison officer', () => {
    expect(
      refused(
        mutators['report.startProcessing'](
          stateWith({ report: disposedReport() }),
          { reportId: 'r-1' },
          ctxFor(penghubungDinkes),
        ),
      ).code,
    ).toBe('workflow/forbidden-role');
  });

  it('extends the resolution limit and moves the deadline with it', () => {
    const working = disposedReport({
      status: 'in_progress',
      firstResponseAt: at('2025-02-04T08:00'),
    });
    const report = changedReport(
      mutators['report.extendDeadline'](
        stateWith({ report: working }),
        { reportId: 'r-1', days: 30, reason: 'Perlu cek lapangan' },
        ctxFor(adminDinkes),
      ),
    );
    expect(report.extendedResolutionDays).toBe(30);
    expect(report.dueAt).toBe(dueAt(report, 'resolution_extended', calendar));
    expect(report.dueAt).toBeGreaterThan(working.dueAt!);
  });

  it('refuses an extension beyond 60 working days', () => {
    const working = disposedReport({ status: 'in_progress' });
    expect(
      refused(
        mutators['report.extendDeadline'](
          stateWith({ report: working }),
          { reportId: 'r-1', days: 61, reason: 'x' },
          ctxFor(adminDinkes),
        ),
      ).reasonKey,
    ).toBe('workflow.extension_too_long');
  });

  it('reopens an archived report for verification with a fresh clock', () => {
    const archived = consistent(
      makeReport({
        status: 'archived',
        archiveReason: 'too_general',
        closedAt: at('2025-02-03T10:00'),
      }),
    );
    const report = changedReport(
      mutators['report.reopen'](
        stateWith({ report: archived }),
        { reportId: 'r-1', reason: 'Data dilengkapi' },
        ctxFor(adminBandung),
      ),
    );
    expect(report).toMatchObject({
      status: 'unverified',
      archiveReason: null,
      closedAt: null,
      routedAt: NOW,
    });
    expectDueAtCurrent(report);
  });

  it('refuses a reopening without a reason', () => {
    const archived = consistent(makeReport({ status: 'archived', archiveReason: 'too_general' }));
    expect(
      refused(
        mutators['report.reopen'](
          stateWith({ report: archived }),
          { reportId: 'r-1', reason: ' ' },
          ctxFor(adminBandung),
        ),
      ).reasonKey,
    ).toBe('workflow.reason_required');
  });
});

describe('report field edits', () => {
  it('sets an active category', () => {
    const change = accepted(
      mutators['report.setCategory'](
        stateWith({ report: unverified }),
        { reportId: 'r-1', categoryId: 'kesehatan' },
        ctxFor(adminBandung),
      ),
    );
    expect(change.report?.categoryId).toBe('kesehatan');
    expect(change.writes).toEqual([{ entity: 'report', id: 'r-1', fields: ['categoryId'] }]);
    expect(change.auditEvents).toEqual([]);
  });

  it('refuses a retired category, and a category set by a unit operator', () => {
    expect(
      refused(
        mutators['report.setCategory'](
          stateWith({ report: unverified }),
          { reportId: 'r-1', categoryId: 'lama' },
          ctxFor(adminBandung),
        ),
      ).reasonKey,
    ).toBe('mutation.category_unknown');
    expect(
      refused(
        mutators['report.setCategory'](
          stateWith({ report: disposedReport() }),
          { reportId: 'r-1', categoryId: 'kesehatan' },
          ctxFor(operatorYankes),
        ),
      ).code,
    ).toBe('mutation/forbidden-role');
  });

  it('trims and de-duplicates tags', () => {
    const change = accepted(
      mutators['report.setTags'](
        stateWith({ report: unverified }),
        { reportId: 'r-1', tags: [' jalan ', 'Jalan', '', 'banjir'] },
        ctxFor(adminBandung),
      ),
    );
    expect(change.report?.tags).toEqual(['jalan', 'banjir']);
  });

  it('refuses edits on a closed report', () => {
    const archived = consistent(makeReport({ status: 'archived', archiveReason: 'too_general' }));
    expect(
      refused(
        mutators['report.setTags'](
          stateWith({ report: archived }),
          { reportId: 'r-1', tags: ['x'] },
          ctxFor(adminBandung),
        ),
      ).reasonKey,
    ).toBe('mutation.report_closed');
  });

  it('makes a report anonymous and drops the reporter from the optimistic copy', () => {
    const report = changedReport(
      mutators['report.setPrivacy'](
        stateWith({ report: unverified }),
        { reportId: 'r-1', rahasia: true, anonim: true },
        ctxFor(adminBandung),
      ),
    );
    expect(report.privacy).toEqual({ rahasia: true, anonim: true });
    expect(report.reporter).toBeNull();
  });

  it('refuses to lift anonymity', () => {
    const anonymous = consistent(
      makeReport({ privacy: { rahasia: false, anonim: true }, reporter: null }),
    );
    expect(
      refused(
        mutators['report.setPrivacy'](
          stateWith({ report: anonymous }),
          { reportId: 'r-1', rahasia: false, anonim: false },
          ctxFor(adminBandung),
        ),
      ).reasonKey,
    ).toBe('mutation.anonymity_irreversible');
  });

  it('lets an admin assign an operator who can see the report', () => {
    const change = accepted(
      mutators['report.assign'](
        stateWith({ report: disposedReport() }),
        { reportId: 'r-1', assigneeId: 'op-yankes' },
        ctxFor(adminDinkes),
      ),
    );
    expect(change.report?.assigneeId).toBe('op-yankes');
  });

  it('lets a unit operator take a report, but not give it to someone else', () => {
    expect(
      accepted(
        mutators['report.assign'](
          stateWith({ report: disposedReport() }),
          { reportId: 'r-1', assigneeId: 'op-yankes' },
          ctxFor(operatorYankes),
        ),
      ).report?.assigneeId,
    ).toBe('op-yankes');
    expect(
      refused(
        mutators['report.assign'](
          stateWith({ report: disposedReport() }),
          { reportId: 'r-1', assigneeId: 'admin-dinkes' },
          ctxFor(operatorYankes),
        ),
      ).reasonKey,
    ).toBe('mutation.assign_only_self');
  });

  it('refuses an assignee who cannot see the report, or who never edits', () => {
    for (const assigneeId of ['op-disdik', 'kepala', 'nobody']) {
      expect(
        refused(
          mutators['report.assign'](
            stateWith({ report: disposedReport() }),
            { reportId: 'r-1', assigneeId },
            ctxFor(adminDinkes),
          ),
        ).reasonKey,
      ).toBe('mutation.assignee_invalid');
    }
  });
});

describe('note.add', () => {
  it('adds a note by the actor without changing the report', () => {
    const change = accepted(
      mutators['note.add'](
        stateWith({ report: disposedReport() }),
        { reportId: 'r-1', noteId: 'n-1', body: 'Sudah ditelepon' },
        ctxFor(operatorYankes),
      ),
    );
    expect(change.report).toBeNull();
    expect(change.writes).toEqual([]);
    expect(change.notes).toEqual([
      {
        id: 'n-1',
        reportId: 'r-1',
        authorId: 'op-yankes',
        agencyId: 'dinkes-yankes',
        body: 'Sudah ditelepon',
        createdAt: NOW,
        updatedAt: NOW,
        version: 0,
      },
    ]);
  });

  it('refuses a blank note, a taken id and a note outside the actor’s subtree', () => {
    const report = disposedReport();
    expect(
      refused(
        mutators['note.add'](
          stateWith({ report }),
          { reportId: 'r-1', noteId: 'n-1', body: ' ' },
          ctxFor(operatorYankes),
        ),
      ).code,
    ).toBe('mutation/invalid');
    const taken = accepted(
      mutators['note.add'](
        stateWith({ report }),
        { reportId: 'r-1', noteId: 'n-1', body: 'x' },
        ctxFor(operatorYankes),
      ),
    ).notes[0]!;
    expect(
      refused(
        mutators['note.add'](
          stateWith({ report, note: taken }),
          { reportId: 'r-1', noteId: 'n-1', body: 'y' },
          ctxFor(operatorYankes),
        ),
      ).code,
    ).toBe('mutation/id-taken');
    expect(
      refused(
        mutators['note.add'](
          stateWith({ report }),
          { reportId: 'r-1', noteId: 'n-2', body: 'y' },
          ctxFor(user('operator_unit', 'disdik-sd')),
        ),
      ).code,
    ).toBe('mutation/out-of-scope');
  });
});

describe('responses from draft to publication', () => {
  const working = disposedReport({ status: 'in_progress' });
  const args = { reportId: 'r-1', responseId: 'resp-1' };

  it('creates a draft, and turns a returned draft back into a draft when edited', () => {
    const created = accepted(
      mutators['response.saveDraft'](
        stateWith({ report: working }),
        { ...args, body: 'Draf' },
        ctxFor(operatorYankes),
      ),
    );
    expect(created.responses[0]).toMatchObject({
      id: 'resp-1',
      state: 'draft',
      authorId: 'op-yankes',
      agencyId: 'dinkes',
      body: 'Draf',
    });
    const edited = accepted(
      mutators['response.saveDraft'](
        stateWith({ report: working, response: response('returned') }),
        { ...args, body: 'Draf baru' },
        ctxFor(operatorYankes),
      ),
    );
    expect(edited.responses[0]).toEqual(
      expect.objectContaining({ state: 'draft', body: 'Draf baru' }),
    );
    expect(edited.responses[0]).not.toHaveProperty('returnComment');
    expect(edited.writes).toEqual([
      { entity: 'response', id: 'resp-1', fields: ['body', 'state'] },
    ]);
  });

  it('refuses to edit a submitted response or a response of another report', () => {
    expect(
      refused(
        mutators['response.saveDraft'](
          stateWith({ report: working, response: response('submitted') }),
          { ...args, body: 'x' },
          ctxFor(operatorYankes),
        ),
      ).reasonKey,
    ).toBe('mutation.response_not_editable');
    expect(
      refused(
        mutators['response.saveDraft'](
          stateWith({ report: working, response: response('draft', { reportId: 'r-other' }) }),
          { ...args, body: 'x' },
          ctxFor(operatorYankes),
        ),
      ).code,
    ).toBe('mutation/id-taken');
  });

  it('refuses drafting before the report is in progress', () => {
    expect(
      refused(
        mutators['response.saveDraft'](
          stateWith({ report: disposedReport() }),
          { ...args, body: 'x' },
          ctxFor(operatorYankes),
        ),
      ).reasonKey,
    ).toBe('mutation.report_not_in_progress');
  });

  it('submits a draft with text and refuses an empty one', () => {
    expect(
      accepted(
        mutators['response.submit'](
          stateWith({ report: working, response: response('draft') }),
          args,
          ctxFor(operatorYankes),
        ),
      ).responses[0],
    ).toMatchObject({ state: 'submitted', submittedAt: NOW });
    expect(
      refused(
        mutators['response.submit'](
          stateWith({ report: working, response: response('draft', { body: ' ' }) }),
          args,
          ctxFor(operatorYankes),
        ),
      ).code,
    ).toBe('mutation/invalid');
  });

  it('lets the liaison officer approve, and an admin only where the agency allows it', () => {
    const state = stateWith({ report: working, response: response('submitted') });
    expect(
      accepted(mutators['response.approve'](state, args, ctxFor(penghubungDinkes))).responses[0],
    ).toMatchObject({
      state: 'approved',
      reviewedById: 'u-penghubung',
      reviewedAt: NOW,
    });
    expect(refused(mutators['response.approve'](state, args, ctxFor(adminDinkes))).code).toBe(
      'mutation/forbidden-role',
    );
    const permissive = new Map(agencies);
    permissive.set('dinkes', {
      ...agencies.get('dinkes')!,
      settings: { ...agencies.get('dinkes')!.settings, adminsMayPublish: true },
    });
    expect(
      accepted(
        mutators['response.approve'](state, args, ctxFor(adminDinkes, { agencies: permissive })),
      ).responses[0]?.state,
    ).toBe('approved');
  });

  it('returns a submitted draft with a comment, and refuses without one', () => {
    const state = stateWith({ report: working, response: response('submitted') });
    expect(
      accepted(
        mutators['response.return'](
          state,
          { ...args, comment: 'Tambahkan jadwal' },
          ctxFor(penghubungDinkes),
        ),
      ).responses[0],
    ).toMatchObject({ state: 'returned', returnComment: 'Tambahkan jadwal' });
    expect(
      refused(
        mutators['response.return'](state, { ...args, comment: '' }, ctxFor(penghubungDinkes)),
      ).code,
    ).toBe('mutation/invalid');
    expect(
      refused(
        mutators['response.return'](
          stateWith({ report: working, response: response('approved') }),
          { ...args, comment: 'x' },
          ctxFor(penghubungDinkes),
        ),
      ).reasonKey,
    ).toBe('mutation.response_not_submitted');
  });

  it('publishes an approved response: the report is responded and its first response stamped', () => {
    const change = accepted(
      mutators['response.publish'](
        stateWith({ report: working, response: response('approved') }),
        args,
        ctxFor(penghubungDinkes),
      ),
    );
    expect(change.report).toMatchObject({
      status: 'responded',
      firstResponseAt: NOW,
      respondedAt: NOW,
    });
    expect(change.report!.dueAt).toBe(dueAt(change.report!, 'auto_complete', calendar));
    expect(change.responses[0]).toMatchObject({
      state: 'published',
      publishedAt: NOW,
      publishedById: 'u-penghubung',
    });
    expect(change.auditEvents[0]).toMatchObject({
      action: 'publish_response',
      from: 'in_progress',
      to: 'responded',
    });
    expect(change.writes).toEqual([
      { entity: 'report', id: 'r-1', fields: ['status'] },
      { entity: 'response', id: 'resp-1', fields: ['state'] },
    ]);
  });

  it('refuses to publish a response that is not approved', () => {
    expect(
      refused(
        mutators['response.publish'](
          stateWith({ report: working, response: response('submitted') }),
          args,
          ctxFor(penghubungDinkes),
        ),
      ).reasonKey,
    ).toBe('workflow.response_not_approved');
  });
});

describe('response.send: a finished reply in one step', () => {
  const working = disposedReport({ status: 'in_progress' });
  const send = {
    reportId: 'r-1',
    responseId: 'resp-9',
    body: 'Yth. Bapak Budi, jalan akan diperbaiki pekan depan.',
    publish: false,
  };
  const permissive = new Map(agencies);
  permissive.set('dinkes', {
    ...agencies.get('dinkes')!,
    settings: { ...agencies.get('dinkes')!.settings, adminsMayPublish: true },
  });

  it('submits an operator’s new reply for approval, leaving the report as it is', () => {
    const change = accepted(
      mutators['response.send'](stateWith({ report: working }), send, ctxFor(operatorYankes)),
    );
    expect(change.report).toBeNull();
    expect(change.auditEvents).toEqual([]);
    expect(change.responses).toEqual([
      {
        id: 'resp-9',
        reportId: 'r-1',
        agencyId: 'dinkes',
        authorId: 'op-yankes',
        body: send.body,
        createdAt: NOW,
        updatedAt: NOW,
        submittedAt: NOW,
        version: 0,
        state: 'submitted',
      },
    ]);
    expect(change.writes).toEqual([
      { entity: 'response', id: 'resp-9', fields: ['body', 'state'] },
    ]);
  });

  it('sends the author’s own draft or returned draft with the final body', () => {
    for (const state of ['draft', 'returned'] as const) {
      const sent = accepted(
        mutators['response.send'](
          stateWith({ report: working, response: response(state, { id: 'resp-9' }) }),
          send,
          ctxFor(operatorYankes),
        ),
      ).responses[0];
      expect(sent).toMatchObject({
        state: 'submitted',
        body: send.body,
        createdAt: at('2025-02-03T12:00'),
        version: 3,
      });
      expect(sent).not.toHaveProperty('returnComment');
      expect(sent).not.toHaveProperty('reviewedById');
    }
  });

  it('lets a liaison officer publish at once: the report is responded and the move audited', () => {
    const change = accepted(
      mutators['response.send'](
        stateWith({ report: working }),
        { ...send, publish: true, batchId: 'batch-7' },
        ctxFor(penghubungDinkes),
      ),
    );
    expect(change.responses).toEqual([
      expect.objectContaining({
        id: 'resp-9',
        state: 'published',
        authorId: 'u-penghubung',
        body: send.body,
        submittedAt: NOW,
        reviewedById: 'u-penghubung',
        reviewedAt: NOW,
        publishedById: 'u-penghubung',
        publishedAt: NOW,
      }),
    ]);
    const report = changedReport(
      mutators['response.send'](
        stateWith({ report: working }),
        { ...send, publish: true },
        ctxFor(penghubungDinkes),
      ),
    );
    expect(report).toMatchObject({ status: 'responded', firstResponseAt: NOW, respondedAt: NOW });
    expect(report.dueAt).toBe(dueAt(report, 'auto_complete', calendar));
    expect(change.auditEvents).toEqual([
      {
        id: 'client-a:7:audit',
        reportId: 'r-1',
        at: NOW,
        actor: penghubungDinkes,
        action: 'publish_response',
        from: 'in_progress',
        to: 'responded',
        reason: null,
        batchId: 'batch-7',
      },
    ]);
    expect(AuditEventSchema.safeParse(change.auditEvents[0]).success).toBe(true);
    expect(change.writes).toEqual([
      { entity: 'report', id: 'r-1', fields: ['status'] },
      { entity: 'response', id: 'resp-9', fields: ['body', 'state'] },
    ]);
  });

  it('keeps an earlier first response when publishing a later one', () => {
    const answeredBefore = disposedReport({
      status: 'in_progress',
      firstResponseAt: at('2025-02-03T15:00'),
    });
    expect(
      changedReport(
        mutators['response.send'](
          stateWith({ report: answeredBefore }),
          { ...send, publish: true },
          ctxFor(penghubungDinkes),
        ),
      ),
    ).toMatchObject({ firstResponseAt: at('2025-02-03T15:00'), respondedAt: NOW });
  });

  it('lets an agency admin publish only where the agency allows admins to', () => {
    const state = stateWith({ report: working });
    const publish = { ...send, publish: true };
    expect(refused(mutators['response.send'](state, publish, ctxFor(adminDinkes)))).toMatchObject({
      code: 'workflow/forbidden-role',
      reasonKey: 'workflow.publish_needs_liaison',
    });
    expect(
      accepted(
        mutators['response.send'](state, publish, ctxFor(adminDinkes, { agencies: permissive })),
      ).report?.status,
    ).toBe('responded');
    // Submitting for approval needs no setting.
    expect(
      accepted(mutators['response.send'](state, send, ctxFor(adminDinkes))).responses[0]?.state,
    ).toBe('submitted');
  });

  it('never lets a unit operator publish', () => {
    expect(
      refused(
        mutators['response.send'](
          stateWith({ report: working }),
          { ...send, publish: true },
          ctxFor(operatorYankes, { agencies: permissive }),
        ),
      ).code,
    ).toBe('workflow/forbidden-role');
  });

  it('refuses a reply that still holds an unfilled placeholder, naming it', () => {
    for (const body of [
      'Yth. {{pelapor.sapaan}}, laporan Anda kami terima.',
      '{{> salam_pembuka}} Laporan Anda kami terima.',
      '{{#if laporan.anonim}}Yth. Pelapor{{/if}} Terima kasih.',
    ]) {
      const error = refused(
        mutators['response.send'](
          stateWith({ report: working }),
          { ...send, body, publish: true },
          ctxFor(penghubungDinkes),
        ),
      );
      expect(error).toMatchObject({
        code: 'mutation/invalid',
        reasonKey: 'mutation.response_unfilled',
      });
    }
    expect(
      refused(
        mutators['response.send'](
          stateWith({ report: working }),
          { ...send, body: 'Yth. {{petugas.nama}}' },
          ctxFor(operatorYankes),
        ),
      ).message,
    ).toContain('petugas.nama');
  });

  it('sends text that only looks like a tag but is no template (a citizen’s quoted braces)', () => {
    const body = 'Anda menulis "harga naik {{ tanpa pemberitahuan"; kami sudah menegur penjual.';
    expect(
      accepted(
        mutators['response.send'](
          stateWith({ report: working }),
          { ...send, body },
          ctxFor(operatorYankes),
        ),
      ).responses[0]?.body,
    ).toBe(body);
  });

  it('refuses a blank reply', () => {
    expect(
      refused(
        mutators['response.send'](
          stateWith({ report: working }),
          { ...send, body: ' \n ' },
          ctxFor(operatorYankes),
        ),
      ),
    ).toMatchObject({ code: 'mutation/invalid', reasonKey: 'mutation.text_required' });
  });

  it('refuses a reply before the report is in progress, and after it was answered', () => {
    for (const report of [disposedReport(), disposedReport({ status: 'responded' })]) {
      expect(
        refused(mutators['response.send'](stateWith({ report }), send, ctxFor(operatorYankes)))
          .reasonKey,
      ).toBe('mutation.report_not_in_progress');
    }
  });

  it('refuses another author’s draft, and a response no longer a draft', () => {
    expect(
      refused(
        mutators['response.send'](
          stateWith({
            report: working,
            response: response('draft', { id: 'resp-9', authorId: 'op-lain' }),
          }),
          { ...send, publish: true },
          ctxFor(penghubungDinkes),
        ),
      ),
    ).toMatchObject({
      code: 'mutation/forbidden-role',
      reasonKey: 'mutation.response_other_author',
    });
    for (const state of ['submitted', 'approved', 'published'] as const) {
      expect(
        refused(
          mutators['response.send'](
            stateWith({ report: working, response: response(state, { id: 'resp-9' }) }),
            send,
            ctxFor(operatorYankes),
          ),
        ).reasonKey,
      ).toBe('mutation.response_not_editable');
    }
    expect(
      refused(
        mutators['response.send'](
          stateWith({
            report: working,
            response: response('draft', { id: 'resp-9', reportId: 'r-other' }),
          }),
          send,
          ctxFor(operatorYankes),
        ),
      ).code,
    ).toBe('mutation/id-taken');
  });

  it('refuses a head of agency and a report outside the actor’s subtree', () => {
    expect(
      refused(
        mutators['response.send'](stateWith({ report: working }), send, ctxFor(pimpinanDinkes)),
      ).code,
    ).toBe('mutation/forbidden-role');
    const elsewhere = disposedReport({
      status: 'in_progress',
      agencyId: 'disdik',
      unitId: 'disdik-sd',
    });
    expect(
      refused(
        mutators['response.send'](stateWith({ report: elsewhere }), send, ctxFor(operatorYankes)),
      ).code,
    ).toBe('mutation/out-of-scope');
  });
});

describe('response.approve with publish, and unfilled drafts', () => {
  const working = disposedReport({ status: 'in_progress' });
  const args = { reportId: 'r-1', responseId: 'resp-1' };

  it('approves and publishes in one step, audited with the batch', () => {
    const change = accepted(
      mutators['response.approve'](
        stateWith({ report: working, response: response('submitted') }),
        { ...args, publish: true, batchId: 'batch-3' },
        ctxFor(penghubungDinkes),
      ),
    );
    expect(change.responses).toEqual([
      expect.objectContaining({
        id: 'resp-1',
        state: 'published',
        authorId: 'op-yankes',
        reviewedById: 'u-penghubung',
        reviewedAt: NOW,
        publishedById: 'u-penghubung',
        publishedAt: NOW,
      }),
    ]);
    expect(change.report).toMatchObject({
      status: 'responded',
      firstResponseAt: NOW,
      respondedAt: NOW,
    });
    expect(change.auditEvents).toEqual([
      expect.objectContaining({
        action: 'publish_response',
        from: 'in_progress',
        to: 'responded',
        batchId: 'batch-3',
      }),
    ]);
    expect(change.writes).toEqual([
      { entity: 'report', id: 'r-1', fields: ['status'] },
      { entity: 'response', id: 'resp-1', fields: ['state'] },
    ]);
  });

  it('only approves without publish, and refuses what is not submitted either way', () => {
    const approvedOnly = accepted(
      mutators['response.approve'](
        stateWith({ report: working, response: response('submitted') }),
        { ...args, publish: false },
        ctxFor(penghubungDinkes),
      ),
    );
    expect(approvedOnly.report).toBeNull();
    expect(approvedOnly.responses[0]?.state).toBe('approved');
    expect(
      refused(
        mutators['response.approve'](
          stateWith({ report: working, response: response('draft') }),
          { ...args, publish: true },
          ctxFor(penghubungDinkes),
        ),
      ).reasonKey,
    ).toBe('mutation.response_not_submitted');
  });

  it('refuses submitting a draft that still holds an unfilled placeholder', () => {
    expect(
      refused(
        mutators['response.submit'](
          stateWith({
            report: working,
            response: response('draft', { body: 'Yth. {{pelapor.sapaan}}, terima kasih.' }),
          }),
          args,
          ctxFor(operatorYankes),
        ),
      ),
    ).toMatchObject({ code: 'mutation/invalid', reasonKey: 'mutation.response_unfilled' });
  });
});

describe('templates', () => {
  const upsert = {
    templateId: 'tpl-1',
    scope: 'agency' as const,
    kind: 'tindak_lanjut' as const,
    name: ' Jawaban umum ',
    body: 'Yth. {{nama}}',
  };

  it('lets an admin create an agency template for their agency', () => {
    const change = accepted(
      mutators['template.upsert'](stateWith({}), upsert, ctxFor(adminDinkes)),
    );
    expect(change.templates).toEqual([
      expect.objectContaining({
        id: 'tpl-1',
        scope: 'agency',
        agencyId: 'dinkes',
        name: 'Jawaban umum',
        updatedBy: 'admin-dinkes',
      }),
    ]);
  });

  it('counts editions of a template: 1 when created, one more with every save', () => {
    const created = accepted(
      mutators['template.upsert'](stateWith({}), upsert, ctxFor(adminDinkes)),
    ).templates[0];
    expect(created?.revision).toBe(1);
    if (created === undefined) throw new Error('no template');
    const edited = accepted(
      mutators['template.upsert'](
        stateWith({ template: { ...created, version: 17 } }),
        { ...upsert, body: 'Yth. {{pelapor.sapaan}}' },
        ctxFor(adminDinkes),
      ),
    ).templates[0];
    expect(edited).toMatchObject({ revision: 2, version: 17, body: 'Yth. {{pelapor.sapaan}}' });
  });

  it('lets an operator keep personal templates but not agency ones', () => {
    const personal = accepted(
      mutators['template.upsert'](
        stateWith({}),
        { ...upsert, scope: 'personal' },
        ctxFor(operatorYankes),
      ),
    );
    expect(personal.templates[0]).toMatchObject({
      scope: 'personal',
      ownerId: 'op-yankes',
      agencyId: 'dinkes-yankes',
    });
    expect(
      refused(mutators['template.upsert'](stateWith({}), upsert, ctxFor(operatorYankes))).code,
    ).toBe('mutation/forbidden-role');
  });

  it('hides another operator’s personal template and keeps a template’s scope', () => {
    const theirs = template({
      scope: 'personal',
      ownerId: 'someone-else',
      agencyId: 'dinkes-yankes',
    } as never);
    expect(
      refused(
        mutators['template.upsert'](
          stateWith({ template: theirs }),
          { ...upsert, scope: 'personal' },
          ctxFor(operatorYankes),
        ),
      ).code,
    ).toBe('mutation/not-found');
    expect(
      refused(
        mutators['template.upsert'](
          stateWith({ template: template() }),
          { ...upsert, scope: 'personal' },
          ctxFor(adminDinkes),
        ),
      ).reasonKey,
    ).toBe('mutation.template_scope_fixed');
  });

  it('refuses editing an agency template of an agency above the actor', () => {
    const provincial = template({ agencyId: 'prov-jabar' });
    expect(
      refused(
        mutators['template.upsert'](
          stateWith({ template: provincial }),
          upsert,
          ctxFor(adminDinkes),
        ),
      ).code,
    ).toBe('mutation/not-found');
  });

  it('stores a trimmed description and the categories once each, and writes them as fields', () => {
    const change = accepted(
      mutators['template.upsert'](
        stateWith({}),
        {
          ...upsert,
          description: '  Jawaban akhir untuk keluhan layanan  ',
          categoryIds: ['kesehatan', 'jalan', 'kesehatan'],
        },
        ctxFor(adminDinkes),
      ),
    );
    expect(change.templates[0]).toMatchObject({
      description: 'Jawaban akhir untuk keluhan layanan',
      categoryIds: ['kesehatan', 'jalan'],
    });
    expect(change.writes).toEqual([
      {
        entity: 'template',
        id: 'tpl-1',
        fields: ['kind', 'name', 'body', 'description', 'categoryIds'],
      },
    ]);
  });

  it('keeps the description and categories an edit leaves out, and defaults them when new', () => {
    const existing = template({ description: 'Lama', categoryIds: ['kesehatan'] });
    const change = accepted(
      mutators['template.upsert'](stateWith({ template: existing }), upsert, ctxFor(adminDinkes)),
    );
    expect(change.templates[0]).toMatchObject({ description: 'Lama', categoryIds: ['kesehatan'] });
    expect(change.writes[0]?.fields).toEqual(['kind', 'name', 'body']);
    // A template stored before descriptions existed has none.
    const { description: _d, categoryIds: _c, ...legacy } = template();
    expect(
      accepted(
        mutators['template.upsert'](
          stateWith({ template: legacy as never }),
          upsert,
          ctxFor(adminDinkes),
        ),
      ).templates[0],
    ).toMatchObject({ description: '', categoryIds: [] });
    expect(
      accepted(mutators['template.upsert'](stateWith({}), upsert, ctxFor(adminDinkes)))
        .templates[0],
    ).toMatchObject({ description: '', categoryIds: [] });
  });

  it('accepts a snippet only under a lower_snake name', () => {
    const snippet = { ...upsert, kind: 'cuplikan' as const, body: 'Dengan hormat,' };
    expect(
      accepted(
        mutators['template.upsert'](
          stateWith({}),
          { ...snippet, name: ' salam_pembuka ' },
          ctxFor(adminDinkes),
        ),
      ).templates[0],
    ).toMatchObject({ kind: 'cuplikan', name: 'salam_pembuka' });
    for (const name of ['Salam Pembuka', 'salam-pembuka', '1_salam', 'salam pembuka']) {
      expect(
        refused(
          mutators['template.upsert'](stateWith({}), { ...snippet, name }, ctxFor(adminDinkes)),
        ),
      ).toMatchObject({ code: 'mutation/invalid', reasonKey: 'mutation.snippet_name_invalid' });
    }
    // Other kinds keep free names.
    expect(
      accepted(
        mutators['template.upsert'](
          stateWith({}),
          { ...upsert, name: 'Salam Pembuka' },
          ctxFor(adminDinkes),
        ),
      ).templates[0]?.name,
    ).toBe('Salam Pembuka');
  });

  it('deletes a template the actor may change, and answers not found otherwise', () => {
    const existing = template();
    expect(
      accepted(
        mutators['template.delete'](
          stateWith({ template: existing }),
          { templateId: 'tpl-1' },
          ctxFor(adminDinkes),
        ),
      ).deletedTemplates,
    ).toEqual([existing]);
    expect(
      refused(
        mutators['template.delete'](stateWith({}), { templateId: 'tpl-1' }, ctxFor(adminDinkes)),
      ).code,
    ).toBe('mutation/not-found');
  });
});

describe('mutation targets and the handler map', () => {
  it('names the records each mutation reads', () => {
    const base = { clientId: 'client-a', id: 1, baseVersion: 0, at: 0 };
    expect(
      mutationTarget({
        ...base,
        name: 'report.assign',
        args: { reportId: 'r-1', assigneeId: 'u-2' },
      }),
    ).toMatchObject({ reportId: 'r-1', userId: 'u-2', responseId: null, templateId: null });
    expect(
      mutationTarget({
        ...base,
        name: 'response.publish',
        args: { reportId: 'r-1', responseId: 'x' },
      }),
    ).toMatchObject({ reportId: 'r-1', responseId: 'x' });
    expect(
      mutationTarget({
        ...base,
        name: 'response.send',
        args: { reportId: 'r-1', responseId: 'x', body: 'Terima kasih', publish: true },
      }),
    ).toMatchObject({ reportId: 'r-1', responseId: 'x', noteId: null });
    expect(
      mutationTarget({ ...base, name: 'template.delete', args: { templateId: 't' } }),
    ).toMatchObject({
      reportId: null,
      templateId: 't',
    });
  });

  it('dispatches by name through runMutator', () => {
    const actor: Actor = adminBandung;
    const result = runMutator(
      stateWith({ report: unverified }),
      { name: 'report.setTags', args: { reportId: 'r-1', tags: ['a'] } },
      ctxFor(actor),
    );
    expect(accepted(result).report?.tags).toEqual(['a']);
  });

  it('never lets a head of agency change anything', () => {
    const report = disposedReport({ status: 'in_progress' });
    const state = stateWith({ report, response: response('approved') });
    const ctx = ctxFor(pimpinanDinkes);
    expect(mutators['note.add'](state, { reportId: 'r-1', noteId: 'n', body: 'x' }, ctx).ok).toBe(
      false,
    );
    expect(
      mutators['response.publish'](state, { reportId: 'r-1', responseId: 'resp-1' }, ctx).ok,
    ).toBe(false);
    expect(
      mutators['template.upsert'](
        state,
        { templateId: 't', scope: 'personal', kind: 'arsip', name: 'n', body: '' },
        ctx,
      ).ok,
    ).toBe(false);
  });

  it('refuses the system actor on operator mutations', () => {
    const result = mutators['report.setTags'](
      stateWith({ report: unverified }),
      { reportId: 'r-1', tags: [] },
      ctxFor({ kind: 'system' }),
    );
    expect(refused(result).code).toBe('mutation/forbidden-role');
    expect(koordinatorJabar.kind).toBe('user');
  });
});

describe('audit events of bulk edits and notes', () => {
  const inBatch = { batchId: 'batch-7' };

  it('records each field edit of a batch with the batch id, from = to = the status', () => {
    const cases = [
      {
        change: mutators['report.setCategory'](
          stateWith({ report: unverified }),
          { reportId: 'r-1', categoryId: 'kesehatan', ...inBatch },
          ctxFor(adminBandung),
        ),
        action: 'set_category',
        reason: 'categoryId=kesehatan',
        status: 'unverified',
      },
      {
        change: mutators['report.setTags'](
          stateWith({ report: unverified }),
          { reportId: 'r-1', tags: [' jalan ', 'Jalan', 'banjir'], ...inBatch },
          ctxFor(adminBandung),
        ),
        action: 'set_tags',
        reason: 'tags=jalan,banjir',
        status: 'unverified',
      },
      {
        change: mutators['report.setPrivacy'](
          stateWith({ report: unverified }),
          { reportId: 'r-1', rahasia: true, anonim: false, ...inBatch },
          ctxFor(adminBandung),
        ),
        action: 'set_privacy',
        reason: 'rahasia=true,anonim=false',
        status: 'unverified',
      },
      {
        change: mutators['report.assign'](
          stateWith({ report: disposedReport() }),
          { reportId: 'r-1', assigneeId: 'op-yankes', ...inBatch },
          ctxFor(adminDinkes),
        ),
        action: 'assign',
        reason: 'assigneeId=op-yankes',
        status: 'disposed',
      },
      {
        change: mutators['report.assign'](
          stateWith({ report: disposedReport({ assigneeId: 'op-yankes' }) }),
          { reportId: 'r-1', assigneeId: null, ...inBatch },
          ctxFor(adminDinkes),
        ),
        action: 'assign',
        reason: 'assigneeId=none',
        status: 'disposed',
      },
    ] as const;
    for (const { change, action, reason, status } of cases) {
      const actor = action === 'assign' ? adminDinkes : adminBandung;
      expect(accepted(change).auditEvents).toEqual([
        {
          id: 'client-a:7:audit',
          reportId: 'r-1',
          at: NOW,
          actor,
          action,
          from: status,
          to: status,
          reason,
          batchId: 'batch-7',
        },
      ]);
      expect(AuditEventSchema.safeParse(accepted(change).auditEvents[0]).success).toBe(true);
    }
  });

  it('records a note added in a batch as add_note without a reason', () => {
    const change = accepted(
      mutators['note.add'](
        stateWith({ report: disposedReport() }),
        { reportId: 'r-1', noteId: 'n-1', body: 'Digabung', ...inBatch },
        ctxFor(operatorYankes),
      ),
    );
    expect(change.report).toBeNull();
    expect(change.notes.map((n) => n.id)).toEqual(['n-1']);
    expect(change.auditEvents).toEqual([
      {
        id: 'client-a:7:audit',
        reportId: 'r-1',
        at: NOW,
        actor: operatorYankes,
        action: 'add_note',
        from: 'disposed',
        to: 'disposed',
        reason: null,
        batchId: 'batch-7',
      },
    ]);
  });

  it('records no audit event for a single edit or note outside a batch', () => {
    const single = [
      mutators['report.setTags'](
        stateWith({ report: unverified }),
        { reportId: 'r-1', tags: ['jalan'] },
        ctxFor(adminBandung),
      ),
      mutators['report.setPrivacy'](
        stateWith({ report: unverified }),
        { reportId: 'r-1', rahasia: true, anonim: true },
        ctxFor(adminBandung),
      ),
      mutators['report.assign'](
        stateWith({ report: disposedReport() }),
        { reportId: 'r-1', assigneeId: 'op-yankes' },
        ctxFor(adminDinkes),
      ),
      mutators['note.add'](
        stateWith({ report: disposedReport() }),
        { reportId: 'r-1', noteId: 'n-1', body: 'Sudah ditelepon' },
        ctxFor(operatorYankes),
      ),
    ];
    for (const change of single) expect(accepted(change).auditEvents).toEqual([]);
  });
});
