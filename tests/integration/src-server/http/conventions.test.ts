import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestErrorCode } from '../../../../src-shared/api/auth';
import type { Db } from '../../../../src-server/db/db';
import { corsPolicy } from '../../../../src-server/http/cors';
import { INTERNAL_ERROR_MESSAGE } from '../../../../src-server/http/error-handler';
import { describeEachBackend } from '../../../support/test-db';
import { expectApiError, startTestServer, type TestServer } from '../../../support/test-server';

const json = { 'content-type': 'application/json' };
/** The message of the database failure the fault-injecting wrapper throws: must never be sent. */
const DB_FAILURE = 'connection to 10.1.2.3 lost (user=posko password=hunter2)';

/** A database whose user lookup fails for the username `boom`, as a broken connection would. */
function failingForBoom(db: Db): Db {
  const wrapped: Db = {
    ...db,
    query: (sql, params) =>
      params?.includes('boom') ? Promise.reject(new Error(DB_FAILURE)) : db.query(sql, params),
  };
  return wrapped;
}

describeEachBackend('HTTP conventions', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { captureLogs: true, wrapDb: failingForBoom });
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers the health check with the version and the database kind', async () => {
    const response = await server.request('GET', '/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: true, version: '0.0.0-test', db: backend.kind });
  });

  it('marks answers as not cacheable and not sniffable', async () => {
    const response = await server.request('GET', '/health');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  describe('request ids', () => {
    it('echoes a plain x-request-id the client sent', async () => {
      const response = await server.request('GET', '/health', {
        headers: { 'x-request-id': 'lb-7f3a.42' },
      });
      expect(response.headers.get('x-request-id')).toBe('lb-7f3a.42');
    });

    it('replaces an x-request-id that could break log lines with a fresh one', async () => {
      const response = await server.request('GET', '/health', {
        headers: { 'x-request-id': 'a b "c"' },
      });
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('gives every request its own id when the client sends none', async () => {
      const [first, second] = await Promise.all([
        server.request('GET', '/health'),
        server.request('GET', '/nope'),
      ]);
      expect(first.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    });
  });

  describe('error shapes', () => {
    it('answers an unknown route with 404 request/not-found', async () => {
      expectApiError(await server.request('GET', '/nope'), 404, RequestErrorCode.notFound);
      expectApiError(await server.request('GET', '/elsewhere'), 404, RequestErrorCode.notFound);
    });

    it('answers a known path with the wrong method with 405 and the allowed methods', async () => {
      const response = await server.request('GET', '/auth/login');
      expectApiError(response, 405, RequestErrorCode.methodNotAllowed);
      expect(response.headers.get('allow')).toBe('POST');
    });

    it('answers malformed JSON with 400 request/malformed-json', async () => {
      const response = await server.request('POST', '/auth/login', {
        rawBody: '{"username": "admin-a", "password":',
        headers: json,
      });
      expectApiError(response, 400, RequestErrorCode.malformedJson);
    });

    it('refuses a body that is not JSON with 415, also when no content type is given', async () => {
      const plain = await server.request('POST', '/auth/login', {
        rawBody: 'username=admin-a&password=x',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expectApiError(plain, 415, RequestErrorCode.unsupportedMediaType);
      const text = await server.request('POST', '/auth/login', {
        rawBody: '{"username":"admin-a"}',
        headers: { 'content-type': 'text/plain' },
      });
      expectApiError(text, 415, RequestErrorCode.unsupportedMediaType);
      const untyped = await server.request('POST', '/auth/login', { rawBody: '{}' });
      expectApiError(untyped, 415, RequestErrorCode.unsupportedMediaType);
    });

    it('refuses a body over the limit with 413 request/too-large', async () => {
      const huge = JSON.stringify({ username: 'a', password: 'x'.repeat(2 * 1024 * 1024) });
      const response = await server.request('POST', '/auth/login', {
        rawBody: huge,
        headers: json,
      });
      expectApiError(response, 413, RequestErrorCode.tooLarge);
    });

    it('refuses a JSON body with invalid UTF-8 bytes instead of replacing them', async () => {
      const bytes = Buffer.concat([
        Buffer.from('{"username":"admin-'),
        Buffer.from([0xc3, 0x28, 0xff]),
        Buffer.from('","password":"x"}'),
      ]);
      const response = await server.request('POST', '/auth/login', {
        rawBody: new Uint8Array(bytes),
        headers: { 'content-type': 'application/json; charset=utf-8' },
      });
      expectApiError(response, 400, RequestErrorCode.invalidEncoding);
    });

    it('accepts correctly encoded non-ASCII text', async () => {
      const response = await server.request('POST', '/auth/login', {
        body: { username: 'Pengguna Ñ 日本', password: 'sandi' },
      });
      expectApiError(response, 401, 'auth/invalid-credentials');
    });

    it('refuses a body that tries to set __proto__', async () => {
      const response = await server.request('POST', '/auth/login', {
        rawBody: '{"username":"a","password":"b","__proto__":{"isAdmin":true}}',
        headers: json,
      });
      expectApiError(response, 400, RequestErrorCode.malformedJson);
    });

    it('names the fields that do not match the schema in a 400 request/invalid', async () => {
      const response = await server.request('POST', '/auth/login', {
        body: { username: '', password: 42, extra: true },
      });
      expectApiError(response, 400, RequestErrorCode.invalid);
      const { message } = (response.body as { error: { message: string } }).error;
      expect(message).toContain('body.username');
      expect(message).toContain('body.password');
    });

    it('treats an empty JSON body as no body, which the route schema then refuses', async () => {
      const response = await server.request('POST', '/auth/login', { rawBody: '', headers: json });
      expectApiError(response, 400, RequestErrorCode.invalid);
    });

    it('answers a URL that does not decode with 400 in the same shape', async () => {
      const response = await server.request('GET', '/api/v1/%E0%A4%A');
      expectApiError(response, 400, RequestErrorCode.invalid);
    });

    it('answers a server failure with 500 and a message that reveals nothing', async () => {
      const response = await server.request('POST', '/auth/login', {
        body: { username: 'boom', password: 'whatever' },
      });
      expectApiError(response, 500, RequestErrorCode.internal);
      expect(response.body).toEqual({
        error: { code: RequestErrorCode.internal, message: INTERNAL_ERROR_MESSAGE },
      });
      expect(response.text).not.toContain('hunter2');
      expect(response.text).not.toContain('10.1.2.3');
    });

    it('logs a server failure with its request id and the cause', async () => {
      const response = await server.request('POST', '/auth/login', {
        body: { username: 'boom', password: 'whatever' },
      });
      const requestId = response.headers.get('x-request-id');
      const errorLines = server.logs
        .map(
          (line) =>
            JSON.parse(line) as { level: number; reqId?: string; err?: { message?: string } },
        )
        .filter((entry) => entry.level >= 50 && entry.reqId === requestId);
      expect(errorLines).toHaveLength(1);
      expect(errorLines[0]?.err?.message).toBe(DB_FAILURE);
    });
  });

  describe('CORS', () => {
    it('answers a preflight from the desktop app with the allowed methods and headers', async () => {
      const response = await server.request('OPTIONS', '/auth/login', {
        headers: {
          origin: 'app://posko',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, authorization',
        },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe('app://posko');
      expect(response.headers.get('access-control-allow-methods')).toContain('POST');
      expect(response.headers.get('access-control-allow-headers')).toBe(
        'content-type, authorization',
      );
      expect(response.headers.get('vary')).toContain('Origin');
    });

    it('lets a loopback page read answers and their request id', async () => {
      const response = await server.request('GET', '/health', {
        headers: { origin: 'http://127.0.0.1:5173' },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
      expect(response.headers.get('access-control-expose-headers')).toContain('x-request-id');
    });

    it('keeps CORS headers on error answers so the page can read the error', async () => {
      const response = await server.request('POST', '/auth/login', {
        body: { username: 'admin-a', password: 'wrong' },
        headers: { origin: 'app://posko' },
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('access-control-allow-origin')).toBe('app://posko');
    });

    it('refuses a preflight from an unknown origin without any CORS header', async () => {
      const response = await server.request('OPTIONS', '/auth/login', {
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      expectApiError(response, 403, RequestErrorCode.originNotAllowed);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-methods')).toBeNull();
    });

    it('refuses a request from an unknown origin before it reaches the route', async () => {
      const response = await server.request('POST', '/auth/login', {
        body: { username: 'admin-a', password: server.fixtures.password },
        headers: { origin: 'https://posko.example.go.id.evil.example' },
      });
      expectApiError(response, 403, RequestErrorCode.originNotAllowed);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('serves clients that send no origin (curl, servers) as usual', async () => {
      const response = await server.request('GET', '/health');
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });
  });
});

describe('corsPolicy', () => {
  const policy = corsPolicy(['https://Posko.Example.go.id']);

  it('allows the desktop app, loopback pages on any port and the configured origins', () => {
    for (const origin of [
      'app://posko',
      'http://127.0.0.1:5173',
      'http://localhost:8080',
      'http://[::1]:3000',
      'http://localhost',
      'https://posko.example.go.id',
    ]) {
      expect(policy.isAllowed(origin), origin).toBe(true);
    }
  });

  it('refuses look-alikes and everything else', () => {
    for (const origin of [
      'app://posko.evil',
      'app://other',
      'null',
      'https://127.0.0.1:5173',
      'http://localhost.evil.example',
      'http://127.0.0.1.evil.example',
      'https://posko.example.go.id:8443',
      'http://posko.example.go.id',
    ]) {
      expect(policy.isAllowed(origin), origin).toBe(false);
    }
  });
});
