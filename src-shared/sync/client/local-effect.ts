// A mutation's optimistic effect on the local store: the shared mutator run over the records as
// the operator sees them (server layer with pending changes), turned into local-layer rows.

import type { UserActor } from '../../domain/actor';
import { assertNever } from '../../domain/assert-never';
import type { Result } from '../../result';
import { err, ok } from '../../result';
import type { MutationError } from '../mutation-error';
import {
  mutationIdPrefix,
  mutationTarget,
  runMutator,
  type Change,
  type MutatorContext,
  type MutatorState,
} from '../mutators';
import type { Mutation, SyncEntity, SyncRow } from '../protocol';
import { effectiveRow, recordKey, type LayeredRecord, type RecordKey, type StoreTx } from './ports';
import type { ClientReference } from './reference';

export interface LocalEffect {
  /** The local-layer rows to write: a row, or null where the mutation deletes the record. */
  readonly rows: readonly { key: RecordKey; row: SyncRow | null }[];
  readonly keys: readonly RecordKey[];
}

export interface EffectEnv {
  readonly actor: UserActor;
  readonly reference: ClientReference;
}

/** The records a mutation reads, by key: what its effect depends on (for rebase). */
export function readKeys(mutation: Mutation): RecordKey[] {
  const target = mutationTarget(mutation);
  const keys: RecordKey[] = [];
  if (target.reportId !== null) keys.push(recordKey('report', target.reportId));
  if (target.responseId !== null) keys.push(recordKey('response', target.responseId));
  if (target.noteId !== null) keys.push(recordKey('note', target.noteId));
  if (target.templateId !== null) keys.push(recordKey('template', target.templateId));
  if (target.savedViewId !== null) keys.push(recordKey('saved_view', target.savedViewId));
  return keys;
}

/** The report of each child record the mutation reads (the hint StoreTx.getRecords takes). */
export function childReportsRead(mutation: Mutation): [RecordKey, string][] {
  const target = mutationTarget(mutation);
  if (target.reportId === null) return [];
  const children: [RecordKey, string][] = [];
  if (target.responseId !== null) {
    children.push([recordKey('response', target.responseId), target.reportId]);
  }
  if (target.noteId !== null) children.push([recordKey('note', target.noteId), target.reportId]);
  return children;
}

/** The key of the record a review shows side by side: the report, else the template or view. */
export function mainKey(mutation: Mutation): RecordKey | null {
  const target = mutationTarget(mutation);
  if (target.reportId !== null) return recordKey('report', target.reportId);
  if (target.templateId !== null) return recordKey('template', target.templateId);
  if (target.savedViewId !== null) return recordKey('saved_view', target.savedViewId);
  return null;
}

/**
 * A row that exists on the server if and only if the mutation was applied: the audit event of a
 * workflow move, the note of note.add (ids made from the mutation or chosen by the client). Null
 * for edits that leave no row of their own.
 */
export function traceKey(mutation: Mutation): RecordKey | null {
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
    case 'response.publish':
      return recordKey('audit_event', `${mutationIdPrefix(mutation)}:audit`);
    case 'note.add':
      return recordKey('note', mutation.args.noteId);
    // Publishing moves the report, which leaves an audit event; a reply only submitted, or a
    // response only approved, leaves no row that a draft of it would not have left.
    case 'response.send':
    case 'response.approve':
      return mutation.args.publish === true
        ? recordKey('audit_event', `${mutationIdPrefix(mutation)}:audit`)
        : null;
    case 'report.setCategory':
    case 'report.setTags':
    case 'report.setPrivacy':
    case 'report.assign':
    case 'response.saveDraft':
    case 'response.submit':
    case 'response.return':
    case 'template.upsert':
    case 'template.delete':
    case 'view.save':
    case 'view.delete':
      return null;
    default:
      return assertNever(mutation, 'mutation');
  }
}

function rowAt(
  records: ReadonlyMap<RecordKey, LayeredRecord>,
  entity: SyncEntity,
  id: string | null,
): SyncRow | null {
  return id === null ? null : effectiveRow(records.get(recordKey(entity, id)));
}

/** Runs the mutation over the effective records at `now`; the rows its effect writes locally. */
export async function computeLocalEffect(
  tx: Pick<StoreTx, 'getRecords'>,
  mutation: Mutation,
  env: EffectEnv,
  now: number,
): Promise<Result<LocalEffect, MutationError>> {
  return effectOver(await tx.getRecords(readKeys(mutation)), mutation, env, now);
}

/**
 * The same over records already read (at least the mutation's `readKeys`): synchronous, so a
 * batch computes every effect without giving up its transaction between them.
 */
export function effectOver(
  records: ReadonlyMap<RecordKey, LayeredRecord>,
  mutation: Mutation,
  env: EffectEnv,
  now: number,
): Result<LocalEffect, MutationError> {
  const target = mutationTarget(mutation);
  const report = rowAt(records, 'report', target.reportId);
  const response = rowAt(records, 'response', target.responseId);
  const note = rowAt(records, 'note', target.noteId);
  const template = rowAt(records, 'template', target.templateId);
  const savedView = rowAt(records, 'saved_view', target.savedViewId);
  const state: MutatorState = {
    report: report?.entity === 'report' ? report.data : null,
    response: response?.entity === 'response' ? response.data : null,
    note: note?.entity === 'note' ? note.data : null,
    template: template?.entity === 'template' ? template.data : null,
    savedView: savedView?.entity === 'saved_view' ? savedView.data : null,
  };
  const ctx: MutatorContext = {
    actor: env.actor,
    now,
    agencies: env.reference.agencies,
    calendar: env.reference.calendar,
    categories: env.reference.categories,
    users: env.reference.users,
    idPrefix: mutationIdPrefix(mutation),
  };
  const result = runMutator(state, mutation, ctx);
  if (!result.ok) return err(result.error);
  return ok(rowsOf(result.value, report?.version ?? 0));
}

/** The local rows of a change: the report keeps its server version, new children carry 0. */
function rowsOf(change: Change, reportVersion: number): LocalEffect {
  const rows: SyncRow[] = [];
  if (change.report !== null) {
    rows.push({
      entity: 'report',
      id: change.report.id,
      version: reportVersion,
      data: change.report,
    });
  }
  for (const data of change.dispositions) {
    rows.push({ entity: 'disposition', id: data.id, version: data.version, data });
  }
  for (const data of change.notes)
    rows.push({ entity: 'note', id: data.id, version: data.version, data });
  for (const data of change.responses) {
    rows.push({ entity: 'response', id: data.id, version: data.version, data });
  }
  for (const data of change.templates) {
    rows.push({ entity: 'template', id: data.id, version: data.version, data });
  }
  for (const data of change.auditEvents) {
    rows.push({ entity: 'audit_event', id: data.id, version: 0, data });
  }
  for (const data of change.savedViews) {
    rows.push({ entity: 'saved_view', id: data.id, version: data.version, data });
  }
  const written = rows.map((row) => ({ key: recordKey(row.entity, row.id), row }));
  const deleted = [
    ...change.deletedTemplates.map((template) => ({
      key: recordKey('template', template.id),
      row: null,
    })),
    ...change.deletedSavedViews.map((view) => ({
      key: recordKey('saved_view', view.id),
      row: null,
    })),
  ];
  const all = [...written, ...deleted];
  return { rows: all, keys: [...new Set(all.map((entry) => entry.key))] };
}
