// The bulk planner: one bulk action over a selection becomes at most one mutation per report, each
// checked with the very mutator the engine and the server run, so a report the action does not
// apply to is listed with exactly the refusal it would get. Pure, and linear in the selection.

import { assertNever } from '../domain/assert-never';
import type { Disposition } from '../domain/disposition';
import type { Report } from '../domain/report';
import type { ReportResponse } from '../domain/response';
import { reportWorkflow } from '../domain/report-workflow';
import {
  buildTemplateContext,
  type TemplateContextInput,
} from '../domain/templating/template-context-build';
import { analyze, render, type TemplateSnippets } from '../domain/templating/template-render';
import {
  parseTemplate,
  type ParsedTemplate,
  type TemplateError,
} from '../domain/templating/template-syntax';
import { ok, type Result } from '../result';
import type { MutationError } from '../sync/mutation-error';
import { emptyMutatorState, runMutator, type MutatorContext } from '../sync/mutators';
import {
  hasUnstorableText,
  mutationArgsSchemas,
  type MutationArgs,
  type MutationName,
} from '../sync/protocol';
import type { BatchItem, BulkAction, BulkReasonKey, BulkSkip, ReportBefore } from './bulk-action';

// ---------------------------------------------------------------------------------------------
// Types

/** The mutations a batch can hold: those on one report that carry a batch id. */
export type BatchMutationName = {
  [N in MutationName]: MutationArgs<N> extends { reportId: string }
    ? 'batchId' extends keyof MutationArgs<N>
      ? N
      : never
    : never;
}[MutationName];

/** A mutation's name with arguments of that very mutation. */
export type PlannedMutation = {
  [N in BatchMutationName]: { readonly name: N; readonly args: MutationArgs<N> };
}[BatchMutationName];

/** What a bulk action does: `items[i]` is the mutation of `batchItems[i]` (same report). */
export interface BulkPlan {
  readonly items: PlannedMutation[];
  readonly batchItems: BatchItem[];
  readonly skipped: BulkSkip[];
}

export interface BulkPlanInput {
  readonly action: BulkAction;
  readonly batchId: string;
  /**
   * The selection in the order it was made, each with its local report (null: not in the local
   * store). Repeated ids count once. For `merge`, the report to keep must be one of them.
   */
  readonly reports: readonly { readonly id: string; readonly report: Report | null }[];
  /** For `reply`: the action's template rendered for one report (the worker knows the context). */
  readonly renderReply?: (report: Report) => ReplyRendering;
  /** For `approve_responses`: the report's responses (effective local state). */
  readonly responsesOf?: (reportId: string) => readonly ReportResponse[];
}

/**
 * A reply template rendered for one report: the text, or why it cannot be sent (`missing`: the
 * variables that rendered empty; `error`: the template or a snippet does not parse).
 */
export type ReplyRendering =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly missing: readonly string[] }
  | { readonly ok: false; readonly error: string };

/** The context the mutators run in, except the id prefix, which the planner sets per report. */
export type PlanContext = Omit<MutatorContext, 'idPrefix'>;

// ---------------------------------------------------------------------------------------------
// Shared with compensation.ts

/** The report's fields a batch may change, as they were before it. */
export function reportBefore(report: Report): ReportBefore {
  return {
    status: report.status,
    agencyId: report.agencyId,
    unitId: report.unitId,
    assigneeId: report.assigneeId,
    categoryId: report.categoryId,
    tags: report.tags,
    rahasia: report.privacy.rahasia,
    anonim: report.privacy.anonim,
  };
}

/**
 * A report's tags with `add` appended and `remove` taken out, normalized as report.setTags
 * normalizes them (trimmed, case-insensitively unique). A tag both added and removed is removed.
 */
export function editTags(
  tags: readonly string[],
  add: readonly string[],
  remove: readonly string[],
): string[] {
  const removed = new Set(remove.map((tag) => tag.trim().toLowerCase()));
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of [...tags, ...add]) {
    const tag = raw.trim();
    const key = tag.toLowerCase();
    if (tag === '' || seen.has(key) || removed.has(key)) continue;
    seen.add(key);
    result.push(tag);
  }
  return result;
}

