import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_PREFIX } from '../../../../src-shared/api/auth';
import { manualClock, sequentialIds } from '../../../../src-shared/ports';
import type { Db } from '../../../../src-server/db/db';
import { openPostgresDb } from '../../../../src-server/db/postgres-db';
import { EventStream, HEARTBEAT_MS, isSessionLive } from '../../../../src-server/routes/events';
import { createServer } from '../../../../src-server/server';
import { describeEachBackend, postgresBackend } from '../../../support/test-db';
import { FIXTURE_START, startTestServer, type TestServer } from '../../../support/test-server';
import { TestClient, insertOneReport, pushHttp } from './sync-support';

/** A deadline for asynchronous deliveries (SSE over HTTP, NOTIFY across connections). */
const DELIVERY_TIMEOUT_MS = 5_000;

interface SseClient {
  /** Versions announced so far, in order. */
  versions: number[];
  /** Raw text received so far. */
  text: () => string;
  status: number;
  contentType: string | null;
  waitFor(predicate: () => boolean, what: string): Promise<void>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

async function openSse(
  baseUrl: string,
  token: string,
  via: 'header' | 'query' = 'header',
): Promise<SseClient> {
  const controller = new AbortController();
  const url = `${baseUrl}${API_PREFIX}/events${via === 'query' ? `?token=${token}` : ''}`;
  const response = await fetch(url, {
    headers: via === 'header' ? { authorization: `Bearer ${token}` } : {},
    signal: controller.signal,
  });
  const versions: number[] = [];
  let received = '';
  const decoder = new TextDecoder();
  const reader = response.body!.getReader();
  const ended = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        received += decoder.decode(value, { stream: true });
        for (const match of received.matchAll(/event: version\ndata: (\{[^\n]*\})\n\n/g)) {
          const version = (JSON.parse(match[1]!) as { version: number }).version;
          if (!versions.includes(version)) versions.push(version);
        }
      }
    } catch {
      // Aborted by close().
    }
  })();
  return {
    versions,
    text: () => received,
    status: response.status,
    contentType: response.headers.get('content-type'),
    async waitFor(predicate, what) {
      const deadline = Date.now() + DELIVERY_TIMEOUT_MS;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    ended,
    close() {
      controller.abort();
    },
  };
}

describeEachBackend('sync events (server-sent)', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => {
    await server.close();
  });

  it('announces a pushed version to a subscriber in scope and not to one outside it', async () => {
    const inScope = await openSse(server.url, await server.login('admin-a'));
    const outside = await openSse(server.url, await server.login('admin-b'));
    try {
      expect(inScope.status).toBe(200);
      expect(inScope.contentType).toContain('text/event-stream');
      await inScope.waitFor(() => inScope.text().includes('retry:'), 'the retry hint');
      const report = await insertOneReport(server.db, { agencyId: 'dinkes-a' });
      const client = new TestClient();
      const pushed = await pushHttp(server, 'koordinator', client.clientId, [
        client.mutation('report.setTags', { reportId: report.id, tags: ['x'] }, report.version),
      ]);
      const version = pushed.results[0]!.version!;
      await inScope.waitFor(
        () => inScope.versions.includes(version),
        `version ${String(version)} in scope`,
      );

      // A later write in admin-b's scope reaches admin-b; announcements arrive in order, so by
      // then admin-b would have had the first one, had it been sent.
      const theirs = await insertOneReport(server.db, { agencyId: 'dinkes-b' });
      const other = new TestClient();
      const pushedB = await pushHttp(server, 'admin-b', other.clientId, [
        other.mutation('report.setTags', { reportId: theirs.id, tags: ['y'] }, theirs.version),
      ]);
      const versionB = pushedB.results[0]!.version!;
      await outside.waitFor(
        () => outside.versions.includes(versionB),
        `version ${String(versionB)} for admin-b`,
      );
      expect(outside.versions).not.toContain(version);
      expect(outside.text()).not.toContain(`"version":${String(version)}`);
    } finally {
      inScope.close();
      outside.close();
    }
  });

  it('accepts the token in the query string, as EventSource needs', async () => {
    const stream = await openSse(server.url, await server.login('koordinator'), 'query');
    try {
      expect(stream.status).toBe(200);
      const report = await insertOneReport(server.db, { agencyId: 'disdik-a' });
      const client = new TestClient();
      const pushed = await pushHttp(server, 'koordinator', client.clientId, [
        client.mutation('report.setTags', { reportId: report.id, tags: ['q'] }, report.version),
      ]);
      await stream.waitFor(
        () => stream.versions.includes(pushed.results[0]!.version!),
        'the version',
      );
    } finally {
      stream.close();
    }
  });

  it('tells a stream’s heartbeat when its session has ended by signing out', async () => {
    const token = await server.login('penghubung-a', { fresh: true });
    expect(await isSessionLive(server.db, token, server.clock.now())).toBe(true);
    const loggedOut = await server.request('POST', '/auth/logout', { token, body: {} });
    expect(loggedOut.status).toBe(200);
    expect(await isSessionLive(server.db, token, server.clock.now())).toBe(false);
  });

  it('refuses a stream without a valid session', async () => {
    const response = await fetch(`${server.url}${API_PREFIX}/events?token=${'x'.repeat(43)}`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'auth/unauthenticated' } });
  });

  it('does not announce refused mutations', async () => {
    const stream = await openSse(server.url, await server.login('admin-a'));
    try {
      const report = await insertOneReport(server.db, { agencyId: 'dinkes-a' });
      const client = new TestClient();
      const refused = await pushHttp(server, 'admin-a', client.clientId, [
        client.mutation('report.resume', { reportId: report.id }, report.version),
        client.mutation('report.setTags', { reportId: report.id, tags: ['ok'] }, report.version),
      ]);
      expect(refused.results.map((r) => r.status)).toEqual(['rejected', 'applied']);
      const applied = refused.results[1]!.version!;
      await stream.waitFor(() => stream.versions.includes(applied), 'the applied version');
      expect(stream.versions.filter((v) => v > report.version)).toEqual([applied]);
    } finally {
      stream.close();
    }
  });

  // Last in this suite: it closes the server (afterAll's close is then a no-op).
  it('ends open streams so the server closes promptly', async () => {
    const stream = await openSse(server.url, await server.login('admin-a'));
    await stream.waitFor(() => stream.text().includes('connected'), 'the stream to open');
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        Promise.all([server.close(), stream.ended]),
        new Promise((_, reject) => {
          timer = setTimeout(() => {
            reject(new Error('the server did not close with a stream open'));
          }, DELIVERY_TIMEOUT_MS);
        }),
      ]);
    } finally {
      clearTimeout(timer);
      stream.close();
    }
  });
});

