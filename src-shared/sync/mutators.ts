// The named mutators: pure functions `(state, args, ctx) => Result<Change, MutationError>` that
// the client runs for its optimistic effect and the server runs again, with the caller as actor,
// to decide and write. Workflow moves go through the shared workflow table (canTransition).

import type { Actor, UserActor } from '../domain/actor';
import {
  DEFAULT_AGENCY_SETTINGS,
  isInSubtree,
  type Agency,
  type AgencySettings,
} from '../domain/agency';
import { assertNever } from '../domain/assert-never';
import type { AuditAction, AuditEditAction, AuditEvent } from '../domain/audit-event';
import type { Category } from '../domain/category';
import type { Disposition } from '../domain/disposition';
import type { EpochMs } from '../domain/epoch-ms';
import type { Note } from '../domain/note';
import { reportLocationId, type Report } from '../domain/report';
import type { ReportStatus } from '../domain/report-status';
import { isClosedStatus } from '../domain/report-status';
import { canTransition, workflowRolesOf, type TransitionArgs } from '../domain/report-workflow';
import type { ReportResponse } from '../domain/response';
import { SAVED_VIEW_NAME_MAX, type SavedView } from '../domain/saved-view';
import { currentDueAt, pausedWorkingMsAfterResume, type SlaCalendar } from '../domain/sla-calendar';
import { SNIPPET_KIND, SNIPPET_NAME_PATTERN, type Template } from '../domain/template';
import { unfilledPlaceholders } from '../domain/templating/unfilled';
import type { User, UserRole } from '../domain/user';
import { err, ok, type Result } from '../result';
import {
  fromWorkflowError,
  mutationError,
  type MutationError,
  type MutationErrorCode,
  type MutationReasonKey,
} from './mutation-error';
import type { Mutation, MutationArgs, MutationName } from './protocol';

// ---------------------------------------------------------------------------------------------
// Types

/**
 * The records a mutation reads, as the runner found them (null when absent). The runner loads
 * what `mutationTarget` names; the server passes a record outside the caller's scope as null.
 */
export interface MutatorState {
  readonly report: Report | null;
  /** The response named by `args.responseId`, whichever report it belongs to. */
  readonly response: ReportResponse | null;
  /** The note named by `args.noteId` (a note.add must not reuse an id). */
  readonly note: Note | null;
  readonly template: Template | null;
  /**
   * The saved view named by `args.viewId`, whoever owns it: an id another user's view holds is
   * refused (never taken over), so the runner passes it even though the caller may not see it.
   */
  readonly savedView: SavedView | null;
}

export const emptyMutatorState: MutatorState = {
  report: null,
  response: null,
  note: null,
  template: null,
  savedView: null,
};

/** What the mutators know besides the records: who acts, when, and the reference data. */
export interface MutatorContext {
  readonly actor: Actor;
  readonly now: EpochMs;
  /** At least the actor's subtree and its ancestors, with time zones and settings. */
  readonly agencies: ReadonlyMap<string, Agency>;
  readonly calendar: SlaCalendar;
  /** At least the category a mutation names. */
  readonly categories: ReadonlyMap<string, Pick<Category, 'id' | 'isActive'>>;
  /** At least the user a mutation assigns. */
  readonly users: ReadonlyMap<string, Pick<User, 'id' | 'agencyId' | 'role'>>;
  /**
   * The prefix of ids of rows the mutation creates (`<clientId>:<mutationId>`), so the client's
   * optimistic rows and the server's rows get the same ids.
   */
  readonly idPrefix: string;
}

/** Which fields of which record a mutation sets: what conflicts with other writers. */
export interface FieldWrite {
  readonly entity: 'report' | 'response' | 'template';
  readonly id: string;
  readonly fields: readonly string[];
}

/** The effect of an accepted mutation. Versions of changed rows are left for the server to set. */
export interface Change {
  /** The report's new state, or null when the mutation leaves the report as it was. */
  readonly report: Report | null;
  readonly writes: readonly FieldWrite[];
  /** Inserted or updated child rows. */
  readonly dispositions: readonly Disposition[];
  readonly notes: readonly Note[];
  readonly responses: readonly ReportResponse[];
  readonly templates: readonly Template[];
  readonly deletedTemplates: readonly Template[];
  readonly auditEvents: readonly AuditEvent[];
  readonly savedViews: readonly SavedView[];
  readonly deletedSavedViews: readonly SavedView[];
}

export type Mutator<N extends MutationName> = (
  state: MutatorState,
  args: MutationArgs<N>,
  ctx: MutatorContext,
) => Result<Change, MutationError>;

const noChange: Change = {
  report: null,
  writes: [],
  dispositions: [],
  notes: [],
  responses: [],
  templates: [],
  deletedTemplates: [],
  auditEvents: [],
  savedViews: [],
  deletedSavedViews: [],
};

// ---------------------------------------------------------------------------------------------
// Shared steps

const refuse = (
  code: MutationErrorCode,
  reasonKey: MutationReasonKey,
  message: string,
): { ok: false; error: MutationError } => err(mutationError(code, reasonKey, message));

const isBlank = (text: string): boolean => text.trim() === '';

