import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  appScheme,
  contentTypeFor,
  createAppProtocolHandler,
  registerAppProtocol,
  registerAppScheme,
  resolveAppPath,
} from '../../../src-main/app-protocol';
import { recordingLogger } from '../../../src-main/log';

const root = path.resolve('/srv/posko/out/renderer');

describe('resolveAppPath', () => {
  it.each([
    ['app://posko/index.html', 'index.html'],
    ['app://posko/assets/index-abc123.js', 'assets/index-abc123.js'],
    ['app://posko/assets/logo%20besar.svg', 'assets/logo besar.svg'],
    ['app://posko/assets/app.css?v=3#x', 'assets/app.css'],
  ])('resolves %s inside the root', (url, relative) => {
    expect(resolveAppPath(root, url)).toEqual({ ok: true, value: path.join(root, relative) });
  });

  it.each(['app://posko/', 'app://posko', 'app://posko?x=1'])(
    'serves index.html for the root %s',
    (url) => {
      expect(resolveAppPath(root, url)).toEqual({ ok: true, value: path.join(root, 'index.html') });
    },
  );

  it.each(['app://posko/reports', 'app://posko/reports/LAP-123/notes', 'app://posko/queue/'])(
    'falls back to index.html for the client route %s',
    (url) => {
      expect(resolveAppPath(root, url)).toEqual({ ok: true, value: path.join(root, 'index.html') });
    },
  );

  it.each([
    ['plain dot-dot', 'app://posko/../../etc/passwd'],
    ['dot-dot in the middle', 'app://posko/assets/../../../etc/passwd'],
    ['encoded dot-dot segments', 'app://posko/%2e%2e/%2e%2e/etc/passwd'],
    ['encoded dots and slashes', 'app://posko/%2e%2e%2f%2e%2e%2fetc%2fpasswd'],
    ['upper-case encoding', 'app://posko/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd'],
    ['double-encoded', 'app://posko/%252e%252e%252f%252e%252e%252fetc%252fpasswd'],
    ['double-encoded dots only', 'app://posko/%252e%252e/etc/passwd'],
    ['backslashes', 'app://posko/..\\..\\etc\\passwd'],
    ['encoded backslashes', 'app://posko/..%5c..%5cetc%5cpasswd'],
    ['a NUL byte', 'app://posko/index.html%00.png'],
    ['a raw NUL byte', 'app://posko/index.html\u0000.png'],
    ['a control character', 'app://posko/ind%0aex.html'],
    ['an absolute path', 'app://posko//etc/passwd'],
    ['an encoded absolute path', 'app://posko/%2fetc%2fpasswd'],
    ['a Windows drive', 'app://posko/C:/Windows/win.ini'],
    ['an encoded Windows drive', 'app://posko/C%3a%5cWindows%5cwin.ini'],
    ['a single-dot segment', 'app://posko/./index.html'],
    ['a hidden file', 'app://posko/.env'],
    ['malformed encoding', 'app://posko/%E0%A4%A.js'],
    ['another host', 'app://evil/index.html'],
    ['a look-alike host', 'app://posko.evil/index.html'],
    ['credentials in the authority', 'app://posko@evil/index.html'],
    ['a port', 'app://posko:80/index.html'],
    ['another scheme', 'file:///srv/posko/out/renderer/index.html'],
    ['an over-long URL', `app://posko/${'a'.repeat(5000)}.js`],
  ])('refuses %s', (_name, url) => {
    const result = resolveAppPath(root, url);

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('app-protocol/refused');
  });

  it('never resolves anything outside the root for a batch of hostile inputs', () => {
    const pieces = [
      '..',
      '%2e%2e',
      '%2E%2e',
      '.%2e',
      '%252e',
      '/',
      '%2f',
      '\\',
      '%5c',
      'etc',
      'passwd',
      '%00',
      ':',
      '.',
    ];
    for (const a of pieces) {
      for (const b of pieces) {
        for (const c of pieces) {
          const result = resolveAppPath(root, `app://posko/${a}${b}${c}`);
          if (result.ok) expect(result.value.startsWith(root + path.sep)).toBe(true);
        }
      }
    }
  });
});

