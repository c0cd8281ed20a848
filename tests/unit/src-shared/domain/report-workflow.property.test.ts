import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../../src-shared/domain/actor';
import { isInSubtree } from '../../../../src-shared/domain/agency';
import { archiveReasons } from '../../../../src-shared/domain/archive-reason';
import type { Report } from '../../../../src-shared/domain/report';
import { reportLocationId } from '../../../../src-shared/domain/report';
import { reportStatuses, type ReportStatus } from '../../../../src-shared/domain/report-status';
import type { ReportResponse } from '../../../../src-shared/domain/response';
import {
  availableActions,
  canTransition,
  reportWorkflow,
  workflowEdges,
  workflowReasonKeys,
  workflowRolesOf,
  type TransitionArgs,
  type WorkflowAction,
  type WorkflowContext,
} from '../../../../src-shared/domain/report-workflow';
import { userRoles } from '../../../../src-shared/domain/user';
import { agencies, agencyList, at, calendar, makeReport } from './domain-fixtures';

const agencyIds = agencyList.map((a) => a.id);
const unitIds = agencyList.filter((a) => a.level === 'unit').map((a) => a.id);
const nonUnitIds = agencyList.filter((a) => a.level !== 'unit').map((a) => a.id);

const userActor = fc.record({
  kind: fc.constant('user' as const),
  id: fc.constant('u-1'),
  role: fc.constantFrom(...userRoles),
  agencyId: fc.constantFrom(...agencyIds),
});
/** Users placed where the generated reports live, so that many moves are actually allowed. */
const localActor = fc.constantFrom<Actor>(
  { kind: 'user', id: 'u-2', role: 'admin_koordinator', agencyId: 'prov-jabar' },
  { kind: 'user', id: 'u-3', role: 'admin_instansi', agencyId: 'kota-bandung' },
  { kind: 'user', id: 'u-4', role: 'admin_instansi', agencyId: 'dinkes' },
  { kind: 'user', id: 'u-5', role: 'operator_unit', agencyId: 'dinkes-yankes' },
  { kind: 'user', id: 'u-6', role: 'pejabat_penghubung', agencyId: 'dinkes' },
  { kind: 'user', id: 'u-7', role: 'peserta', agencyId: 'kota-bandung' },
);
const actor: fc.Arbitrary<Actor> = fc.oneof(
  { arbitrary: localActor, weight: 4 },
  { arbitrary: userActor, weight: 1 },
  { arbitrary: fc.constant<Actor>({ kind: 'system' }), weight: 2 },
);

const text = fc.oneof(
  { arbitrary: fc.constantFrom('', '  '), weight: 1 },
  { arbitrary: fc.constantFrom('Mohon lengkapi data', 'Bukan kewenangan dinas ini'), weight: 4 },
);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

function target(action: 'verify_dispose' | 'redispose') {
  return fc
    .tuple(
      fc.oneof(
        { arbitrary: fc.constantFrom('dinkes', 'disdik'), weight: 3 },
        { arbitrary: fc.constantFrom(...agencyIds, '', 'dinas-hilang'), weight: 1 },
      ),
      optional(fc.constantFrom(...unitIds)),
    )
    .map(([targetAgencyId, targetUnitId]): TransitionArgs =>
      targetUnitId === undefined
        ? { action, targetAgencyId }
        : { action, targetAgencyId, targetUnitId },
    );
}

/** Arguments for each action, valid and invalid alike. */
const argsFor: Record<WorkflowAction, fc.Arbitrary<TransitionArgs>> = {
  verify_dispose: target('verify_dispose'),
  redispose: target('redispose'),
  tunda: text.map((messageToReporter): TransitionArgs => ({ action: 'tunda', messageToReporter })),
  resume: fc.constant<TransitionArgs>({ action: 'resume' }),
  archive: fc
    .tuple(fc.constantFrom(...archiveReasons), optional(fc.constantFrom('1916400', '1916449', 'x')))
    .map(([reason, duplicateOf]): TransitionArgs =>
      duplicateOf === undefined
        ? { action: 'archive', reason }
        : { action: 'archive', reason, duplicateOf },
    ),
  not_authority: text.map((reason): TransitionArgs => ({ action: 'not_authority', reason })),
  start_processing: fc.constant<TransitionArgs>({ action: 'start_processing' }),
  extend_deadline: fc
    .tuple(text, fc.integer({ min: 0, max: 70 }))
    .map(([reason, totalWorkingDays]): TransitionArgs => ({
      action: 'extend_deadline',
      reason,
      totalWorkingDays,
    })),
  publish_response: fc
    .constantFrom('resp-ok', 'resp-draft', 'resp-other')
    .map((responseId): TransitionArgs => ({ action: 'publish_response', responseId })),
  reporter_reply: fc.constant<TransitionArgs>({ action: 'reporter_reply' }),
  auto_complete: fc.constant<TransitionArgs>({ action: 'auto_complete' }),
  reopen: text.map((reason): TransitionArgs => ({ action: 'reopen', reason })),
};
const transitionArgs: fc.Arbitrary<TransitionArgs> = fc.oneof(...Object.values(argsFor));

const responses = new Map<string, Pick<ReportResponse, 'id' | 'reportId' | 'state'>>([
  ['resp-ok', { id: 'resp-ok', reportId: 'r-1', state: 'approved' }],
  ['resp-draft', { id: 'resp-draft', reportId: 'r-1', state: 'submitted' }],
  ['resp-other', { id: 'resp-other', reportId: 'r-2', state: 'approved' }],
]);