function settingsOf(ctx: MutatorContext, agencyId: string): AgencySettings {
  return ctx.agencies.get(agencyId)?.settings ?? DEFAULT_AGENCY_SETTINGS;
}

/** Keeps the derived fields right after a change: time zone, deadline, updatedAt. */
function withDerived(report: Report, ctx: MutatorContext): Report {
  const timeZone = ctx.agencies.get(report.agencyId)?.timeZone ?? report.timeZone;
  const next = { ...report, timeZone, updatedAt: ctx.now };
  return { ...next, dueAt: currentDueAt(next, ctx.calendar, settingsOf(ctx, next.agencyId)) };
}

function hasAnyRole(actor: UserActor, roles: readonly UserRole[]): boolean {
  return workflowRolesOf(actor.role).some((r) => roles.includes(r));
}

function inScope(ctx: MutatorContext, actor: UserActor, report: Report): boolean {
  return isInSubtree(ctx.agencies, actor.agencyId, reportLocationId(report));
}

const ADMINS: readonly UserRole[] = ['admin_koordinator', 'admin_instansi'];
const AGENCY_ROLES: readonly UserRole[] = [
  'admin_koordinator',
  'admin_instansi',
  'operator_unit',
  'pejabat_penghubung',
];
const RESPONSE_AUTHORS: readonly UserRole[] = [
  'admin_instansi',
  'operator_unit',
  'pejabat_penghubung',
];

/** The report the mutation acts on, and an actor of one of `roles` whose subtree holds it. */
function reportFor(
  state: MutatorState,
  reportId: string,
  ctx: MutatorContext,
  roles: readonly UserRole[],
): Result<{ report: Report; actor: UserActor }, MutationError> {
  const report = state.report;
  if (report?.id !== reportId) {
    return refuse(
      'mutation/not-found',
      'mutation.not_found',
      `Report ${reportId} is not known here`,
    );
  }
  const actor = ctx.actor;
  if (actor.kind !== 'user') {
    return refuse(
      'mutation/forbidden-role',
      'mutation.role_not_allowed',
      'The system may not do this',
    );
  }
  if (!hasAnyRole(actor, roles)) {
    return refuse(
      'mutation/forbidden-role',
      'mutation.role_not_allowed',
      `Role ${actor.role} may not do this`,
    );
  }
  if (!inScope(ctx, actor, report)) {
    return refuse(
      'mutation/out-of-scope',
      'mutation.report_outside_subtree',
      `Report ${report.trackingId} is outside the agency subtree of ${actor.agencyId}`,
    );
  }
  return ok({ report, actor });
}

function requireOpen(report: Report): MutationError | null {
  return isClosedStatus(report.status)
    ? mutationError(
        'mutation/wrong-state',
        'mutation.report_closed',
        `Report ${report.trackingId} is ${report.status}`,
      )
    : null;
}

function auditEvent(
  ctx: MutatorContext,
  report: Report,
  action: AuditAction,
  from: ReportStatus,
  to: ReportStatus,
  reason: string | null,
  batchId: string | undefined,
): AuditEvent {
  return {
    id: `${ctx.idPrefix}:audit`,
    reportId: report.id,
    at: ctx.now,
    actor: ctx.actor,
    action,
    from,
    to,
    reason: reason === null ? null : reason.slice(0, 2000),
    ...(batchId === undefined ? {} : { batchId }),
  };
}

/**
 * An edit outside the workflow table: who may make it, which fields it writes, and how it is
 * audited. Edits are audited only as part of a bulk action (`batchId` set), so a batch can be
 * reviewed and undone as one; a single edit shows in the report itself.
 */
interface EditSpec {
  readonly roles: readonly UserRole[];
  readonly fields: readonly (keyof Report)[];
  readonly action: AuditEditAction;
  /** The new value, short and machine-readable (`categoryId=kesehatan`), or null. */
  readonly summary: (edited: Report) => string | null;
}

const edits = {
  setCategory: {
    roles: ADMINS,
    fields: ['categoryId'],
    action: 'set_category',
    summary: (r) => `categoryId=${r.categoryId ?? 'none'}`,
  },
  setTags: {
    roles: ADMINS,
    fields: ['tags'],
    action: 'set_tags',
    summary: (r) => `tags=${r.tags.join(',')}`,
  },
  setPrivacy: {
    roles: ADMINS,
    fields: ['privacy'],
    action: 'set_privacy',
    summary: (r) => `rahasia=${String(r.privacy.rahasia)},anonim=${String(r.privacy.anonim)}`,
  },
  assign: {
    roles: AGENCY_ROLES,
    fields: ['assigneeId'],
    action: 'assign',
    summary: (r) => `assigneeId=${r.assigneeId ?? 'none'}`,
  },
  addNote: { roles: AGENCY_ROLES, fields: [], action: 'add_note', summary: () => null },
} as const satisfies Record<string, EditSpec>;

/** The audit events of an edit or note: none outside a batch; from = to (no status moves). */
function editAuditEvents(
  ctx: MutatorContext,
  report: Report,
  spec: EditSpec,
  batchId: string | undefined,
): AuditEvent[] {
  if (batchId === undefined) return [];
  const { status } = report;
  return [auditEvent(ctx, report, spec.action, status, status, spec.summary(report), batchId)];
}

