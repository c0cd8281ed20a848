// The sync protocol between client and server (ARCHITECTURE.md, "Sync protocol"): mutations and
// their arguments, push and pull requests and answers. Parsed with zod at both ends.

import { z } from 'zod';
import { AgencySchema } from '../domain/agency';
import { ArchiveReasonSchema } from '../domain/archive-reason';
import { AuditEventSchema } from '../domain/audit-event';
import { CategorySchema } from '../domain/category';
import { DispositionSchema } from '../domain/disposition';
import { EntityIdSchema } from '../domain/entity-id';
import { EpochMsSchema } from '../domain/epoch-ms';
import { NoteSchema } from '../domain/note';
import { ReportSchema, refineReportState } from '../domain/report';
import { ReportResponseSchema } from '../domain/response';
import { SavedViewSchema } from '../domain/saved-view';
import { TemplateKindSchema, TemplateSchema } from '../domain/template';
import { UserSchema } from '../domain/user';
import { InboxQuerySchema } from '../inbox/queries';
import { CitizenMessageSchema } from './citizen-message';

// ---------------------------------------------------------------------------------------------
// Mutations

/** A client installation's id (one Dexie database): letters, digits, `-` and `_`. */
export const ClientIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'clientId must be 8–64 letters, digits, - or _');
export type ClientId = z.infer<typeof ClientIdSchema>;

/** Mutation ids start at 1 and increase by one per client. */
export const MutationIdSchema = z.int().min(1).max(Number.MAX_SAFE_INTEGER);

/** A server version: 0 means "nothing seen yet". */
export const VersionSchema = z.int().min(0).max(Number.MAX_SAFE_INTEGER);

const Text = (max: number) => z.string().max(max);
/** Bulk actions share a batch id, recorded on their audit events. */
const batch = { batchId: EntityIdSchema.optional() };
const onReport = { reportId: EntityIdSchema };
const target = {
  targetAgencyId: EntityIdSchema,
  targetUnitId: EntityIdSchema.optional(),
  /** Instructions for the receiving agency (internal). */
  note: Text(2000).optional(),
};

/**
 * The arguments of every mutation, by name. Shapes only: whether a reason is blank, a target is
 * allowed or a status fits is decided by the mutator, identically on client and server.
 */
export const mutationArgsSchemas = {
  'report.verifyDispose': z.strictObject({ ...onReport, ...target, ...batch }),
  'report.tunda': z.strictObject({ ...onReport, messageToReporter: Text(2000), ...batch }),
  'report.resume': z.strictObject({ ...onReport, ...batch }),
  'report.archive': z.strictObject({
    ...onReport,
    reason: ArchiveReasonSchema,
    /** For reason `duplicate`: the tracking id of the original report. */
    duplicateOf: Text(20).optional(),
    note: Text(1000).optional(),
    ...batch,
  }),
  'report.notAuthority': z.strictObject({ ...onReport, reason: Text(2000), ...batch }),
  'report.redispose': z.strictObject({ ...onReport, ...target, ...batch }),
  'report.startProcessing': z.strictObject({ ...onReport, ...batch }),
  'report.extendDeadline': z.strictObject({
    ...onReport,
    /** The new resolution limit in working days counted from the disposition (at most 60). */
    days: z.int().min(1).max(1000),
    reason: Text(2000),
    ...batch,
  }),
  'report.reopen': z.strictObject({ ...onReport, reason: Text(2000), ...batch }),
  'report.setCategory': z.strictObject({
    ...onReport,
    categoryId: EntityIdSchema.nullable(),
    ...batch,
  }),
  'report.setTags': z.strictObject({
    ...onReport,
    tags: z.array(z.string().max(50)).max(50),
    ...batch,
  }),
  'report.setPrivacy': z.strictObject({
    ...onReport,
    rahasia: z.boolean(),
    anonim: z.boolean(),
    ...batch,
  }),
  'report.assign': z.strictObject({ ...onReport, assigneeId: EntityIdSchema.nullable(), ...batch }),
  'note.add': z.strictObject({
    ...onReport,
    noteId: EntityIdSchema,
    body: Text(10_000),
    ...batch,
  }),
  'response.saveDraft': z.strictObject({
    ...onReport,
    responseId: EntityIdSchema,
    body: Text(20_000),
  }),
  'response.submit': z.strictObject({ ...onReport, responseId: EntityIdSchema }),
  /**
   * A finished reply in one step (the composer's "Kirim", bulk reply): creates the response, or
   * takes the author's draft/returned one, with this final body. `publish: false` submits it for
   * a Pejabat Penghubung's approval; `publish: true` (someone who may publish) publishes it and
   * moves the report to `responded`. Refused while the body still holds an unfilled placeholder.
   */
  'response.send': z.strictObject({
    ...onReport,
    responseId: EntityIdSchema,
    body: Text(20_000),
    publish: z.boolean(),
    ...batch,
  }),
  /** Approves a submitted response; with `publish`, publishes it in the same step. */
  'response.approve': z.strictObject({
    ...onReport,
    responseId: EntityIdSchema,
    publish: z.boolean().optional(),
    ...batch,
  }),
  'response.return': z.strictObject({
    ...onReport,
    responseId: EntityIdSchema,
    comment: Text(2000),
  }),
  'response.publish': z.strictObject({ ...onReport, responseId: EntityIdSchema, ...batch }),
  'template.upsert': z.strictObject({
    templateId: EntityIdSchema,
    scope: z.enum(['agency', 'personal']),
    kind: TemplateKindSchema,
    name: z.string().max(200),
    body: Text(20_000),
    description: Text(500).optional(),
    /** Categories the template is suggested for (empty: every category). */
    categoryIds: z.array(EntityIdSchema).max(50).optional(),
  }),
  'template.delete': z.strictObject({ templateId: EntityIdSchema }),
  /** Creates or renames/updates one of the caller's saved views (the name is trimmed, 1–80). */
  'view.save': z.strictObject({
    viewId: EntityIdSchema,
    name: Text(200),
    query: InboxQuerySchema,
  }),
  'view.delete': z.strictObject({ viewId: EntityIdSchema }),
} as const;

