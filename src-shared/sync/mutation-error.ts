// Why a mutation was refused: a stable code, a message for the log and, where the operator can act
// on it, an i18n key. Workflow refusals (report-workflow.ts) pass through unchanged.

import { assertNever } from '../domain/assert-never';
import type {
  WorkflowError,
  WorkflowErrorCode,
  WorkflowReasonKey,
} from '../domain/report-workflow';

export type MutationErrorCode =
  | WorkflowErrorCode
  /** The record does not exist or is outside the caller's scope (never told apart). */
  | 'mutation/not-found'
  | 'mutation/forbidden-role'
  | 'mutation/out-of-scope'
  /** The arguments are well-formed but unacceptable (a blank comment, an unknown category). */
  | 'mutation/invalid'
  /** The record is not in a state the mutation starts from (a response already approved). */
  | 'mutation/wrong-state'
  /** A client-made id already names another record. */
  | 'mutation/id-taken'
  | 'mutation/unknown-name'
  | 'mutation/invalid-args'
  /** A training role (peserta, pelatih) on a server that is not a simulation server. */
  | 'mutation/simulation-only'
  /** Accepted on its own, but a field it sets was changed by someone else meanwhile. */
  | 'mutation/changed-meanwhile';

/** i18n keys (renderer catalogue) for refusals outside the workflow table. */
export const mutationReasonKeys = [
  'mutation.not_found',
  'mutation.role_not_allowed',
  'mutation.report_outside_subtree',
  'mutation.report_closed',
  'mutation.report_not_in_progress',
  'mutation.category_unknown',
  'mutation.assignee_invalid',
  'mutation.assign_only_self',
  'mutation.anonymity_irreversible',
  'mutation.text_required',
  'mutation.id_taken',
  'mutation.response_other_report',
  'mutation.response_not_editable',
  'mutation.response_not_submitted',
  'mutation.response_not_approved',
  /** A reply still holds a placeholder (`{{…}}`) nobody filled in: it never reaches a citizen. */
  'mutation.response_unfilled',
  /** Another operator's draft: only its author sends it. */
  'mutation.response_other_author',
  'mutation.template_other_owner',
  'mutation.template_scope_fixed',
  /** A snippet's name is how templates include it: lower_snake (`salam_pembuka`). */
  'mutation.snippet_name_invalid',
  'mutation.training_only',
  'mutation.unknown',
  'mutation.invalid_args',
  'mutation.changed_meanwhile',
] as const;
export type MutationReasonKey = (typeof mutationReasonKeys)[number];

export interface MutationError {
  readonly code: MutationErrorCode;
  readonly message: string;
  readonly reasonKey?: WorkflowReasonKey | MutationReasonKey;
}

export function mutationError(
  code: MutationErrorCode,
  reasonKey: MutationReasonKey,
  message: string,
): MutationError {
  return { code, reasonKey, message };
}

export function fromWorkflowError(error: WorkflowError): MutationError {
  return { code: error.code, reasonKey: error.reasonKey, message: error.message };
}

/**
 * Refusals that no change of the record could have avoided: the role, the arguments, a target
 * outside the actor's own subtree. Such a mutation is `rejected` even when the record moved on;
 * every other refusal depends on the record's state and is `superseded` when someone else wrote
 * it since the operator looked (conflicts.ts).
 */
export function isPermanentRefusal(error: Pick<MutationError, 'code' | 'reasonKey'>): boolean {
  switch (error.code) {
    case 'workflow/forbidden-role':
    case 'workflow/missing-context':
    case 'mutation/forbidden-role':
    case 'mutation/invalid':
    case 'mutation/id-taken':
    case 'mutation/unknown-name':
    case 'mutation/invalid-args':
    case 'mutation/simulation-only':
      return true;
    case 'workflow/out-of-scope':
      return error.reasonKey === 'workflow.target_outside_subtree';
    case 'workflow/missing-requirement':
      return permanentRequirementKeys.has(error.reasonKey ?? '');
    case 'workflow/wrong-status':
    case 'mutation/not-found':
    case 'mutation/out-of-scope':
    case 'mutation/wrong-state':
    case 'mutation/changed-meanwhile':
      return false;
    default:
      return assertNever(error.code, 'mutation error code');
  }
}

/** Missing requirements about the arguments alone, not about the record they apply to. */
const permanentRequirementKeys: ReadonlySet<string> = new Set<WorkflowReasonKey>([
  'workflow.target_agency_required',
  'workflow.target_agency_unknown',
  'workflow.target_unit_invalid',
  'workflow.message_required',
  'workflow.reason_required',
  'workflow.duplicate_of_required',
  'workflow.duplicate_of_self',
  'workflow.extension_too_long',
]);
