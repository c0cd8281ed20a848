// The report workflow as one table: which actor may move a report from which status to which, and
// what each move requires. The client uses it to offer actions, the server to authorize them.

import { z } from 'zod';
import { DEFAULT_AGENCY_SETTINGS, type AgencySettings } from './agency';
import type { Actor, UserActor } from './actor';
import { ArchiveReasonSchema } from './archive-reason';
import { assertNever } from './assert-never';
import type { EpochMs } from './epoch-ms';
import { isInSubtree, type ParentTree } from './parent-tree';
import { TrackingIdSchema, reportLocationId, type Report } from './report';
import type { ReportStatus } from './report-status';
import type { ReportResponse } from './response';
import { err, ok, type AppError, type Result } from '../result';
import {
  MAX_RESOLUTION_WORKING_DAYS,
  dueAt,
  pendingInfoExpiresAt,
  type SlaCalendar,
  type SlaReport,
} from './sla-calendar';
import type { UserRole } from './user';

// ---------------------------------------------------------------------------------------------
// Actions and their arguments

export const workflowActions = [
  'verify_dispose',
  'tunda',
  'resume',
  'archive',
  'not_authority',
  'redispose',
  'start_processing',
  'extend_deadline',
  'publish_response',
  'reporter_reply',
  'auto_complete',
  'reopen',
] as const;
export const WorkflowActionSchema = z.enum(workflowActions);
export type WorkflowAction = z.infer<typeof WorkflowActionSchema>;

const IdArg = z.string().max(128);
const ReasonArg = z.string().max(2000);

/**
 * The arguments of each action. The schema checks shape only; whether a reason is blank or a
 * target is allowed is decided by `canTransition`, so the client and the server reject the same
 * mutations with the same error.
 */
export const TransitionArgsSchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('verify_dispose'),
    targetAgencyId: IdArg,
    targetUnitId: IdArg.optional(),
  }),
  z.strictObject({ action: z.literal('tunda'), messageToReporter: z.string().max(5000) }),
  z.strictObject({ action: z.literal('resume') }),
  z.strictObject({
    action: z.literal('archive'),
    reason: ArchiveReasonSchema,
    duplicateOf: z.string().max(20).optional(),
    note: ReasonArg.optional(),
  }),
  z.strictObject({ action: z.literal('not_authority'), reason: ReasonArg }),
  z.strictObject({
    action: z.literal('redispose'),
    targetAgencyId: IdArg,
    targetUnitId: IdArg.optional(),
    note: ReasonArg.optional(),
  }),
  z.strictObject({ action: z.literal('start_processing') }),
  z.strictObject({
    action: z.literal('extend_deadline'),
    reason: ReasonArg,
    /** The new resolution limit in working days, counted from the disposition. */
    totalWorkingDays: z.int(),
  }),
  z.strictObject({ action: z.literal('publish_response'), responseId: IdArg }),
  z.strictObject({ action: z.literal('reporter_reply') }),
  z.strictObject({ action: z.literal('auto_complete') }),
  z.strictObject({ action: z.literal('reopen'), reason: ReasonArg }),
]);
export type TransitionArgs = z.infer<typeof TransitionArgsSchema>;
export type TransitionArgsOf<A extends WorkflowAction> = Extract<TransitionArgs, { action: A }>;

// ---------------------------------------------------------------------------------------------
// The table

/** What an action needs besides the right status and actor; a dialog asks for these. */
export const workflowRequirements = [
  'target_agency',
  'message_to_reporter',
  'archive_reason',
  'reason',
  'extension_days',
  'approved_response',
  'reply_window_elapsed',
] as const;
export type WorkflowRequirement = (typeof workflowRequirements)[number];

export type WorkflowActorKind = UserRole | 'system';

/** Boolean agency settings that grant a role an action it would not have otherwise. */
export type PermissionSetting = 'adminsMayPublish';

export interface TransitionRule {
  /** From-status → to-status for every status the action starts from. */
  readonly edges: Readonly<Partial<Record<ReportStatus, ReportStatus>>>;
  /** Who may always take the action. */
  readonly actors: readonly WorkflowActorKind[];
  /** Roles that may take it only when the report's agency enables the setting. */
  readonly actorsBySetting: readonly {
    readonly role: UserRole;
    readonly setting: PermissionSetting;
  }[];
  readonly requires: readonly WorkflowRequirement[];
}

const ADMINS = ['admin_koordinator', 'admin_instansi'] as const;

