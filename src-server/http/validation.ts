// Parse, don't validate, at the HTTP edge: a route's body, query and params go through a zod
// schema once and are typed values from then on. A mismatch is 400 `request/invalid` with a
// message naming the fields, never a 500.
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { invalidRequest } from './errors';

/** Which part of the request a schema was applied to, as named in error messages. */
export type RequestPart = 'body' | 'query' | 'params' | 'headers';

const MAX_ISSUES_SHOWN = 5;
const MAX_MESSAGE_LENGTH = 1_000;

/** A short, readable account of what did not match: `body.username: Too small: …; body.x: …`. */
export function describeIssues(part: RequestPart, error: z.ZodError): string {
  const lines = error.issues.slice(0, MAX_ISSUES_SHOWN).map((issue) => {
    const path = issue.path.map((segment) =>
      typeof segment === 'number' ? `[${String(segment)}]` : `.${String(segment)}`,
    );
    return `${part}${path.join('')}: ${issue.message}`;
  });
  const more = error.issues.length - MAX_ISSUES_SHOWN;
  if (more > 0) lines.push(`and ${String(more)} more`);
  const message = lines.join('; ');
  return message.length > MAX_MESSAGE_LENGTH
    ? `${message.slice(0, MAX_MESSAGE_LENGTH - 1)}…`
    : message;
}

/** `schema` applied to `value`; throws ApiError 400 `request/invalid` when it does not match. */
export function parseRequestPart<T>(schema: z.ZodType<T>, value: unknown, part: RequestPart): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidRequest(describeIssues(part, parsed.error));
  return parsed.data;
}

/** The JSON body (undefined when the request had none) parsed with `schema`. */
export function parseBody<T>(schema: z.ZodType<T>, request: FastifyRequest): T {
  return parseRequestPart(schema, request.body, 'body');
}

/** The query string parsed with `schema`: values are strings (or arrays of them), so coerce. */
export function parseQuery<T>(schema: z.ZodType<T>, request: FastifyRequest): T {
  return parseRequestPart(schema, request.query, 'query');
}

/** The path parameters (`/reports/:trackingId`) parsed with `schema`. */
export function parseParams<T>(schema: z.ZodType<T>, request: FastifyRequest): T {
  return parseRequestPart(schema, request.params, 'params');
}
