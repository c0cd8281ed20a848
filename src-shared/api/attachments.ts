// Attachments over HTTP: `POST /api/v1/reports/:reportId/attachments` uploads one file as the raw
// body (its type in Content-Type, its name in `x-file-name`, percent-encoded UTF-8), and
// `GET /api/v1/attachments/:id` downloads it. Metadata travels with the report through sync.
import { z } from 'zod';
import { EntityIdSchema } from '../domain/entity-id';
import { AttachmentSchema } from '../domain/report';

/** The largest file accepted: 10 MiB. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export const FILE_NAME_HEADER = 'x-file-name';

export const DOCX_MIME_TYPE =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The types accepted: photos, PDF documents, short videos, Word and Excel files. */
export const attachmentMimeTypes = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
  'video/mp4',
  DOCX_MIME_TYPE,
  XLSX_MIME_TYPE,
] as const;
export const AttachmentMimeTypeSchema = z.enum(attachmentMimeTypes);
export type AttachmentMimeType = z.infer<typeof AttachmentMimeTypeSchema>;

export const ReportIdParamsSchema = z.strictObject({ reportId: EntityIdSchema });
export const AttachmentIdParamsSchema = z.strictObject({ id: EntityIdSchema });

export const UploadAttachmentResponseSchema = z.object({
  attachment: AttachmentSchema,
  /** The report's new version, carrying the attachment in its metadata. */
  reportVersion: z.int().nonnegative(),
  /** Hex SHA-256 of the bytes stored. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type UploadAttachmentResponse = z.infer<typeof UploadAttachmentResponseSchema>;

/** Stable error codes of the attachment routes. */
export const AttachmentErrorCode = {
  /** Content-Type is not one of the accepted types (415). */
  typeNotAllowed: 'attachment/type-not-allowed',
  /** The bytes are not a file of the declared type (415). */
  contentMismatch: 'attachment/content-mismatch',
  /** No bytes were sent (400). */
  empty: 'attachment/empty',
  /** The report already has the most attachments a report may have (409). */
  tooMany: 'attachment/too-many',
  /** The caller's role may not add files (403). */
  forbiddenRole: 'attachment/forbidden-role',
  /** No such report or attachment in the caller's reach (404). */
  notFound: 'attachment/not-found',
  /** A citizen may not add files to a completed or archived report (409). */
  reportClosed: 'attachment/report-closed',
} as const;
