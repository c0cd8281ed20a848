// The outbox export: the operator's unsent work (outbox and needs-review list) with the client id
// and last mutation id, as a JSON document. Written before any recovery that recreates the
// database and read back by recoverLocalDb (ARCHITECTURE.md: the outbox is never discarded).
// Holds are not exported: the batches they were for stay behind, so nothing could withdraw them,
// and re-imported entries are sent at once (withoutHold / withHoldCleared).

import { z } from 'zod';
import type { OutboxEntry, ReviewItem } from '../../../src-shared/sync/client/ports';
import {
  ClientIdSchema,
  MutationErrorBodySchema,
  MutationSchema,
  SyncEntitySchema,
  SyncRowSchema,
  VersionSchema,
} from '../../../src-shared/sync/protocol';

export const OUTBOX_EXPORT_FORMAT = 'posko-outbox';

const RecordKeySchema = z.templateLiteral([SyncEntitySchema, ':', z.string().min(1)]);

const OutboxEntrySchema = z.strictObject({
  mutation: MutationSchema,
  state: z.enum(['pending', 'applied', 'processed']),
  appliedVersion: VersionSchema.nullable(),
  keys: z.array(RecordKeySchema),
  attempts: z.int().min(0),
});

const ReviewItemSchema = z.strictObject({
  id: z.string().min(1),
  kind: z.enum(['superseded', 'rejected']),
  mutation: MutationSchema,
  error: MutationErrorBodySchema,
  current: SyncRowSchema.nullable(),
  intended: SyncRowSchema.nullable(),
  at: z.number(),
});

export const OutboxExportSchema = z.strictObject({
  format: z.literal(OUTBOX_EXPORT_FORMAT),
  formatVersion: z.literal(1),
  /** The database it came from (informative). */
  database: z.string(),
  clientId: ClientIdSchema,
  lastMutationId: z.int().min(0),
  /** Client clock, epoch ms. */
  exportedAt: z.number(),
  outbox: z.array(OutboxEntrySchema),
  review: z.array(ReviewItemSchema),
});

/** An outbox entry as exported: without its hold. */
export type ExportedOutboxEntry = Omit<OutboxEntry, 'holdUntil'>;

export interface OutboxExport {
  readonly format: typeof OUTBOX_EXPORT_FORMAT;
  readonly formatVersion: 1;
  readonly database: string;
  readonly clientId: string;
  readonly lastMutationId: number;
  readonly exportedAt: number;
  readonly outbox: readonly ExportedOutboxEntry[];
  readonly review: readonly ReviewItem[];
}

export function withoutHold(entry: OutboxEntry): ExportedOutboxEntry {
  const { holdUntil: _dropped, ...exported } = entry;
  return exported;
}

/** An imported entry: not held (its batch record was not exported, so it cannot be withdrawn). */
export function withHoldCleared(entry: ExportedOutboxEntry): OutboxEntry {
  return { ...entry, holdUntil: 0 };
}

export function serializeOutboxExport(doc: OutboxExport): string {
  return JSON.stringify(doc);
}

/** Parses an export; null when the text is not one (damaged, or another file). */
export function parseOutboxExport(text: string): OutboxExport | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = OutboxExportSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