/** A report field edit outside the workflow table: who may, on an open report, in scope. */
function editReport(
  state: MutatorState,
  args: { reportId: string; batchId?: string | undefined },
  ctx: MutatorContext,
  spec: EditSpec,
  edit: (report: Report, actor: UserActor) => Result<Report, MutationError>,
): Result<Change, MutationError> {
  const found = reportFor(state, args.reportId, ctx, spec.roles);
  if (!found.ok) return found;
  const closed = requireOpen(found.value.report);
  if (closed !== null) return err(closed);
  const edited = edit(found.value.report, found.value.actor);
  if (!edited.ok) return edited;
  const report = withDerived(edited.value, ctx);
  return ok({
    ...noChange,
    report,
    writes: [{ entity: 'report', id: args.reportId, fields: spec.fields }],
    auditEvents: editAuditEvents(ctx, report, spec, args.batchId),
  });
}

interface Move {
  readonly report: Report;
  readonly fields?: readonly (keyof Report)[];
  readonly dispositions?: readonly Disposition[];
  readonly responses?: readonly ReportResponse[];
  readonly responseWrites?: readonly FieldWrite[];
}

/**
 * A workflow move: the table decides (canTransition), `apply` shapes the report for the new
 * status; the derived fields, the audit event and the status write are added here.
 */
function move(
  state: MutatorState,
  reportId: string,
  transition: TransitionArgs,
  ctx: MutatorContext,
  meta: { reason: string | null; batchId: string | undefined },
  apply: (report: Report, to: ReportStatus, actor: Actor) => Move,
): Result<Change, MutationError> {
  const report = state.report;
  if (report?.id !== reportId) {
    return refuse(
      'mutation/not-found',
      'mutation.not_found',
      `Report ${reportId} is not known here`,
    );
  }
  const decided = canTransition(report, transition, ctx.actor, {
    agencies: ctx.agencies,
    agencySettings: settingsOf(ctx, report.agencyId),
    now: ctx.now,
    calendar: ctx.calendar,
    responsesById:
      state.response === null ? new Map() : new Map([[state.response.id, state.response]]),
  });
  if (!decided.ok) return err(fromWorkflowError(decided.error));
  const to = decided.value.to;
  const moved = apply({ ...report, status: to }, to, ctx.actor);
  return ok({
    ...noChange,
    report: withDerived(moved.report, ctx),
    writes: [
      { entity: 'report', id: reportId, fields: ['status', ...(moved.fields ?? [])] },
      ...(moved.responseWrites ?? []),
    ],
    dispositions: moved.dispositions ?? [],
    responses: moved.responses ?? [],
    auditEvents: [
      auditEvent(ctx, report, transition.action, report.status, to, meta.reason, meta.batchId),
    ],
  });
}

function actorId(actor: Actor): string {
  return actor.kind === 'user' ? actor.id : 'system';
}

/** verify_dispose and redispose: the report goes to a new agency and unit, with a disposition. */
function dispose(
  kind: 'dispose' | 'redispose',
  args: MutationArgs<'report.verifyDispose' | 'report.redispose'>,
  ctx: MutatorContext,
) {
  return (report: Report, _to: ReportStatus, actor: Actor): Move => {
    const disposition: Disposition = {
      id: `${ctx.idPrefix}:disposition`,
      reportId: report.id,
      kind,
      fromAgencyId: report.agencyId,
      toAgencyId: args.targetAgencyId,
      toUnitId: args.targetUnitId ?? null,
      byUserId: actorId(actor),
      at: ctx.now,
      note: args.note ?? null,
      version: 0,
    };
    return {
      report: {
        ...report,
        agencyId: args.targetAgencyId,
        unitId: args.targetUnitId ?? null,
        disposedAt: ctx.now,
        firstResponseAt: null,
        respondedAt: null,
      },
      fields: ['agencyId', 'unitId'],
      dispositions: [disposition],
    };
  };
}

// ---------------------------------------------------------------------------------------------
// Responses

function responseOf(
  state: MutatorState,
  args: { reportId: string; responseId: string },
): Result<ReportResponse | null, MutationError> {
  const response = state.response;
  if (response === null) return ok(null);
  if (response.id !== args.responseId || response.reportId !== args.reportId) {
    return refuse(
      'mutation/id-taken',
      'mutation.response_other_report',
      `Response ${args.responseId} belongs to another report`,
    );
  }
  return ok(response);
}

function requireInProgress(report: Report): MutationError | null {
  return report.status === 'in_progress'
    ? null
    : mutationError(
        'mutation/wrong-state',
        'mutation.report_not_in_progress',
        `Report ${report.trackingId} is ${report.status}; responses are worked on while in progress`,
      );
}

/** Roles that approve, return and publish in the report's agency (adminsMayPublish widens it). */
function reviewerRoles(ctx: MutatorContext, report: Report): readonly UserRole[] {
  return settingsOf(ctx, report.agencyId).adminsMayPublish
    ? ['pejabat_penghubung', 'admin_instansi']
    : ['pejabat_penghubung'];
}

