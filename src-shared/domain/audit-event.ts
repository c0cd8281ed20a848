// The audit trail: every workflow transition is recorded with who, when, from, to and why
// (DOMAIN.md). Bulk actions share a batchId so a batch can be reviewed, or undone, as one.

import { z } from 'zod';
import { ActorSchema } from './actor';
import { EntityIdSchema } from './entity-id';
import { EpochMsSchema } from './epoch-ms';
import { ReportStatusSchema } from './report-status';
import { WorkflowActionSchema } from './report-workflow';

export const AuditEventSchema = z.strictObject({
  id: EntityIdSchema,
  reportId: EntityIdSchema,
  at: EpochMsSchema,
  actor: ActorSchema,
  action: WorkflowActionSchema,
  from: ReportStatusSchema,
  to: ReportStatusSchema,
  /** The reason given (archive reason code, free text), or null for actions that need none. */
  reason: z.string().max(2000).nullable(),
  batchId: EntityIdSchema.optional(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;
