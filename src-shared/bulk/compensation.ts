// Undo after the push: a batch that reached the server is taken back by compensating mutations
// (a new batch), where the workflow has a move back; what it cannot reverse is listed with the
// reason. Pure: the caller passes each report as the operator sees it now.

import { assertNever } from '../domain/assert-never';
import type { Report } from '../domain/report';
import type { MutatorContext } from '../sync/mutators';
import type { BatchItem, BatchRecord, BulkSkip } from './bulk-action';
import {
  bulkSkip,
  checkPlanned,
  editTags,
  reportBefore,
  sameTags,
  skipFromRefusal,
  type PlannedMutation,
} from './bulk-plan';

export interface CompensationPlan {
  /** `items[i]` undoes the batch's change to `batchItems[i].reportId`. */
  readonly items: PlannedMutation[];
  readonly batchItems: BatchItem[];
  /** The batch's changes no mutation can take back, with the reason. */
  readonly irreversible: BulkSkip[];
}

/**
 * The reason a compensating reopen records. Stored data (the report's audit trail, read in any UI
 * language), so a fixed Indonesian phrase, not a catalogue entry.
 */
export const COMPENSATION_REASON = 'Pembatalan tindakan massal';

const notReversible = (item: BatchItem, message: string): BulkSkip =>
  bulkSkip(
    { id: item.reportId, trackingId: item.trackingId },
    'bulk/not-reversible',
    'bulk.not_reversible',
    message,
  );

/** The inverse of the batch's mutation on one report, or why there is none. */
function inverseOf(item: BatchItem, batchId: string): PlannedMutation | BulkSkip {
  const reportId = item.reportId;
  const before = item.before;
  switch (item.name) {
    case 'report.tunda':
      // tunda starts from unverified only, and resume leads back there.
      return { name: 'report.resume', args: { reportId, batchId } };
    case 'report.archive':
      // reopen leads an archived report to unverified, whatever it was before archiving.
      return before.status === 'unverified'
        ? { name: 'report.reopen', args: { reportId, reason: COMPENSATION_REASON, batchId } }
        : notReversible(
            item,
            `Reopening report ${item.trackingId} would make it unverified, but it was ${before.status}`,
          );
    case 'report.redispose':
      // From not_authority, a disposition back would hand the report to the agency that declined
      // it as a disposed report: not what it was.
      return before.status === 'disposed'
        ? {
            name: 'report.redispose',
            args: {
              reportId,
              targetAgencyId: before.agencyId,
              ...(before.unitId === null ? {} : { targetUnitId: before.unitId }),
              batchId,
            },
          }
        : notReversible(
            item,
            `Report ${item.trackingId} was ${before.status}; disposing it back would not restore that`,
          );
    case 'report.assign':
      return { name: 'report.assign', args: { reportId, assigneeId: before.assigneeId, batchId } };
    case 'report.setCategory':
      return {
        name: 'report.setCategory',
        args: { reportId, categoryId: before.categoryId, batchId },
      };
    case 'report.setTags':
      return { name: 'report.setTags', args: { reportId, tags: [...before.tags], batchId } };
    case 'report.setPrivacy':
      return {
        name: 'report.setPrivacy',
        args: { reportId, rahasia: before.rahasia, anonim: before.anonim, batchId },
      };
    case 'report.verifyDispose':
      return notReversible(
        item,
        `No workflow move takes report ${item.trackingId} back to verification once disposed`,
      );
    case 'report.notAuthority':
      return notReversible(
        item,
        `Report ${item.trackingId} went back to the level above; only it can dispose it again`,
      );
    case 'note.add':
      return notReversible(item, `Notes are permanent; the note on ${item.trackingId} stays`);
    // A published reply may already have been read by the citizen, and a submitted one by the
    // liaison officer reviewing it; no workflow move takes a response back.
    case 'response.send':
    case 'response.approve':
      return notReversible(
        item,
        `The response to ${item.trackingId} went out; it may already have been read`,
      );
    case 'report.resume':
    case 'report.startProcessing':
    case 'report.extendDeadline':
    case 'report.reopen':
    case 'response.saveDraft':
    case 'response.submit':
    case 'response.return':
    case 'response.publish':
    case 'template.upsert':
    case 'template.delete':
    case 'view.save':
    case 'view.delete':
      // Not made by bulk actions (a compensation's own resume or reopen lands here): taking
      // them back would need what they replaced (the tunda message, the archive reason).
      return notReversible(item, `${item.name} on ${item.trackingId} has no inverse`);
    default:
      return assertNever(item.name, 'mutation name');
  }
}

