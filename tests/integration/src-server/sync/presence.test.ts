import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PRESENCE_TTL_MS,
  PresenceAnnouncementSchema,
  type PresenceAnnouncement,
} from '../../../../src-shared/api/presence';
import { API_PREFIX } from '../../../../src-shared/api/auth';
import { manualClock, sequentialIds } from '../../../../src-shared/ports';
import type { Db } from '../../../../src-server/db/db';
import { openPostgresDb } from '../../../../src-server/db/postgres-db';
import { createServer } from '../../../../src-server/server';
import { describeEachBackend, postgresBackend } from '../../../support/test-db';
import {
  FIXTURE_START,
  expectApiError,
  startTestServer,
  type FixtureUsername,
  type TestServer,
} from '../../../support/test-server';
import { insertOneReport } from './sync-support';

/** A deadline for asynchronous deliveries (SSE over HTTP, NOTIFY across connections). */
const DELIVERY_TIMEOUT_MS = 5_000;

interface PresenceStream {
  /** Presence announcements received so far, in order. */
  readonly announcements: PresenceAnnouncement[];
  /** The announcements about one report. */
  about(reportId: string): PresenceAnnouncement[];
  /** Waits for an announcement about `reportId` whose users are exactly `userIds`. */
  waitForUsers(reportId: string, userIds: readonly string[]): Promise<PresenceAnnouncement>;
  close(): void;
}

