// Structured logs (pino, through Fastify's logger): one JSON line per event, with the request id.
// Passwords, tokens and reporters' identities are redacted wherever a log call puts them, and
// the `?token=` of an EventSource URL is masked before the URL is logged.
import type { FastifyServerOptions } from 'fastify';
import { z } from 'zod';

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const LogLevelSchema = z.enum(logLevels);
export type LogLevel = z.infer<typeof LogLevelSchema>;

/** Where log lines go instead of stdout (tests capture them). */
export interface LogStream {
  write(line: string): void;
}

export interface LogOptions {
  level: LogLevel;
  stream?: LogStream;
}

const SECRET_KEYS = [
  'password',
  'newPassword',
  'token',
  'citizenToken',
  'authorization',
  'cookie',
  // A reporter's identity (DOMAIN.md: it has leaked in practice; never into logs).
  'reporter',
  'nik',
  'phone',
  'email',
];

/**
 * Paths pino censors: each secret key at the top of a log object and up to two levels down
 * (`{body: {password}}`, `{req: {headers: {authorization}}}`). Deeper secrets must not be logged.
 */
export const REDACTED_PATHS: readonly string[] = SECRET_KEYS.flatMap((key) => [
  key,
  `*.${key}`,
  `*.*.${key}`,
]);

/** A URL with the values of secret query parameters replaced: `/events?token=[REDACTED]`. */
export function maskUrlSecrets(url: string): string {
  return url.replace(/([?&](?:token|access_token|password)=)[^&#]*/gi, '$1[REDACTED]');
}

function textField(value: object, key: string): string | undefined {
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' ? field : undefined;
}

/**
 * Logs a request as method, URL (secrets masked), host and client address, and nothing else:
 * no headers, no body. Also applied to anything else logged under `req`, so it never throws.
 */
function serializeRequest(request: unknown): Record<string, string> {
  if (typeof request !== 'object' || request === null) return {};
  const fields: Record<string, string> = {};
  const method = textField(request, 'method');
  const url = textField(request, 'url');
  const host = textField(request, 'host');
  const ip = textField(request, 'ip');
  if (method !== undefined) fields['method'] = method;
  if (url !== undefined) fields['url'] = maskUrlSecrets(url);
  if (host !== undefined) fields['host'] = host;
  if (ip !== undefined) fields['remoteAddress'] = ip;
  return fields;
}

type FastifyLoggerConfig = Exclude<FastifyServerOptions['logger'], boolean | undefined>;

/** Fastify's `logger` option for the given level and destination. */
export function loggerOptions(options: LogOptions): FastifyLoggerConfig {
  return {
    level: options.level,
    redact: { paths: [...REDACTED_PATHS], censor: '[REDACTED]' },
    serializers: { req: serializeRequest },
    ...(options.stream === undefined ? {} : { stream: options.stream }),
  };
}