export const reportWorkflow: Readonly<Record<WorkflowAction, TransitionRule>> = {
  verify_dispose: {
    edges: { unverified: 'disposed' },
    actors: ADMINS,
    actorsBySetting: [],
    requires: ['target_agency'],
  },
  tunda: {
    edges: { unverified: 'pending_info' },
    actors: ADMINS,
    actorsBySetting: [],
    requires: ['message_to_reporter'],
  },
  // The system resumes when the reporter completes the data through the citizen side.
  resume: {
    edges: { pending_info: 'unverified' },
    actors: [...ADMINS, 'system'],
    actorsBySetting: [],
    requires: [],
  },
  archive: {
    edges: { unverified: 'archived', pending_info: 'archived' },
    actors: ADMINS,
    actorsBySetting: [],
    requires: ['archive_reason'],
  },
  not_authority: {
    edges: { unverified: 'not_authority', disposed: 'not_authority' },
    actors: ADMINS,
    actorsBySetting: [],
    requires: ['reason'],
  },
  // From not_authority only the level above the declining agency may re-dispose (canTransition).
  redispose: {
    edges: { disposed: 'disposed', not_authority: 'disposed' },
    actors: ADMINS,
    actorsBySetting: [],
    requires: ['target_agency'],
  },
  // DOMAIN.md names Admin Instansi; the unit that received the disposition may start it too.
  start_processing: {
    edges: { disposed: 'in_progress' },
    actors: ['admin_instansi', 'operator_unit'],
    actorsBySetting: [],
    requires: [],
  },
  extend_deadline: {
    edges: { in_progress: 'in_progress' },
    actors: ['admin_instansi', 'pejabat_penghubung'],
    actorsBySetting: [],
    requires: ['reason', 'extension_days'],
  },
  publish_response: {
    edges: { in_progress: 'responded' },
    actors: ['pejabat_penghubung'],
    actorsBySetting: [{ role: 'admin_instansi', setting: 'adminsMayPublish' }],
    requires: ['approved_response'],
  },
  reporter_reply: {
    edges: { responded: 'in_progress' },
    actors: ['system'],
    actorsBySetting: [],
    requires: [],
  },
  auto_complete: {
    edges: { responded: 'completed' },
    actors: ['system'],
    actorsBySetting: [],
    requires: ['reply_window_elapsed'],
  },
  // A completed report was handled, so the unit continues it; an archived one never was, so it
  // goes back to verification.
  reopen: {
    edges: { completed: 'in_progress', archived: 'unverified' },
    actors: ADMINS,
    actorsBySetting: [],
    requires: ['reason'],
  },
};

/** Every edge of the table, for documentation, tests and diagrams. */
export function workflowEdges(): {
  action: WorkflowAction;
  from: ReportStatus;
  to: ReportStatus;
}[] {
  return workflowActions.flatMap((action) =>
    Object.entries(reportWorkflow[action].edges).map(([from, to]) => ({
      action,
      from: from as ReportStatus,
      to,
    })),
  );
}

const SIMULATION_OPERATOR_ROLES: readonly UserRole[] = [
  'admin_koordinator',
  'admin_instansi',
  'operator_unit',
  'pejabat_penghubung',
];

/**
 * The table roles a user's role acts as. On a training server `peserta` (trainee) and `pelatih`
 * (trainer) act as every operator role at once, so one trainee can practise a case end to end;
 * the server accepts these roles only on simulation servers, which this table cannot know.
 */
export function workflowRolesOf(role: UserRole): readonly UserRole[] {
  switch (role) {
    case 'admin_koordinator':
    case 'admin_instansi':
    case 'operator_unit':
    case 'pejabat_penghubung':
      return [role];
    case 'pimpinan':
      // Heads of agency read dashboards; they never edit.
      return [];
    case 'pelatih':
    case 'peserta':
      return SIMULATION_OPERATOR_ROLES;
    default:
      return assertNever(role, 'user role');
  }
}

// ---------------------------------------------------------------------------------------------
// Errors

export type WorkflowErrorCode =
  | 'workflow/wrong-status'
  | 'workflow/forbidden-role'
  | 'workflow/out-of-scope'
  | 'workflow/missing-requirement'
  | 'workflow/missing-context';

