import { describe, expect, it } from 'vitest';
import type { ReportResponse } from '../../../../src-shared/domain/response';
import {
  isClosedStatus,
  reportStatuses,
  type ReportStatus,
} from '../../../../src-shared/domain/report-status';
import {
  TransitionArgsSchema,
  availableActions,
  canTransition,
  reportWorkflow,
  workflowActions,
  workflowEdges,
  workflowReasonKeys,
  type TransitionArgs,
  type WorkflowContext,
} from '../../../../src-shared/domain/report-workflow';
import { agencies, at, calendar, endOf, makeReport, system, user } from './domain-fixtures';

const coordinator = user('admin_koordinator', 'prov-jabar');
const cityAdmin = user('admin_instansi', 'kota-bandung');
const dinkesAdmin = user('admin_instansi', 'dinkes');
const unitOperator = user('operator_unit', 'dinkes-yankes');
const liaison = user('pejabat_penghubung', 'dinkes');
const head = user('pimpinan', 'kota-bandung');
const papuaAdmin = user('admin_instansi', 'prov-papua');

const responses = new Map<string, Pick<ReportResponse, 'id' | 'reportId' | 'state'>>([
  ['resp-ok', { id: 'resp-ok', reportId: 'r-1', state: 'approved' }],
  ['resp-draft', { id: 'resp-draft', reportId: 'r-1', state: 'draft' }],
  ['resp-other', { id: 'resp-other', reportId: 'r-2', state: 'approved' }],
]);
const ctx: WorkflowContext = {
  agencies,
  calendar,
  now: at('2025-02-04T10:00'),
  responsesById: responses,
};

const unverified = makeReport();
const disposed = makeReport({
  status: 'disposed',
  agencyId: 'dinkes',
  unitId: 'dinkes-yankes',
  disposedAt: at('2025-02-03T12:00'),
});
const inProgress = makeReport({ ...disposed, status: 'in_progress' });
const responded = makeReport({
  ...disposed,
  status: 'responded',
  respondedAt: at('2025-02-10T10:00'),
});

const dispose: TransitionArgs = { action: 'verify_dispose', targetAgencyId: 'dinkes' };

/** The error of a refused transition (fails the test if it was allowed). */
function refusal(result: ReturnType<typeof canTransition>) {
  if (result.ok) throw new Error(`expected a refusal, got a move to ${result.value.to}`);
  return result.error;
}

