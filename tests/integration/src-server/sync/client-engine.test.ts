// The client sync engine against the real server over loopback HTTP: initial sync from cursor 0,
// a disposition made offline-first and applied, and a conflict between two clients that ends as
// superseded, with the server's current report for the operator's review.

import { afterAll, beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import { API_PREFIX } from '../../../../src-shared/api/auth';
import { userActor } from '../../../../src-shared/domain/actor';
import { manualClock } from '../../../../src-shared/ports';
import { createSyncEngine, type SyncEngine } from '../../../../src-shared/sync/client/engine';
import {
  createMemoryStore,
  type MemoryStore,
} from '../../../../src-shared/sync/client/memory-store';
import {
  effectiveRow,
  type RecordKey,
  type Transport,
  type TransportResult,
} from '../../../../src-shared/sync/client/ports';
import {
  PullResponseSchema,
  PushResponseSchema,
  type SyncRow,
} from '../../../../src-shared/sync/protocol';
import { describeEachBackend } from '../../../support/test-db';
import {
  FIXTURE_START,
  FIXTURE_USERS,
  startTestServer,
  type FixtureUsername,
  type TestServer,
} from '../../../support/test-server';
import { applyChanges, freshId, insertOneReport, pullToEnd } from './sync-support';

/** A Transport over fetch, as the renderer's sync worker has one. */
function httpTransport(server: TestServer, username: FixtureUsername): Transport {
  async function post<S extends z.ZodType>(
    path: string,
    body: unknown,
    schema: S,
  ): Promise<TransportResult<z.infer<S>>> {
    let response: Response;
    try {
      response = await fetch(`${server.url}${API_PREFIX}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await server.login(username)}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      });
    } catch (error) {
      return { ok: false, error: { kind: 'offline', message: String(error) } };
    }
    const status = response.status;
    if (status === 401)
      return { ok: false, error: { kind: 'unauthorized', status, message: 'signed out' } };
    if (status >= 500)
      return { ok: false, error: { kind: 'server', status, message: await response.text() } };
    if (status >= 400)
      return { ok: false, error: { kind: 'client', status, message: await response.text() } };
    const parsed = schema.safeParse(await response.json());
    if (!parsed.success)
      return { ok: false, error: { kind: 'server', status, message: parsed.error.message } };
    return { ok: true, value: parsed.data };
  }
  return {
    pull: (args) => post('/sync/pull', args, PullResponseSchema),
    push: (request) => post('/sync/push', request, PushResponseSchema),
  };
}

interface HttpClient {
  readonly store: MemoryStore;
  readonly engine: SyncEngine;
  effective(key: RecordKey): SyncRow | null;
}

function httpClient(server: TestServer, username: FixtureUsername): HttpClient {
  const store = createMemoryStore(freshId('client'));
  const engine = createSyncEngine({
    store,
    transport: httpTransport(server, username),
    clock: manualClock(FIXTURE_START),
    scheduler: { setTimeout: () => null, clearTimeout: () => undefined },
    random: () => 0.5,
    actor: userActor(FIXTURE_USERS[username]),
    pageSize: 7,
  });
  return { store, engine, effective: (key) => effectiveRow(store.records().get(key)) };
}

function effectiveRows(store: MemoryStore): Map<string, SyncRow> {
  const rows = new Map<string, SyncRow>();
  for (const [key, record] of store.records()) {
    const row = effectiveRow(record);
    if (row !== null) rows.set(key, row);
  }
  return rows;
}

describeEachBackend('client sync engine over HTTP', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => {
    await server.close();
  });

  it('makes a complete copy from cursor 0, in pages', async () => {
    for (let i = 0; i < 5; i++) await insertOneReport(server.db, { agencyId: 'dinkes-a' });
    const client = httpClient(server, 'admin-a');
    await client.engine.syncOnce();

    expect(client.engine.status()).toMatchObject({
      connection: 'online',
      lastError: null,
      initialSync: null,
    });
    const expected = applyChanges((await pullToEnd(server, 'admin-a')).changes);
    expect(effectiveRows(client.store)).toEqual(expected);
    expect(client.engine.reference().agencies.get('dinkes-a')?.name).toBe(
      'Dinas Kesehatan Kabupaten A',
    );
  });

  it('pushes a disposition made locally; the server applies it and others pull it', async () => {
    const report = await insertOneReport(server.db, { agencyId: 'dinkes-a' });
    const client = httpClient(server, 'admin-a');
    await client.engine.syncOnce();
    const args = { reportId: report.id, targetAgencyId: 'dinkes-a', targetUnitId: 'pkm-a' };
    expect(await client.engine.mutate('report.verifyDispose', args)).toEqual({
      ok: true,
      value: { mutationId: 1 },
    });
    expect(client.effective(`report:${report.id}`)).toMatchObject({
      data: { status: 'disposed', unitId: 'pkm-a' },
    });

    await client.engine.syncOnce();

    expect(client.store.outbox()).toEqual([]);
    expect(await client.engine.reviewItems()).toEqual([]);
    const seenByOperator = applyChanges((await pullToEnd(server, 'operator-a')).changes);
    const pulled = seenByOperator.get(`report:${report.id}`);
    expect(pulled).toMatchObject({ data: { status: 'disposed', unitId: 'pkm-a' } });
    const clientId = client.store.meta().clientId;
    expect(seenByOperator.get(`disposition:${clientId}:1:disposition`)).toMatchObject({
      data: { reportId: report.id, toUnitId: 'pkm-a' },
    });
    // The client shows exactly the server's rows, with no local layer left.
    expect(client.effective(`report:${report.id}`)).toEqual(pulled);
    expect(client.store.records().get(`report:${report.id}`)?.local).toBeUndefined();
  });

  it('ends a conflict between two clients as superseded, with the current report', async () => {
    const report = await insertOneReport(server.db, { agencyId: 'dinkes-a' });
    const admin = httpClient(server, 'admin-a');
    const koordinator = httpClient(server, 'koordinator');
    await admin.engine.syncOnce();
    await koordinator.engine.syncOnce();

    await koordinator.engine.mutate('report.archive', {
      reportId: report.id,
      reason: 'too_general',
    });
    await admin.engine.mutate('report.verifyDispose', {
      reportId: report.id,
      targetAgencyId: 'dinkes-a',
    });
    const intended = admin.effective(`report:${report.id}`);
    await koordinator.engine.syncOnce();
    await admin.engine.syncOnce();

    const [item, ...more] = await admin.engine.reviewItems();
    expect(more).toEqual([]);
    expect(item).toMatchObject({
      id: `${admin.store.meta().clientId}:1`,
      kind: 'superseded',
      mutation: { name: 'report.verifyDispose', id: 1 },
      intended,
    });
    expect(item?.current).toMatchObject({
      entity: 'report',
      id: report.id,
      data: { status: 'archived', archiveReason: 'too_general' },
    });
    expect(admin.effective(`report:${report.id}`)).toMatchObject({ data: { status: 'archived' } });
    expect(admin.store.outbox()).toEqual([]);
    expect(admin.engine.status().needsReviewCount).toBe(1);
    expect(koordinator.store.outbox()).toEqual([]);
  });
});