describe('contentTypeFor', () => {
  it('names the types the renderer build produces', () => {
    expect(contentTypeFor('/r/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/r/a.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/r/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/r/a.SVG')).toBe('image/svg+xml');
    expect(contentTypeFor('/r/a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/r/a.wasm')).toBe('application/wasm');
    expect(contentTypeFor('/r/a.unknown')).toBe('application/octet-stream');
  });
});

describe('createAppProtocolHandler', () => {
  let dir: string;
  const csp = "default-src 'self'; connect-src 'self' https://lapor.example";

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'posko-app-protocol-'));
    await mkdir(path.join(dir, 'assets'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>Posko</title>');
    await writeFile(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(dir, 'assets', 'worker.js'), 'self.onmessage = () => {}');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const handlerFor = (log = recordingLogger()) =>
    createAppProtocolHandler({ rootDir: dir, contentSecurityPolicy: () => csp, log });

  it('serves index.html with its content type and the CSP header', async () => {
    const response = await handlerFor()(new Request('app://posko/index.html'));

    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(csp);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Posko</title>');
  });

  it('serves scripts with their type and the CSP, which is what governs a worker', async () => {
    const response = await handlerFor()(new Request('app://posko/assets/worker.js'));

    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(csp);
    expect(await response.text()).toBe('self.onmessage = () => {}');
  });

  it('serves the app for a client route', async () => {
    const response = await handlerFor()(new Request('app://posko/reports/LAP-1'));

    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Posko</title>');
  });

  it('answers 404 for a missing file', async () => {
    const response = await handlerFor()(new Request('app://posko/assets/missing.js'));

    expect(response.status).toBe(404);
  });

  it('answers 403 for a refused path and logs it', async () => {
    const log = recordingLogger();
    // Request would normalize the dot segments itself; the handler must refuse the raw URL too.
    const request = { method: 'GET', url: 'app://posko/%252e%252e%252fsecret' } as Request;

    const response = await handlerFor(log)(request);

    expect(response.status).toBe(403);
    expect(log.entries.some((entry) => entry.message === 'app:// request refused')).toBe(true);
  });

  it('answers 403 for another host', async () => {
    const response = await handlerFor()(new Request('app://evil/index.html'));

    expect(response.status).toBe(403);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handlerFor()(
      new Request('app://posko/index.html', { method: 'POST', body: 'x' }),
    );

    expect(response.status).toBe(405);
  });

  it('answers HEAD without a body', async () => {
    const response = await handlerFor()(
      new Request('app://posko/assets/app.js', { method: 'HEAD' }),
    );

    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('answers 500 and logs when a file cannot be read for another reason', async () => {
    const log = recordingLogger();
    const handler = createAppProtocolHandler({
      rootDir: dir,
      contentSecurityPolicy: () => csp,
      log,
      readFile: () => Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' })),
    });

    const response = await handler(new Request('app://posko/index.html'));

    expect(response.status).toBe(500);
    expect(log.entries.some((entry) => entry.level === 'error')).toBe(true);
  });

  it('reads the CSP per request, so allowed servers can change at runtime', async () => {
    let current = 'connect-src a';
    const handler = createAppProtocolHandler({
      rootDir: dir,
      contentSecurityPolicy: () => current,
      log: recordingLogger(),
    });

    await handler(new Request('app://posko/index.html'));
    current = 'connect-src b';
    const response = await handler(new Request('app://posko/index.html'));

    expect(response.headers.get('Content-Security-Policy')).toBe('connect-src b');
  });
});

describe('app scheme registration', () => {
  it('registers app as standard, secure and fetchable, without bypassing CSP or opening CORS', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };

    registerAppScheme(protocol);

    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([appScheme]);
    expect(appScheme).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });

  it('handles the app scheme with the protocol handler', async () => {
    const protocol = { handle: vi.fn() };

    registerAppProtocol(protocol, {
      rootDir: '/nonexistent',
      contentSecurityPolicy: () => '',
      log: recordingLogger(),
    });

    expect(protocol.handle).toHaveBeenCalledOnce();
    expect(protocol.handle.mock.calls[0]![0]).toBe('app');
    const handler = protocol.handle.mock.calls[0]![1] as (request: Request) => Promise<Response>;
    expect((await handler(new Request('app://evil/x.js'))).status).toBe(403);
  });
});