const changedSince = (item: BatchItem, what: string): BulkSkip =>
  bulkSkip(
    { id: item.reportId, trackingId: item.trackingId },
    'bulk/changed-since',
    'bulk.changed_since',
    `The ${what} of report ${item.trackingId} was changed again after the batch`,
  );

/**
 * Whether a field the batch set holds another value now (someone changed it since): undoing would
 * overwrite that change, which the server would not see as a conflict. Workflow moves need no
 * such check: their mutators refuse a report that left the status the batch moved it to.
 */
function changedAfterBatch(record: BatchRecord, item: BatchItem, report: Report): BulkSkip | null {
  // A compensation batch records the action it undid, not the values it wrote.
  if (record.compensates !== null) return null;
  const action = record.action;
  switch (action.kind) {
    case 'assign':
      return report.assigneeId === action.assigneeId ? null : changedSince(item, 'assignee');
    case 'set_category':
      return report.categoryId === action.categoryId ? null : changedSince(item, 'category');
    case 'set_tags':
      return sameTags(report.tags, editTags(item.before.tags, action.add, action.remove))
        ? null
        : changedSince(item, 'tags');
    case 'set_privacy':
      return report.privacy.rahasia === action.rahasia && report.privacy.anonim === action.anonim
        ? null
        : changedSince(item, 'privacy');
    case 'dispose':
      return item.name !== 'report.redispose' ||
        (report.agencyId === action.targetAgencyId &&
          report.unitId === (action.targetUnitId ?? null))
        ? null
        : changedSince(item, 'disposition');
    case 'tunda':
    case 'not_authority':
    case 'archive':
    case 'merge':
    case 'add_note':
    case 'reply':
    case 'approve_responses':
      return null;
    default:
      return assertNever(action, 'bulk action');
  }
}

/**
 * The compensating mutations of `record`, in batch `newBatchId`, checked against `current` (each
 * report as the operator sees it now, local pending changes included). Items the server answered
 * `superseded` or `rejected` changed nothing and need nothing. Items not answered yet are undone
 * too: they are sent before the compensation, since mutations go in id order.
 */
export function planCompensation(
  record: BatchRecord,
  current: ReadonlyMap<string, Report | null>,
  ctx: Omit<MutatorContext, 'idPrefix'>,
  newBatchId: string,
  newId: () => string,
): CompensationPlan {
  const plan: CompensationPlan = { items: [], batchItems: [], irreversible: [] };
  for (const item of record.items) {
    const outcome = record.outcomes[item.reportId];
    if (outcome === 'superseded' || outcome === 'rejected') continue;
    const report = current.get(item.reportId) ?? null;
    if (report === null) {
      plan.irreversible.push(
        bulkSkip(
          { id: item.reportId, trackingId: item.trackingId },
          'bulk/not-found',
          'bulk.not_found',
          `Report ${item.trackingId} is no longer in the local copy`,
        ),
      );
      continue;
    }
    const changed = changedAfterBatch(record, item, report);
    if (changed !== null) {
      plan.irreversible.push(changed);
      continue;
    }
    const inverse = inverseOf(item, newBatchId);
    if ('reasonKey' in inverse) {
      plan.irreversible.push(inverse);
      continue;
    }
    const refusal = checkPlanned(inverse, report, { ...ctx, idPrefix: newId() });
    if (refusal !== null) {
      plan.irreversible.push(skipFromRefusal(report, refusal));
      continue;
    }
    plan.items.push(inverse);
    plan.batchItems.push({
      reportId: report.id,
      trackingId: report.trackingId,
      name: inverse.name,
      before: reportBefore(report),
    });
  }
  return plan;
}
