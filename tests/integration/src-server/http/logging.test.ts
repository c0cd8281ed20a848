import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskUrlSecrets } from '../../../../src-server/log';
import { describeEachBackend } from '../../../support/test-db';
import { startTestServer, type TestServer } from '../../../support/test-server';

interface LogEntry {
  level: number;
  msg: string;
  reqId?: string;
  req?: { url?: string };
  [key: string]: unknown;
}

function entries(server: TestServer): LogEntry[] {
  return server.logs.map((line) => JSON.parse(line) as LogEntry);
}

describeEachBackend('logs', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { captureLogs: true });
  });
  afterAll(async () => {
    await server.close();
  });

  it('contains no password and no session token after signing in, using and ending a session', async () => {
    const wrongPassword = 'salah-sandi-rahasia-991';
    await server.request('POST', '/auth/login', {
      body: { username: 'operator-a', password: wrongPassword },
    });
    // People type their password into the username field by mistake.
    await server.request('POST', '/auth/login', {
      body: { username: server.fixtures.password, password: 'x' },
    });
    const token = await server.login('operator-a', { fresh: true });
    await server.request('GET', '/me', { token });
    // EventSource cannot send headers, so the token may come in the query string.
    await server.request('GET', `/me?token=${token}`);
    await server.request('POST', '/auth/logout', { token, body: {} });

    const text = server.logs.join('');
    expect(server.logs.length).toBeGreaterThan(10);
    expect(text).not.toContain(server.fixtures.password);
    expect(text).not.toContain(wrongPassword);
    expect(text).not.toContain(token);
    expect(entries(server).some((e) => e.req?.url === '/api/v1/me?token=[REDACTED]')).toBe(true);
  });

  it('writes every line of a request with that request id', async () => {
    const response = await server.request('GET', '/health', {
      headers: { 'x-request-id': 'trace-me-123' },
    });
    expect(response.status).toBe(200);
    const lines = entries(server).filter((e) => e.reqId === 'trace-me-123');
    expect(lines.map((e) => e.msg)).toEqual(['incoming request', 'request completed']);
  });

  it('censors secrets and reporter identities wherever a log call puts them', () => {
    const before = server.logs.length;
    server.app.log.info(
      {
        password: 'pw-top',
        body: { password: 'pw-body', token: 'tok-body', reporter: { name: 'Budi Santoso' } },
        req: { url: '/api/v1/events?token=tok-url', headers: { authorization: 'Bearer tok-hdr' } },
        headers: { authorization: 'Bearer tok-hdr2', cookie: 'sid=1' },
        report: { reporter: { name: 'Siti Aminah', nik: '3273010101010001' } },
        citizen: { phone: '+6281234567', email: 'warga@example.id' },
      },
      'redaction check',
    );
    const line = server.logs.slice(before).join('');
    expect(line).toContain('redaction check');
    for (const secret of [
      'pw-top',
      'pw-body',
      'tok-body',
      'Budi Santoso',
      'tok-url',
      'tok-hdr',
      'sid=1',
      'Siti Aminah',
      '3273010101010001',
      '+6281234567',
      'warga@example.id',
    ]) {
      expect(line, secret).not.toContain(secret);
    }
  });
});

describe('maskUrlSecrets', () => {
  it('masks token and password query values and keeps the rest', () => {
    expect(maskUrlSecrets('/api/v1/events?cursor=5&token=abc.def&x=1')).toBe(
      '/api/v1/events?cursor=5&token=[REDACTED]&x=1',
    );
    expect(maskUrlSecrets('/a?TOKEN=abc')).toBe('/a?TOKEN=[REDACTED]');
    expect(maskUrlSecrets('/a?mytoken=abc')).toBe('/a?mytoken=abc');
  });
});