export function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, i) => tag === b[i]);
}

export function bulkSkip(
  report: { id: string; trackingId: string },
  code: string,
  reasonKey: BulkReasonKey,
  message: string,
): BulkSkip {
  return { reportId: report.id, trackingId: report.trackingId, code, reasonKey, message };
}

/** A mutator's refusal as a skip: the same code, reason key and message the engine would give. */
export function skipFromRefusal(report: Report, error: MutationError): BulkSkip {
  return {
    reportId: report.id,
    trackingId: report.trackingId,
    code: error.code,
    // Every refusal of the mutators names a key; the fallback only keeps the type honest.
    reasonKey: error.reasonKey ?? 'mutation.invalid_args',
    message: error.message,
  };
}

/**
 * Whether the server would take the mutation, judged as the server judges it: arguments that fit
 * the protocol (a merged tag list may grow past 50), then the mutator on the report as it is.
 */
export function checkPlanned(
  mutation: PlannedMutation,
  report: Report,
  ctx: MutatorContext,
  /** The response the mutation names, as the engine would load it (approve reads it). */
  response: ReportResponse | null = null,
): MutationError | null {
  if (hasUnstorableText(mutation.args)) {
    return {
      code: 'mutation/invalid-args',
      reasonKey: 'mutation.invalid_args',
      message: `Invalid arguments for ${mutation.name}: text with NUL characters or broken UTF-16`,
    };
  }
  const parsed = mutationArgsSchemas[mutation.name].safeParse(mutation.args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined ? '' : ` at ${issue.path.join('.') || 'args'}`;
    return {
      code: 'mutation/invalid-args',
      reasonKey: 'mutation.invalid_args',
      message: `Invalid arguments for ${mutation.name}${where}: ${issue?.message ?? 'invalid'}`,
    };
  }
  const result = runMutator({ ...emptyMutatorState, report, response }, mutation, ctx);
  return result.ok ? null : result.error;
}

// ---------------------------------------------------------------------------------------------
// The merge note

/** Notes hold up to 10,000 characters; the list of merged numbers stops well before. */
const MERGE_NOTE_LIST_MAX = 9_000;

/**
 * The note the kept report of a merge gets. It is stored data (the report's history, read by
 * every operator later, in any UI language), not UI chrome, so it is one fixed Indonesian
 * sentence rather than a catalogue entry.
 */
export function mergeNoteBody(mergedTrackingIds: readonly string[]): string {
  let list = '';
  let listed = 0;
  for (const trackingId of mergedTrackingIds) {
    const next = listed === 0 ? `#${trackingId}` : `${list}, #${trackingId}`;
    if (next.length > MERGE_NOTE_LIST_MAX) break;
    list = next;
    listed++;
  }
  const rest = mergedTrackingIds.length - listed;
  const more = rest === 0 ? '' : ` dan ${String(rest)} laporan lainnya`;
  return `Digabung dengan laporan ${list}${more}, yang diarsipkan sebagai duplikat laporan ini.`;
}

// ---------------------------------------------------------------------------------------------
// Planning

type Slot = { readonly mutation: PlannedMutation; readonly report: Report } | BulkSkip;

const isSkip = (slot: Slot): slot is BulkSkip => 'reasonKey' in slot;

/** The selection without repeats, in the order it was made. */
function distinct(reports: BulkPlanInput['reports']): BulkPlanInput['reports'] {
  const seen = new Set<string>();
  return reports.filter((entry) => {
    if (seen.has(entry.id)) return false;
    seen.add(entry.id);
    return true;
  });
}

const notFound = (id: string): BulkSkip =>
  bulkSkip(
    { id, trackingId: '' },
    'bulk/not-found',
    'bulk.not_found',
    `Report ${id} is not in the local copy`,
  );

const noChange = (report: Report, what: string): BulkSkip =>
  bulkSkip(report, 'bulk/no-change', 'bulk.no_change', `Report ${report.trackingId} ${what}`);

