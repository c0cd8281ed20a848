// Attachment bytes live in the database (attachments.bytea, with their SHA-256), their metadata in
// the report's `attachments` list, which syncs to clients; the two are written in one transaction
// that gives the report a new version. Who may add or read a file: an agency user whose subtree
// holds the report, or the citizen holding the report's token.
import { createHash } from 'node:crypto';
import { AttachmentErrorCode, type AttachmentMimeType } from '../../src-shared/api/attachments';
import { CitizenErrorCode } from '../../src-shared/api/citizen';
import type { Attachment, Report } from '../../src-shared/domain/report';
import { isClosedStatus } from '../../src-shared/domain/report-status';
import type { UserRole } from '../../src-shared/domain/user';
import type { Ids } from '../../src-shared/ports';
import { recordWrite, type FieldWriters } from '../../src-shared/sync/conflicts';
import type { Db, Queryable } from '../db/db';
import { ApiError, notFound } from '../http/errors';
import { isCitizenTokenOf } from '../reports/citizen-token';
import type { Announcement } from '../sync/announcer';
import { internalReport, updateReport, type ReportDoc } from '../sync/rows';
import { isWithin } from '../sync/scope';
import { drawVersions } from '../sync/versions';

/** The most files one report may carry (the Report schema's limit). */
export const MAX_ATTACHMENTS_PER_REPORT = 100;

/** Who is asking: a signed-in agency user (by agency path) or a citizen (by token). */
export type AttachmentAccess =
  | {
      readonly kind: 'user';
      readonly userId: string;
      readonly role: UserRole;
      readonly agencyPath: string;
    }
  | { readonly kind: 'citizen'; readonly token: string };

interface ReportRow {
  id: string;
  scope_path: string;
  doc: ReportDoc;
  reporter: Report['reporter'];
  field_writers: FieldWriters;
  version: number;
  citizen_token_hash: string | null;
}

const attachmentNotFound = () =>
  notFound(AttachmentErrorCode.notFound, 'There is no such attachment or report within reach.');

/** Refuses access the way that reveals nothing: 404 outside the user's subtree, 403 wrong token. */
function checkAccess(
  access: AttachmentAccess,
  row: Pick<ReportRow, 'scope_path' | 'citizen_token_hash'>,
): void {
  if (access.kind === 'user') {
    if (!isWithin(row.scope_path, access.agencyPath)) throw attachmentNotFound();
    return;
  }
  if (!isCitizenTokenOf(access.token, row.citizen_token_hash)) {
    throw new ApiError(
      403,
      CitizenErrorCode.tokenInvalid,
      'This citizen token is not for this report.',
    );
  }
}

export interface NewAttachment {
  readonly reportId: string;
  readonly mimeType: AttachmentMimeType;
  /** Already sanitized (file-name.ts). */
  readonly fileName: string;
  readonly bytes: Buffer;
}

export interface StoredAttachment {
  readonly attachment: Attachment;
  readonly reportVersion: number;
  readonly sha256: string;
  readonly announcement: Announcement;
}

export async function storeAttachment(
  ctx: { readonly db: Db; readonly now: number; readonly ids: Ids },
  access: AttachmentAccess,
  input: NewAttachment,
): Promise<StoredAttachment> {
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  return ctx.db.transaction(async (tx) => {
    const { rows } = await tx.query<ReportRow>(
      `SELECT id, scope_path, doc, reporter, field_writers, version, citizen_token_hash
         FROM reports WHERE id = $1 FOR UPDATE`,
      [input.reportId],
    );
    const row = rows[0];
    if (row === undefined) throw attachmentNotFound();
    checkAccess(access, row);
    const report = internalReport(row);
    if (access.kind === 'citizen' && isClosedStatus(report.status)) {
      throw new ApiError(
        409,
        AttachmentErrorCode.reportClosed,
        `The report is ${report.status}; files can no longer be added to it.`,
      );
    }
    if (report.attachments.length >= MAX_ATTACHMENTS_PER_REPORT) {
      throw new ApiError(
        409,
        AttachmentErrorCode.tooMany,
        `A report carries at most ${String(MAX_ATTACHMENTS_PER_REPORT)} files.`,
      );
    }
    const attachment: Attachment = {
      id: ctx.ids.next(),
      fileName: input.fileName,
      mimeType: input.mimeType,
      sizeBytes: input.bytes.length,
    };
    const [version] = await drawVersions(tx, 1);
    if (version === undefined) throw new Error('no version drawn');
    await tx.query(
      `INSERT INTO attachments (id, report_id, file_name, mime_type, size_bytes, sha256, bytes, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, decode($7, 'base64'), $8)`,
      [
        attachment.id,
        report.id,
        attachment.fileName,
        attachment.mimeType,
        attachment.sizeBytes,
        sha256,
        // Base64 text, not a bytea parameter: PGlite serializes binary parameters byte by byte
        // in JavaScript, ten times slower for a 10 MiB file than decoding base64 in SQL.
        input.bytes.toString('base64'),
        ctx.now,
      ],
    );
    const writer = access.kind === 'citizen' ? 'citizen' : `upload:${access.userId}`;
    const next: Report = {
      ...report,
      attachments: [...report.attachments, attachment],
      updatedAt: ctx.now,
      version,
    };
    await updateReport(
      tx,
      next,
      row.scope_path,
      recordWrite(row.field_writers, ['attachments'], version, writer),
      version,
    );
    return {
      attachment,
      reportVersion: version,
      sha256,
      announcement: { version, scopePaths: [row.scope_path] },
    };
  });
}

export interface AttachmentContent {
  readonly fileName: string;
  readonly mimeType: string;
  readonly bytes: Buffer;
  readonly sha256: string;
}

/** The file for a download, or 404 when it is unknown, out of reach or has no stored bytes. */
export async function loadAttachment(
  db: Queryable,
  access: AttachmentAccess,
  attachmentId: string,
): Promise<AttachmentContent> {
  const { rows } = await db.query<{
    file_name: string;
    mime_type: string;
    sha256: string;
    bytes_base64: string | null;
    scope_path: string;
    citizen_token_hash: string | null;
  }>(
    `SELECT a.file_name, a.mime_type, a.sha256, encode(a.bytes, 'base64') AS bytes_base64,
            r.scope_path, r.citizen_token_hash
       FROM attachments a JOIN reports r ON r.id = a.report_id
      WHERE a.id = $1`,
    [attachmentId],
  );
  const row = rows[0];
  // Generated demo reports carry attachment metadata without bytes: those are not found either.
  if (row === undefined || row.bytes_base64 === null) throw attachmentNotFound();
  checkAccess(access, row);
  return {
    fileName: row.file_name,
    mimeType: row.mime_type,
    // PostgreSQL wraps base64 output every 76 characters; Buffer.from skips the line breaks.
    bytes: Buffer.from(row.bytes_base64, 'base64'),
    sha256: row.sha256,
  };
}