/** A reply still holding a placeholder never reaches a citizen: refused, naming the holes. */
function requireFilled(body: string): MutationError | null {
  const holes = unfilledPlaceholders(body);
  return holes.length === 0
    ? null
    : mutationError(
        'mutation/invalid',
        'mutation.response_unfilled',
        `The response still holds unfilled placeholders: ${holes.join(', ')}`,
      );
}

/** A review step on a submitted response: approve or return. */
function review(
  state: MutatorState,
  args: { reportId: string; responseId: string },
  ctx: MutatorContext,
  decide: (
    response: Extract<ReportResponse, { state: 'submitted' }>,
    actor: UserActor,
  ) => ReportResponse,
): Result<Change, MutationError> {
  const report = state.report;
  const roles = report === null ? ['pejabat_penghubung' as const] : reviewerRoles(ctx, report);
  const found = reportFor(state, args.reportId, ctx, roles);
  if (!found.ok) return found;
  const notInProgress = requireInProgress(found.value.report);
  if (notInProgress !== null) return err(notInProgress);
  const response = responseOf(state, args);
  if (!response.ok) return response;
  if (response.value?.state !== 'submitted') {
    return refuse(
      'mutation/wrong-state',
      'mutation.response_not_submitted',
      `Response ${args.responseId} is ${response.value?.state ?? 'missing'}; only a submitted one is reviewed`,
    );
  }
  return ok({
    ...noChange,
    responses: [decide(response.value, found.value.actor)],
    writes: [{ entity: 'response', id: args.responseId, fields: ['state'] }],
  });
}

/**
 * Publishing as the workflow move publish_response: the table checks the role (and the
 * adminsMayPublish setting) and that `approved` is approved. `approved` is the response as the
 * mutation leaves it before publishing (stored, or approved in this same mutation); `fields` are
 * the response fields the whole mutation sets.
 */
function publishResponse(
  state: MutatorState,
  approved: ReportResponse | null,
  args: { reportId: string; responseId: string; batchId?: string | undefined },
  ctx: MutatorContext,
  fields: readonly string[],
): Result<Change, MutationError> {
  return move(
    { ...state, response: approved },
    args.reportId,
    { action: 'publish_response', responseId: args.responseId },
    ctx,
    { reason: null, batchId: args.batchId },
    (report, _to, actor) => ({
      report: {
        ...report,
        firstResponseAt: report.firstResponseAt ?? ctx.now,
        respondedAt: ctx.now,
      },
      responses:
        approved?.state === 'approved'
          ? [
              {
                ...approved,
                state: 'published',
                publishedAt: ctx.now,
                publishedById: actorId(actor),
                updatedAt: ctx.now,
              },
            ]
          : [],
      responseWrites: [{ entity: 'response', id: args.responseId, fields }],
    }),
  );
}

function withoutReview(response: ReportResponse) {
  return {
    id: response.id,
    reportId: response.reportId,
    agencyId: response.agencyId,
    authorId: response.authorId,
    body: response.body,
    createdAt: response.createdAt,
    updatedAt: response.updatedAt,
    version: response.version,
  };
}

// ---------------------------------------------------------------------------------------------
// Templates

/** Every field an edit may set: deleting a template conflicts with an edit of any of them. */
const TEMPLATE_FIELDS = ['kind', 'name', 'body', 'description', 'categoryIds'];

function templateRights(
  ctx: MutatorContext,
  scope: 'agency' | 'personal',
  existing: Template | null,
): Result<UserActor, MutationError> {
  const actor = ctx.actor;
  const roles = scope === 'agency' ? ADMINS : AGENCY_ROLES;
  if (actor.kind !== 'user' || !hasAnyRole(actor, roles)) {
    return refuse(
      'mutation/forbidden-role',
      'mutation.role_not_allowed',
      `This role may not change ${scope} templates`,
    );
  }
  if (existing === null) return ok(actor);
  if (existing.scope === 'personal' && existing.ownerId !== actor.id) {
    return refuse(
      'mutation/not-found',
      'mutation.not_found',
      `Template ${existing.id} is not known here`,
    );
  }
  if (
    existing.scope === 'agency' &&
    !isInSubtree(ctx.agencies, actor.agencyId, existing.agencyId)
  ) {
    return refuse(
      'mutation/not-found',
      'mutation.not_found',
      `Template ${existing.id} is not known here`,
    );
  }
  return ok(actor);
}

// ---------------------------------------------------------------------------------------------
// Saved views

/**
 * Who may keep saved views: every signed-in user, whatever the role (a head of agency reading
 * dashboards keeps views too); a saved view changes nothing but its owner's own screen.
 */
function viewOwner(ctx: MutatorContext): Result<UserActor, MutationError> {
  const actor = ctx.actor;
  if (actor.kind !== 'user') {
    return refuse('mutation/forbidden-role', 'mutation.role_not_allowed', 'Only users keep views');
  }
  return ok(actor);
}

// ---------------------------------------------------------------------------------------------
// The mutators

