// A report (laporan) as stored and synced: what the citizen filed, where it stands in the workflow
// and the timestamps its deadlines count from. Instants are epoch ms; incidentDate is a date key.

import { z } from 'zod';
import { ArchiveReasonSchema } from './archive-reason';
import { DateKeySchema } from './calendar-date';
import { EntityIdSchema } from './entity-id';
import { EpochMsSchema } from './epoch-ms';
import { ReportStatusSchema } from './report-status';
import { TimeZoneSchema } from './time-zone';

/** The public tracking number citizens quote, e.g. `1916449`. Digits only, kept as a string. */
export const TrackingIdSchema = z.string().regex(/^[0-9]{1,20}$/, 'tracking id must be digits');
export type TrackingId = z.infer<typeof TrackingIdSchema>;

export const reportTypes = ['pengaduan', 'aspirasi', 'permintaan_informasi'] as const;
export const ReportTypeSchema = z.enum(reportTypes);
export type ReportType = z.infer<typeof ReportTypeSchema>;

export const reportChannels = [
  'web',
  'sms',
  'mobile',
  'social_media',
  'email',
  'letter',
  'walk_in',
  'phone',
] as const;
export const ReportChannelSchema = z.enum(reportChannels);
export type ReportChannel = z.infer<typeof ReportChannelSchema>;

export const ReportLocationSchema = z.strictObject({
  text: z.string().max(500),
  /** Kemendagri region code, e.g. `32.73` or `32.73.05.1001`. */
  regionCode: z
    .string()
    .regex(/^[0-9]{2}(\.[0-9]{2}){0,2}(\.[0-9]{4})?$/, 'region code must look like 32.73.05.1001')
    .optional(),
});
export type ReportLocation = z.infer<typeof ReportLocationSchema>;

/**
 * Who filed the report. Only sent to clients that may see it: for an anonymous (anonim) report
 * the server withholds it and clients receive `reporter: null`.
 */
export const ReporterSchema = z.strictObject({
  name: z.string().min(1).max(200),
  /** Nomor Induk Kependudukan: 16 digits. */
  nik: z
    .string()
    .regex(/^[0-9]{16}$/, 'NIK must be 16 digits')
    .optional(),
  phone: z
    .string()
    .regex(/^\+?[0-9]{6,16}$/, 'phone must be digits, optionally with a leading +')
    .optional(),
  email: z.email().max(254).optional(),
});
export type Reporter = z.infer<typeof ReporterSchema>;

export const AttachmentSchema = z.strictObject({
  id: EntityIdSchema,
  fileName: z
    .string()
    .min(1)
    .max(255)
    .refine((name) => !/[\\/]/.test(name), 'fileName must be a file name, not a path'),
  mimeType: z
    .string()
    .max(127)
    .regex(/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/i, 'mimeType must look like type/subtype'),
  sizeBytes: z.int().nonnegative(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

export const ReportSchema = z
  .strictObject({
    id: EntityIdSchema,
    trackingId: TrackingIdSchema,
    title: z.string().min(1).max(500),
    body: z.string().max(50_000),
    /** Null until an admin sets it during verification. */
    categoryId: EntityIdSchema.nullable(),
    tags: z.array(z.string().min(1).max(50)).max(50),
    location: ReportLocationSchema,
    incidentDate: DateKeySchema.nullable(),
    channel: ReportChannelSchema,
    type: ReportTypeSchema,
    /**
     * rahasia: hidden from the public. anonim: the public and the agency see the report but not
     * who filed it. Independent: a report may be either, both or neither.
     */
    privacy: z.strictObject({ rahasia: z.boolean(), anonim: z.boolean() }),
    reporter: ReporterSchema.nullable(),
    attachments: z.array(AttachmentSchema).max(100),

    /**
     * The agency currently responsible. While `not_authority` it is still the agency that
     * declined; the level above re-routes it (report-workflow.ts).
     */
    agencyId: EntityIdSchema,
    /** The work unit (an agency of level `unit` below `agencyId`) drafting the answer, if any. */
    unitId: EntityIdSchema.nullable(),
    assigneeId: EntityIdSchema.nullable(),
    /**
     * The responsible agency's time zone, copied whenever `agencyId` changes so deadlines can be
     * computed from the row alone (queues sort 100,000 rows without joining agencies).
     */
    timeZone: TimeZoneSchema,
    status: ReportStatusSchema,
    archiveReason: ArchiveReasonSchema.nullable(),
    /** For `archiveReason: 'duplicate'`: the tracking id of the report this one repeats. */
    duplicateOf: TrackingIdSchema.nullable(),

    // Stage timestamps: the SLA clocks of sla-calendar.ts start from these.
    /** When the report arrived in the system. */
    createdAt: EpochMsSchema,
    /**
     * When the report last arrived for verification at its current agency: creation, a return as
     * not within authority, or a reopening of an archived report. The verify-and-dispose clock.
     */
    routedAt: EpochMsSchema,
    /** The latest disposition, or the reopening of a completed report. The follow-up clocks. */
    disposedAt: EpochMsSchema.nullable(),
    /** The first response published since `disposedAt`. */
    firstResponseAt: EpochMsSchema.nullable(),
    /** The latest response published. The automatic-completion clock. */
    respondedAt: EpochMsSchema.nullable(),
    /** When the report was completed or archived. */
    closedAt: EpochMsSchema.nullable(),
    /** When the current `pending_info` pause began; null whenever the status is another one. */
    pausedAt: EpochMsSchema.nullable(),
    /** Working time spent in earlier pauses of the verify clock, which the deadline excludes. */
    pausedWorkingMs: z.int().nonnegative(),
    /** Resolution limit in working days after an extension with reason (at most 60). */
    extendedResolutionDays: z.int().min(1).max(60).nullable(),
    /** The deadline of the current stage (sla-calendar.ts `currentDueAt`); null when closed. */
    dueAt: EpochMsSchema.nullable(),

    updatedAt: EpochMsSchema,
    /** The server version of this row (ARCHITECTURE.md, sync protocol). */
    version: z.int().nonnegative(),
  })
  .superRefine((report, ctx) => {
    if (report.reporter === null && !report.privacy.anonim) {
      ctx.addIssue({
        code: 'custom',
        path: ['reporter'],
        message: 'Only an anonymous (anonim) report may come without its reporter',
      });
    }
    refineReportState(report, ctx);
  });
export type Report = z.infer<typeof ReportSchema>;

/**
 * The invariants between a report's status and its fields, shared by every schema of a report
 * (stored, and as pulled by callers who may not see the reporter).
 */
export function refineReportState(
  report: Pick<Report, 'pausedAt' | 'status' | 'archiveReason' | 'duplicateOf'>,
  ctx: z.RefinementCtx,
): void {
  if ((report.pausedAt !== null) !== (report.status === 'pending_info')) {
    ctx.addIssue({
      code: 'custom',
      path: ['pausedAt'],
      message: 'pausedAt is set exactly while the report is pending_info',
    });
  }
  if (report.archiveReason === 'duplicate' && report.duplicateOf === null) {
    ctx.addIssue({
      code: 'custom',
      path: ['duplicateOf'],
      message: 'A report archived as a duplicate names the report it duplicates',
    });
  }
}

/** Where in the agency tree the report sits: its unit when it has one, else its agency. */
export function reportLocationId(report: Pick<Report, 'agencyId' | 'unitId'>): string {
  return report.unitId ?? report.agencyId;
}
