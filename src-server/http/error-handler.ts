// Turns every failure into the API's one error shape, `{error: {code, message}}`
// (docs/server-design.md, "Conventions"): ApiError as thrown, Fastify's own request errors
// mapped to stable codes, and anything else as a 500 whose message reveals nothing (the details
// go to the log, under the request id the answer carries).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { RequestErrorCode, type ApiErrorBody } from '../../src-shared/api/auth';
import { ApiError } from './errors';
import { describeIssues } from './validation';

export const INTERNAL_ERROR_MESSAGE =
  'Something went wrong on the server. Try again; if it keeps happening, give the administrator the request id.';

/** How a failure is answered, and whether it is a bug to log loudly. */
export interface ErrorAnswer {
  error: ApiError;
  isBug: boolean;
}

function hasCode(error: unknown): error is { code: string; statusCode?: unknown } {
  return (
    typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
  );
}

function statusOf(error: unknown): number | null {
  if (typeof error !== 'object' || error === null || !('statusCode' in error)) return null;
  const status = error.statusCode;
  return typeof status === 'number' && Number.isInteger(status) ? status : null;
}

/** Fastify's request errors (body parsing, routing) by their `code`. */
function fastifyRequestError(code: string): ApiError | null {
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(
        413,
        RequestErrorCode.tooLarge,
        'The body is larger than this route accepts.',
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(
        415,
        RequestErrorCode.unsupportedMediaType,
        'Send the body as application/json.',
      );
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ApiError(400, RequestErrorCode.malformedJson, 'The body is not valid JSON.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ApiError(
        400,
        RequestErrorCode.invalid,
        'The Content-Length header does not match the body.',
      );
    case 'FST_ERR_VALIDATION':
      return new ApiError(400, RequestErrorCode.invalid, 'The request does not match the route.');
    case 'FST_ERR_BAD_URL':
      return new ApiError(400, RequestErrorCode.invalid, 'The URL is not valid.');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new ApiError(404, RequestErrorCode.notFound, 'There is no such route.');
    default:
      return null;
  }
}

/** The answer to a failure thrown anywhere while handling a request. */
export function errorAnswer(error: unknown): ErrorAnswer {
  if (error instanceof ApiError) return { error, isBug: error.status >= 500 };
  // The validation helpers throw ApiError; a bare ZodError means a handler parsed client input
  // with schema.parse(). Still the client's mistake, so still a 400.
  if (error instanceof z.ZodError) {
    return {
      error: new ApiError(400, RequestErrorCode.invalid, describeIssues('body', error)),
      isBug: false,
    };
  }
  if (hasCode(error)) {
    const mapped = fastifyRequestError(error.code);
    if (mapped !== null) return { error: mapped, isBug: false };
  }
  // Errors Node or Fastify mark as the client's (an aborted upload, a broken stream) keep their
  // 4xx; their messages are not ours, so they are not passed on.
  const status = statusOf(error);
  if (status !== null && status >= 400 && status < 500) {
    return {
      error: new ApiError(status, RequestErrorCode.invalid, 'The request could not be read.'),
      isBug: false,
    };
  }
  return {
    error: new ApiError(500, RequestErrorCode.internal, INTERNAL_ERROR_MESSAGE),
    isBug: true,
  };
}

export function sendApiError(reply: FastifyReply, error: ApiError): FastifyReply {
  const body: ApiErrorBody = { error: { code: error.code, message: error.message } };
  return reply
    .code(error.status)
    .headers(error.headers)
    .type('application/json; charset=utf-8')
    .send(body);
}

function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const answer = errorAnswer(error);
  if (answer.isBug) request.log.error({ err: error }, 'request failed with a server error');
  else request.log.info({ code: answer.error.code }, 'request refused');
  return sendApiError(reply, answer.error);
}

/** Installs the error handler on `app` (and so on every route module registered inside it). */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler<Error>((error, request, reply) => handleError(error, request, reply));
}

/**
 * Fastify's `frameworkErrors` option: failures before routing (a URL that does not decode,
 * an overlong path parameter) in the same shape as everything else.
 */
export function frameworkErrorHandler(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  reply.header('x-request-id', request.id);
  handleError(error, request, reply);
}