export const mutators: { readonly [N in MutationName]: Mutator<N> } = {
  'report.verifyDispose': (state, args, ctx) =>
    move(
      state,
      args.reportId,
      {
        action: 'verify_dispose',
        targetAgencyId: args.targetAgencyId,
        ...(args.targetUnitId === undefined ? {} : { targetUnitId: args.targetUnitId }),
      },
      ctx,
      { reason: args.note ?? null, batchId: args.batchId },
      dispose('dispose', args, ctx),
    ),

  'report.tunda': (state, args, ctx) =>
    move(
      state,
      args.reportId,
      { action: 'tunda', messageToReporter: args.messageToReporter },
      ctx,
      { reason: args.messageToReporter, batchId: args.batchId },
      (report) => ({ report: { ...report, pausedAt: ctx.now } }),
    ),

  'report.resume': (state, args, ctx) =>
    move(
      state,
      args.reportId,
      { action: 'resume' },
      ctx,
      { reason: null, batchId: args.batchId },
      (report) => ({
        report: {
          ...report,
          pausedWorkingMs: pausedWorkingMsAfterResume(report, ctx.now, ctx.calendar),
          pausedAt: null,
        },
      }),
    ),

  'report.archive': (state, args, ctx) =>
    move(
      state,
      args.reportId,
      {
        action: 'archive',
        reason: args.reason,
        ...(args.duplicateOf === undefined ? {} : { duplicateOf: args.duplicateOf }),
      },
      ctx,
      {
        reason: args.note === undefined ? args.reason : `${args.reason}: ${args.note}`,
        batchId: args.batchId,
      },
      (report) => ({
        report: {
          ...report,
          archiveReason: args.reason,
          duplicateOf: args.reason === 'duplicate' ? (args.duplicateOf ?? null) : null,
          closedAt: ctx.now,
          pausedWorkingMs: pausedWorkingMsAfterResume(report, ctx.now, ctx.calendar),
          pausedAt: null,
        },
        fields: ['archiveReason', 'duplicateOf'],
      }),
    ),

  // The report stays with the declining agency (the level above re-routes it) and leaves its unit.
  'report.notAuthority': (state, args, ctx) =>
    move(
      state,
      args.reportId,
      { action: 'not_authority', reason: args.reason },
      ctx,
      { reason: args.reason, batchId: args.batchId },
      (report) => ({
        report: { ...report, unitId: null, routedAt: ctx.now, pausedWorkingMs: 0 },
        fields: ['unitId'],
      }),
    ),

  'report.redispose': (state, args, ctx) =>
    move(
      state,
      args.reportId,
      {
        action: 'redispose',
        targetAgencyId: args.targetAgencyId,
        ...(args.targetUnitId === undefined ? {} : { targetUnitId: args.targetUnitId }),
        ...(args.note === undefined ? {} : { note: args.note }),
      },
      ctx,
      { reason: args.note ?? null, batchId: args.batchId },
      dispose('redispose', args, ctx),
    ),

  'report.startProcessing': (state, args, ctx) =>
    move(
      state,
      args.reportId,
      { action: 'start_processing' },
      ctx,
      { reason: null, batchId: args.batchId },
      (report) => ({ report }),
    ),

  'report.extendDeadline': (state, args, ctx) =>
    move(
      state,
      args.reportId,
      { action: 'extend_deadline', reason: args.reason, totalWorkingDays: args.days },
      ctx,
      { reason: args.reason, batchId: args.batchId },
      (report) => ({
        report: { ...report, extendedResolutionDays: args.days },
        fields: ['extendedResolutionDays'],
      }),
    ),

  // A completed report was handled, so its follow-up clocks restart; an archived one goes back to
  // verification with a fresh verify clock.
  'report.reopen': (state, args, ctx) =>
    move(
      state,
      args.reportId,
      { action: 'reopen', reason: args.reason },
      ctx,
      { reason: args.reason, batchId: args.batchId },
      (report, to) => ({
        report:
          to === 'unverified'
            ? {
                ...report,
                routedAt: ctx.now,
                pausedWorkingMs: 0,
                archiveReason: null,
                duplicateOf: null,
                closedAt: null,
              }
            : {
                ...report,
                disposedAt: ctx.now,
                firstResponseAt: null,
                respondedAt: null,
                closedAt: null,
              },
        fields: to === 'unverified' ? ['archiveReason', 'duplicateOf'] : [],
      }),
    ),

  'report.setCategory': (state, args, ctx) =>
    editReport(state, args, ctx, edits.setCategory, (report) => {
      const categoryId = args.categoryId;
      if (categoryId !== null && ctx.categories.get(categoryId)?.isActive !== true) {
        return refuse(
          'mutation/invalid',
          'mutation.category_unknown',
          `Category ${categoryId} is unknown or retired`,
        );
      }
      return ok({ ...report, categoryId });
    }),

  'report.setTags': (state, args, ctx) =>
    editReport(state, args, ctx, edits.setTags, (report) => {
      const seen = new Set<string>();
      const tags: string[] = [];
      for (const raw of args.tags) {
        const tag = raw.trim();
        if (tag === '' || seen.has(tag.toLowerCase())) continue;
        seen.add(tag.toLowerCase());
        tags.push(tag);
      }
      return ok({ ...report, tags });
    }),

  // Anonymity is one-way: lifting it would reveal the reporter to every operator who synced the
  // report, and the client could not show the identity it never received.
  'report.setPrivacy': (state, args, ctx) =>
    editReport(state, args, ctx, edits.setPrivacy, (report) => {
      if (report.privacy.anonim && !args.anonim) {
        return refuse(
          'mutation/invalid',
          'mutation.anonymity_irreversible',
          'An anonymous report stays anonymous',
        );
      }
      return ok({
        ...report,
        privacy: { rahasia: args.rahasia, anonim: args.anonim },
        reporter: args.anonim ? null : report.reporter,
      });
    }),

  // Admins and liaison officers assign anyone who can see the report; a unit operator takes a
  // report for themselves or gives it back.
  'report.assign': (state, args, ctx) =>
    editReport(state, args, ctx, edits.assign, (report, actor) => {
      const assigneeId = args.assigneeId;
      const mayAssignOthers = hasAnyRole(actor, [...ADMINS, 'pejabat_penghubung']);
      if (!mayAssignOthers) {
        const releasingSelf = assigneeId === null && report.assigneeId === actor.id;
        if (assigneeId !== actor.id && !releasingSelf) {
          return refuse(
            'mutation/forbidden-role',
            'mutation.assign_only_self',
            'A unit operator assigns reports only to themselves',
          );
        }
      }
      if (assigneeId !== null) {
        const assignee = ctx.users.get(assigneeId);
        if (
          assignee === undefined ||
          workflowRolesOf(assignee.role).length === 0 ||
          !isInSubtree(ctx.agencies, assignee.agencyId, reportLocationId(report))
        ) {
          return refuse(
            'mutation/invalid',
            'mutation.assignee_invalid',
            `User ${assigneeId} cannot work on report ${report.trackingId}`,
          );
        }
      }
      return ok({ ...report, assigneeId });
    }),

  'note.add': (state, args, ctx) => {
    const found = reportFor(state, args.reportId, ctx, edits.addNote.roles);
    if (!found.ok) return found;
    if (isBlank(args.body)) {
      return refuse('mutation/invalid', 'mutation.text_required', 'A note needs some text');
    }
    if (state.note !== null) {
      return refuse('mutation/id-taken', 'mutation.id_taken', `Note id ${args.noteId} is taken`);
    }
    const note: Note = {
      id: args.noteId,
      reportId: args.reportId,
      authorId: found.value.actor.id,
      agencyId: found.value.actor.agencyId,
      body: args.body,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      version: 0,
    };
    return ok({
      ...noChange,
      notes: [note],
      auditEvents: editAuditEvents(ctx, found.value.report, edits.addNote, args.batchId),
    });
  },

  'response.saveDraft': (state, args, ctx) => {
    const found = reportFor(state, args.reportId, ctx, RESPONSE_AUTHORS);
    if (!found.ok) return found;
    const { report, actor } = found.value;
    const notInProgress = requireInProgress(report);
    if (notInProgress !== null) return err(notInProgress);
    const existing = responseOf(state, args);
    if (!existing.ok) return existing;
    const response = existing.value;
    if (response !== null && response.state !== 'draft' && response.state !== 'returned') {
      return refuse(
        'mutation/wrong-state',
        'mutation.response_not_editable',
        `Response ${args.responseId} is ${response.state} and can no longer be edited`,
      );
    }
    const draft: ReportResponse =
      response === null
        ? {
            id: args.responseId,
            reportId: report.id,
            agencyId: report.agencyId,
            authorId: actor.id,
            body: args.body,
            createdAt: ctx.now,
            updatedAt: ctx.now,
            version: 0,
            state: 'draft',
          }
        : { ...withoutReview(response), body: args.body, updatedAt: ctx.now, state: 'draft' };
    return ok({
      ...noChange,
      responses: [draft],
      writes: [
        {
          entity: 'response',
          id: args.responseId,
          fields: response?.state === 'returned' ? ['body', 'state'] : ['body'],
        },
      ],
    });
  },

  'response.submit': (state, args, ctx) => {
    const found = reportFor(state, args.reportId, ctx, RESPONSE_AUTHORS);
    if (!found.ok) return found;
    const notInProgress = requireInProgress(found.value.report);
    if (notInProgress !== null) return err(notInProgress);
    const existing = responseOf(state, args);
    if (!existing.ok) return existing;
    const response = existing.value;
    if (response === null || (response.state !== 'draft' && response.state !== 'returned')) {
      return refuse(
        'mutation/wrong-state',
        'mutation.response_not_editable',
        `Response ${args.responseId} is ${response?.state ?? 'missing'}; only a draft is submitted`,
      );
    }
    if (isBlank(response.body)) {
      return refuse(
        'mutation/invalid',
        'mutation.text_required',
        'An empty draft cannot be submitted',
      );
    }
    const unfilled = requireFilled(response.body);
    if (unfilled !== null) return err(unfilled);
    return ok({
      ...noChange,
      responses: [
        {
          ...withoutReview(response),
          updatedAt: ctx.now,
          state: 'submitted',
          submittedAt: ctx.now,
        },
      ],
      writes: [{ entity: 'response', id: args.responseId, fields: ['state'] }],
    });
  },

  // A finished reply in one step: a new response, or the author's own draft, with its final body,
  // submitted for approval, or (publish) approved and published by someone who may publish.
  'response.send': (state, args, ctx) => {
    const found = reportFor(state, args.reportId, ctx, RESPONSE_AUTHORS);
    if (!found.ok) return found;
    const { report, actor } = found.value;
    const notInProgress = requireInProgress(report);
    if (notInProgress !== null) return err(notInProgress);
    if (isBlank(args.body)) {
      return refuse('mutation/invalid', 'mutation.text_required', 'An empty reply cannot be sent');
    }
    const unfilled = requireFilled(args.body);
    if (unfilled !== null) return err(unfilled);
    const existing = responseOf(state, args);
    if (!existing.ok) return existing;
    const draft = existing.value;
    if (draft !== null && draft.state !== 'draft' && draft.state !== 'returned') {
      return refuse(
        'mutation/wrong-state',
        'mutation.response_not_editable',
        `Response ${args.responseId} is ${draft.state}; only a draft is sent`,
      );
    }
    if (draft !== null && draft.authorId !== actor.id) {
      return refuse(
        'mutation/forbidden-role',
        'mutation.response_other_author',
        `Response ${args.responseId} is a draft of ${draft.authorId}; only its author sends it`,
      );
    }
    const submitted = {
      ...(draft === null
        ? {
            id: args.responseId,
            reportId: report.id,
            agencyId: report.agencyId,
            authorId: actor.id,
            createdAt: ctx.now,
            version: 0,
          }
        : withoutReview(draft)),
      body: args.body,
      updatedAt: ctx.now,
      submittedAt: ctx.now,
    };
    const fields = ['body', 'state'];
    if (!args.publish) {
      return ok({
        ...noChange,
        responses: [{ ...submitted, state: 'submitted' }],
        writes: [{ entity: 'response', id: args.responseId, fields }],
      });
    }
    // Whoever may publish approves their own reply by sending it; the move checks they may.
    const approved: ReportResponse = {
      ...submitted,
      state: 'approved',
      reviewedById: actor.id,
      reviewedAt: ctx.now,
    };
    return publishResponse(state, approved, args, ctx, fields);
  },

  // With `publish`, approving and publishing are one step: the approval is never stored alone.
  'response.approve': (state, args, ctx) => {
    const approved = review(state, args, ctx, (response, actor) => ({
      ...response,
      state: 'approved',
      reviewedById: actor.id,
      reviewedAt: ctx.now,
      updatedAt: ctx.now,
    }));
    if (!approved.ok || args.publish !== true) return approved;
    return publishResponse(state, approved.value.responses[0] ?? null, args, ctx, ['state']);
  },

  'response.return': (state, args, ctx) => {
    if (isBlank(args.comment)) {
      return refuse(
        'mutation/invalid',
        'mutation.text_required',
        'A returned draft needs a comment for its author',
      );
    }
    return review(state, args, ctx, (response, actor) => ({
      ...response,
      state: 'returned',
      reviewedById: actor.id,
      reviewedAt: ctx.now,
      returnComment: args.comment,
      updatedAt: ctx.now,
    }));
  },

  'response.publish': (state, args, ctx) => {
    const existing = responseOf(state, args);
    if (!existing.ok) return existing;
    return publishResponse(state, existing.value, args, ctx, ['state']);
  },

  'template.upsert': (state, args, ctx) => {
    const existing = state.template;
    const rights = templateRights(ctx, existing?.scope ?? args.scope, existing);
    if (!rights.ok) return rights;
    const actor = rights.value;
    const name = args.name.trim();
    if (name === '') {
      return refuse('mutation/invalid', 'mutation.text_required', 'A template needs a name');
    }
    // Templates include a snippet by its name (`{{> salam_pembuka}}`), so the name is its key.
    // That two snippets of one agency share a name is not checked here: a mutation reads only its
    // own template, and checking would load every snippet the agency sees on every edit.
    if (args.kind === SNIPPET_KIND && !SNIPPET_NAME_PATTERN.test(name)) {
      return refuse(
        'mutation/invalid',
        'mutation.snippet_name_invalid',
        `"${name}" is not a snippet name: lower-case letters, digits and _, starting with a letter`,
      );
    }
    if (existing !== null && existing.scope !== args.scope) {
      return refuse(
        'mutation/invalid',
        'mutation.template_scope_fixed',
        'A template stays agency-wide or personal; make a copy instead',
      );
    }
    // Description and categories left out keep what the template had (an older client's edit);
    // a template stored before they existed has neither, so the defaults stand in.
    const base = {
      id: args.templateId,
      kind: args.kind,
      name,
      body: args.body,
      description: args.description?.trim() ?? existing?.description ?? '',
      categoryIds:
        args.categoryIds === undefined
          ? [...(existing?.categoryIds ?? [])]
          : [...new Set(args.categoryIds)],
      agencyId: existing?.agencyId ?? actor.agencyId,
      version: existing?.version ?? 0,
      revision: (existing?.revision ?? 0) + 1,
      updatedBy: actor.id,
      updatedAt: ctx.now,
    };
    const template: Template =
      args.scope === 'agency'
        ? { ...base, scope: 'agency' }
        : { ...base, scope: 'personal', ownerId: actor.id };
    return ok({
      ...noChange,
      templates: [template],
      writes: [
        {
          entity: 'template',
          id: args.templateId,
          fields: [
            'kind',
            'name',
            'body',
            ...(args.description === undefined ? [] : ['description']),
            ...(args.categoryIds === undefined ? [] : ['categoryIds']),
          ],
        },
      ],
    });
  },

  'template.delete': (state, args, ctx) => {
    const existing = state.template;
    if (existing?.id !== args.templateId) {
      return refuse(
        'mutation/not-found',
        'mutation.not_found',
        `Template ${args.templateId} is not known here`,
      );
    }
    const rights = templateRights(ctx, existing.scope, existing);
    if (!rights.ok) return rights;
    return ok({
      ...noChange,
      deletedTemplates: [existing],
      writes: [{ entity: 'template', id: args.templateId, fields: TEMPLATE_FIELDS }],
    });
  },

  // A view is one person's setting: the last save wins (no field conflicts are tracked), and a
  // view id someone else holds is refused as taken rather than told apart from a missing one.
  'view.save': (state, args, ctx) => {
    const owner = viewOwner(ctx);
    if (!owner.ok) return owner;
    const actor = owner.value;
    const existing = state.savedView;
    if (existing !== null && existing.ownerId !== actor.id) {
      return refuse('mutation/id-taken', 'mutation.id_taken', `View id ${args.viewId} is taken`);
    }
    const name = args.name.trim();
    if (name === '') {
      return refuse('mutation/invalid', 'mutation.text_required', 'A saved view needs a name');
    }
    if (name.length > SAVED_VIEW_NAME_MAX) {
      return refuse(
        'mutation/invalid',
        'mutation.invalid_args',
        `A saved view name has at most ${String(SAVED_VIEW_NAME_MAX)} characters`,
      );
    }
    const view: SavedView = {
      id: args.viewId,
      ownerId: actor.id,
      name,
      query: args.query,
      updatedAt: ctx.now,
      version: existing?.version ?? 0,
    };
    return ok({ ...noChange, savedViews: [view] });
  },

  'view.delete': (state, args, ctx) => {
    const owner = viewOwner(ctx);
    if (!owner.ok) return owner;
    const existing = state.savedView;
    if (existing?.id !== args.viewId || existing.ownerId !== owner.value.id) {
      return refuse('mutation/not-found', 'mutation.not_found', `View ${args.viewId} is not known`);
    }
    return ok({ ...noChange, deletedSavedViews: [existing] });
  },
};

