// Which bulk actions a role is offered, their keys and their words: the label, the sentence the
// confirmation says ("Disposisikan 137 laporan ke Dinas Kesehatan") and the one the undo toast
// says afterwards ("137 laporan didisposisikan"). Role rules come from the workflow table and the
// single-report catalogue, so a role sees in bulk exactly what it may do to one report.
import {
  bulkActionKinds,
  type BulkAction,
  type BulkActionKind,
} from '../../../src-shared/bulk/bulk-action';
import { assertNever } from '../../../src-shared/domain/assert-never';
import {
  reportWorkflow,
  workflowRolesOf,
  type WorkflowAction,
} from '../../../src-shared/domain/report-workflow';
import type { AgencySettings } from '../../../src-shared/domain/agency';
import type { UserRole } from '../../../src-shared/domain/user';
import type { MessageKey, Translate } from '../../i18n/i18n';
import { FIELD_EDIT_ROLES, NOTE_ROLES } from '../inbox/actions/action-catalog';

/** One key per bulk action (issue 6: e archives, d disposes, …); the registry matches them. */
export const bulkKeys: Readonly<Record<BulkActionKind, string>> = {
  dispose: 'd',
  tunda: 't',
  not_authority: 'w',
  archive: 'e',
  merge: 'shift+m',
  set_category: 'c',
  set_tags: '#',
  set_privacy: 'p',
  assign: 'a',
  add_note: 'n',
  // The same letter replies to the open report (features/reply); with a selection, to all of it.
  reply: 'r',
  approve_responses: 'shift+a',
};

/** The order of the buttons in the bar: the workflow moves first, then the edits. */
export const bulkBarOrder: readonly BulkActionKind[] = [
  'dispose',
  'tunda',
  'not_authority',
  'archive',
  'merge',
  'reply',
  'approve_responses',
  'set_category',
  'set_tags',
  'set_privacy',
  'assign',
  'add_note',
];

/** The workflow moves a bulk action makes (dispose: verification or re-disposition). */
const workflowMoves: Readonly<Record<BulkActionKind, readonly WorkflowAction[] | null>> = {
  dispose: ['verify_dispose', 'redispose'],
  tunda: ['tunda'],
  not_authority: ['not_authority'],
  archive: ['archive'],
  // Merge archives the others as duplicates.
  merge: ['archive'],
  set_category: null,
  set_tags: null,
  set_privacy: null,
  assign: null,
  add_note: null,
  // Sending may publish, but a reply submitted for approval moves nothing: see editRoles.
  reply: null,
  // Approving in bulk publishes: who may is the publish move's question (with the setting).
  approve_responses: ['publish_response'],
};

/** The roles that write responses (the mutators' RESPONSE_AUTHORS). */
const RESPONSE_AUTHOR_ROLES: readonly UserRole[] = [
  'admin_instansi',
  'operator_unit',
  'pejabat_penghubung',
];

/** Field edits: the roles the single-report catalogue offers them to. */
const editRoles: Readonly<Record<BulkActionKind, readonly UserRole[] | null>> = {
  dispose: null,
  tunda: null,
  not_authority: null,
  archive: null,
  merge: null,
  set_category: FIELD_EDIT_ROLES,
  set_tags: FIELD_EDIT_ROLES,
  set_privacy: FIELD_EDIT_ROLES,
  assign: NOTE_ROLES,
  add_note: NOTE_ROLES,
  reply: RESPONSE_AUTHOR_ROLES,
  approve_responses: null,
};

/** The agency settings that widen who may act (the operator's own agency's). */
export type BulkSettings = Pick<AgencySettings, 'adminsMayPublish'>;

const NO_WIDENING: BulkSettings = { adminsMayPublish: false };

/** Whether the role makes the move: named in the table, or granted by a setting that is on. */
function makesMove(acting: readonly UserRole[], move: WorkflowAction, settings: BulkSettings) {
  const rule = reportWorkflow[move];
  return (
    rule.actors.some((actor) => actor !== 'system' && acting.includes(actor)) ||
    rule.actorsBySetting.some((grant) => acting.includes(grant.role) && settings[grant.setting])
  );
}

function mayDo(role: UserRole, kind: BulkActionKind, settings: BulkSettings): boolean {
  const acting = workflowRolesOf(role);
  const moves = workflowMoves[kind];
  if (moves !== null) return moves.some((move) => makesMove(acting, move, settings));
  const roles = editRoles[kind] ?? [];
  return acting.some((r) => roles.includes(r));
}

