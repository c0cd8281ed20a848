// The citizen side of the HTTP API (`/api/v1/reports…`, no sign-in): filing a report, replying
// to it, and the public view of it. A citizen proves a report is theirs with the citizen token
// handed out once at filing, sent back in the `x-citizen-token` header.
import { z } from 'zod';
import { DateKeySchema } from '../domain/calendar-date';
import { EntityIdSchema } from '../domain/entity-id';
import { EpochMsSchema } from '../domain/epoch-ms';
import {
  ReportChannelSchema,
  ReporterSchema,
  ReportLocationSchema,
  ReportTypeSchema,
  TrackingIdSchema,
} from '../domain/report';
import { ReportStatusSchema } from '../domain/report-status';

/** The header carrying the citizen token (never a query parameter: URLs end up in logs). */
export const CITIZEN_TOKEN_HEADER = 'x-citizen-token';

/** Text a person typed: at least one visible character once surrounding space is trimmed. */
const typedText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => text.trim() !== '', 'must not be blank');

export const FileReportRequestSchema = z.strictObject({
  title: typedText(500),
  body: typedText(50_000),
  /** The citizen's own choice of category, when the form offers one; admins may change it. */
  categoryId: EntityIdSchema.optional(),
  location: ReportLocationSchema,
  incidentDate: DateKeySchema.optional(),
  channel: ReportChannelSchema.default('web'),
  type: ReportTypeSchema,
  privacy: z.strictObject({ rahasia: z.boolean(), anonim: z.boolean() }),
  reporter: ReporterSchema,
  /** The agency whose queue receives the report: any agency but a work unit. */
  targetAgencyId: EntityIdSchema,
});
export type FileReportRequest = z.infer<typeof FileReportRequestSchema>;

export const FileReportResponseSchema = z.object({
  trackingId: TrackingIdSchema,
  /** For attachment uploads (`/reports/:reportId/attachments`). */
  reportId: EntityIdSchema,
  /** Shown to the citizen once: it is stored only as a hash, and is needed to reply. */
  citizenToken: z.string().min(20),
  status: z.literal('unverified'),
  /** When the report must be verified and disposed (the end of the 3rd working day). */
  dueAt: EpochMsSchema.nullable(),
});
export type FileReportResponse = z.infer<typeof FileReportResponseSchema>;

export const TrackingParamsSchema = z.strictObject({ trackingId: TrackingIdSchema });

export const CitizenReplyRequestSchema = z.strictObject({ body: typedText(10_000) });
export type CitizenReplyRequest = z.infer<typeof CitizenReplyRequestSchema>;

/**
 * What a reply did to the report: nothing but the message (`none`), sent a responded report back
 * to the unit (`reporter_reply`), or resumed a report waiting for the reporter's data (`resume`).
 */
export const CitizenReplyEffectSchema = z.enum(['none', 'reporter_reply', 'resume']);
export type CitizenReplyEffect = z.infer<typeof CitizenReplyEffectSchema>;

export const CitizenReplyResponseSchema = z.object({
  messageId: EntityIdSchema,
  effect: CitizenReplyEffectSchema,
  status: ReportStatusSchema,
});
export type CitizenReplyResponse = z.infer<typeof CitizenReplyResponseSchema>;

const PublishedResponseSchema = z.object({
  id: EntityIdSchema,
  body: z.string(),
  publishedAt: EpochMsSchema,
});

/** A report as anyone with its tracking number sees it: no internal notes, drafts or identity. */
export const PublicReportSchema = z.object({
  trackingId: TrackingIdSchema,
  /** The status code; its label is `status.<code>` in the i18n catalogue. */
  status: ReportStatusSchema,
  title: z.string(),
  body: z.string(),
  type: ReportTypeSchema,
  channel: ReportChannelSchema,
  category: z.object({ id: EntityIdSchema, name: z.string() }).nullable(),
  /** The agency handling the report now. */
  agency: z.object({ id: EntityIdSchema, name: z.string() }),
  location: z.string(),
  incidentDate: DateKeySchema.nullable(),
  createdAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
  isAnonymous: z.boolean(),
  isConfidential: z.boolean(),
  /** The reporter's name; always null for an anonymous report, even for the reporter. */
  reporterName: z.string().nullable(),
  responses: z.array(PublishedResponseSchema),
  /**
   * For a report archived as a duplicate of another (a merge): the report it was merged into and
   * that report's published responses, which answer this reporter too. Never who filed it or
   * what it says. When that report is confidential (rahasia), its status and responses go only
   * to the holder of this report's token; others see the number alone.
   */
  mergedInto: z
    .object({
      trackingId: TrackingIdSchema,
      status: ReportStatusSchema.nullable(),
      responses: z.array(PublishedResponseSchema),
    })
    .nullable(),
  /** The reporter's own messages: only when the citizen token was sent. */
  replies: z
    .array(z.object({ id: EntityIdSchema, body: z.string(), createdAt: EpochMsSchema }))
    .nullable(),
});
export type PublicReport = z.infer<typeof PublicReportSchema>;

/** Stable error codes of the citizen routes. */
export const CitizenErrorCode = {
  /** Too many reports filed from one address (429, with Retry-After). */
  rateLimited: 'citizen/rate-limited',
  /** The target agency does not exist, or is a work unit (400). */
  unknownAgency: 'citizen/unknown-agency',
  /** The chosen category does not exist or is retired (400). */
  unknownCategory: 'citizen/unknown-category',
  /** The incident date lies in the future (400). */
  incidentInFuture: 'citizen/incident-in-future',
  /** No citizen token was sent (401). */
  tokenRequired: 'citizen/token-required',
  /** The citizen token is not this report's (403). */
  tokenInvalid: 'citizen/token-invalid',
  /** No report has this tracking number, or it is confidential (404). */
  reportNotFound: 'citizen/report-not-found',
  /** The report is completed or archived: file a new one instead (409). */
  reportClosed: 'citizen/report-closed',
} as const;
