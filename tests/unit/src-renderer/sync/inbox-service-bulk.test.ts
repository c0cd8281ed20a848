// Bulk actions through the sync worker's InboxService, as the UI calls them, over the real Dexie
// store (fake-indexeddb), the real engine and inbox model, and the in-memory sync server: a
// preview writes nothing; a batch shows at once and is held back from the server; undo withdraws
// it while held and compensates it after the push; a report changed under the batch refuses all
// of it; a merge archives the others as duplicates; a failing store answers bulk/failed.

import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BulkAction } from '../../../../src-shared/bulk/bulk-action';
import type { Report } from '../../../../src-shared/domain/report';
import { defaultInboxQuery } from '../../../../src-shared/inbox/queries';
import { sequentialIds } from '../../../../src-shared/ports';
import type { InboxService } from '../../../../src-renderer/sync/inbox-service';
import { runUntil, start, synced, world, type Started, type World } from './inbox-service-world';

const HOLD_MS = 10_000;
const toDinkes: BulkAction = {
  kind: 'dispose',
  targetAgencyId: 'dinkes',
  targetUnitId: 'dinkes-yankes',
};
/** r-n's tracking id (engine-harness seedReports). */
const trackingOf = (n: number): string => String(1916450 + n - 1);
const ids = (...numbers: number[]): string[] => numbers.map((n) => `r-${String(n)}`);

afterEach(() => {
  vi.restoreAllMocks();
});

interface Desk extends Started {
  readonly w: World;
}

/** Koordinator A's inbox after the initial sync of 30 unverified reports. */
async function desk(): Promise<Desk> {
  const w = world();
  const started = await start(w, { ids: sequentialIds('id') });
  await runUntil(w, () => synced(started.service));
  return { w, ...started };
}

const unverified = (service: InboxService) => service.matchingIds(defaultInboxQuery('unverified'));

async function outboxSize(service: InboxService): Promise<number> {
  return (JSON.parse(await service.exportOutbox()) as { outbox: unknown[] }).outbox.length;
}

/** Waits until nothing is pending and the engine rests. */
async function settled(d: Desk): Promise<void> {
  await runUntil(d.w, async () => {
    const status = await d.service.status();
    return status.pendingCount === 0 && status.phase === 'idle';
  });
}

function serverReport(w: World, id: string): Report {
  const row = w.server.rows().get(`report:${id}`);
  if (row?.entity !== 'report') throw new Error(`the server has no report ${id}`);
  return row.data;
}

/** The mutations the server ran, as [name, report id]. */
function serverRan(w: World): [string, unknown][] {
  return w.server
    .processed()
    .map((p) => [p.envelope.name, (p.envelope.args as { reportId?: unknown }).reportId]);
}

/** Moves past the hold and lets the engine push what it held back. */
async function endHold(d: Desk, expectedProcessed: number): Promise<void> {
  d.w.clock.advance(HOLD_MS + 1);
  await runUntil(d.w, () => d.w.server.processed().length >= expectedProcessed);
  await settled(d);
}

/** A full disk until the returned function frees it: every put into IndexedDB fails. */
function fillDisk(): () => void {
  const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });
  return () => {
    spy.mockRestore();
  };
}

describe('inbox service: bulk preview', () => {
  it('lists the applicable reports in selection order and each skipped one with its reason, writing nothing', async () => {
    const d = await desk();
    const archived = await d.service.mutate('report.archive', {
      reportId: 'r-1',
      reason: 'wrong_format',
    });
    expect(archived.ok).toBe(true);
    await settled(d);
    const before = await unverified(d.service);
    d.events.length = 0;

    const preview = await d.service.previewBulk({
      action: toDinkes,
      reportIds: ['r-4', 'r-1', 'r-missing', 'r-2', 'r-4'],
    });

    expect(preview.applicable).toEqual(['r-4', 'r-2']);
    expect(preview.sample).toEqual([
      { id: 'r-4', trackingId: trackingOf(4), title: expect.any(String) as unknown },
      { id: 'r-2', trackingId: trackingOf(2), title: expect.any(String) as unknown },
    ]);
    expect(preview.skipped).toEqual([
      expect.objectContaining({
        reportId: 'r-1',
        trackingId: trackingOf(1),
        reasonKey: 'workflow.wrong_status',
      }),
      expect.objectContaining({
        reportId: 'r-missing',
        trackingId: '',
        code: 'bulk/not-found',
        reasonKey: 'bulk.not_found',
      }),
    ]);
    expect(preview.skipped.every((skip) => skip.message.length > 0)).toBe(true);
    // Nothing written: no outbox entry, no batch, the list and the events as they were.
    expect(await outboxSize(d.service)).toBe(0);
    expect(await d.service.batches()).toEqual([]);
    expect(await unverified(d.service)).toEqual(before);
    expect(d.events.filter((e) => e.type === 'data' || e.type === 'batches')).toEqual([]);
  });

  it('answers bulk/empty for a selection the action applies to none of, writing nothing', async () => {
    const d = await desk();
    const run = await d.service.runBulk(
      { action: { kind: 'set_tags', add: [], remove: ['absent'] }, reportIds: ids(1, 2) },
      HOLD_MS,
    );
    expect(run).toMatchObject({ ok: false, error: { code: 'bulk/empty' } });
    expect(await outboxSize(d.service)).toBe(0);
    expect(await d.service.batches()).toEqual([]);
  });
});