/** The bulk actions a role may take on some report, in bar order. */
export function bulkActionsForRole(
  role: UserRole,
  settings: BulkSettings = NO_WIDENING,
): BulkActionKind[] {
  return bulkBarOrder.filter((kind) => mayDo(role, kind, settings));
}

/**
 * Whether a bulk reply may be published at once rather than submitted for approval: whoever
 * publishes responses (a liaison officer; an admin where the agency allows it).
 */
export function mayPublishReplies(role: UserRole, settings: BulkSettings = NO_WIDENING): boolean {
  return makesMove(workflowRolesOf(role), 'publish_response', settings);
}

// Every kind is in the bar.
bulkActionKinds.forEach((kind) => {
  if (!bulkBarOrder.includes(kind)) throw new Error(`bulk action ${kind} has no place in the bar`);
});

export function bulkLabelKey(kind: BulkActionKind): MessageKey {
  return `bulk.kind.${kind}`;
}

/** Names the confirmation needs: agencies, units, users, categories and the kept report. */
export interface BulkNames {
  readonly agency: (id: string) => string;
  readonly user: (id: string) => string;
  readonly category: (id: string) => string;
  /** The tracking number of a report of the selection (merge keeps it). */
  readonly trackingId: (reportId: string) => string;
}

/**
 * The exact sentence of the confirmation: what will happen to `count` reports (for a reply, and
 * how many are held back for missing values: "Kirim tanggapan ke 18 laporan · 2 ditahan").
 */
export function confirmationText(
  t: Translate,
  action: BulkAction,
  count: number,
  names: BulkNames,
  held = 0,
): string {
  switch (action.kind) {
    case 'dispose': {
      const target =
        action.targetUnitId === undefined
          ? names.agency(action.targetAgencyId)
          : `${names.agency(action.targetUnitId)}, ${names.agency(action.targetAgencyId)}`;
      return t('bulk.confirm.dispose', { count, target });
    }
    case 'assign':
      return action.assigneeId === null
        ? t('bulk.confirm.unassign', { count })
        : t('bulk.confirm.assign', { count, name: names.user(action.assigneeId) });
    case 'tunda':
      return t('bulk.confirm.tunda', { count, message: action.messageToReporter.trim() });
    case 'not_authority':
      return t('bulk.confirm.not_authority', { count, reason: action.reason.trim() });
    case 'archive': {
      const reason =
        action.reason === 'duplicate' && action.duplicateOf !== undefined
          ? t('bulk.confirm.duplicateOf', { tracking: action.duplicateOf })
          : t(`archiveReason.${action.reason}`);
      return t('bulk.confirm.archive', { count, reason });
    }
    case 'merge':
      return t('bulk.confirm.merge', {
        count,
        tracking: names.trackingId(action.keepReportId),
      });
    case 'set_category':
      return action.categoryId === null
        ? t('bulk.confirm.clearCategory', { count })
        : t('bulk.confirm.set_category', { count, category: names.category(action.categoryId) });
    case 'set_tags':
      return t('bulk.confirm.set_tags', {
        count,
        add: action.add.length === 0 ? '—' : action.add.join(', '),
        remove: action.remove.length === 0 ? '—' : action.remove.join(', '),
      });
    case 'set_privacy':
      return t('bulk.confirm.set_privacy', {
        count,
        rahasia: t(action.rahasia ? 'bulk.yes' : 'bulk.no'),
        anonim: t(action.anonim ? 'bulk.yes' : 'bulk.no'),
      });
    case 'add_note':
      return t('bulk.confirm.add_note', { count });
    case 'reply': {
      const send = t(action.publish ? 'bulk.confirm.replyPublish' : 'bulk.confirm.reply', {
        count,
      });
      return held === 0 ? send : `${send}${t('bulk.confirm.held', { count: held })}`;
    }
    case 'approve_responses':
      return t('bulk.confirm.approve_responses', { count });
    default:
      return assertNever(action, 'bulk action');
  }
}

/** What the undo toast and the results panel say was done ("137 laporan didisposisikan"). */
export function doneText(t: Translate, kind: BulkActionKind, count: number): string {
  return t(`bulk.done.${kind}`, { count });
}