describe('EventStream', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function fakeResponse() {
    const written: string[] = [];
    let ended = 0;
    const raw = {
      write: (chunk: string) => written.push(chunk) > 0,
      end: () => {
        ended += 1;
        return raw;
      },
    };
    return { raw: raw as never, written, ended: () => ended };
  }

  it('sends the retry hint, heartbeat comments and version events, and stops after close', async () => {
    const response = fakeResponse();
    let closed = 0;
    const stream = new EventStream(
      response.raw,
      () => (closed += 1),
      () => Promise.resolve(true),
      HEARTBEAT_MS,
    );
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS * 2);
    stream.sendVersion(42);
    stream.close();
    stream.close();
    stream.sendVersion(43);
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS * 2);
    expect(response.written[0]).toMatch(/^retry: \d+\n/);
    expect(response.written.filter((w) => w === ': heartbeat\n\n')).toHaveLength(2);
    expect(response.written.filter((w) => w.startsWith('event:'))).toEqual([
      'event: version\ndata: {"version":42}\n\n',
    ]);
    expect([response.ended(), closed]).toEqual([1, 1]);
  });

  it('beats between 15 and 25 seconds, as proxies need', () => {
    expect(HEARTBEAT_MS).toBeGreaterThanOrEqual(15_000);
    expect(HEARTBEAT_MS).toBeLessThanOrEqual(25_000);
  });

  it('closes at the next heartbeat once the session has ended', async () => {
    const response = fakeResponse();
    let isAllowed = true;
    let closed = 0;
    new EventStream(
      response.raw,
      () => (closed += 1),
      () => Promise.resolve(isAllowed),
      HEARTBEAT_MS,
    );
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
    expect(closed).toBe(0);
    isAllowed = false;
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
    expect([closed, response.ended()]).toEqual([1, 1]);
  });
});

// Two server processes behind a load balancer share one PostgreSQL database: a write on one is
// announced to live clients of the other through LISTEN/NOTIFY.
const postgres = postgresBackend;
if (postgres !== null)
  describe('sync events across server instances [postgres]', () => {
    let first: TestServer;
    let secondDb: Db;
    let second: FastifyInstance;
    let secondUrl: string;

    beforeAll(async () => {
      first = await startTestServer(postgres);
      const { rows } = await first.db.query<{ schema: string }>(
        'SELECT current_schema() AS schema',
      );
      secondDb = await openPostgresDb({
        connectionString: process.env['POSKO_TEST_DATABASE_URL']!,
        schema: rows[0]!.schema,
        maxConnections: 3,
      });
      second = await createServer({
        db: secondDb,
        clock: manualClock(FIXTURE_START),
        ids: sequentialIds('second'),
        version: '0.0.0-test',
        log: { level: 'silent' },
      });
      await second.listen({ host: '127.0.0.1', port: 0 });
      secondUrl = `http://127.0.0.1:${String((second.server.address() as AddressInfo).port)}`;
    });
    afterAll(async () => {
      await second.close();
      await secondDb.close();
      await first.close();
    });

    it('announces a push on one instance to a subscriber on the other', async () => {
      const stream = await openSse(secondUrl, await first.login('admin-a'));
      try {
        await stream.waitFor(() => stream.text().includes('connected'), 'the stream to open');
        const report = await insertOneReport(first.db, { agencyId: 'dinkes-a' });
        const client = new TestClient();
        const pushed = await pushHttp(first, 'admin-a', client.clientId, [
          client.mutation(
            'report.setTags',
            { reportId: report.id, tags: ['lintas'] },
            report.version,
          ),
        ]);
        const version = pushed.results[0]!.version!;
        await stream.waitFor(
          () => stream.versions.includes(version),
          `version ${String(version)} on the other instance`,
        );
      } finally {
        stream.close();
      }
    });
  });