/** Omits keys whose value is undefined (optional arguments stay absent, as the schemas expect). */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The actions planned report by report without reading anything besides the report. */
type SimpleAction = Exclude<BulkAction, { kind: 'merge' | 'reply' | 'approve_responses' }>;

/** The mutation a single-report action makes of `report` (merge is planned across reports). */
function mutationFor(
  action: SimpleAction,
  report: Report,
  batchId: string,
  newId: () => string,
): PlannedMutation {
  const reportId = report.id;
  switch (action.kind) {
    case 'dispose': {
      const args = defined({
        reportId,
        targetAgencyId: action.targetAgencyId,
        targetUnitId: action.targetUnitId,
        note: action.note,
        batchId,
      });
      // Anything but an unverified report is re-disposed where the workflow allows it; where it
      // does not, verifyDispose's refusal says why (it names the status it starts from).
      const redisposes =
        report.status !== 'unverified' &&
        reportWorkflow.redispose.edges[report.status] !== undefined;
      return redisposes
        ? { name: 'report.redispose', args }
        : { name: 'report.verifyDispose', args };
    }
    case 'assign':
      return { name: 'report.assign', args: { reportId, assigneeId: action.assigneeId, batchId } };
    case 'tunda':
      return {
        name: 'report.tunda',
        args: { reportId, messageToReporter: action.messageToReporter, batchId },
      };
    case 'not_authority':
      return { name: 'report.notAuthority', args: { reportId, reason: action.reason, batchId } };
    case 'archive':
      return {
        name: 'report.archive',
        args: defined({
          reportId,
          reason: action.reason,
          duplicateOf: action.duplicateOf,
          note: action.note,
          batchId,
        }),
      };
    case 'set_category':
      return {
        name: 'report.setCategory',
        args: { reportId, categoryId: action.categoryId, batchId },
      };
    case 'set_tags':
      return {
        name: 'report.setTags',
        args: { reportId, tags: editTags(report.tags, action.add, action.remove), batchId },
      };
    case 'set_privacy':
      return {
        name: 'report.setPrivacy',
        args: { reportId, rahasia: action.rahasia, anonim: action.anonim, batchId },
      };
    case 'add_note':
      return { name: 'note.add', args: { reportId, noteId: newId(), body: action.body, batchId } };
    default:
      return assertNever(action, 'bulk action');
  }
}

/** For field edits: a skip when the accepted edit would leave the report as it is. */
function unchanged(mutation: PlannedMutation, report: Report): BulkSkip | null {
  switch (mutation.name) {
    case 'report.assign':
      return report.assigneeId === mutation.args.assigneeId
        ? noChange(report, 'already has this assignee')
        : null;
    case 'report.setCategory':
      return report.categoryId === mutation.args.categoryId
        ? noChange(report, 'already has this category')
        : null;
    case 'report.setTags':
      return sameTags(report.tags, mutation.args.tags)
        ? noChange(report, 'already has these tags')
        : null;
    case 'report.setPrivacy':
      return report.privacy.rahasia === mutation.args.rahasia &&
        report.privacy.anonim === mutation.args.anonim
        ? noChange(report, 'already has this privacy')
        : null;
    default:
      return null;
  }
}

function check(
  mutation: PlannedMutation,
  report: Report,
  ctx: PlanContext,
  idPrefix: string,
  response: ReportResponse | null = null,
): Slot {
  const refusal = checkPlanned(mutation, report, { ...ctx, idPrefix }, response);
  if (refusal !== null) return skipFromRefusal(report, refusal);
  return unchanged(mutation, report) ?? { mutation, report };
}

