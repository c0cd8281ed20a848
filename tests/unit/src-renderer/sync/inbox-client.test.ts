// The UI's proxy and the worker's server over a MessageChannel, with the fake service behind
// them: calls reach the service, events come back, late subscribers get the newest status, a
// crashed worker becomes a problem, close() closes the service and terminates the worker.
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultInboxQuery } from '../../../../src-shared/inbox/queries';
import { createInboxClient, type WorkerLike } from '../../../../src-renderer/sync/inbox-client';
import type { InboxEvent, InboxSessionConfig } from '../../../../src-renderer/sync/inbox-service';
import { serveInboxWorker } from '../../../../src-renderer/sync/inbox-worker';
import type { MessagePortLike } from '../../../../src-renderer/sync/rpc';
import { createFakeInboxService, type FakeInboxService } from '../../../support/fake-inbox-service';
import { agencyList, at, makeReport } from '../../src-shared/domain/domain-fixtures';

const now = at('2025-02-04T10:00');
const config: InboxSessionConfig = {
  profileId: 'http.127.0.0.1_8787@admin',
  serverUrl: 'http://127.0.0.1:8787',
  token: 'token-1',
  user: {
    id: 'admin-1',
    username: 'admin',
    displayName: 'Admin',
    role: 'admin_instansi',
    agencyId: 'kota-bandung',
  },
};

const ports: MessagePort[] = [];
afterEach(() => {
  for (const port of ports.splice(0)) port.close();
});

function setUp() {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  const errors = new EventTarget();
  let terminated = false;
  const port = port1 as unknown as MessagePortLike;
  const worker = {
    postMessage: (message: unknown) => {
      port.postMessage(message);
    },
    addEventListener(type: string, listener: (event: MessageEvent) => void) {
      if (type === 'error') errors.addEventListener('error', listener as EventListener);
      else port.addEventListener('message', listener);
    },
    removeEventListener(type: 'message', listener: (event: MessageEvent) => void) {
      port.removeEventListener(type, listener);
    },
    start: () => port.start?.(),
    terminate() {
      terminated = true;
      port1.close();
    },
  } as WorkerLike;
  let fake: FakeInboxService | null = null;
  const opened: InboxSessionConfig[] = [];
  const served = serveInboxWorker(port2 as unknown as MessagePortLike, (c) => {
    opened.push(c);
    fake = createFakeInboxService({
      user: c.user,
      now: () => now,
      agencies: agencyList,
      reports: [makeReport({ id: 'r-1', dueAt: now + 1000 })],
    });
    return Promise.resolve(fake);
  });
  const client = createInboxClient(config, { spawn: () => worker, closeTimeoutMs: 200 });
  return {
    client,
    opened,
    served,
    errors,
    fake: async () => {
      await served.ready;
      if (!fake) throw new Error('not opened');
      return fake;
    },
    isTerminated: () => terminated,
  };
}

