// The audit trail: every workflow transition is recorded with who, when, from, to and why
// (DOMAIN.md). Bulk actions share a batchId so a batch can be reviewed, or undone, as one; their
// field edits and notes are audited too (from = to), single edits are not.

import { z } from 'zod';
import { ActorSchema } from './actor';
import { EntityIdSchema } from './entity-id';
import { EpochMsSchema } from './epoch-ms';
import { ReportStatusSchema } from './report-status';
import { workflowActions, type WorkflowAction } from './report-workflow';

/** Edits outside the workflow table, audited when they are part of a bulk action. */
export const auditEditActions = [
  'assign',
  'set_category',
  'set_tags',
  'set_privacy',
  'add_note',
] as const;
export type AuditEditAction = (typeof auditEditActions)[number];

export const AuditActionSchema = z.enum([...workflowActions, ...auditEditActions]);
export type AuditAction = z.infer<typeof AuditActionSchema>;

const workflowActionSet: ReadonlySet<string> = new Set(workflowActions);

/** Whether the event records a workflow move (else a field edit or note, where from = to). */
export function isWorkflowAuditAction(action: AuditAction): action is WorkflowAction {
  return workflowActionSet.has(action);
}

export const AuditEventSchema = z.strictObject({
  id: EntityIdSchema,
  reportId: EntityIdSchema,
  at: EpochMsSchema,
  actor: ActorSchema,
  action: AuditActionSchema,
  from: ReportStatusSchema,
  to: ReportStatusSchema,
  /**
   * The reason given (archive reason code, free text), or null for actions that need none. For
   * a bulk field edit, a short machine-readable summary of the new value (`categoryId=…`).
   */
  reason: z.string().max(2000).nullable(),
  batchId: EntityIdSchema.optional(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;
