// The app:// protocol: serves the built renderer (out/renderer) to the window, and nothing outside
// it. `resolveAppPath` is the path-traversal guard, a pure function; the handler around it only
// reads the file and sets headers.

import { readFile as fsReadFile } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { appError, err, ok, type AppError, type Result } from '../src-shared/result';
import { APP_HOST, APP_SCHEME } from './app-origin';
import type { Logger } from './log';

/**
 * `standard` gives app://posko a real origin (storage, relative URLs), `secure` makes it a secure
 * context (IndexedDB, Web Locks, crypto.subtle), `supportFetchAPI` lets the page fetch its own
 * files. Deliberately absent: `bypassCSP`, and `corsEnabled` (which would let other origins read
 * app:// responses).
 */
export const appScheme: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** Must run before the app is ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([appScheme]);
}

export const AppProtocolError = {
  refused: 'app-protocol/refused',
} as const;

const MAX_URL_LENGTH = 4096;
const INDEX_FILE = 'index.html';

function refuse(reason: string): { ok: false; error: AppError } {
  return err(appError(AppProtocolError.refused, reason));
}

/**
 * Maps an app:// URL to a file under `rootDir`, or refuses it. Works on the raw URL string (not a
 * URL object, which would quietly resolve `..`), decodes percent-encoding exactly once, and refuses
 * anything that is still encoded, contains a backslash, a control character, a colon, an empty or
 * dot segment, or resolves outside the root. Extension-less paths are client-side routes and get
 * index.html.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): Result<string> {
  const prefix = `${APP_SCHEME}://`;
  if (requestUrl.length > MAX_URL_LENGTH) return refuse('URL is too long');
  if (requestUrl.slice(0, prefix.length).toLowerCase() !== prefix)
    return refuse('not an app:// URL');
  if (requestUrl.includes('\\')) return refuse('backslash in URL');

  const rest = requestUrl.slice(prefix.length);
  const authorityEnd = rest.search(/[/?#]/);
  const host = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
  if (host !== APP_HOST) return refuse('unknown host');

  const afterHost = authorityEnd === -1 ? '' : rest.slice(authorityEnd);
  const queryStart = afterHost.search(/[?#]/);
  const rawPath = queryStart === -1 ? afterHost : afterHost.slice(0, queryStart);

  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath === '' ? '/' : rawPath);
  } catch {
    return refuse('malformed percent-encoding');
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return refuse('control character in path');
  if (decoded.includes('\\')) return refuse('backslash in path');
  if (decoded.includes('%')) return refuse('path is still percent-encoded after decoding once');
  if (decoded.includes(':')) return refuse('colon in path');

  const segments = decoded.split('/').slice(1);
  const last = segments.at(-1) ?? '';
  const directories = segments.slice(0, -1);
  if (directories.some((segment) => segment === '')) return refuse('empty path segment');
  if (segments.some((segment) => segment.startsWith('.'))) return refuse('dot segment in path');

  const isRoute = !last.includes('.');
  const relative = isRoute ? [INDEX_FILE] : segments;

  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, ...relative);
  if (!resolved.startsWith(root + path.sep)) return refuse('path leaves the app directory');
  return ok(resolved);
}

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return contentTypes[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export interface AppProtocolOptions {
  readonly rootDir: string;
  /** Read per request so the allowed servers can change at runtime (e.g. a training server). */
  readonly contentSecurityPolicy: () => string;
  readonly log: Logger;
  readonly readFile?: (filePath: string) => Promise<Uint8Array>;
}

function errorCode(error: unknown): unknown {
  return error instanceof Error && 'code' in error ? error.code : undefined;
}

function plainResponse(status: number, text: string, csp: string): Response {
  return new Response(text, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

export function createAppProtocolHandler(
  options: AppProtocolOptions,
): (request: Request) => Promise<Response> {
  const readFile = options.readFile ?? fsReadFile;
  return async (request) => {
    const csp = options.contentSecurityPolicy();
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plainResponse(405, 'Method Not Allowed', csp);
    }
    const resolved = resolveAppPath(options.rootDir, request.url);
    if (!resolved.ok) {
      options.log.warn('app:// request refused', {
        url: request.url.slice(0, 300),
        reason: resolved.error.message,
      });
      return plainResponse(403, 'Forbidden', csp);
    }
    let body: Uint8Array;
    try {
      body = await readFile(resolved.value);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') {
        return plainResponse(404, 'Not Found', csp);
      }
      options.log.error('app:// file could not be read', { path: resolved.value, error });
      return plainResponse(500, 'Internal Error', csp);
    }
    const contentType = contentTypeFor(resolved.value);
    const headers: Record<string, string> = {
      'Content-Type': contentType,
      // On every response, not only HTML: a worker's policy comes from its own script's response.
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
    };
    if (contentType.startsWith('text/html')) headers['Cache-Control'] = 'no-cache';
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}

export function registerAppProtocol(
  protocol: Pick<Protocol, 'handle'>,
  options: AppProtocolOptions,
): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(options));
}