describe('inbox service: bulk run', () => {
  it('shows a held batch at once, all its reports in each data event, and sends nothing until the hold ends', async () => {
    const d = await desk();
    // The operator took a moment since the last data event (no throttle in force).
    d.w.clock.advance(60_000);
    const selected = ids(1, 2, 3, 4, 5);
    d.events.length = 0;
    const startedAt = d.w.clock.now();

    const run = await d.service.runBulk({ action: toDinkes, reportIds: selected }, HOLD_MS);

    if (!run.ok) throw new Error(run.error.message);
    expect(run.value).toMatchObject({ count: 5, skipped: [], holdUntil: startedAt + HOLD_MS });
    // Right after the call: out of the unverified queue, pending in the disposed one.
    const left = await unverified(d.service);
    expect(selected.filter((id) => left.includes(id))).toEqual([]);
    const disposed = await d.service.query(defaultInboxQuery('disposed'), 0, 50);
    expect(disposed.rows.map((row) => [row.id, row.pending]).sort()).toEqual(
      selected.map((id) => [id, true]),
    );
    // One event when the effects are computed (before the commit), one when it committed: never
    // one per report.
    const data = d.events.filter((e) => e.type === 'data');
    expect(data.length).toBeGreaterThanOrEqual(1);
    expect(data.length).toBeLessThanOrEqual(2);
    for (const event of data) expect([...(event.reportIds ?? [])].sort()).toEqual(selected);
    expect(d.events.some((e) => e.type === 'batches')).toBe(true);
    const held = await d.service.batches();
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({
      id: run.value.batchId,
      action: toDinkes,
      total: 5,
      pending: selected,
      applied: [],
      holdUntil: startedAt + HOLD_MS,
      undo: null,
    });

    // Held: even an explicit sync sends nothing.
    await d.service.syncNow();
    await runUntil(d.w, async () => (await d.service.status()).phase === 'idle');
    expect(d.w.server.processed()).toEqual([]);
    expect(d.transport.log.filter((entry) => entry.kind === 'push')).toEqual([]);

    d.events.length = 0;
    await endHold(d, selected.length);
    expect(serverRan(d.w)).toEqual(selected.map((id) => ['report.verifyDispose', id]));
    expect(d.w.server.processed().every((p) => p.status === 'applied')).toBe(true);
    for (const id of selected) {
      expect(serverReport(d.w, id)).toMatchObject({ status: 'disposed', agencyId: 'dinkes' });
    }
    await runUntil(d.w, async () => (await d.service.batches())[0]?.applied.length === 5);
    expect((await d.service.batches())[0]).toMatchObject({ pending: [], applied: selected });
    expect(d.events.some((e) => e.type === 'batches')).toBe(true);
  });

  it('plans on the reports as they are when it applies: one changed since the preview is skipped', async () => {
    const d = await desk();
    const request = { action: toDinkes, reportIds: ids(1, 2, 3) };
    expect((await d.service.previewBulk(request)).applicable).toEqual(ids(1, 2, 3));
    // Another change lands on r-2 after the preview (a pull, another window).
    const archived = await d.service.mutate('report.archive', {
      reportId: 'r-2',
      reason: 'wrong_format',
    });
    expect(archived).toEqual({ ok: true, value: { mutationId: 1 } });

    const run = await d.service.runBulk(request, HOLD_MS);
    expect(run).toMatchObject({
      ok: true,
      value: {
        count: 2,
        skipped: [{ reportId: 'r-2', reasonKey: 'workflow.wrong_status' }],
      },
    });
    // r-2 stays archived (the batch never overwrote it); the others are disposed, pending.
    expect(await outboxSize(d.service)).toBe(3);
    const archivedPage = await d.service.query(defaultInboxQuery('archived'), 0, 50);
    expect(archivedPage.rows.map((row) => [row.id, row.pending])).toEqual([['r-2', true]]);
    const unverified = await d.service.query(defaultInboxQuery('unverified'), 0, 50);
    const left = new Set(unverified.rows.map((row) => row.id));
    expect(ids(1, 2, 3).filter((id) => left.has(id))).toEqual([]);
  });

  it('merges: the others archived as duplicates of the kept report, which gets a note', async () => {
    const d = await desk();
    const run = await d.service.runBulk(
      { action: { kind: 'merge', keepReportId: 'r-2' }, reportIds: ids(1, 2, 3) },
      0,
    );
    if (!run.ok) throw new Error(run.error.message);
    expect(run.value).toMatchObject({ count: 3, skipped: [], holdUntil: 0 });

    await runUntil(d.w, () => d.w.server.processed().length === 3);
    await settled(d);
    for (const id of ids(1, 3)) {
      expect(serverReport(d.w, id)).toMatchObject({
        status: 'archived',
        archiveReason: 'duplicate',
        duplicateOf: trackingOf(2),
      });
    }
    expect(serverReport(d.w, 'r-2').status).toBe('unverified');
    const notes = [...d.w.server.rows().values()].flatMap((row) =>
      row.entity === 'note' && row.data.reportId === 'r-2' ? [row.data.body] : [],
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(`#${trackingOf(1)}`);
    expect(notes[0]).toContain(`#${trackingOf(3)}`);
    const detail = await d.service.report('r-2');
    expect(detail?.notes.map((note) => note.body)).toEqual(notes);

    await runUntil(d.w, async () => (await d.service.batches())[0]?.applied.length === 3);
    expect((await d.service.batches())[0]).toMatchObject({
      id: run.value.batchId,
      total: 3,
      pending: [],
      applied: ids(1, 2, 3),
      superseded: [],
      rejected: [],
    });
  });
});

describe('inbox service: bulk undo', () => {
  it('withdraws a held batch: the reports come back unchanged and never reach the server', async () => {
    const d = await desk();
    const selected = ids(1, 2, 3);
    const before = await Promise.all(selected.map((id) => d.service.report(id)));
    const run = await d.service.runBulk({ action: toDinkes, reportIds: selected }, HOLD_MS);
    if (!run.ok) throw new Error(run.error.message);
    // Made after the batch: it waits behind the held batch (ids reach the server in order).
    const tagged = await d.service.mutate('report.setTags', { reportId: 'r-5', tags: ['jalan'] });
    expect(tagged).toEqual({ ok: true, value: { mutationId: 4 } });
    await d.service.syncNow();
    expect(d.w.server.processed()).toEqual([]);

    const undoneAt = d.w.clock.now();
    const undone = await d.service.undoBatch(run.value.batchId);

    expect(undone).toEqual({ ok: true, value: { kind: 'withdrawn', at: undoneAt, count: 3 } });
    const page = await d.service.query(defaultInboxQuery('unverified'), 0, 50);
    const rows = page.rows.filter((row) => selected.includes(row.id));
    expect(rows.map((row) => [row.id, row.pending]).sort()).toEqual(
      selected.map((id) => [id, false]),
    );
    const after = await Promise.all(selected.map((id) => d.service.report(id)));
    expect(after).toEqual(before);
    // The later mutation is renumbered into the gap and pushed once.
    await runUntil(d.w, () => d.w.server.processed().length === 1);
    expect(d.w.server.processed()).toMatchObject([
      { id: 1, status: 'applied', envelope: { name: 'report.setTags' } },
    ]);
    // Also after the hold would have ended, nothing of the batch goes.
    d.w.clock.advance(HOLD_MS + 1);
    await d.service.syncNow();
    await settled(d);
    expect(serverRan(d.w)).toEqual([['report.setTags', 'r-5']]);
    for (const id of selected) expect(serverReport(d.w, id).status).toBe('unverified');
    expect((await d.service.batches())[0]?.undo).toEqual({ kind: 'withdrawn', at: undoneAt });
    expect(await d.service.undoBatch(run.value.batchId)).toMatchObject({
      ok: false,
      error: { code: 'bulk/already-undone' },
    });
  });

  it('compensates a pushed batch: archived reports reopened, postponed ones resumed', async () => {
    const d = await desk();
    const archive = await d.service.runBulk(
      { action: { kind: 'archive', reason: 'too_general' }, reportIds: ids(1, 2) },
      0,
    );
    const tunda = await d.service.runBulk(
      { action: { kind: 'tunda', messageToReporter: 'Mohon lengkapi lokasi.' }, reportIds: ids(3) },
      0,
    );
    if (!archive.ok || !tunda.ok) throw new Error('the batches were refused');
    await runUntil(d.w, () => d.w.server.processed().length === 3);
    await settled(d);
    expect(serverReport(d.w, 'r-1').status).toBe('archived');
    expect(serverReport(d.w, 'r-3').status).toBe('pending_info');

    const undoArchive = await d.service.undoBatch(archive.value.batchId);
    const undoTunda = await d.service.undoBatch(tunda.value.batchId);

    expect(undoArchive).toMatchObject({
      ok: true,
      value: { kind: 'compensated', count: 2, irreversible: [] },
    });
    expect(undoTunda).toMatchObject({
      ok: true,
      value: { kind: 'compensated', count: 1, irreversible: [] },
    });
    // At once locally, then on the server.
    const left = await unverified(d.service);
    expect(ids(1, 2, 3).every((id) => left.includes(id))).toBe(true);
    await runUntil(d.w, () => d.w.server.processed().length === 6);
    await settled(d);
    expect(serverRan(d.w).slice(3)).toEqual([
      ['report.reopen', 'r-1'],
      ['report.reopen', 'r-2'],
      ['report.resume', 'r-3'],
    ]);
    expect(d.w.server.processed().every((p) => p.status === 'applied')).toBe(true);
    for (const id of ids(1, 2, 3)) expect(serverReport(d.w, id).status).toBe('unverified');

    const batches = await d.service.batches();
    const original = batches.find((b) => b.id === archive.value.batchId);
    const undo = original?.undo;
    if (undo?.kind !== 'compensated') throw new Error('the archive batch was not compensated');
    const compensation = batches.find((b) => b.id === undo.batchId);
    expect(compensation).toMatchObject({
      compensates: archive.value.batchId,
      total: 2,
      applied: ids(1, 2),
    });
  });

  it('compensates a pushed batch once when undo is pressed twice at the same moment', async () => {
    const d = await desk();
    const archive = await d.service.runBulk(
      { action: { kind: 'archive', reason: 'too_general' }, reportIds: ids(1, 2) },
      0,
    );
    if (!archive.ok) throw new Error('the batch was refused');
    await runUntil(d.w, () => d.w.server.processed().length === 2);
    await settled(d);

    const [first, second] = await Promise.all([
      d.service.undoBatch(archive.value.batchId),
      d.service.undoBatch(archive.value.batchId),
    ]);

    expect(first).toMatchObject({ ok: true, value: { kind: 'compensated', count: 2 } });
    expect(second).toMatchObject({ ok: false, error: { code: 'bulk/already-undone' } });
    await runUntil(d.w, () => d.w.server.processed().length === 4);
    await settled(d);
    expect(serverRan(d.w).slice(2)).toEqual([
      ['report.reopen', 'r-1'],
      ['report.reopen', 'r-2'],
    ]);
  });

  it('redisposes back what it can and names the verified reports it cannot take back', async () => {
    const d = await desk();
    const first = await d.service.mutate('report.verifyDispose', {
      reportId: 'r-6',
      targetAgencyId: 'disdik',
      targetUnitId: 'disdik-sd',
    });
    expect(first.ok).toBe(true);
    await settled(d);
    const run = await d.service.runBulk({ action: toDinkes, reportIds: ids(4, 6) }, 0);
    if (!run.ok) throw new Error(run.error.message);
    await runUntil(d.w, () => d.w.server.processed().length === 3);
    await settled(d);

    const undone = await d.service.undoBatch(run.value.batchId);

    if (!undone.ok || undone.value.kind !== 'compensated') {
      throw new Error(`expected a compensation, got ${JSON.stringify(undone)}`);
    }
    expect(undone.value.count).toBe(1);
    expect(undone.value.irreversible).toEqual([
      expect.objectContaining({
        reportId: 'r-4',
        trackingId: trackingOf(4),
        code: 'bulk/not-reversible',
        reasonKey: 'bulk.not_reversible',
      }),
    ]);
    await runUntil(d.w, () => d.w.server.processed().length === 4);
    await settled(d);
    expect(serverRan(d.w)[3]).toEqual(['report.redispose', 'r-6']);
    expect(serverReport(d.w, 'r-6')).toMatchObject({
      status: 'disposed',
      agencyId: 'disdik',
      unitId: 'disdik-sd',
    });
    expect(serverReport(d.w, 'r-4')).toMatchObject({ status: 'disposed', agencyId: 'dinkes' });
    const original = (await d.service.batches()).find((b) => b.id === run.value.batchId);
    expect(original?.undo).toMatchObject({
      kind: 'compensated',
      irreversible: [expect.objectContaining({ reportId: 'r-4' })],
    });
  });

  it('answers bulk/not-found for a batch this device never made', async () => {
    const d = await desk();
    expect(await d.service.undoBatch('no-such-batch')).toMatchObject({
      ok: false,
      error: { code: 'bulk/not-found' },
    });
  });
});

describe('inbox service: bulk actions on a failing store', () => {
  it('answers bulk/failed on a full disk and leaves the list as it was', async () => {
    const d = await desk();
    const before = await d.service.query(defaultInboxQuery('unverified'), 0, 50);
    const freeDisk = fillDisk();
    const run = await d.service.runBulk({ action: toDinkes, reportIds: ids(1, 2, 3) }, HOLD_MS);
    freeDisk();

    expect(run).toMatchObject({ ok: false, error: { code: 'bulk/failed' } });
    expect(d.events).toContainEqual({
      type: 'problem',
      problem: expect.objectContaining({ code: 'local/quota-exceeded' }) as unknown,
    });
    // The optimistic rows shown while applying were taken back.
    const after = await d.service.query(defaultInboxQuery('unverified'), 0, 50);
    expect(after.rows).toEqual(before.rows);
    expect(await outboxSize(d.service)).toBe(0);
    expect(await d.service.batches()).toEqual([]);
  });

  it('answers bulk/failed when undo cannot write, and the batch stays held to undo later', async () => {
    const d = await desk();
    const run = await d.service.runBulk({ action: toDinkes, reportIds: ids(1, 2) }, HOLD_MS);
    if (!run.ok) throw new Error(run.error.message);
    const freeDisk = fillDisk();
    const undone = await d.service.undoBatch(run.value.batchId);
    freeDisk();

    expect(undone).toMatchObject({ ok: false, error: { code: 'bulk/failed' } });
    expect((await d.service.batches())[0]).toMatchObject({ undo: null, pending: ids(1, 2) });
    expect(await d.service.undoBatch(run.value.batchId)).toMatchObject({
      ok: true,
      value: { kind: 'withdrawn', count: 2 },
    });
  });

  it('answers bulk/failed, no batches and an empty preview, without throwing, when the database is gone', async () => {
    const d = await desk();
    const run = await d.service.runBulk({ action: toDinkes, reportIds: ids(1, 2) }, HOLD_MS);
    if (!run.ok) throw new Error(run.error.message);
    // Every read and write fails as when the database is deleted under the app.
    const gone = () =>
      Promise.reject(
        Object.assign(new Error('Database has been closed'), { name: 'DatabaseClosedError' }),
      );
    d.w.dbCalls = (method, call) =>
      method === 'close' || method === 'subscribe' ? call() : gone();

    const again = await d.service.runBulk({ action: toDinkes, reportIds: ids(3) }, HOLD_MS);
    const undone = await d.service.undoBatch(run.value.batchId);
    const batches = await d.service.batches();
    const preview = await d.service.previewBulk({ action: toDinkes, reportIds: ids(3) });

    expect(preview).toEqual({ applicable: [], sample: [], skipped: [] });
    expect(again).toMatchObject({ ok: false, error: { code: 'bulk/failed' } });
    expect(undone).toMatchObject({ ok: false, error: { code: 'bulk/failed' } });
    expect(batches).toEqual([]);
    expect(d.events).toContainEqual({
      type: 'problem',
      problem: expect.objectContaining({ code: 'local/deleted' }) as unknown,
    });
  });
});
