// Attachments through the sync worker's InboxService, over the real Dexie store (fake-indexeddb),
// the real engine and a fake server: the first download goes to the server and is cached, later
// ones (also offline) come from the cache; the report's metadata decides what may be fetched and
// what the answer must look like; a full disk still hands the file over and reports the problem.

import { setImmediate as nextMacrotask } from 'node:timers/promises';
import { IDBFactory, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  openLocalDb,
  recoverLocalDb,
  type OpenLocalDbOptions,
} from '../../../../src-renderer/platform/local-db/dexie-local-db';
import { localDbName } from '../../../../src-renderer/platform/local-db/local-db-name';
import type { DownloadedAttachment } from '../../../../src-renderer/sync/http-transport';
import { createInboxService } from '../../../../src-renderer/sync/inbox-service-impl';
import type { InboxEvent, InboxService } from '../../../../src-renderer/sync/inbox-service';
import type { Attachment } from '../../../../src-shared/domain/report';
import { manualClock } from '../../../../src-shared/ports';
import type { TransportFailure, TransportResult } from '../../../../src-shared/sync/client/ports';
import { createFakeSyncServer, fakeTransport } from '../../../support/fake-sync-server';
import {
  fakeScheduler,
  koordinatorA,
  NOW,
  seedRows,
  type FakeScheduler,
} from '../../src-shared/sync/client/engine-harness';
import { consistent, makeReport } from '../../src-shared/sync/sync-fixtures';
import { koordinatorASession } from './session-config';

const config = koordinatorASession;

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31];
const photo: Attachment = {
  id: 'att-photo',
  fileName: 'foto.jpg',
  mimeType: 'image/jpeg',
  sizeBytes: 4,
};
const letter: Attachment = {
  id: 'att-letter',
  fileName: 'surat.pdf',
  mimeType: 'application/pdf',
  sizeBytes: PDF.length,
};

const toClose: InboxService[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const service of toClose.splice(0)) await service.close();
});

interface Setup {
  readonly service: InboxService;
  readonly events: InboxEvent[];
  /** What the "server" holds, by attachment id. */
  readonly files: Map<string, DownloadedAttachment>;
  /** Attachment ids requested from the server, in order. */
  readonly downloads: string[];
  /** While set, every download fails so. */
  fail: TransportFailure | null;
  setOffline(offline: boolean): void;
}

async function start(): Promise<Setup> {
  const clock = manualClock(NOW);
  const scheduler: FakeScheduler = fakeScheduler(clock);
  const server = createFakeSyncServer({ now: () => clock.now(), seed: seedRows(2) });
  const data = consistent(
    makeReport({ id: 'r-att', trackingId: '7777001', attachments: [photo, letter] }),
  );
  server.write({ entity: 'report', id: 'r-att', version: 0, data });
  const files = new Map<string, DownloadedAttachment>([
    [photo.id, { bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]).buffer, mimeType: 'image/jpeg' }],
    [letter.id, { bytes: new Uint8Array(PDF).buffer, mimeType: 'application/pdf' }],
  ]);
  const downloads: string[] = [];
  const base = fakeTransport(server, koordinatorA, { heads: true });
  const setup: Setup = {
    service: null as unknown as InboxService,
    events: [],
    files,
    downloads,
    fail: null,
    setOffline(offline) {
      base.offline = offline;
    },
  };
  const transport = Object.assign(base, {
    downloadAttachment(id: string): Promise<TransportResult<DownloadedAttachment>> {
      downloads.push(id);
      if (base.offline) {
        return Promise.resolve({ ok: false, error: { kind: 'offline', message: 'fake offline' } });
      }
      if (setup.fail !== null) return Promise.resolve({ ok: false, error: setup.fail });
      const file = files.get(id);
      if (file === undefined) {
        return Promise.resolve({
          ok: false,
          error: { kind: 'client', status: 404, message: 'attachment/not-found' },
        });
      }
      // A fresh buffer per answer, as a real response body is.
      return Promise.resolve({
        ok: true,
        value: { bytes: file.bytes.slice(0), mimeType: file.mimeType },
      });
    },
  });
  const factory = new IDBFactory();
  const dbOptions = (name: string): OpenLocalDbOptions => ({
    name,
    indexedDB: factory,
    IDBKeyRange,
    createClientId: () => 'client-att',
    broadcast: false,
    now: () => clock.now(),
  });
  const created = await createInboxService(config, {
    openDb: (name) => openLocalDb(dbOptions(name)),
    recoverDb: (name, exported) => recoverLocalDb(dbOptions(name), exported),
    dbName: localDbName,
    transport,
    clock,
    scheduler,
    random: () => 0.5,
    engine: { pageSize: 10 },
  });
  if (!created.ok) throw new Error(`open failed: ${created.error.detail}`);
  const service = created.value;
  toClose.push(service);
  service.subscribe((event) => setup.events.push(event));
  (setup as { service: InboxService }).service = service;
  // The initial sync brings the report (and its attachment metadata) into the local store.
  for (let i = 0; i < 2_000; i++) {
    if ((await service.report('r-att')) !== null && (await service.status()).phase === 'idle') {
      return setup;
    }
    await nextMacrotask();
    if (i % 5 === 4) {
      const next = scheduler.pending()[0];
      if (next !== undefined && next.dueAt - clock.now() <= 1_000) await scheduler.fireNext();
    }
  }
  throw new Error('the report never arrived');
}

