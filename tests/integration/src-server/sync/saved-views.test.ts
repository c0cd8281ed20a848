// Saved views on the real server (PGlite, and PostgreSQL when configured): pulled by their owner
// only — no other user, not even an admin above, sees a view or its tombstone — updated and
// deleted through push, never overwritten by another user; and a round trip through the client
// sync engine over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { userActor } from '../../../../src-shared/domain/actor';
import { defaultInboxQuery, type InboxQuery } from '../../../../src-shared/inbox/queries';
import { manualClock } from '../../../../src-shared/ports';
import { createSyncEngine } from '../../../../src-shared/sync/client/engine';
import { createMemoryStore } from '../../../../src-shared/sync/client/memory-store';
import type { Transport, TransportResult } from '../../../../src-shared/sync/client/ports';
import { savedViewsOf } from '../../../../src-shared/sync/client/reference';
import {
  HeadsResponseSchema,
  PullResponseSchema,
  PushResponseSchema,
  type PulledChange,
} from '../../../../src-shared/sync/protocol';
import { describeEachBackend } from '../../../support/test-db';
import {
  FIXTURE_START,
  FIXTURE_USERS,
  startTestServer,
  type FixtureUsername,
  type TestServer,
} from '../../../support/test-server';
import { TestClient, freshId, pullToEnd, pushHttp } from './sync-support';

const query: InboxQuery = {
  ...defaultInboxQuery('overdue'),
  sort: 'agency',
  direction: 'desc',
  filters: { agencyIds: ['dinkes-a'], channels: ['sms'], pendingOnly: true },
  search: 'jalan rusak',
};

/** Everyone but the owner (admin-a): the same agency, the unit below, every admin above. */
const others: FixtureUsername[] = [
  'penghubung-a',
  'pimpinan-a',
  'operator-a',
  'koordinator',
  'koordinator-prov',
  'admin-b',
];

/** Every change (row or tombstone) a user pulls about one saved view, from cursor 0. */
async function changesAbout(
  server: TestServer,
  username: FixtureUsername,
  viewId: string,
): Promise<PulledChange[]> {
  const { changes } = await pullToEnd(server, username, { limit: 1000 });
  return changes.filter((c) => c.entity === 'saved_view' && c.id === viewId);
}

/** A Transport over the test server's HTTP client, as the sync worker has one. */
function httpTransport(server: TestServer, username: FixtureUsername): Transport {
  async function post<S extends z.ZodType>(
    path: string,
    body: unknown,
    schema: S,
  ): Promise<TransportResult<z.infer<S>>> {
    const response = await server.request('POST', path, {
      token: await server.login(username),
      body,
    });
    if (response.status !== 200) {
      return {
        ok: false,
        error: { kind: 'client', status: response.status, message: response.text },
      };
    }
    return { ok: true, value: schema.parse(response.body) };
  }
  return {
    pull: (args) => post('/sync/pull', args, PullResponseSchema),
    push: (request) => post('/sync/push', request, PushResponseSchema),
  };
}

function engineFor(server: TestServer, username: FixtureUsername) {
  const store = createMemoryStore(freshId('client'));
  const engine = createSyncEngine({
    store,
    transport: httpTransport(server, username),
    clock: manualClock(FIXTURE_START),
    scheduler: { setTimeout: () => null, clearTimeout: () => undefined },
    random: () => 0.5,
    actor: userActor(FIXTURE_USERS[username]),
    pageSize: 50,
  });
  const views = async () => savedViewsOf(await store.listReference(), FIXTURE_USERS[username].id);
  return { store, engine, views };
}