export type MutationName = keyof typeof mutationArgsSchemas;
export const mutationNames = Object.keys(mutationArgsSchemas) as MutationName[];
export type MutationArgs<N extends MutationName = MutationName> = z.infer<
  (typeof mutationArgsSchemas)[N]
>;

export function isMutationName(name: string): name is MutationName {
  return Object.prototype.hasOwnProperty.call(mutationArgsSchemas, name);
}

const mutationEnvelope = {
  clientId: ClientIdSchema,
  id: MutationIdSchema,
  /**
   * The server version the operator's view was at when they acted: the client's pull cursor (or
   * at least the version of every record the mutation reads). Writes by others after it conflict.
   */
  baseVersion: VersionSchema,
  /** When the operator acted, by the client's clock: informative only, never used for ordering. */
  at: EpochMsSchema,
};

/**
 * A mutation as it travels: its name and arguments not yet interpreted, so that one the server
 * does not know (an older or newer client) is answered `rejected` instead of failing the batch.
 */
export const MutationEnvelopeSchema = z.strictObject({
  ...mutationEnvelope,
  name: z.string().min(1).max(64),
  args: z.unknown(),
});
export type MutationEnvelope = z.infer<typeof MutationEnvelopeSchema>;

/** A parsed mutation: the name decides the type of the arguments. */
export type Mutation = {
  [N in MutationName]: {
    clientId: ClientId;
    id: number;
    name: N;
    args: MutationArgs<N>;
    baseVersion: number;
    at: number;
  };
}[MutationName];

export type MutationOf<N extends MutationName> = Extract<Mutation, { name: N }>;

/** The strict schema of every mutation, discriminated by `name` (what a client stores and sends). */
export const MutationSchema = z.discriminatedUnion(
  'name',
  mutationNames.map((name) =>
    z.strictObject({ ...mutationEnvelope, name: z.literal(name), args: mutationArgsSchemas[name] }),
  ) as unknown as readonly [z.ZodObject<z.ZodRawShape>, ...z.ZodObject<z.ZodRawShape>[]],
) as unknown as z.ZodType<Mutation>;

export interface MutationParseError {
  readonly code: 'mutation/unknown-name' | 'mutation/invalid-args';
  readonly message: string;
}