async function openPresenceStream(baseUrl: string, token: string): Promise<PresenceStream> {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}${API_PREFIX}/events`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  const announcements: PresenceAnnouncement[] = [];
  const decoder = new TextDecoder();
  const reader = response.body!.getReader();
  let buffer = '';
  let isConnected = false;
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (event.includes(': connected')) isConnected = true;
          const match = /^event: presence\ndata: (.*)$/m.exec(event);
          if (match) announcements.push(PresenceAnnouncementSchema.parse(JSON.parse(match[1]!)));
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // Aborted by close().
    }
  })();
  const waitUntil = async (predicate: () => boolean, what: string) => {
    const deadline = Date.now() + DELIVERY_TIMEOUT_MS;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  await waitUntil(() => isConnected, 'the stream to open');
  const about = (reportId: string) => announcements.filter((a) => a.reportId === reportId);
  const usersOf = (a: PresenceAnnouncement) => a.users.map((u) => u.userId).sort();
  return {
    announcements,
    about,
    async waitForUsers(reportId, userIds) {
      const wanted = [...userIds].sort();
      const find = () =>
        about(reportId).find((a) => JSON.stringify(usersOf(a)) === JSON.stringify(wanted));
      await waitUntil(
        () => find() !== undefined,
        `presence ${JSON.stringify(wanted)} on ${reportId}`,
      );
      return find()!;
    },
    close() {
      controller.abort();
    },
  };
}

describeEachBackend('presence', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => {
    await server.close();
  });

  async function tell(
    username: FixtureUsername,
    body: { reportId: string | null; editing: boolean },
  ): Promise<void> {
    const response = await server.request('POST', '/presence', {
      token: await server.login(username),
      body,
    });
    expect(response.status, response.text).toBe(204);
    expect(response.text).toBe('');
  }

  async function streamFor(username: FixtureUsername): Promise<PresenceStream> {
    return openPresenceStream(server.url, await server.login(username));
  }

  it('shows two users of one agency to each other, with their names and whether they edit', async () => {
    const report = await insertOneReport(server.db, { agencyId: 'dinkes-a', unitId: 'pkm-a' });
    const admin = await streamFor('admin-a');
    const liaison = await streamFor('penghubung-a');
    try {
      await tell('admin-a', { reportId: report.id, editing: false });
      const first = await liaison.waitForUsers(report.id, ['u-admin-a']);
      expect(first).toEqual({
        reportId: report.id,
        users: [{ userId: 'u-admin-a', displayName: 'Admin Dinkes A', editing: false }],
      });
      await tell('penghubung-a', { reportId: report.id, editing: true });
      const both = await admin.waitForUsers(report.id, ['u-admin-a', 'u-penghubung-a']);
      expect(both.users).toContainEqual({
        userId: 'u-penghubung-a',
        displayName: 'Penghubung Dinkes A',
        editing: true,
      });
      // A heartbeat that changes nothing is not announced again.
      const heard = liaison.about(report.id).length;
      await tell('admin-a', { reportId: report.id, editing: false });
      await tell('penghubung-a', { reportId: report.id, editing: true });
      await admin.waitForUsers(report.id, ['u-admin-a', 'u-penghubung-a']);
      expect(liaison.about(report.id)).toHaveLength(heard);
    } finally {
      admin.close();
      liaison.close();
    }
  });

  it('tells no one outside the report’s subtree, while those above it hear', async () => {
    const report = await insertOneReport(server.db, { agencyId: 'dinkes-a' });
    const theirs = await insertOneReport(server.db, { agencyId: 'dinkes-b' });
    const neighbour = await streamFor('admin-b');
    const above = await streamFor('koordinator-prov');
    const unit = await streamFor('operator-a');
    try {
      await tell('admin-a', { reportId: report.id, editing: true });
      await above.waitForUsers(report.id, ['u-admin-a']);
      // Later announcements reach admin-b in order: by the time its own arrives, the first
      // would have, had it been sent. The unit below Dinkes A does not see the report either.
      await tell('admin-b', { reportId: theirs.id, editing: false });
      await neighbour.waitForUsers(theirs.id, ['u-admin-b']);
      expect(neighbour.about(report.id)).toEqual([]);
      await above.waitForUsers(theirs.id, ['u-admin-b']);
      expect(unit.about(report.id)).toEqual([]);
      expect(unit.about(theirs.id)).toEqual([]);
    } finally {
      neighbour.close();
      above.close();
      unit.close();
    }
  });

  it('leaves a report when the user opens another one or none', async () => {
    const first = await insertOneReport(server.db, { agencyId: 'dinkes-a' });
    const second = await insertOneReport(server.db, { agencyId: 'dinkes-a' });
    const watcher = await streamFor('pimpinan-a');
    try {
      await tell('admin-a', { reportId: first.id, editing: false });
      await watcher.waitForUsers(first.id, ['u-admin-a']);
      await tell('admin-a', { reportId: second.id, editing: false });
      await watcher.waitForUsers(first.id, []);
      await watcher.waitForUsers(second.id, ['u-admin-a']);
      await tell('admin-a', { reportId: null, editing: false });
      await watcher.waitForUsers(second.id, []);
    } finally {
      watcher.close();
    }
  });

  it('drops a user whose heartbeats stop after the time to live', async () => {
    const report = await insertOneReport(server.db, { agencyId: 'dinkes-a' });
    const watcher = await streamFor('admin-a');
    try {
      await tell('penghubung-a', { reportId: report.id, editing: true });
      await watcher.waitForUsers(report.id, ['u-penghubung-a']);
      // Refreshed before the time is up: still there.
      server.clock.advance(PRESENCE_TTL_MS - 1_000);
      await tell('penghubung-a', { reportId: report.id, editing: true });
      server.clock.advance(2_000);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(
        watcher
          .about(report.id)
          .at(-1)
          ?.users.map((u) => u.userId),
      ).toEqual(['u-penghubung-a']);
      server.clock.advance(PRESENCE_TTL_MS);
      await watcher.waitForUsers(report.id, []);
    } finally {
      watcher.close();
    }
  });

  it('answers 404 for a report outside the caller’s subtree, exactly as for one that does not exist', async () => {
    const report = await insertOneReport(server.db, { agencyId: 'dinkes-a' });
    const watcher = await streamFor('koordinator-prov');
    try {
      const token = await server.login('admin-b');
      const outside = await server.request('POST', '/presence', {
        token,
        body: { reportId: report.id, editing: false },
      });
      const missing = await server.request('POST', '/presence', {
        token,
        body: { reportId: 'r-tidak-ada', editing: false },
      });
      expectApiError(outside, 404, 'presence/report-not-found');
      expectApiError(missing, 404, 'presence/report-not-found');
      expect(outside.body).toEqual(missing.body);
      // The unit below the report's agency may not see it either.
      expectApiError(
        await server.request('POST', '/presence', {
          token: await server.login('operator-a'),
          body: { reportId: report.id, editing: false },
        }),
        404,
        'presence/report-not-found',
      );
      await tell('admin-a', { reportId: report.id, editing: false });
      await watcher.waitForUsers(report.id, ['u-admin-a']);
      expect(watcher.about(report.id)).toHaveLength(1);
    } finally {
      watcher.close();
    }
  });

  it('refuses bad bodies with 400 and callers without a session with 401', async () => {
    const token = await server.login('admin-a');
    for (const body of [
      {},
      { reportId: null },
      { editing: true },
      { reportId: 7, editing: false },
      { reportId: '', editing: false },
      { reportId: 'r'.repeat(129), editing: false },
      { reportId: null, editing: 'ya' },
      { reportId: null, editing: false, extra: 1 },
      [],
      null,
    ]) {
      expectApiError(
        await server.request('POST', '/presence', { token, body }),
        400,
        'request/invalid',
      );
    }
    expectApiError(
      await server.request('POST', '/presence', { body: { reportId: null, editing: false } }),
      401,
      'auth/unauthenticated',
    );
  });
});

// Two server processes share one PostgreSQL database: presence told to one is heard on the
// other's event streams (LISTEN/NOTIFY), and expires there too.
const postgres = postgresBackend;
if (postgres !== null)
  describe('presence across server instances [postgres]', () => {
    let first: TestServer;
    let secondDb: Db;
    let second: FastifyInstance;
    let secondUrl: string;
    const secondClock = manualClock(FIXTURE_START);

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
        clock: secondClock,
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

    it('announces presence told to one instance on the other, and leaves there too', async () => {
      const report = await insertOneReport(first.db, { agencyId: 'dinkes-a' });
      const other = await insertOneReport(first.db, { agencyId: 'dinkes-a' });
      const stream = await openPresenceStream(secondUrl, await first.login('penghubung-a'));
      try {
        const token = await first.login('admin-a');
        const told = await first.request('POST', '/presence', {
          token,
          body: { reportId: report.id, editing: true },
        });
        expect(told.status).toBe(204);
        const heard = await stream.waitForUsers(report.id, ['u-admin-a']);
        expect(heard.users).toEqual([
          { userId: 'u-admin-a', displayName: 'Admin Dinkes A', editing: true },
        ]);
        // The next heartbeat lands on the second instance (no sticky sessions): it knows the
        // user had the first report open and announces that they left it.
        const moved = await fetch(`${secondUrl}${API_PREFIX}/presence`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ reportId: other.id, editing: false }),
        });
        expect(moved.status).toBe(204);
        await stream.waitForUsers(report.id, []);
        await stream.waitForUsers(other.id, ['u-admin-a']);
        // Expiry on the second instance, by its own clock.
        secondClock.advance(PRESENCE_TTL_MS + 1);
        await stream.waitForUsers(other.id, []);
      } finally {
        stream.close();
      }
    });
  });
