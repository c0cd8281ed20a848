import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiErrorBodySchema } from '../../../../src-shared/api/auth';
import { describeEachBackend } from '../../../support/test-db';
import { startTestServer, type TestServer } from '../../../support/test-server';

const methods = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH'] as const;
const knownPaths = ['/api/v1/health', '/api/v1/auth/login', '/api/v1/auth/logout', '/api/v1/me'];
/** Every other route of the API (the event stream is left out: it stays open by design). */
const authenticatedPaths = [
  '/api/v1/me',
  '/api/v1/sync/pull',
  '/api/v1/sync/push',
  '/api/v1/stats',
  '/api/v1/stats?from=x&to=y',
  '/api/v1/reports',
  '/api/v1/reports/1900001',
  '/api/v1/reports/1900001/replies',
  "/api/v1/reports/1'%20OR%201=1/replies",
  '/api/v1/reports/r-1/attachments',
  '/api/v1/attachments/a-1',
  '/api/v1/attachments/..%2F..%2Fetc%2Fpasswd',
];

const segment = fc.oneof(
  fc.constantFrom(
    'api',
    'v1',
    'auth',
    'login',
    'me',
    'health',
    '..',
    '.',
    '',
    '%00',
    '%zz',
    '%E0%A4%A',
  ),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
  fc.stringMatching(/^[A-Za-z0-9:*?=&;~!$'()+,-]{1,12}$/),
);
const path = fc.oneof(
  fc.constantFrom(...knownPaths),
  fc
    .tuple(fc.constantFrom(...knownPaths), fc.string({ maxLength: 30 }))
    .map(([known, query]) => `${known}?${encodeURIComponent(query)}=${encodeURIComponent(query)}`),
  fc.array(segment, { maxLength: 6 }).map((parts) => `/${parts.join('/')}`),
);

const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,60}$/);
const headers = fc.record(
  {
    'content-type': fc.oneof(
      { arbitrary: fc.constant('application/json'), weight: 4 },
      fc.constantFrom(
        'application/json',
        'application/json; charset=utf-8',
        'application/json; charset=latin1',
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        '',
        ';;;',
      ),
      headerValue,
    ),
    authorization: fc.oneof(
      headerValue,
      headerValue.map((v) => `Bearer ${v}`),
      fc.stringMatching(/^Bearer [A-Za-z0-9_-]{20,60}$/),
    ),
    // Mostly allowed origins: a refused origin ends the request before the interesting parts.
    origin: fc.oneof(
      { arbitrary: fc.constantFrom('app://posko', 'http://localhost:5173'), weight: 5 },
      { arbitrary: headerValue, weight: 1 },
    ),
    'access-control-request-method': fc.constantFrom('POST', 'GET', 'DELETE'),
    'x-request-id': headerValue,
  },
  { requiredKeys: [] },
);

const loginLike = fc.record(
  {
    username: fc.oneof(fc.string(), fc.constantFrom('admin-a', 'operator-a')),
    password: fc.string(),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  fc.constant(undefined),
  fc.json().map((text) => Buffer.from(text)),
  { arbitrary: loginLike.map((value) => Buffer.from(JSON.stringify(value))), weight: 3 },
  fc.string().map((text) => Buffer.from(text)),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
);

describeEachBackend('garbage requests', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => {
    await server.close();
  });

  it('never answers with a 5xx, and answers every error in the API error shape', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...methods),
        path,
        headers,
        body,
        async (method, url, requestHeaders, payload) => {
          const response = await server.app.inject({
            method,
            url,
            headers: requestHeaders,
            ...(payload === undefined ? {} : { payload }),
          });
          expect(response.statusCode, `${method} ${url}`).toBeLessThan(500);
          if (response.statusCode >= 400 && method !== 'HEAD') {
            expect(ApiErrorBodySchema.safeParse(response.json()).success, response.body).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never answers with a 5xx to a signed-in caller sending garbage to any route', async () => {
    const token = await server.login('admin-a');
    const sync = fc.oneof(
      fc.record(
        { cursor: fc.oneof(fc.integer(), fc.string(), fc.double()), limit: fc.anything() },
        { requiredKeys: [] },
      ),
      fc.record(
        {
          clientId: fc.oneof(fc.string(), fc.constant('client-garbage-01')),
          mutations: fc.array(
            fc.record(
              {
                clientId: fc.constant('client-garbage-01'),
                id: fc.oneof(fc.nat(), fc.string()),
                name: fc.oneof(
                  fc.string(),
                  fc.constantFrom('report.archive', 'note.add', 'template.upsert'),
                ),
                args: fc.anything(),
                baseVersion: fc.oneof(fc.nat(), fc.string()),
                at: fc.anything(),
              },
              { requiredKeys: [] },
            ),
            { maxLength: 4 },
          ),
        },
        { requiredKeys: [] },
      ),
    );
    const signedInBody = fc.oneof(body, {
      arbitrary: sync.map((value) => Buffer.from(JSON.stringify(value))),
      weight: 3,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
        fc.constantFrom(...authenticatedPaths),
        signedInBody,
        async (method, url, payload) => {
          const response = await server.app.inject({
            method,
            url,
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': 'application/json',
              origin: 'app://posko',
            },
            ...(payload === undefined ? {} : { payload }),
          });
          expect(response.statusCode, `${method} ${url}`).toBeLessThan(500);
          if (response.statusCode >= 400) {
            expect(ApiErrorBodySchema.safeParse(response.json()).success, response.body).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