/** Runs the mutator a mutation names. */
export function runMutator(
  state: MutatorState,
  mutation: Pick<Mutation, 'name' | 'args'>,
  ctx: MutatorContext,
): Result<Change, MutationError> {
  // The map is indexed by the mutation's own name, so its arguments fit that mutator.
  const mutator = mutators[mutation.name] as Mutator<MutationName>;
  return mutator(state, mutation.args, ctx);
}

// ---------------------------------------------------------------------------------------------
// What a runner loads

/** The records and reference rows a mutation reads, by id. */
export interface MutationTarget {
  readonly reportId: string | null;
  readonly responseId: string | null;
  readonly noteId: string | null;
  readonly templateId: string | null;
  readonly categoryId: string | null;
  readonly userId: string | null;
  readonly savedViewId: string | null;
}

const none: MutationTarget = {
  reportId: null,
  responseId: null,
  noteId: null,
  templateId: null,
  categoryId: null,
  userId: null,
  savedViewId: null,
};

export function mutationTarget(mutation: Mutation): MutationTarget {
  switch (mutation.name) {
    case 'report.verifyDispose':
    case 'report.tunda':
    case 'report.resume':
    case 'report.archive':
    case 'report.notAuthority':
    case 'report.redispose':
    case 'report.startProcessing':
    case 'report.extendDeadline':
    case 'report.reopen':
    case 'report.setTags':
    case 'report.setPrivacy':
      return { ...none, reportId: mutation.args.reportId };
    case 'report.setCategory':
      return { ...none, reportId: mutation.args.reportId, categoryId: mutation.args.categoryId };
    case 'report.assign':
      return { ...none, reportId: mutation.args.reportId, userId: mutation.args.assigneeId };
    case 'note.add':
      return { ...none, reportId: mutation.args.reportId, noteId: mutation.args.noteId };
    case 'response.saveDraft':
    case 'response.submit':
    case 'response.approve':
    case 'response.return':
    case 'response.publish':
    case 'response.send':
      return { ...none, reportId: mutation.args.reportId, responseId: mutation.args.responseId };
    case 'template.upsert':
    case 'template.delete':
      return { ...none, templateId: mutation.args.templateId };
    case 'view.save':
    case 'view.delete':
      return { ...none, savedViewId: mutation.args.viewId };
    default:
      return assertNever(mutation, 'mutation');
  }
}

/** The ids prefix of rows a mutation creates: identical wherever the mutation runs. */
export function mutationIdPrefix(mutation: Pick<Mutation, 'clientId' | 'id'>): string {
  return `${mutation.clientId}:${String(mutation.id)}`;
}