describe('inbox client over the worker rpc', () => {
  it('opens the service with the session config and forwards queries and mutations', async () => {
    const { client, opened, fake } = setUp();
    const page = await client.query(defaultInboxQuery('unverified'), 0, 10);
    expect(opened).toEqual([config]);
    expect(page.rows.map((r) => r.id)).toEqual(['r-1']);
    const result = await client.mutate('report.setTags', { reportId: 'r-1', tags: ['a'] });
    expect(result).toEqual({ ok: true, value: { mutationId: 1 } });
    expect((await fake()).mutations.map((m) => m.name)).toEqual(['report.setTags']);
    expect((await client.report('r-1'))?.report.tags).toEqual(['a']);
  });

  it('relays the service events and replays the newest status to a late subscriber', async () => {
    const { client, fake } = setUp();
    const events: InboxEvent[] = [];
    client.subscribe((e) => events.push(e));
    await client.mutate('report.setTags', { reportId: 'r-1', tags: ['a'] });
    await client.counts();
    expect(events.map((e) => e.type)).toEqual(['data', 'status']);
    (await fake()).setStatus({ connection: 'offline' });
    await client.counts();
    const late: InboxEvent[] = [];
    client.subscribe((e) => late.push(e));
    expect(late).toHaveLength(1);
    expect(late[0]?.type === 'status' && late[0].status.connection).toBe('offline');
  });

  it('forwards presence without waiting for an answer', async () => {
    const { client, fake } = setUp();
    client.setPresence('r-1', true);
    await client.counts();
    expect((await fake()).presenceCalls).toEqual([{ reportId: 'r-1', editing: true }]);
  });

  it('turns a worker crash into a problem event and rejects calls instead of hanging', async () => {
    const { client, errors } = setUp();
    await client.counts();
    const events: InboxEvent[] = [];
    client.subscribe((e) => events.push(e));
    errors.dispatchEvent(Object.assign(new Event('error'), { message: 'out of memory' }));
    expect(events).toEqual([
      {
        type: 'problem',
        problem: {
          code: 'local/open-failed',
          messageKey: 'localDb.problem.workerFailed',
          detail: 'out of memory',
        },
      },
    ]);
    await expect(client.counts()).rejects.toThrow('out of memory');
  });

  it('closes the service, then terminates the worker', async () => {
    const { client, fake, isTerminated } = setUp();
    await client.counts();
    await client.close();
    expect((await fake()).isClosed).toBe(true);
    expect(isTerminated()).toBe(true);
  });

  it('forwards attachment downloads and their errors', async () => {
    const { client, fake } = setUp();
    await client.counts();
    const service = await fake();
    service.load({
      reports: [
        makeReport({
          id: 'r-2',
          dueAt: now + 1000,
          attachments: [
            { id: 'att-1', fileName: 'foto.jpg', mimeType: 'image/jpeg', sizeBytes: 3 },
            { id: 'att-2', fileName: 'surat.pdf', mimeType: 'application/pdf', sizeBytes: 2 },
          ],
        }),
      ],
    });
    service.setAttachmentFile('att-1', new Uint8Array([7, 8, 9]));
    const answer = await client.attachment('r-2', 'att-1');
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.value).toMatchObject({
      fileName: 'foto.jpg',
      mimeType: 'image/jpeg',
      cached: true,
    });
    expect([...new Uint8Array(answer.value.bytes)]).toEqual([7, 8, 9]);
    expect(service.attachmentCalls).toEqual([{ reportId: 'r-2', attachmentId: 'att-1' }]);
    service.setOffline(true);
    expect(await client.attachment('r-2', 'att-2')).toMatchObject({
      ok: false,
      error: { code: 'attachment/offline' },
    });
  });

  it('transfers the attachment bytes from the worker rather than copying them', async () => {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    const inner = port2 as unknown as MessagePortLike;
    const transfers: unknown[][] = [];
    const workerSide: MessagePortLike = {
      postMessage(message, transfer) {
        transfers.push(transfer ?? []);
        if (transfer === undefined) inner.postMessage(message);
        else inner.postMessage(message, transfer);
      },
      addEventListener: (type, listener) => {
        inner.addEventListener(type, listener);
      },
      removeEventListener: (type, listener) => {
        inner.removeEventListener(type, listener);
      },
      start: () => inner.start?.(),
    };
    serveInboxWorker(workerSide, (c) =>
      Promise.resolve(
        createFakeInboxService({
          user: c.user,
          now: () => now,
          agencies: agencyList,
          reports: [
            makeReport({
              id: 'r-1',
              attachments: [
                { id: 'att-1', fileName: 'a.pdf', mimeType: 'application/pdf', sizeBytes: 4 },
              ],
            }),
          ],
        }),
      ),
    );
    const port = port1 as unknown as MessagePortLike;
    const worker = {
      postMessage: (message: unknown) => {
        port.postMessage(message);
      },
      addEventListener(type: string, listener: (event: MessageEvent) => void) {
        if (type === 'message') port.addEventListener('message', listener);
      },
      removeEventListener(type: 'message', listener: (event: MessageEvent) => void) {
        port.removeEventListener(type, listener);
      },
      start: () => port.start?.(),
      terminate: () => undefined,
    } as WorkerLike;
    const client = createInboxClient(config, { spawn: () => worker, closeTimeoutMs: 200 });
    const answer = await client.attachment('r-1', 'att-1');
    expect(answer.ok && answer.value.bytes.byteLength).toBe(4);
    const moved = transfers.find((list) => list.length > 0);
    expect(moved).toHaveLength(1);
    expect(moved?.[0]).toBeInstanceOf(ArrayBuffer);
    // Other answers are plain copies.
    await client.counts();
    expect(transfers.filter((list) => list.length > 0)).toHaveLength(1);
  });
});