const bytesOf = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)];

describe('inbox service: attachments', () => {
  it('downloads an attachment once, caches it, and serves it offline from the cache', async () => {
    const s = await start();
    const first = await s.service.attachment('r-att', letter.id);
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value).toMatchObject({
      fileName: 'surat.pdf',
      mimeType: 'application/pdf',
      cached: true,
    });
    expect(bytesOf(first.value.bytes)).toEqual(PDF);
    expect(s.downloads).toEqual([letter.id]);

    s.setOffline(true);
    const second = await s.service.attachment('r-att', letter.id);
    if (!second.ok) throw new Error(second.error.message);
    expect(second.value.cached).toBe(true);
    expect(bytesOf(second.value.bytes)).toEqual(PDF);
    // Served without asking the server.
    expect(s.downloads).toEqual([letter.id]);
  });

  it('answers attachment/offline for a file not cached while the server cannot be reached', async () => {
    const s = await start();
    s.setOffline(true);
    const answer = await s.service.attachment('r-att', photo.id);
    expect(answer).toMatchObject({ ok: false, error: { code: 'attachment/offline' } });
    // And once back online it downloads.
    s.setOffline(false);
    const again = await s.service.attachment('r-att', photo.id);
    expect(again.ok && bytesOf(again.value.bytes)).toEqual([0xff, 0xd8, 0xff, 0xe0]);
  });

  it('refuses a file whose size differs from the report metadata, and caches nothing', async () => {
    const s = await start();
    s.files.set(letter.id, {
      bytes: new Uint8Array([1, 2, 3]).buffer,
      mimeType: 'application/pdf',
    });
    const answer = await s.service.attachment('r-att', letter.id);
    expect(answer).toMatchObject({ ok: false, error: { code: 'attachment/failed' } });
    expect(!answer.ok && answer.error.message).toContain('3 bytes');
    s.setOffline(true);
    expect(await s.service.attachment('r-att', letter.id)).toMatchObject({
      ok: false,
      error: { code: 'attachment/offline' },
    });
  });

  it('refuses a file whose type differs from the report metadata', async () => {
    const s = await start();
    s.files.set(photo.id, { bytes: new Uint8Array([1, 2, 3, 4]).buffer, mimeType: 'text/html' });
    const answer = await s.service.attachment('r-att', photo.id);
    expect(answer).toMatchObject({ ok: false, error: { code: 'attachment/failed' } });
    expect(!answer.ok && answer.error.message).toContain('text/html');
  });

  it('answers not-found without asking the server for an attachment the report does not list', async () => {
    const s = await start();
    expect(await s.service.attachment('r-att', 'att-other')).toMatchObject({
      ok: false,
      error: { code: 'attachment/not-found' },
    });
    expect(await s.service.attachment('r-unknown', photo.id)).toMatchObject({
      ok: false,
      error: { code: 'attachment/not-found' },
    });
    expect(s.downloads).toEqual([]);
  });

  it('answers not-found when the server no longer has the file, failed when it refuses', async () => {
    const s = await start();
    s.files.delete(photo.id);
    expect(await s.service.attachment('r-att', photo.id)).toMatchObject({
      ok: false,
      error: { code: 'attachment/not-found' },
    });
    s.fail = { kind: 'unauthorized', status: 401, message: 'auth/expired' };
    const refused = await s.service.attachment('r-att', letter.id);
    expect(refused).toMatchObject({ ok: false, error: { code: 'attachment/failed' } });
    expect(!refused.ok && refused.error.message).toContain('sign in again');
    s.fail = { kind: 'server', status: 503, message: 'HTTP 503' };
    expect(await s.service.attachment('r-att', letter.id)).toMatchObject({
      ok: false,
      error: { code: 'attachment/failed' },
    });
  });

  it('still hands over the file when the disk is full, and reports local/quota-exceeded', async () => {
    const s = await start();
    const originalPut = IDBObjectStore.prototype.put;
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      if (this.name === 'attachments') {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return originalPut.apply(this, args);
    });
    const answer = await s.service.attachment('r-att', letter.id);
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.value.cached).toBe(false);
    expect(bytesOf(answer.value.bytes)).toEqual(PDF);
    expect(s.events).toContainEqual({
      type: 'problem',
      problem: expect.objectContaining({ code: 'local/quota-exceeded' }) as unknown,
    });
    // Everything else goes on: a mutation is applied and queued.
    const mutated = await s.service.mutate('report.setTags', { reportId: 'r-att', tags: ['x'] });
    expect(mutated.ok).toBe(true);
    expect((await s.service.report('r-att'))?.pending).toHaveLength(1);

    // Space again: the next download is cached, and offline it comes from there.
    put.mockRestore();
    const again = await s.service.attachment('r-att', letter.id);
    expect(again.ok && again.value.cached).toBe(true);
    expect(s.downloads).toEqual([letter.id, letter.id]);
    s.setOffline(true);
    const offline = await s.service.attachment('r-att', letter.id);
    expect(offline.ok && bytesOf(offline.value.bytes)).toEqual(PDF);
    expect(s.downloads).toEqual([letter.id, letter.id]);
  });
});