/** i18n keys (renderer catalogue) explaining a refusal to the operator. */
export const workflowReasonKeys = [
  'workflow.wrong_status',
  'workflow.role_not_allowed',
  'workflow.publish_needs_liaison',
  'workflow.report_outside_subtree',
  'workflow.needs_level_above',
  'workflow.target_agency_required',
  'workflow.target_agency_unknown',
  'workflow.target_outside_subtree',
  'workflow.target_unit_invalid',
  'workflow.target_unchanged',
  'workflow.message_required',
  'workflow.reason_required',
  'workflow.duplicate_of_required',
  'workflow.duplicate_of_self',
  'workflow.wait_period_only_when_pending',
  'workflow.wait_period_not_over',
  'workflow.no_agency_above',
  'workflow.extension_too_long',
  'workflow.extension_not_longer',
  'workflow.response_unknown',
  'workflow.response_not_approved',
  'workflow.reply_window_open',
  'workflow.context_missing',
] as const;
export type WorkflowReasonKey = (typeof workflowReasonKeys)[number];

export interface WorkflowError extends AppError {
  readonly code: WorkflowErrorCode;
  readonly reasonKey: WorkflowReasonKey;
  readonly action: WorkflowAction;
}

function refusal(
  action: WorkflowAction,
  code: WorkflowErrorCode,
  reasonKey: WorkflowReasonKey,
  message: string,
): WorkflowError {
  return { code, reasonKey, action, message };
}

// ---------------------------------------------------------------------------------------------
// Checking a transition

/** The fields of a report the workflow reads. */
export type WorkflowReport = Pick<Report, 'id' | 'trackingId' | 'agencyId' | 'unitId'> & SlaReport;

/**
 * What the caller knows besides the report. Checks that need a missing piece fail closed with
 * `workflow/missing-context` rather than pass unchecked.
 */
export interface WorkflowContext {
  /** The agency tree (at least the actor's subtree and its ancestors). Without it, a user may act
   *  only on reports of their own agency or unit, and no disposition target can be checked. */
  readonly agencies?: ParentTree;
  /** Settings of the report's agency; defaults apply when absent. */
  readonly agencySettings?: AgencySettings;
  readonly responsesById?: ReadonlyMap<string, Pick<ReportResponse, 'id' | 'reportId' | 'state'>>;
  readonly now?: EpochMs;
  readonly calendar?: SlaCalendar;
}

function mayAct(rule: TransitionRule, actor: Actor, settings: AgencySettings): boolean {
  if (actor.kind === 'system') return rule.actors.includes('system');
  return workflowRolesOf(actor.role).some(
    (role) =>
      rule.actors.includes(role) ||
      rule.actorsBySetting.some((grant) => grant.role === role && settings[grant.setting]),
  );
}

function roleRefusal(action: WorkflowAction, rule: TransitionRule, actor: Actor): WorkflowError {
  const who = actor.kind === 'system' ? 'the system' : `role ${actor.role}`;
  const wouldNeedSetting =
    actor.kind === 'user' &&
    rule.actorsBySetting.some((grant) => workflowRolesOf(actor.role).includes(grant.role));
  return refusal(
    action,
    'workflow/forbidden-role',
    wouldNeedSetting ? 'workflow.publish_needs_liaison' : 'workflow.role_not_allowed',
    wouldNeedSetting
      ? `${who} may ${action} only when the agency setting allows it`
      : `${who} may not ${action}`,
  );
}

/** Whether the report sits in the user's agency subtree (or, without a tree, in their agency). */
function isReportInScope(report: WorkflowReport, actor: UserActor, tree?: ParentTree): boolean {
  if (tree === undefined) {
    return actor.agencyId === report.agencyId || actor.agencyId === report.unitId;
  }
  return isInSubtree(tree, actor.agencyId, reportLocationId(report));
}

/** A report returned as not within authority is re-routed by the level above, not by its agency. */
function isAboveDecliningAgency(report: WorkflowReport, actor: Actor, tree: ParentTree): boolean {
  return (
    actor.kind === 'system' ||
    (actor.agencyId !== report.agencyId && isInSubtree(tree, actor.agencyId, report.agencyId))
  );
}

const isBlank = (text: string): boolean => text.trim() === '';

/**
 * Whether `actor` may take the action in `args` on `report` now. Checks, in order: the actor's
 * role, the report's place in the actor's agency subtree, the report's status, then the action's
 * requirements; the first failure is returned. On success, the status the report moves to.
 */
