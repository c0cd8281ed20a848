// Which single-report actions the operator is offered: the workflow moves the table allows for the
// role and the report's status (availableActions), and the field edits the mutators allow the role
// on an open report. Each has a key for the keyboard.
import type { SessionUser } from '../../../../src-shared/api/auth';
import { userActor } from '../../../../src-shared/domain/actor';
import type { Agency } from '../../../../src-shared/domain/agency';
import { isInSubtree } from '../../../../src-shared/domain/parent-tree';
import { reportLocationId, type Report } from '../../../../src-shared/domain/report';
import { isClosedStatus } from '../../../../src-shared/domain/report-status';
import {
  availableActions,
  workflowRolesOf,
  type WorkflowAction,
} from '../../../../src-shared/domain/report-workflow';
import type { UserRole } from '../../../../src-shared/domain/user';

export const uiActions = [
  'verify_dispose',
  'redispose',
  'tunda',
  'resume',
  'not_authority',
  'archive',
  'start_processing',
  'extend_deadline',
  'reopen',
  'set_category',
  'set_tags',
  'set_privacy',
  'assign',
  'add_note',
] as const;
export type UiAction = (typeof uiActions)[number];

/**
 * One key per action (registered as commands while the report is open; the same letters act on
 * the selection when there is one). `r` is kept for reply, `g` starts "go to queue", and
 * j, k, o, x, Shift+J/K and Shift+T belong to the list and triage mode.
 */
export const actionKeys: Readonly<Record<UiAction, string>> = {
  verify_dispose: 'd',
  redispose: 'd',
  tunda: 't',
  resume: 'l',
  not_authority: 'w',
  archive: 'e',
  start_processing: 's',
  extend_deadline: 'shift+e',
  reopen: 'shift+r',
  set_category: 'c',
  set_tags: '#',
  set_privacy: 'p',
  assign: 'a',
  add_note: 'n',
};

const workflowUiActions: ReadonlySet<WorkflowAction> = new Set<WorkflowAction>([
  'verify_dispose',
  'redispose',
  'tunda',
  'resume',
  'not_authority',
  'archive',
  'start_processing',
  'extend_deadline',
  'reopen',
]);

const ADMINS: readonly UserRole[] = ['admin_koordinator', 'admin_instansi'];
const AGENCY_ROLES: readonly UserRole[] = [...ADMINS, 'operator_unit', 'pejabat_penghubung'];
/** Who may set category, tags and privacy (also in bulk, features/bulk/bulk-catalog.ts). */
export const FIELD_EDIT_ROLES = ADMINS;
/** Who may assign and add notes (also in bulk). */
export const NOTE_ROLES = AGENCY_ROLES;

function actsAs(role: UserRole, roles: readonly UserRole[]): boolean {
  return workflowRolesOf(role).some((r) => roles.includes(r));
}

export function availableUiActions(
  report: Report,
  user: Pick<SessionUser, 'id' | 'role' | 'agencyId'>,
  agencies: ReadonlyMap<string, Agency>,
): UiAction[] {
  const tree = agencies.size > 0 ? agencies : undefined;
  const actor = userActor(user);
  const workflow = availableActions(report, actor, tree === undefined ? {} : { agencies: tree });
  const inScope =
    tree === undefined
      ? user.agencyId === report.agencyId || user.agencyId === report.unitId
      : isInSubtree(tree, user.agencyId, reportLocationId(report));
  const open = !isClosedStatus(report.status);
  const result: UiAction[] = workflow.filter((a): a is WorkflowAction & UiAction =>
    workflowUiActions.has(a),
  );
  if (inScope && open && actsAs(user.role, ADMINS)) {
    result.push('set_category', 'set_tags', 'set_privacy');
  }
  if (inScope && open && actsAs(user.role, AGENCY_ROLES)) result.push('assign');
  if (inScope && actsAs(user.role, AGENCY_ROLES)) result.push('add_note');
  return result;
}