// A NUL character, or half of a surrogate pair, is valid in a JSON string but cannot be stored
// in PostgreSQL text or jsonb: such text is refused as invalid rather than failing the write.
const BROKEN_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether any string in `value` (deeply) could not be stored. */
export function hasUnstorableText(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000') || BROKEN_SURROGATE.test(value);
  if (depth > 20 || typeof value !== 'object' || value === null) return false;
  const parts: unknown[] = Array.isArray(value)
    ? (value as unknown[])
    : [...Object.keys(value), ...(Object.values(value) as unknown[])];
  return parts.some((part) => hasUnstorableText(part, depth + 1));
}

/** Interprets an envelope's name and arguments. */
export function parseMutation(
  envelope: MutationEnvelope,
): { ok: true; value: Mutation } | { ok: false; error: MutationParseError } {
  if (!isMutationName(envelope.name)) {
    return {
      ok: false,
      error: { code: 'mutation/unknown-name', message: 'This server does not know the mutation' },
    };
  }
  if (hasUnstorableText(envelope.args)) {
    return {
      ok: false,
      error: {
        code: 'mutation/invalid-args',
        message: `Invalid arguments for ${envelope.name}: text with NUL characters or broken UTF-16`,
      },
    };
  }
  const parsed = mutationArgsSchemas[envelope.name].safeParse(envelope.args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined ? '' : ` at ${issue.path.join('.') || 'args'}`;
    return {
      ok: false,
      error: {
        code: 'mutation/invalid-args',
        message: `Invalid arguments for ${envelope.name}${where}: ${issue?.message ?? 'invalid'}`,
      },
    };
  }
  return { ok: true, value: { ...envelope, args: parsed.data } as Mutation };
}

// ---------------------------------------------------------------------------------------------
// Synced entities and pulled changes

export const syncEntities = [
  'report',
  'disposition',
  'response',
  'note',
  'citizen_message',
  'audit_event',
  'agency',
  'user',
  'category',
  'template',
  'saved_view',
] as const;
export const SyncEntitySchema = z.enum(syncEntities);
export type SyncEntity = z.infer<typeof SyncEntitySchema>;

/**
 * A report as pulled. Like ReportSchema, except that `reporter` is also null when the caller's
 * role may not see identities (pimpinan, simulation trainees), not only for anonim reports.
 */
export const SyncedReportSchema = z.strictObject(ReportSchema.shape).superRefine(refineReportState);

const row = <E extends SyncEntity, S extends z.ZodType>(entity: E, data: S) =>
  z.strictObject({
    entity: z.literal(entity),
    id: EntityIdSchema,
    version: VersionSchema,
    data,
  });

/** A row the caller may see, at its newest version. */
export const SyncRowSchema = z.discriminatedUnion('entity', [
  row('report', SyncedReportSchema),
  row('disposition', DispositionSchema),
  row('response', ReportResponseSchema),
  row('note', NoteSchema),
  row('citizen_message', CitizenMessageSchema),
  row('audit_event', AuditEventSchema),
  row('agency', AgencySchema),
  row('user', UserSchema),
  row('category', CategorySchema),
  row('template', TemplateSchema),
  row('saved_view', SavedViewSchema),
]);
export type SyncRow = z.infer<typeof SyncRowSchema>;

/**
 * A row that was deleted or left the caller's scope at `version`. Applied in version order: a
 * tombstone followed by a newer version of the same row leaves the row; a tombstone alone drops
 * it (and, for a report, everything that belongs to it).
 */
export const TombstoneSchema = z.strictObject({
  entity: SyncEntitySchema,
  id: EntityIdSchema,
  version: VersionSchema,
  deleted: z.literal(true),
});
export type Tombstone = z.infer<typeof TombstoneSchema>;

export const PulledChangeSchema = z.union([TombstoneSchema, SyncRowSchema]);
export type PulledChange = SyncRow | Tombstone;

export function isTombstone(change: PulledChange): change is Tombstone {
  return 'deleted' in change;
}

// ---------------------------------------------------------------------------------------------
// Pull

export const PULL_LIMIT_DEFAULT = 1000;
export const PULL_LIMIT_MAX = 5000;

export const PullRequestSchema = z.strictObject({
  /** The last version the client has applied; 0 for an initial sync. */
  cursor: VersionSchema,
  limit: z.int().min(1).max(PULL_LIMIT_MAX).default(PULL_LIMIT_DEFAULT),
  /** Ask for `remaining` (costs a count; clients ask on the first page of a run only). */
  withTotal: z.boolean().optional(),
});
export type PullRequest = z.input<typeof PullRequestSchema>;