export function canTransition(
  report: WorkflowReport,
  args: TransitionArgs,
  actor: Actor,
  ctx: WorkflowContext = {},
): Result<{ to: ReportStatus }, WorkflowError> {
  const action = args.action;
  const rule = reportWorkflow[action];
  const settings = ctx.agencySettings ?? DEFAULT_AGENCY_SETTINGS;

  if (!mayAct(rule, actor, settings)) return err(roleRefusal(action, rule, actor));
  if (actor.kind === 'user' && !isReportInScope(report, actor, ctx.agencies)) {
    return err(
      refusal(
        action,
        'workflow/out-of-scope',
        'workflow.report_outside_subtree',
        `Report ${report.trackingId} is outside the agency subtree of ${actor.agencyId}`,
      ),
    );
  }
  const to = rule.edges[report.status];
  if (to === undefined) {
    return err(
      refusal(
        action,
        'workflow/wrong-status',
        'workflow.wrong_status',
        `${action} starts from ${Object.keys(rule.edges).join(' or ')}, but report ${report.trackingId} is ${report.status}`,
      ),
    );
  }
  const problem = checkRequirements(report, args, actor, ctx, settings);
  return problem === null ? ok({ to }) : err(problem);
}

function checkRequirements(
  report: WorkflowReport,
  args: TransitionArgs,
  actor: Actor,
  ctx: WorkflowContext,
  settings: AgencySettings,
): WorkflowError | null {
  const action = args.action;
  const missing = (reasonKey: WorkflowReasonKey, message: string): WorkflowError =>
    refusal(action, 'workflow/missing-requirement', reasonKey, message);
  const needsContext = (what: string): WorkflowError =>
    refusal(
      action,
      'workflow/missing-context',
      'workflow.context_missing',
      `${action} needs ${what}`,
    );
  const reasonRequired = (reason: string): WorkflowError | null =>
    isBlank(reason) ? missing('workflow.reason_required', `${action} needs a reason`) : null;

  switch (args.action) {
    case 'verify_dispose':
      return checkTarget(args, actor, ctx);

    case 'redispose': {
      if (report.status === 'not_authority') {
        if (ctx.agencies === undefined) return needsContext('the agency tree');
        if (!isAboveDecliningAgency(report, actor, ctx.agencies)) {
          return refusal(
            action,
            'workflow/out-of-scope',
            'workflow.needs_level_above',
            `Report ${report.trackingId} was declined by ${report.agencyId}; an agency above it re-disposes it`,
          );
        }
      }
      const targetProblem = checkTarget(args, actor, ctx);
      if (targetProblem !== null) return targetProblem;
      if (
        args.targetAgencyId === report.agencyId &&
        (args.targetUnitId ?? null) === report.unitId
      ) {
        return missing(
          'workflow.target_unchanged',
          'redispose must name a different agency or unit',
        );
      }
      return null;
    }

    case 'tunda':
      return isBlank(args.messageToReporter)
        ? missing(
            'workflow.message_required',
            'tunda needs a message telling the reporter what is missing',
          )
        : null;

    case 'resume':
    case 'start_processing':
    case 'reporter_reply':
      return null;

    case 'archive': {
      const reason = args.reason;
      switch (reason) {
        case 'duplicate': {
          const duplicateOf = args.duplicateOf;
          if (duplicateOf === undefined || !TrackingIdSchema.safeParse(duplicateOf).success) {
            return missing(
              'workflow.duplicate_of_required',
              'archiving as duplicate needs the tracking id of the original report',
            );
          }
          return duplicateOf === report.trackingId
            ? missing('workflow.duplicate_of_self', 'a report cannot duplicate itself')
            : null;
        }
        case 'wait_period_expired': {
          if (report.status !== 'pending_info') {
            return missing(
              'workflow.wait_period_only_when_pending',
              'only a postponed (pending_info) report can run out its wait period',
            );
          }
          if (ctx.now === undefined || ctx.calendar === undefined) {
            return needsContext('the current time and the SLA calendar');
          }
          const expiresAt = pendingInfoExpiresAt(report, ctx.calendar, settings);
          return expiresAt === null || ctx.now <= expiresAt
            ? missing(
                'workflow.wait_period_not_over',
                expiresAt === null
                  ? 'the report has no running pause'
                  : `the reporter has until ${new Date(expiresAt).toISOString()} to complete the data`,
              )
            : null;
        }
        case 'wrong_format':
        case 'too_general':
        case 'not_government_performance':
        case 'unintelligible':
          return null;
        default:
          return assertNever(reason, 'archive reason');
      }
    }

    case 'not_authority': {
      const blank = reasonRequired(args.reason);
      if (blank !== null) return blank;
      const parentId = ctx.agencies?.get(report.agencyId)?.parentId;
      return parentId === null
        ? missing(
            'workflow.no_agency_above',
            `${report.agencyId} has no agency above to return the report to`,
          )
        : null;
    }

    case 'extend_deadline': {
      const blank = reasonRequired(args.reason);
      if (blank !== null) return blank;
      const current = report.extendedResolutionDays ?? settings.resolutionDays;
      if (
        !Number.isInteger(args.totalWorkingDays) ||
        args.totalWorkingDays > MAX_RESOLUTION_WORKING_DAYS
      ) {
        return missing(
          'workflow.extension_too_long',
          `a resolution limit can be extended to at most ${MAX_RESOLUTION_WORKING_DAYS} working days`,
        );
      }
      return args.totalWorkingDays <= current
        ? missing(
            'workflow.extension_not_longer',
            `the new limit must exceed the current ${current} working days`,
          )
        : null;
    }

    case 'publish_response': {
      if (ctx.responsesById === undefined) return needsContext('the report’s responses');
      const response = ctx.responsesById.get(args.responseId);
      if (response === undefined || response.reportId !== report.id) {
        return missing(
          'workflow.response_unknown',
          `response ${args.responseId} does not belong to this report`,
        );
      }
      return response.state === 'approved'
        ? null
        : missing(
            'workflow.response_not_approved',
            `response ${args.responseId} is ${response.state}; only an approved response is published`,
          );
    }

    case 'auto_complete': {
      if (ctx.now === undefined || ctx.calendar === undefined) {
        return needsContext('the current time and the SLA calendar');
      }
      const windowEnds = dueAt(report, 'auto_complete', ctx.calendar, settings);
      return windowEnds === null || ctx.now <= windowEnds
        ? missing('workflow.reply_window_open', 'the reporter may still reply to the response')
        : null;
    }

    case 'reopen':
      return reasonRequired(args.reason);

    default:
      return assertNever(args, 'workflow action');
  }
}