/** Merge: every other report archived as a duplicate of the kept one, which gets a note. */
function planMerge(
  keepReportId: string,
  entries: BulkPlanInput['reports'],
  batchId: string,
  ctx: PlanContext,
  newId: () => string,
): Slot[] {
  const keep = entries.find((entry) => entry.id === keepReportId)?.report ?? null;
  if (keep === null) {
    return entries.map((entry) =>
      entry.report === null
        ? notFound(entry.id)
        : bulkSkip(
            entry.report,
            'bulk/keep-missing',
            'bulk.keep_missing',
            `The report to keep (${keepReportId}) is not in the selection`,
          ),
    );
  }
  const slots: (Slot | null)[] = entries.map((entry, i) => {
    if (entry.id === keep.id) return null;
    if (entry.report === null) return notFound(entry.id);
    const archive: PlannedMutation = {
      name: 'report.archive',
      args: { reportId: entry.id, reason: 'duplicate', duplicateOf: keep.trackingId, batchId },
    };
    return check(archive, entry.report, ctx, `${batchId}:plan:${String(i)}`);
  });
  const merged = slots.flatMap((slot) =>
    slot === null || isSkip(slot) ? [] : [slot.report.trackingId],
  );
  const keepSlot: Slot =
    merged.length === 0
      ? noChange(keep, 'has no other report that can be merged into it')
      : check(
          {
            name: 'note.add',
            args: { reportId: keep.id, noteId: newId(), body: mergeNoteBody(merged), batchId },
          },
          keep,
          ctx,
          `${batchId}:plan:keep`,
        );
  return slots.map((slot) => slot ?? keepSlot);
}

// ---------------------------------------------------------------------------------------------
// Replies and approvals

/**
 * The id of the response a reply batch creates for the report at `index` of the selection
 * (without repeats): new for every batch, and the same wherever the batch is planned.
 */
export function replyResponseId(batchId: string, index: number): string {
  return `${batchId}:reply:${String(index)}`;
}

/**
 * What a reply is checked with before its own text is known: a report that would refuse any reply
 * (not in progress, out of scope, a role that does not answer) is skipped with that refusal, so
 * the reports held back for missing values are exactly those that would otherwise be sent.
 */
const REPLY_PROBE_BODY = 'Terima kasih.';

/** A template error as one line: where it is (and in which snippet), then what is wrong. */
export function templateErrorText(error: TemplateError): string {
  const snippet = error.snippet === undefined ? '' : ` (snippet ${error.snippet})`;
  return `Line ${String(error.line)}, column ${String(error.column)}${snippet}: ${error.message}`;
}

/**
 * A reply template made ready once per batch: parsed, and its snippets resolved and checked, so
 * a broken template is reported once and each report only renders.
 */
export interface PreparedReply {
  readonly template: ParsedTemplate;
  readonly snippets: TemplateSnippets;
}

export function prepareReply(
  source: string,
  snippets: TemplateSnippets,
): Result<PreparedReply, TemplateError> {
  const parsed = parseTemplate(source);
  if (!parsed.ok) return parsed;
  // Snippets missing or including each other: one error for the batch, before any report.
  const analysis = analyze(parsed.value, snippets);
  if (!analysis.ok) return analysis;
  return ok({ template: parsed.value, snippets });
}

/** What every report of a batch renders with besides itself and its dispositions. */
export type ReplyRenderBase = Omit<TemplateContextInput, 'report' | 'dispositions'>;

/** The reply for one report: its text, or the variables it leaves empty, or the error. */
export function renderPreparedReply(
  prepared: PreparedReply,
  report: Report,
  dispositions: readonly Disposition[],
  base: ReplyRenderBase,
): ReplyRendering {
  const context = buildTemplateContext({ ...base, report, dispositions });
  const rendered = render(prepared.template, context, {
    snippets: prepared.snippets,
    timeZone: report.timeZone,
  });
  if (!rendered.ok) return { ok: false, error: templateErrorText(rendered.error) };
  if (rendered.value.missing.length > 0) {
    return { ok: false, missing: rendered.value.missing.map((use) => use.variable) };
  }
  return { ok: true, text: rendered.value.text };
}

/** The variables a rendering left empty, once each, in the order they came. */
function distinctVariables(missing: readonly string[]): string[] {
  return [...new Set(missing)];
}