const context: fc.Arbitrary<WorkflowContext> = fc
  .tuple(fc.boolean(), fc.constantFrom(at('2025-02-04T10:00'), at('2026-01-05T10:00')))
  .map(([adminsMayPublish, now]) => ({
    agencies,
    calendar,
    now,
    responsesById: responses,
    agencySettings: { resolutionDays: 14, adminsMayPublish, pendingInfoWaitDays: 10 },
  }));

/** Applies a move the way a mutator would, enough for the workflow's own checks. */
function applyMove(report: Report, args: TransitionArgs, to: ReportStatus, now: number): Report {
  const moved = withStatus(report, to, now);
  if (args.action !== 'verify_dispose' && args.action !== 'redispose') return moved;
  return { ...moved, agencyId: args.targetAgencyId, unitId: args.targetUnitId ?? null };
}

/** Keeps the report consistent with its status. */
function withStatus(report: Report, status: ReportStatus, now: number): Report {
  return {
    ...report,
    status,
    pausedAt: status === 'pending_info' ? (report.pausedAt ?? now) : null,
    respondedAt: status === 'responded' ? now : report.respondedAt,
    disposedAt: status === 'disposed' ? now : report.disposedAt,
  };
}

const report: fc.Arbitrary<Report> = fc
  .tuple(
    fc.constantFrom(...reportStatuses),
    fc.oneof(
      { arbitrary: fc.constantFrom('kota-bandung', 'dinkes'), weight: 3 },
      { arbitrary: fc.constantFrom(...nonUnitIds), weight: 1 },
    ),
    fc.boolean(),
    fc.constantFrom(null, 20, 60),
  )
  .map(([status, agencyId, withUnit, extendedResolutionDays]) => {
    const unitId = withUnit
      ? (unitIds.find((u) => agencies.get(u)?.parentId === agencyId) ?? null)
      : null;
    return withStatus(
      makeReport({ agencyId, unitId, extendedResolutionDays, respondedAt: at('2025-01-06T10:00') }),
      status,
      at('2025-01-06T10:00'),
    );
  });

/**
 * One step of a session: an actor and arguments for every action. A guided step picks among the
 * actions on offer (so long sequences actually move); an unguided one tries any action at all.
 */
const step = fc.record({
  who: actor,
  args: fc.record(argsFor),
  anyArgs: transitionArgs,
  guided: fc.nat({ max: 3 }).map((n) => n > 0),
  pick: fc.nat(),
});

describe('report workflow properties', () => {
  it('keeps every sequence of allowed moves on the table’s statuses, with a way on from each', () => {
    fc.assert(
      fc.property(
        report,
        context,
        fc.array(step, { minLength: 10, maxLength: 30 }),
        (start, ctx, steps) => {
          let current = start;
          for (const { who, args: byAction, anyArgs, guided, pick } of steps) {
            const offered = availableActions(current, who, ctx);
            const chosen = offered[pick % Math.max(offered.length, 1)];
            const args = guided && chosen !== undefined ? byAction[chosen] : anyArgs;
            const result = canTransition(current, args, who, ctx);
            if (!result.ok) continue;
            expect(result.value.to).toBe(reportWorkflow[args.action].edges[current.status]);
            expect(reportStatuses).toContain(result.value.to);
            current = applyMove(current, args, result.value.to, ctx.now ?? 0);
            expect(workflowEdges().some((edge) => edge.from === current.status)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('accepts nothing on a completed report but a reopening by an admin', () => {
    fc.assert(
      fc.property(report, transitionArgs, actor, context, (r, args, who, ctx) => {
        const result = canTransition({ ...r, status: 'completed', pausedAt: null }, args, who, ctx);
        if (!result.ok) return;
        expect(args.action).toBe('reopen');
        expect(who.kind).toBe('user');
        if (who.kind === 'user') {
          const roles = workflowRolesOf(who.role);
          expect(roles.includes('admin_instansi') || roles.includes('admin_koordinator')).toBe(
            true,
          );
        }
      }),
    );
  });

  it('never lets pimpinan move a report', () => {
    fc.assert(
      fc.property(
        report,
        transitionArgs,
        fc.constantFrom(...agencyIds),
        context,
        (r, args, agencyId, ctx) => {
          const head: Actor = { kind: 'user', id: 'u-head', role: 'pimpinan', agencyId };
          expect(canTransition(r, args, head, ctx).ok).toBe(false);
          expect(availableActions(r, head, ctx)).toEqual([]);
        },
      ),
    );
  });

  it('never lets a user move a report outside their agency subtree', () => {
    fc.assert(
      fc.property(report, transitionArgs, userActor, context, (r, args, who, ctx) => {
        fc.pre(!isInSubtree(agencies, who.agencyId, reportLocationId(r)));
        const result = canTransition(r, args, who, ctx);
        expect(result.ok).toBe(false);
        // A role that may never act is refused as such before its scope is looked at.
        if (!result.ok)
          expect(['workflow/forbidden-role', 'workflow/out-of-scope']).toContain(result.error.code);
      }),
    );
  });

  it('lets the system take only the actions the table gives it', () => {
    fc.assert(
      fc.property(report, transitionArgs, context, (r, args, ctx) => {
        if (canTransition(r, args, { kind: 'system' }, ctx).ok) {
          expect(reportWorkflow[args.action].actors).toContain('system');
        }
      }),
    );
  });

  it('offers every action it allows, and refuses with a known code and i18n key', () => {
    fc.assert(
      fc.property(report, transitionArgs, actor, context, (r, args, who, ctx) => {
        const result = canTransition(r, args, who, ctx);
        if (result.ok) {
          expect(availableActions(r, who, ctx)).toContain(args.action);
        } else {
          expect(workflowReasonKeys).toContain(result.error.reasonKey);
          expect(result.error.action).toBe(args.action);
          expect(result.error.message.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
