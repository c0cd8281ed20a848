// The API reads JSON bodies only, strictly: UTF-8 that does not decode is refused rather than
// silently turned into U+FFFD (a reporter's name must arrive as sent or not at all), and keys that
// could poison prototypes later (`__proto__`, `constructor.prototype`) are refused outright.
import type { FastifyInstance } from 'fastify';
import { RequestErrorCode } from '../../src-shared/api/auth';
import { ApiError } from './errors';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function malformed(message: string): ApiError {
  return new ApiError(400, RequestErrorCode.malformedJson, message);
}

function refusePoisonedKeys(key: string, value: unknown): unknown {
  if (key === '__proto__') throw malformed('The body may not contain the key "__proto__".');
  if (key === 'constructor' && typeof value === 'object' && value !== null && 'prototype' in value)
    throw malformed('The body may not contain "constructor.prototype".');
  return value;
}

/** Parses a request body: undefined when empty (the route's schema decides whether that is ok). */
export function parseJsonBody(bytes: Buffer): unknown {
  if (bytes.length === 0) return undefined;
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new ApiError(400, RequestErrorCode.invalidEncoding, 'The body is not valid UTF-8.');
  }
  // The reviver costs time on every key, so it runs only on bodies that mention a risky key.
  const isSuspicious = text.includes('__proto__') || text.includes('constructor');
  try {
    return isSuspicious ? (JSON.parse(text, refusePoisonedKeys) as unknown) : JSON.parse(text);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw malformed('The body is not valid JSON.');
  }
}

/**
 * Replaces Fastify's body parsers with this one for `application/json` (any parameters). Every
 * other content type, text/plain included, is then 415 unless a route module adds its own parser
 * in its own scope (attachments do).
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}
