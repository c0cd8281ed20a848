// Attachments (`POST /api/v1/reports/:reportId/attachments`, `GET /api/v1/attachments/:id`): one
// file per upload as the raw body, at most 10 MiB, of an accepted type whose first bytes match
// it; downloads always as `attachment` with a safe name, never rendered by the browser.
// This module's scope reads any content type as raw bytes; the rest of the API stays JSON-only.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  ATTACHMENT_MAX_BYTES,
  AttachmentErrorCode,
  AttachmentIdParamsSchema,
  AttachmentMimeTypeSchema,
  FILE_NAME_HEADER,
  ReportIdParamsSchema,
  type UploadAttachmentResponse,
} from '../../src-shared/api/attachments';
import { CITIZEN_TOKEN_HEADER } from '../../src-shared/api/citizen';
import { workflowRolesOf } from '../../src-shared/domain/report-workflow';
import { isSimulationRole } from '../../src-shared/domain/user';
import {
  loadAttachment,
  storeAttachment,
  type AttachmentAccess,
} from '../attachments/attachment-store';
import {
  contentDisposition,
  decodeFileNameHeader,
  sanitizeFileName,
} from '../attachments/file-name';
import { matchesDeclaredType } from '../attachments/file-types';
import { requireCaller } from '../http/caller';
import { ApiError, badRequest, forbidden, unauthorized } from '../http/errors';
import { parseParams } from '../http/validation';
import { citizenTokenFrom } from '../reports/citizen-token';
import type { ServerDeps } from '../server';
import { announcerFor } from '../sync/live';

/** `image/JPEG; charset=x` → `image/jpeg`. */
function mediaTypeOf(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

const typeNotAllowed = () =>
  new ApiError(
    415,
    AttachmentErrorCode.typeNotAllowed,
    'Send a JPEG, PNG or WebP image, a PDF, an MP4 video, or a Word or Excel file.',
  );

export function registerAttachmentRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const { db, clock, ids } = deps;
  const announcer = announcerFor(deps);

  // Raw bytes for every type but JSON (which the API's parser keeps, and uploads refuse).
  app.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: ATTACHMENT_MAX_BYTES },
    (_request, body, done) => {
      done(null, body);
    },
  );

  /** A signed-in user (Authorization header) or a citizen (token header); 401 for neither. */
  async function accessOf(request: FastifyRequest, now: number): Promise<AttachmentAccess> {
    if (request.headers.authorization !== undefined) {
      const caller = await requireCaller(db, request, now);
      return {
        kind: 'user',
        userId: caller.user.id,
        agencyPath: caller.agencyPath,
        role: caller.user.role,
      };
    }
    const token = citizenTokenFrom(request.headers[CITIZEN_TOKEN_HEADER]);
    if (token !== null) return { kind: 'citizen', token };
    throw unauthorized('Sign in, or send the citizen token of the report.');
  }

  app.post(
    '/reports/:reportId/attachments',
    { bodyLimit: ATTACHMENT_MAX_BYTES },
    async (request, reply): Promise<UploadAttachmentResponse> => {
      const { reportId } = parseParams(ReportIdParamsSchema, request);
      const now = clock.now();
      const access = await accessOf(request, now);
      if (access.kind === 'user') {
        const role = access.role;
        const mayAdd =
          workflowRolesOf(role).length > 0 && (!isSimulationRole(role) || deps.simulation === true);
        if (!mayAdd) {
          throw forbidden(AttachmentErrorCode.forbiddenRole, `Role ${role} may not add files.`);
        }
      }
      const declared = AttachmentMimeTypeSchema.safeParse(
        mediaTypeOf(request.headers['content-type']),
      );
      const bytes = request.body;
      if (!declared.success || !Buffer.isBuffer(bytes)) throw typeNotAllowed();
      if (bytes.length === 0) throw badRequest(AttachmentErrorCode.empty, 'The file is empty.');
      if (!matchesDeclaredType(declared.data, bytes)) {
        throw new ApiError(
          415,
          AttachmentErrorCode.contentMismatch,
          `The file's content is not ${declared.data}.`,
        );
      }
      const fileName = sanitizeFileName(
        decodeFileNameHeader(request.headers[FILE_NAME_HEADER]),
        declared.data,
      );
      const stored = await storeAttachment({ db, now, ids }, access, {
        reportId,
        mimeType: declared.data,
        fileName,
        bytes,
      });
      await announcer.announce(stored.announcement);
      request.log.info({ reportId, attachmentId: stored.attachment.id }, 'attachment stored');
      void reply.status(201);
      return {
        attachment: stored.attachment,
        reportVersion: stored.reportVersion,
        sha256: stored.sha256,
      };
    },
  );

  app.get('/attachments/:id', async (request, reply) => {
    const { id } = parseParams(AttachmentIdParamsSchema, request);
    const access = await accessOf(request, clock.now());
    const file = await loadAttachment(db, access, id);
    return reply
      .header('content-type', file.mimeType)
      .header('content-disposition', contentDisposition(file.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, no-store')
      .header('etag', `"${file.sha256}"`)
      .send(file.bytes);
  });
}