export const PullResponseSchema = z.strictObject({
  /** Rows and tombstones in strictly increasing version order. */
  rows: z.array(PulledChangeSchema),
  /** The version to ask from next: the last version in `rows`, or the request's cursor. */
  cursor: VersionSchema,
  hasMore: z.boolean(),
  /**
   * When asked (`withTotal`): how many rows and tombstones after the request's cursor the caller
   * may see, counted at the time of the request. An estimate for progress bars only.
   */
  remaining: z.int().min(0).optional(),
});
export type PullResponse = z.infer<typeof PullResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Heads (time to usable)

/** How many reports per queue `POST /api/v1/sync/heads` returns (one screen and a bit). */
export const HEADS_PER_QUEUE = 60;

/**
 * The first screen of every queue before the initial sync has the rest:
 * `POST /api/v1/sync/heads` (no body). The client writes `rows` like pulled rows (a newer version
 * replaces them later) and shows `counts` until its own copy is complete.
 */
export const HeadsResponseSchema = z.strictObject({
  /**
   * The caller's reference rows (agencies, users, categories, templates, their own saved views)
   * and, for each queue the caller works, its first HEADS_PER_QUEUE reports by time to breach.
   */
  rows: z.array(SyncRowSchema),
  /** Reports per queue id (src-shared/inbox/queries.ts `queueIds`), counted on the server. */
  counts: z.record(z.string(), z.int().min(0)),
  /** The server's newest version when the heads were read. */
  version: VersionSchema,
});
export type HeadsResponse = z.infer<typeof HeadsResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Push

export const PUSH_MUTATIONS_MAX = 500;

export const PushRequestSchema = z
  .strictObject({
    clientId: ClientIdSchema,
    mutations: z.array(MutationEnvelopeSchema).max(PUSH_MUTATIONS_MAX),
  })
  .refine((push) => push.mutations.every((m) => m.clientId === push.clientId), {
    message: 'every mutation must carry the clientId of the push',
    path: ['mutations'],
  })
  .refine((push) => push.mutations.every((m, i, all) => i === 0 || m.id > (all[i - 1]?.id ?? 0)), {
    message: 'mutation ids must increase within a push',
    path: ['mutations'],
  });
export type PushRequest = z.infer<typeof PushRequestSchema>;

export const pushStatuses = ['applied', 'superseded', 'rejected', 'duplicate'] as const;
export type PushStatus = (typeof pushStatuses)[number];

export const MutationErrorBodySchema = z.strictObject({
  code: z.string(),
  message: z.string(),
  /** An i18n key explaining the refusal to the operator. */
  reasonKey: z.string().optional(),
});

export const PushResultSchema = z.strictObject({
  id: MutationIdSchema,
  status: z.enum(pushStatuses),
  /** For `applied`: the version the mutation's writes carry. */
  version: VersionSchema.optional(),
  /** For `rejected` and `superseded`: why. */
  error: MutationErrorBodySchema.optional(),
  /** For `superseded`: the record as it is now on the server (when the caller may still see it). */
  current: SyncRowSchema.optional(),
  /**
   * For `duplicate`: what the server decided when it first processed the mutation (an earlier
   * answer was lost), when it still remembers. Lets the client tell a refusal it never heard of.
   */
  original: z
    .strictObject({
      status: z.enum(['applied', 'superseded', 'rejected']),
      version: VersionSchema.optional(),
      error: MutationErrorBodySchema.optional(),
    })
    .optional(),
});
export type PushResult = z.infer<typeof PushResultSchema>;

export const PushResponseSchema = z.strictObject({
  /** The last mutation id of the client the server has processed (for every outcome). */
  lastMutationId: z.int().min(0),
  /** One result per mutation processed in this request, in order. */
  results: z.array(PushResultSchema),
  /** Present when a mutation skipped ids: resend from `expected`. */
  gap: z.strictObject({ expected: MutationIdSchema }).optional(),
});
export type PushResponse = z.infer<typeof PushResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Live announcements (GET /api/v1/events, server-sent events)

export const SSE_VERSION_EVENT = 'version';
export const VersionAnnouncementSchema = z.strictObject({ version: VersionSchema });
export type VersionAnnouncement = z.infer<typeof VersionAnnouncementSchema>;