describeEachBackend('saved views', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => {
    await server.close();
  });

  describe('visibility, update and delete over push and pull', () => {
    it('sends a view to its owner only, and nobody else ever pulls it or its tombstone', async () => {
      const owner = new TestClient();
      const viewId = freshId('view');
      const saved = await pushHttp(server, 'admin-a', owner.clientId, [
        owner.mutation('view.save', { viewId, name: '  Jalan rusak via SMS ', query }, 0),
      ]);
      expect(saved.results).toEqual([expect.objectContaining({ status: 'applied' })]);
      const created = await changesAbout(server, 'admin-a', viewId);
      expect(created).toEqual([
        {
          entity: 'saved_view',
          id: viewId,
          version: saved.results[0]?.version,
          data: {
            id: viewId,
            ownerId: 'u-admin-a',
            name: 'Jalan rusak via SMS',
            query,
            updatedAt: FIXTURE_START,
            version: saved.results[0]?.version,
          },
        },
      ]);

      const renamed = await pushHttp(server, 'admin-a', owner.clientId, [
        owner.mutation(
          'view.save',
          { viewId, name: 'Terlambat', query: defaultInboxQuery('overdue') },
          saved.results[0]?.version ?? 0,
        ),
      ]);
      expect(renamed.results[0]?.status).toBe('applied');
      expect(await changesAbout(server, 'admin-a', viewId)).toEqual([
        expect.objectContaining({
          version: renamed.results[0]?.version,
          data: expect.objectContaining({
            name: 'Terlambat',
            query: defaultInboxQuery('overdue'),
          }) as unknown,
        }),
      ]);

      for (const username of others) {
        expect(await changesAbout(server, username, viewId), username).toEqual([]);
      }

      const deleted = await pushHttp(server, 'admin-a', owner.clientId, [
        owner.mutation('view.delete', { viewId }, renamed.results[0]?.version ?? 0),
      ]);
      expect(deleted.results[0]?.status).toBe('applied');
      const afterDelete = await changesAbout(server, 'admin-a', viewId);
      expect(afterDelete).toEqual([
        { entity: 'saved_view', id: viewId, version: expect.any(Number) as number, deleted: true },
      ]);
      // The owner, pulling from where they were, is told of the delete.
      const { changes } = await pullToEnd(server, 'admin-a', {
        cursor: renamed.results[0]?.version ?? 0,
      });
      expect(changes.filter((c) => c.id === viewId)).toEqual(afterDelete);
      for (const username of others) {
        expect(await changesAbout(server, username, viewId), username).toEqual([]);
      }
      const { rows } = await server.db.query('SELECT id FROM saved_views WHERE id = $1', [viewId]);
      expect(rows).toEqual([]);
    });

    it('never lets another user overwrite or delete a view, even knowing its id', async () => {
      const owner = new TestClient();
      const viewId = freshId('view');
      await pushHttp(server, 'admin-a', owner.clientId, [
        owner.mutation('view.save', { viewId, name: 'Milik admin A', query }, 0),
      ]);
      const before = await server.db.query('SELECT doc, version FROM saved_views WHERE id = $1', [
        viewId,
      ]);

      for (const username of ['koordinator-prov', 'penghubung-a'] as const) {
        const intruder = new TestClient();
        const answer = await pushHttp(server, username, intruder.clientId, [
          intruder.mutation(
            'view.save',
            { viewId, name: 'Diambil alih', query: defaultInboxQuery('completed') },
            1_000_000,
          ),
          intruder.mutation('view.delete', { viewId }, 1_000_000),
        ]);
        expect(answer.results.map((r) => [r.status, r.error?.code])).toEqual([
          ['rejected', 'mutation/id-taken'],
          ['rejected', 'mutation/not-found'],
        ]);
        // A refusal never carries the owner's row back.
        expect(answer.results.every((r) => r.current === undefined)).toBe(true);
      }
      const after = await server.db.query('SELECT doc, version FROM saved_views WHERE id = $1', [
        viewId,
      ]);
      expect(after.rows).toEqual(before.rows);
      expect(await changesAbout(server, 'koordinator-prov', viewId)).toEqual([]);
    });

    it('puts the caller’s own views, and no one else’s, in the heads', async () => {
      const owner = new TestClient();
      const viewId = freshId('view');
      await pushHttp(server, 'penghubung-a', owner.clientId, [
        owner.mutation('view.save', { viewId, name: 'Menunggu persetujuan', query }, 0),
      ]);
      const headsOf = async (username: FixtureUsername) => {
        const response = await server.request('POST', '/sync/heads', {
          token: await server.login(username),
        });
        expect(response.status, response.text).toBe(200);
        return HeadsResponseSchema.parse(response.body).rows.filter(
          (row) => row.entity === 'saved_view',
        );
      };
      expect((await headsOf('penghubung-a')).map((row) => row.id)).toContain(viewId);
      for (const username of ['admin-a', 'koordinator-prov'] as const) {
        expect((await headsOf(username)).map((row) => row.id)).not.toContain(viewId);
      }
    });
  });

  describe('through the client sync engine over HTTP', () => {
    it('round-trips a view from one device to the owner’s other device, and not to a colleague', async () => {
      const laptop = engineFor(server, 'operator-a');
      const desktop = engineFor(server, 'operator-a');
      const colleague = engineFor(server, 'admin-a');
      await laptop.engine.syncOnce();

      const viewId = freshId('view');
      expect(
        (await laptop.engine.mutate('view.save', { viewId, name: 'Puskesmas SMS', query })).ok,
      ).toBe(true);
      expect((await laptop.views()).map((v) => v.name)).toContain('Puskesmas SMS');
      await laptop.engine.syncOnce();
      expect(laptop.engine.status().lastError).toBeNull();
      expect(laptop.store.outbox()).toEqual([]);

      await desktop.engine.syncOnce();
      await colleague.engine.syncOnce();
      expect(await desktop.views()).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: viewId, name: 'Puskesmas SMS', query }),
        ]),
      );
      expect(colleague.store.records().has(`saved_view:${viewId}`)).toBe(false);

      expect((await desktop.engine.mutate('view.delete', { viewId })).ok).toBe(true);
      await desktop.engine.syncOnce();
      await laptop.engine.syncOnce();
      expect((await laptop.views()).map((v) => v.id)).not.toContain(viewId);
      expect(laptop.store.records().has(`saved_view:${viewId}`)).toBe(false);
    });
  });
});