/** The target of a disposition: a known agency in the actor's subtree, and a unit below it. */
function checkTarget(
  args: TransitionArgsOf<'verify_dispose' | 'redispose'>,
  actor: Actor,
  ctx: WorkflowContext,
): WorkflowError | null {
  const action = args.action;
  const missing = (reasonKey: WorkflowReasonKey, message: string): WorkflowError =>
    refusal(action, 'workflow/missing-requirement', reasonKey, message);
  if (isBlank(args.targetAgencyId)) {
    return missing('workflow.target_agency_required', 'a disposition needs a target agency');
  }
  const tree = ctx.agencies;
  if (tree === undefined) {
    return refusal(
      action,
      'workflow/missing-context',
      'workflow.context_missing',
      `${action} needs the agency tree to check the target`,
    );
  }
  if (!tree.has(args.targetAgencyId)) {
    return missing('workflow.target_agency_unknown', `agency ${args.targetAgencyId} is unknown`);
  }
  if (actor.kind === 'user' && !isInSubtree(tree, actor.agencyId, args.targetAgencyId)) {
    return refusal(
      action,
      'workflow/out-of-scope',
      'workflow.target_outside_subtree',
      `agency ${args.targetAgencyId} is outside the subtree of ${actor.agencyId}`,
    );
  }
  const unitId = args.targetUnitId;
  if (
    unitId !== undefined &&
    (unitId === args.targetAgencyId || !isInSubtree(tree, args.targetAgencyId, unitId))
  ) {
    return missing(
      'workflow.target_unit_invalid',
      `unit ${unitId} is not a unit below agency ${args.targetAgencyId}`,
    );
  }
  return null;
}

/**
 * The actions the actor may take on the report in its current status, before any arguments: what
 * a toolbar or a command palette offers. `canTransition` still decides with the arguments.
 */
export function availableActions(
  report: WorkflowReport,
  actor: Actor,
  ctx: WorkflowContext = {},
): WorkflowAction[] {
  const settings = ctx.agencySettings ?? DEFAULT_AGENCY_SETTINGS;
  if (actor.kind === 'user' && !isReportInScope(report, actor, ctx.agencies)) return [];
  return workflowActions.filter((action) => {
    const rule = reportWorkflow[action];
    if (rule.edges[report.status] === undefined || !mayAct(rule, actor, settings)) return false;
    if (action === 'redispose' && report.status === 'not_authority') {
      return ctx.agencies !== undefined && isAboveDecliningAgency(report, actor, ctx.agencies);
    }
    return true;
  });
}