describe('the workflow table', () => {
  it('defines an argument shape for every action', () => {
    const shaped = TransitionArgsSchema.options.map((option) => option.shape.action.value);
    expect([...shaped].sort()).toEqual([...workflowActions].sort());
  });

  it('lets a closed report leave its status only by being reopened', () => {
    for (const edge of workflowEdges().filter((e) => isClosedStatus(e.from))) {
      expect(edge.action).toBe('reopen');
    }
  });

  it('never names pimpinan or the simulation roles, which act through other roles', () => {
    for (const action of workflowActions) {
      const rule = reportWorkflow[action];
      const named = [...rule.actors, ...rule.actorsBySetting.map((grant) => grant.role)];
      expect(named).not.toContain('pimpinan');
      expect(named).not.toContain('peserta');
      expect(named).not.toContain('pelatih');
    }
  });

  it('gives reporter replies and automatic completion to the system alone', () => {
    expect(reportWorkflow.reporter_reply.actors).toEqual(['system']);
    expect(reportWorkflow.auto_complete.actors).toEqual(['system']);
  });

  it('reaches every status from unverified and leaves no status without a way on', () => {
    const reached = new Set<ReportStatus>(['unverified']);
    for (let grew = true; grew;) {
      grew = false;
      for (const edge of workflowEdges()) {
        if (reached.has(edge.from) && !reached.has(edge.to)) {
          reached.add(edge.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...reportStatuses].sort());
    for (const status of reportStatuses) {
      expect(
        workflowEdges().some((edge) => edge.from === status),
        status,
      ).toBe(true);
    }
  });

  it('loops on a status only to re-dispose or extend, and never closes a report from the status it closes into', () => {
    for (const edge of workflowEdges().filter((e) => e.from === e.to)) {
      expect(['redispose', 'extend_deadline']).toContain(edge.action);
    }
    for (const edge of workflowEdges().filter(
      (e) => isClosedStatus(e.to) || e.to === 'not_authority',
    )) {
      expect(edge.from).not.toBe(edge.to);
    }
  });

  it('asks for a reason on every move that ends or undoes work without an answer', () => {
    expect(reportWorkflow.archive.requires).toContain('archive_reason');
    expect(reportWorkflow.not_authority.requires).toContain('reason');
    expect(reportWorkflow.reopen.requires).toContain('reason');
    expect(reportWorkflow.extend_deadline.requires).toContain('reason');
  });

  it('has distinct i18n reason keys', () => {
    expect(new Set(workflowReasonKeys).size).toBe(workflowReasonKeys.length);
  });
});

describe('canTransition: status, role and scope', () => {
  it('verifies and disposes an unverified report to an agency below', () => {
    expect(canTransition(unverified, dispose, cityAdmin, ctx)).toEqual({
      ok: true,
      value: { to: 'disposed' },
    });
    expect(canTransition(unverified, dispose, coordinator, ctx).ok).toBe(true);
  });

  it('refuses an action that does not start from the report’s status', () => {
    const error = refusal(canTransition(disposed, dispose, dinkesAdmin, ctx));
    expect(error).toMatchObject({
      code: 'workflow/wrong-status',
      reasonKey: 'workflow.wrong_status',
      action: 'verify_dispose',
    });
    expect(error.message).toContain('disposed');
  });

  it('refuses a role the table does not name', () => {
    const report = makeReport({ agencyId: 'dinkes', unitId: 'dinkes-yankes' });
    expect(refusal(canTransition(report, dispose, unitOperator, ctx))).toMatchObject({
      code: 'workflow/forbidden-role',
      reasonKey: 'workflow.role_not_allowed',
    });
  });

  it('refuses every action to pimpinan', () => {
    for (const args of [
      dispose,
      { action: 'tunda', messageToReporter: 'Mohon lengkapi' },
    ] as const) {
      expect(refusal(canTransition(unverified, args, head, ctx)).code).toBe(
        'workflow/forbidden-role',
      );
    }
  });

  it('refuses a report outside the actor’s agency subtree', () => {
    expect(refusal(canTransition(unverified, dispose, papuaAdmin, ctx))).toMatchObject({
      code: 'workflow/out-of-scope',
      reasonKey: 'workflow.report_outside_subtree',
    });
  });

  it('lets a unit operator act on reports of its own unit only', () => {
    const start: TransitionArgs = { action: 'start_processing' };
    expect(canTransition(disposed, start, unitOperator, ctx)).toEqual({
      ok: true,
      value: { to: 'in_progress' },
    });
    const sibling = user('operator_unit', 'disdik-sd');
    expect(refusal(canTransition(disposed, start, sibling, ctx)).code).toBe(
      'workflow/out-of-scope',
    );
  });

  it('without the agency tree lets a user act only on their own agency’s reports', () => {
    const tunda: TransitionArgs = { action: 'tunda', messageToReporter: 'Mohon lampirkan foto.' };
    expect(canTransition(unverified, tunda, cityAdmin).ok).toBe(true);
    expect(refusal(canTransition(unverified, tunda, coordinator)).code).toBe(
      'workflow/out-of-scope',
    );
  });

  it('lets trainees and trainers act as every operator role on a simulation server', () => {
    for (const role of ['peserta', 'pelatih'] as const) {
      const trainee = user(role, 'kota-bandung');
      expect(canTransition(unverified, dispose, trainee, ctx).ok).toBe(true);
      const publish: TransitionArgs = { action: 'publish_response', responseId: 'resp-ok' };
      expect(canTransition(inProgress, publish, trainee, ctx).ok).toBe(true);
      expect(
        refusal(canTransition(responded, { action: 'reporter_reply' }, trainee, ctx)).code,
      ).toBe('workflow/forbidden-role');
    }
  });
});

describe('canTransition: disposition targets', () => {
  it('requires a target agency', () => {
    const args: TransitionArgs = { action: 'verify_dispose', targetAgencyId: '  ' };
    expect(refusal(canTransition(unverified, args, cityAdmin, ctx))).toMatchObject({
      code: 'workflow/missing-requirement',
      reasonKey: 'workflow.target_agency_required',
    });
  });

  it('rejects an unknown target agency', () => {
    const args: TransitionArgs = { action: 'verify_dispose', targetAgencyId: 'dinas-hilang' };
    expect(refusal(canTransition(unverified, args, cityAdmin, ctx)).reasonKey).toBe(
      'workflow.target_agency_unknown',
    );
  });

  it('rejects a disposition to an agency outside the subtree', () => {
    const args: TransitionArgs = { action: 'verify_dispose', targetAgencyId: 'dinkes-jayapura' };
    expect(refusal(canTransition(unverified, args, cityAdmin, ctx))).toMatchObject({
      code: 'workflow/out-of-scope',
      reasonKey: 'workflow.target_outside_subtree',
    });
  });

  it('rejects a unit that is not below the target agency', () => {
    const args: TransitionArgs = {
      action: 'verify_dispose',
      targetAgencyId: 'dinkes',
      targetUnitId: 'disdik-sd',
    };
    expect(refusal(canTransition(unverified, args, cityAdmin, ctx)).reasonKey).toBe(
      'workflow.target_unit_invalid',
    );
    const withUnit: TransitionArgs = { ...args, targetUnitId: 'dinkes-yankes' };
    expect(canTransition(unverified, withUnit, cityAdmin, ctx).ok).toBe(true);
  });

  it('cannot check a target without the agency tree and says so', () => {
    expect(refusal(canTransition(unverified, dispose, cityAdmin, {}))).toMatchObject({
      code: 'workflow/missing-context',
      reasonKey: 'workflow.context_missing',
    });
  });

  it('re-disposes only to a different agency or unit', () => {
    const same: TransitionArgs = {
      action: 'redispose',
      targetAgencyId: 'dinkes',
      targetUnitId: 'dinkes-yankes',
    };
    expect(refusal(canTransition(disposed, same, dinkesAdmin, ctx)).reasonKey).toBe(
      'workflow.target_unchanged',
    );
    const other: TransitionArgs = { action: 'redispose', targetAgencyId: 'dinkes' };
    expect(canTransition(disposed, other, dinkesAdmin, ctx)).toEqual({
      ok: true,
      value: { to: 'disposed' },
    });
  });

  it('leaves a report returned as not within authority to the level above the declining agency', () => {
    const declined = makeReport({ status: 'not_authority', agencyId: 'dinkes' });
    const toDisdik: TransitionArgs = { action: 'redispose', targetAgencyId: 'disdik' };
    expect(refusal(canTransition(declined, toDisdik, dinkesAdmin, ctx))).toMatchObject({
      code: 'workflow/out-of-scope',
      reasonKey: 'workflow.needs_level_above',
    });
    expect(canTransition(declined, toDisdik, cityAdmin, ctx)).toEqual({
      ok: true,
      value: { to: 'disposed' },
    });
    expect(refusal(canTransition(declined, toDisdik, dinkesAdmin, {})).code).toBe(
      'workflow/missing-context',
    );
  });
});

describe('canTransition: requirements of each action', () => {
  it('postpones only with a message telling the reporter what is missing', () => {
    const blank: TransitionArgs = { action: 'tunda', messageToReporter: '' };
    expect(refusal(canTransition(unverified, blank, cityAdmin, ctx)).reasonKey).toBe(
      'workflow.message_required',
    );
    const message: TransitionArgs = {
      action: 'tunda',
      messageToReporter: 'Mohon sebutkan lokasi.',
    };
    expect(canTransition(unverified, message, cityAdmin, ctx)).toEqual({
      ok: true,
      value: { to: 'pending_info' },
    });
  });

  it('resumes a postponed report for the system or an admin', () => {
    const pending = makeReport({ status: 'pending_info', pausedAt: at('2025-02-03T10:00') });
    expect(canTransition(pending, { action: 'resume' }, system, ctx)).toEqual({
      ok: true,
      value: { to: 'unverified' },
    });
    expect(canTransition(pending, { action: 'resume' }, cityAdmin, ctx).ok).toBe(true);
  });

  it('archives a duplicate only with the tracking id of another report', () => {
    const cases: [TransitionArgs, string][] = [
      [{ action: 'archive', reason: 'duplicate' }, 'workflow.duplicate_of_required'],
      [
        { action: 'archive', reason: 'duplicate', duplicateOf: 'LAP-12' },
        'workflow.duplicate_of_required',
      ],
      [
        { action: 'archive', reason: 'duplicate', duplicateOf: '1916449' },
        'workflow.duplicate_of_self',
      ],
    ];
    for (const [args, reasonKey] of cases) {
      expect(refusal(canTransition(unverified, args, cityAdmin, ctx))).toMatchObject({
        code: 'workflow/missing-requirement',
        reasonKey,
      });
    }
    const ok: TransitionArgs = { action: 'archive', reason: 'duplicate', duplicateOf: '1916400' };
    expect(canTransition(unverified, ok, cityAdmin, ctx)).toEqual({
      ok: true,
      value: { to: 'archived' },
    });
    expect(
      canTransition(unverified, { action: 'archive', reason: 'too_general' }, cityAdmin, ctx).ok,
    ).toBe(true);
  });

  it('archives for an expired wait only a postponed report whose wait period is over', () => {
    const expired: TransitionArgs = { action: 'archive', reason: 'wait_period_expired' };
    expect(refusal(canTransition(unverified, expired, cityAdmin, ctx)).reasonKey).toBe(
      'workflow.wait_period_only_when_pending',
    );
    // Postponed Monday 3 February 2025: the 10 working days end on Monday 17 February.
    const pending = makeReport({ status: 'pending_info', pausedAt: at('2025-02-03T10:00') });
    const early = { ...ctx, now: endOf('2025-02-17') };
    expect(refusal(canTransition(pending, expired, cityAdmin, early)).reasonKey).toBe(
      'workflow.wait_period_not_over',
    );
    const late = { ...ctx, now: at('2025-02-18T00:00') };
    expect(canTransition(pending, expired, cityAdmin, late)).toEqual({
      ok: true,
      value: { to: 'archived' },
    });
    expect(refusal(canTransition(pending, expired, cityAdmin, { agencies })).code).toBe(
      'workflow/missing-context',
    );
  });

  it('returns a report as not within authority only with a reason and an agency above', () => {
    const blank: TransitionArgs = { action: 'not_authority', reason: ' ' };
    expect(refusal(canTransition(unverified, blank, cityAdmin, ctx)).reasonKey).toBe(
      'workflow.reason_required',
    );
    const reason: TransitionArgs = {
      action: 'not_authority',
      reason: 'Kewenangan Dinas PUPR provinsi',
    };
    expect(canTransition(disposed, reason, dinkesAdmin, ctx)).toEqual({
      ok: true,
      value: { to: 'not_authority' },
    });
    const atTop = makeReport({ agencyId: 'nasional' });
    expect(
      refusal(canTransition(atTop, reason, user('admin_koordinator', 'nasional'), ctx)).reasonKey,
    ).toBe('workflow.no_agency_above');
  });

  it('extends the resolution limit with a reason, beyond the current limit, up to 60 working days', () => {
    const extend = (
      totalWorkingDays: number,
      reason = 'Perlu peninjauan lapangan',
    ): TransitionArgs => ({
      action: 'extend_deadline',
      reason,
      totalWorkingDays,
    });
    expect(refusal(canTransition(inProgress, extend(30, ''), liaison, ctx)).reasonKey).toBe(
      'workflow.reason_required',
    );
    expect(refusal(canTransition(inProgress, extend(61), liaison, ctx)).reasonKey).toBe(
      'workflow.extension_too_long',
    );
    expect(refusal(canTransition(inProgress, extend(14), liaison, ctx)).reasonKey).toBe(
      'workflow.extension_not_longer',
    );
    expect(canTransition(inProgress, extend(60), liaison, ctx)).toEqual({
      ok: true,
      value: { to: 'in_progress' },
    });
    const extended = makeReport({ ...inProgress, extendedResolutionDays: 30 });
    expect(refusal(canTransition(extended, extend(20), dinkesAdmin, ctx)).reasonKey).toBe(
      'workflow.extension_not_longer',
    );
  });

  it('publishes only an approved response of this report', () => {
    const publish = (responseId: string): TransitionArgs => ({
      action: 'publish_response',
      responseId,
    });
    expect(canTransition(inProgress, publish('resp-ok'), liaison, ctx)).toEqual({
      ok: true,
      value: { to: 'responded' },
    });
    expect(refusal(canTransition(inProgress, publish('resp-draft'), liaison, ctx)).reasonKey).toBe(
      'workflow.response_not_approved',
    );
    expect(refusal(canTransition(inProgress, publish('resp-other'), liaison, ctx)).reasonKey).toBe(
      'workflow.response_unknown',
    );
    expect(refusal(canTransition(inProgress, publish('resp-none'), liaison, ctx)).reasonKey).toBe(
      'workflow.response_unknown',
    );
    expect(refusal(canTransition(inProgress, publish('resp-ok'), liaison, { agencies })).code).toBe(
      'workflow/missing-context',
    );
  });

  it('lets an admin publish only where the agency setting allows it', () => {
    const publish: TransitionArgs = { action: 'publish_response', responseId: 'resp-ok' };
    expect(refusal(canTransition(inProgress, publish, dinkesAdmin, ctx))).toMatchObject({
      code: 'workflow/forbidden-role',
      reasonKey: 'workflow.publish_needs_liaison',
    });
    const allowed = {
      ...ctx,
      agencySettings: { resolutionDays: 14, adminsMayPublish: true, pendingInfoWaitDays: 10 },
    };
    expect(canTransition(inProgress, publish, dinkesAdmin, allowed).ok).toBe(true);
  });

  it('returns a responded report to work when the reporter replies, through the system only', () => {
    expect(canTransition(responded, { action: 'reporter_reply' }, system, ctx)).toEqual({
      ok: true,
      value: { to: 'in_progress' },
    });
    expect(refusal(canTransition(responded, { action: 'reporter_reply' }, liaison, ctx)).code).toBe(
      'workflow/forbidden-role',
    );
  });

  it('completes a responded report only after 10 working days without a reply', () => {
    // Responded Monday 10 February 2025: the window ends on Monday 24 February.
    const complete: TransitionArgs = { action: 'auto_complete' };
    expect(
      refusal(canTransition(responded, complete, system, { ...ctx, now: endOf('2025-02-24') }))
        .reasonKey,
    ).toBe('workflow.reply_window_open');
    expect(
      canTransition(responded, complete, system, { ...ctx, now: at('2025-02-25T00:00') }),
    ).toEqual({
      ok: true,
      value: { to: 'completed' },
    });
    expect(refusal(canTransition(responded, complete, system, {})).code).toBe(
      'workflow/missing-context',
    );
    expect(refusal(canTransition(responded, complete, dinkesAdmin, ctx)).code).toBe(
      'workflow/forbidden-role',
    );
  });

  it('reopens a completed report into work and an archived one into verification, with a reason', () => {
    const reopen: TransitionArgs = { action: 'reopen', reason: 'Pelapor menyampaikan bukti baru' };
    const completed = makeReport({ ...disposed, status: 'completed' });
    const archived = makeReport({ status: 'archived', archiveReason: 'too_general' });
    expect(canTransition(completed, reopen, dinkesAdmin, ctx)).toEqual({
      ok: true,
      value: { to: 'in_progress' },
    });
    expect(canTransition(archived, reopen, coordinator, ctx)).toEqual({
      ok: true,
      value: { to: 'unverified' },
    });
    expect(
      refusal(canTransition(completed, { action: 'reopen', reason: '' }, dinkesAdmin, ctx))
        .reasonKey,
    ).toBe('workflow.reason_required');
    expect(refusal(canTransition(completed, reopen, unitOperator, ctx)).code).toBe(
      'workflow/forbidden-role',
    );
  });
});

describe('availableActions', () => {
  it('offers an admin the four ways out of verification', () => {
    expect(availableActions(unverified, cityAdmin, ctx)).toEqual([
      'verify_dispose',
      'tunda',
      'archive',
      'not_authority',
    ]);
  });

  it('offers nothing to pimpinan or outside the actor’s subtree', () => {
    expect(availableActions(unverified, head, ctx)).toEqual([]);
    expect(availableActions(unverified, papuaAdmin, ctx)).toEqual([]);
  });

  it('offers publishing to an admin only where the agency setting allows it', () => {
    expect(availableActions(inProgress, dinkesAdmin, ctx)).toEqual(['extend_deadline']);
    const allowed = {
      ...ctx,
      agencySettings: { resolutionDays: 14, adminsMayPublish: true, pendingInfoWaitDays: 10 },
    };
    expect(availableActions(inProgress, dinkesAdmin, allowed)).toEqual([
      'extend_deadline',
      'publish_response',
    ]);
  });

  it('offers re-disposing a declined report to the level above only', () => {
    const declined = makeReport({ status: 'not_authority', agencyId: 'dinkes' });
    expect(availableActions(declined, dinkesAdmin, ctx)).toEqual([]);
    expect(availableActions(declined, cityAdmin, ctx)).toEqual(['redispose']);
  });

  it('offers the system the reporter’s reply and automatic completion', () => {
    expect(availableActions(responded, system, ctx)).toEqual(['reporter_reply', 'auto_complete']);
  });
});