function planReply(
  action: Extract<BulkAction, { kind: 'reply' }>,
  report: Report,
  index: number,
  input: BulkPlanInput,
  ctx: PlanContext,
): Slot {
  const { batchId } = input;
  const renderReply = input.renderReply;
  if (renderReply === undefined) throw new Error('planBulk: a reply needs renderReply');
  const idPrefix = `${batchId}:plan:${String(index)}`;
  const send = (body: string): PlannedMutation => ({
    name: 'response.send',
    args: {
      reportId: report.id,
      responseId: replyResponseId(batchId, index),
      body,
      publish: action.publish,
      batchId,
    },
  });
  const refusal = checkPlanned(send(REPLY_PROBE_BODY), report, { ...ctx, idPrefix });
  if (refusal !== null) return skipFromRefusal(report, refusal);
  const rendering = renderReply(report);
  if (rendering.ok) return check(send(rendering.text), report, ctx, idPrefix);
  if ('missing' in rendering) {
    const variables = distinctVariables(rendering.missing);
    return {
      ...bulkSkip(
        report,
        'bulk/missing-values',
        'bulk.missing_values',
        `Report ${report.trackingId} leaves ${variables.join(', ')} empty; held back`,
      ),
      variables,
    };
  }
  return bulkSkip(report, 'bulk/template-error', 'bulk.template_error', rendering.error);
}

/** The response of the report waiting for approval: the latest submitted, if any. */
function submittedResponse(responses: readonly ReportResponse[]): ReportResponse | null {
  let latest: Extract<ReportResponse, { state: 'submitted' }> | null = null;
  for (const response of responses) {
    if (response.state !== 'submitted') continue;
    if (latest === null || response.submittedAt > latest.submittedAt) latest = response;
  }
  return latest;
}

function planApproval(report: Report, index: number, input: BulkPlanInput, ctx: PlanContext): Slot {
  const responsesOf = input.responsesOf;
  if (responsesOf === undefined) throw new Error('planBulk: an approval needs responsesOf');
  const response = submittedResponse(responsesOf(report.id));
  if (response === null) {
    return bulkSkip(
      report,
      'bulk/no-submitted-response',
      'bulk.no_submitted_response',
      `Report ${report.trackingId} has no response waiting for approval`,
    );
  }
  const approve: PlannedMutation = {
    name: 'response.approve',
    args: { reportId: report.id, responseId: response.id, publish: true, batchId: input.batchId },
  };
  return check(approve, report, ctx, `${input.batchId}:plan:${String(index)}`, response);
}

/** The slot of one report of a per-report action (every action but merge). */
function planOne(
  action: Exclude<BulkAction, { kind: 'merge' }>,
  report: Report,
  index: number,
  input: BulkPlanInput,
  ctx: PlanContext,
  newId: () => string,
): Slot {
  switch (action.kind) {
    case 'reply':
      return planReply(action, report, index, input, ctx);
    case 'approve_responses':
      return planApproval(report, index, input, ctx);
    default:
      return check(
        mutationFor(action, report, input.batchId, newId),
        report,
        ctx,
        `${input.batchId}:plan:${String(index)}`,
      );
  }
}

/**
 * Plans `input.action` over the selection: for every distinct selected report, in selection
 * order, either one mutation carrying `batchId` (with the report's fields before it) or a skip
 * with the reason. Checking runs each mutator once per report (a reply twice, around rendering
 * it), so 1,000 reports take a few ms plus the renderings.
 */
export function planBulk(input: BulkPlanInput, ctx: PlanContext, newId: () => string): BulkPlan {
  const { action, batchId } = input;
  const entries = distinct(input.reports);
  const slots: Slot[] =
    action.kind === 'merge'
      ? planMerge(action.keepReportId, entries, batchId, ctx, newId)
      : entries.map((entry, i) =>
          entry.report === null
            ? notFound(entry.id)
            : planOne(action, entry.report, i, input, ctx, newId),
        );
  const plan: BulkPlan = { items: [], batchItems: [], skipped: [] };
  for (const slot of slots) {
    if (isSkip(slot)) {
      plan.skipped.push(slot);
      continue;
    }
    plan.items.push(slot.mutation);
    plan.batchItems.push({
      reportId: slot.report.id,
      trackingId: slot.report.trackingId,
      name: slot.mutation.name,
      before: reportBefore(slot.report),
    });
  }
  return plan;
}
