// Bulk-action batches in the client sync engine: all or nothing with their record, held back from
// the server, withdrawn before they leave (later mutations renumbered), their outcomes, and
// compensation marking the batch it undoes.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BatchItem, BulkAction } from '../../../../../src-shared/bulk/bulk-action';
import {
  BATCHES_KEPT,
  WITHDRAW_GUARD_MS,
  type NewBatch,
} from '../../../../../src-shared/sync/client/engine';
import type { MemoryStore } from '../../../../../src-shared/sync/client/memory-store';
import type { MutationArgs, MutationName } from '../../../../../src-shared/sync/protocol';
import {
  effectiveRows,
  koordinatorA,
  koordinatorB,
  seedRows,
  world,
  type Client,
} from './engine-harness';

type Item = { name: MutationName; args: MutationArgs };

const HOLD_MS = 10_000;
const disposeAction: BulkAction = { kind: 'dispose', targetAgencyId: 'dinkes' };

function reportOf(client: Client, id: string) {
  const row = client.effective(`report:${id}`);
  if (row?.entity !== 'report') throw new Error(`report ${id} not in the store`);
  return row.data;
}

/** The batch record of `items` (one report each), as the bulk planner would describe it. */
function batchOf(
  client: Client,
  id: string,
  items: readonly Item[],
  extra: Partial<NewBatch> = {},
): NewBatch {
  const batchItems = items.map((item): BatchItem => {
    const reportId = 'reportId' in item.args ? item.args.reportId : '';
    const row = client.effective(`report:${reportId}`);
    const report = row?.entity === 'report' ? row.data : null;
    return {
      reportId,
      trackingId: report?.trackingId ?? '',
      name: item.name,
      before: {
        status: report?.status ?? 'unverified',
        agencyId: report?.agencyId ?? '',
        unitId: report?.unitId ?? null,
        assigneeId: report?.assigneeId ?? null,
        categoryId: report?.categoryId ?? null,
        tags: report?.tags ?? [],
        rahasia: report?.privacy.rahasia ?? false,
        anonim: report?.privacy.anonim ?? false,
      },
    };
  });
  return { id, action: disposeAction, items: batchItems, skipped: [], compensates: null, ...extra };
}

function disposeAll(batchId: string, reportIds: readonly string[]): Item[] {
  return reportIds.map((reportId) => ({
    name: 'report.verifyDispose',
    args: { reportId, targetAgencyId: 'dinkes', batchId },
  }));
}

const reports = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `r-${String(from + i)}`);

/** A synced client over `count` unverified reports. */
async function synced(w: ReturnType<typeof world>, actor = koordinatorA): Promise<Client> {
  const client = w.client(actor);
  await client.engine.syncOnce();
  expect(client.engine.status().lastError).toBeNull();
  return client;
}

/** Everything the store holds, committed: for "nothing changed" comparisons. */
function snapshot(store: MemoryStore) {
  return {
    records: new Map(store.records()),
    outbox: store.outbox(),
    review: store.review(),
    meta: store.meta(),
    batches: store.batches(),
  };
}

/** The push requests the client's transport delivered, as lists of mutation ids. */
function pushes(client: Client, server: ReturnType<typeof world>['server']) {
  const clientId = client.store.meta().clientId;
  return server.processed().filter((p) => p.clientId === clientId);
}

describe('batches: all or nothing', () => {
  it('leaves the store exactly as before when any item of a batch is refused', async () => {
    const w = world({ seed: seedRows(12) });
    const client = await synced(w);
    // Some history first: an applied batch, a held one and a plain pending mutation.
    const first = disposeAll('b-first', ['r-11']);
    await client.engine.mutateMany(first, { batch: batchOf(client, 'b-first', first) });
    await client.engine.syncOnce();
    const held = disposeAll('b-held', ['r-12']);
    await client.engine.mutateMany(held, {
      holdMs: HOLD_MS,
      batch: batchOf(client, 'b-held', held),
    });
    await client.engine.mutate('report.setTags', { reportId: 'r-10', tags: ['jalan'] });

    const refusals: ((reportId: string) => Item)[] = [
      (reportId) => ({ name: 'report.tunda', args: { reportId, messageToReporter: '  ' } }),
      (reportId) => ({ name: 'report.setCategory', args: { reportId, categoryId: 'tidak-ada' } }),
      (reportId) => ({ name: 'report.setTags', args: { reportId, tags: ['x'.repeat(51)] } }),
      (reportId) => ({ name: 'report.reopen', args: { reportId, reason: 'Belum selesai' } }),
    ];
    const accepted: ((reportId: string, batchId: string) => Item)[] = [
      (reportId, batchId) => ({
        name: 'report.verifyDispose',
        args: { reportId, targetAgencyId: 'dinkes', targetUnitId: 'dinkes-yankes', batchId },
      }),
      (reportId, batchId) => ({
        name: 'report.setTags',
        args: { reportId, tags: ['banjir'], batchId },
      }),
      (reportId, batchId) => ({
        name: 'note.add',
        args: { reportId, noteId: `n-${reportId}`, body: 'Cek lapangan', batchId },
      }),
      (reportId, batchId) => ({
        name: 'report.assign',
        args: { reportId, assigneeId: koordinatorB.id, batchId },
      }),
    ];
    const scenario = fc.integer({ min: 1, max: 9 }).chain((n) =>
      fc.record({
        kinds: fc.array(fc.integer({ min: 0, max: accepted.length - 1 }), {
          minLength: n,
          maxLength: n,
        }),
        refusedAt: fc.integer({ min: 0, max: n - 1 }),
        refusal: fc.integer({ min: 0, max: refusals.length - 1 }),
        holdMs: fc.constantFrom(0, HOLD_MS),
      }),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ({ kinds, refusedAt, refusal, holdMs }) => {
        run += 1;
        const batchId = `b-refused-${String(run)}`;
        const items = kinds.map((kind, i) =>
          i === refusedAt
            ? refusals[refusal]!(`r-${String(i + 1)}`)
            : accepted[kind]!(`r-${String(i + 1)}`, batchId),
        );
        const before = snapshot(client.store);
        const notified: number[] = [];
        const unsubscribe = client.engine.subscribeBatches(() => notified.push(1));
        const result = await client.engine.mutateMany(items, {
          holdMs,
          batch: batchOf(client, batchId, items),
        });
        unsubscribe();
        expect(result).toMatchObject({ ok: false, error: { index: refusedAt } });
        expect(snapshot(client.store)).toEqual(before);
        expect(notified).toEqual([]);
      }),
      { numRuns: 60 },
    );
    expect(client.engine.status().pendingCount).toBe(2);
  });

  it('writes nothing of 1,000 mutations when the 601st is refused', async () => {
    const w = world({ seed: seedRows(1000) });
    const client = await synced(w);
    const items = disposeAll('b-big', reports(1, 1000));
    items[600] = { name: 'report.tunda', args: { reportId: 'r-601', messageToReporter: ' ' } };
    const before = snapshot(client.store);
    const result = await client.engine.mutateMany(items, {
      holdMs: HOLD_MS,
      batch: batchOf(client, 'b-big', items),
    });
    expect(result).toMatchObject({
      ok: false,
      error: { index: 600, error: { code: 'workflow/missing-requirement' } },
    });
    expect(snapshot(client.store)).toEqual(before);
  });

  it('writes the batch record with the mutations, held until now + holdMs', async () => {
    const w = world();
    const client = await synced(w);
    w.clock.advance(60_000);
    const items = disposeAll('b-1', ['r-1', 'r-2']);
    const batch = batchOf(client, 'b-1', items, {
      skipped: [
        {
          reportId: 'r-3',
          trackingId: '1916452',
          code: 'workflow/wrong-status',
          reasonKey: 'bulk.not_found',
          message: 'skipped',
        },
      ],
    });
    const result = await client.engine.mutateMany(items, { holdMs: HOLD_MS, batch });
    expect(result).toEqual({ ok: true, value: { mutationIds: [1, 2] } });
    const holdUntil = w.clock.now() + HOLD_MS;
    expect(client.store.outbox().map((entry) => entry.holdUntil)).toEqual([holdUntil, holdUntil]);
    expect(client.store.batches()).toEqual([
      {
        id: 'b-1',
        action: disposeAction,
        createdAt: w.clock.now(),
        holdUntil,
        items: batch.items,
        skipped: batch.skipped,
        outcomes: {},
        undo: null,
        compensates: null,
      },
    ]);
    expect(await client.engine.listBatches()).toEqual(client.store.batches());
    // Held entries are pending work.
    expect(client.engine.status().pendingCount).toBe(2);

    // Without a hold the entries and the record say 0.
    const now = disposeAll('b-2', ['r-3']);
    await client.engine.mutateMany(now, { batch: batchOf(client, 'b-2', now) });
    expect(client.store.outbox()[2]?.holdUntil).toBe(0);
    expect((await client.engine.listBatches(1))[0]).toMatchObject({ id: 'b-2', holdUntil: 0 });
  });

  it('throws, writing nothing, when the batch record does not describe the mutations', async () => {
    const w = world();
    const client = await synced(w);
    const items = disposeAll('b-1', ['r-1', 'r-2']);
    const before = snapshot(client.store);
    await expect(
      client.engine.mutateMany(items, { batch: batchOf(client, 'b-1', items.slice(0, 1)) }),
    ).rejects.toThrow(/lists 1 reports for 2 mutations/);
    await expect(
      client.engine.mutateMany(items, { batch: batchOf(client, 'b-1', [...items].reverse()) }),
    ).rejects.toThrow(/item 0 is report r-2, its mutation is for r-1/);
    expect(snapshot(client.store)).toEqual(before);
  });

  it('plans a batch on the records its own transaction reads, and applies the plan', async () => {
    const w = world();
    const client = await synced(w);
    // A local change before the batch: the plan sees it (r-2 is archived, so it is left out).
    await client.engine.mutate('report.archive', { reportId: 'r-2', reason: 'wrong_format' });
    let seen: string[] = [];
    const result = await client.engine.mutatePlanned(['r-1', 'r-2', 'r-3', 'r-404'], (records) => {
      seen = [...records.keys()];
      const open = [...records.entries()].flatMap(([id, byKey]) => {
        const record = byKey.get(`report:${id}`);
        const row = record?.local ?? record?.server;
        return row?.entity === 'report' && row.data.status === 'unverified' ? [id] : [];
      });
      const items = disposeAll('b-planned', open);
      return {
        ok: true,
        value: { items, options: { batch: batchOf(client, 'b-planned', items) } },
      };
    });
    expect(seen.sort()).toEqual(['r-1', 'r-2', 'r-3']);
    expect(result).toEqual({ ok: true, value: { mutationIds: [2, 3] } });
    expect(client.store.batches().map((batch) => batch.items.map((item) => item.reportId))).toEqual(
      [['r-1', 'r-3']],
    );
    expect(reportOf(client, 'r-1').status).toBe('disposed');
    expect(reportOf(client, 'r-2').status).toBe('archived');
  });

  it('writes nothing when the plan declines or one of its mutations is refused', async () => {
    const w = world();
    const client = await synced(w);
    const before = snapshot(client.store);
    const declined = await client.engine.mutatePlanned(['r-1'], () => ({
      ok: false,
      error: 'nothing applies',
    }));
    expect(declined).toEqual({ ok: false, error: { planned: 'nothing applies' } });
    const refused = await client.engine.mutatePlanned(['r-1', 'r-2'], () => {
      const items: Item[] = [
        ...disposeAll('b-x', ['r-1']),
        { name: 'report.tunda', args: { reportId: 'r-2', messageToReporter: ' ' } },
      ];
      return { ok: true, value: { items } };
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { index: 1, error: { code: 'workflow/missing-requirement' } },
    });
    expect(snapshot(client.store)).toEqual(before);
  });

  it('keeps the newest 200 batch records', async () => {
    const w = world();
    const client = await synced(w);
    for (let n = 1; n <= BATCHES_KEPT + 1; n++) {
      w.clock.advance(1);
      const items: Item[] = [
        {
          name: 'report.setTags',
          args: { reportId: 'r-1', tags: [`t${String(n)}`], batchId: `b-${String(n)}` },
        },
      ];
      await client.engine.mutateMany(items, { batch: batchOf(client, `b-${String(n)}`, items) });
    }
    const kept = client.store.batches();
    expect(kept).toHaveLength(BATCHES_KEPT);
    expect(kept[0]?.id).toBe(`b-${String(BATCHES_KEPT + 1)}`);
    expect(kept.at(-1)?.id).toBe('b-2');
    expect((await client.engine.listBatches(3)).map((record) => record.id)).toEqual([
      'b-201',
      'b-200',
      'b-199',
    ]);
  });
});

describe('batches: hold', () => {
  it('pushes nothing of a held batch (nor what follows it) until the hold ends, then once', async () => {
    const w = world({ seed: seedRows(5) });
    const client = await synced(w);
    client.engine.start();
    await w.scheduler.fireNext();
    const items = disposeAll('b-1', ['r-1', 'r-2', 'r-3']);
    await client.engine.mutateMany(items, {
      holdMs: HOLD_MS,
      batch: batchOf(client, 'b-1', items),
    });
    const holdUntil = w.clock.now() + HOLD_MS;
    // Made after the batch, not held itself: it waits behind it (ids reach the server in order).
    await client.engine.mutate('report.setTags', { reportId: 'r-4', tags: ['jalan'] });
    const pushesBefore = client.transport.log.filter((entry) => entry.kind === 'push').length;

    // The nudged round pushes nothing and schedules a round for the end of the hold.
    await w.scheduler.fireNext();
    expect(w.clock.now()).toBeLessThan(holdUntil);
    expect(client.transport.log.filter((entry) => entry.kind === 'push')).toHaveLength(
      pushesBefore,
    );
    expect(pushes(client, w.server)).toEqual([]);
    expect(w.scheduler.pending()[0]?.dueAt).toBe(holdUntil);
    expect(client.engine.status()).toMatchObject({ pendingCount: 4, lastError: null });

    await w.scheduler.fireNext();
    expect(w.clock.now()).toBe(holdUntil);
    expect(pushes(client, w.server).map((p) => [p.id, p.status])).toEqual([
      [1, 'applied'],
      [2, 'applied'],
      [3, 'applied'],
      [4, 'applied'],
    ]);
    expect(client.store.outbox()).toEqual([]);
    expect(client.store.batches()[0]?.outcomes).toEqual({
      'r-1': 'applied',
      'r-2': 'applied',
      'r-3': 'applied',
    });

    // Polls after that send nothing again.
    await w.scheduler.fireNext();
    expect(pushes(client, w.server)).toHaveLength(4);
    expect(effectiveRows(client.store)).toEqual(w.server.rows());
    client.engine.stop();
  });

  it('pushes what comes before a held batch and stops at it', async () => {
    const w = world();
    const client = await synced(w);
    await client.engine.mutate('report.setTags', { reportId: 'r-3', tags: ['jalan'] });
    const items = disposeAll('b-1', ['r-1', 'r-2']);
    await client.engine.mutateMany(items, {
      holdMs: HOLD_MS,
      batch: batchOf(client, 'b-1', items),
    });
    await client.engine.syncOnce();
    expect(pushes(client, w.server).map((p) => p.id)).toEqual([1]);
    expect(client.store.outbox().map((entry) => [entry.mutation.id, entry.state])).toEqual([
      [2, 'pending'],
      [3, 'pending'],
    ]);
    w.clock.advance(HOLD_MS);
    await client.engine.syncOnce();
    expect(pushes(client, w.server).map((p) => p.id)).toEqual([1, 2, 3]);
  });

  it('clears the hold timer on stop', async () => {
    const w = world();
    const client = await synced(w);
    client.engine.start();
    await w.scheduler.fireNext();
    const items = disposeAll('b-1', ['r-1']);
    await client.engine.mutateMany(items, {
      holdMs: HOLD_MS,
      batch: batchOf(client, 'b-1', items),
    });
    await w.scheduler.fireNext();
    expect(w.scheduler.pending().map((timer) => timer.dueAt)).toContain(w.clock.now() + HOLD_MS);
    client.engine.stop();
    expect(w.scheduler.pending()).toEqual([]);
  });
});

describe('batches: withdraw', () => {
  it('withdraws a held batch: nothing of it is ever sent, later mutations move down', async () => {
    const w = world({ seed: seedRows(5) });
    const client = await synced(w);
    const clientId = client.store.meta().clientId;
    // Mutation 1 reached the server before the batch.
    await client.engine.mutate('report.setTags', { reportId: 'r-5', tags: ['lampu'] });
    await client.engine.syncOnce();

    const items = disposeAll('b-1', ['r-1', 'r-2', 'r-3']);
    const made = await client.engine.mutateMany(items, {
      holdMs: HOLD_MS,
      batch: batchOf(client, 'b-1', items),
    });
    expect(made).toEqual({ ok: true, value: { mutationIds: [2, 3, 4] } });
    // After the batch: a disposition (rows named after mutation 5) and a note (mutation 6).
    await client.engine.mutate('report.verifyDispose', {
      reportId: 'r-4',
      targetAgencyId: 'dinkes',
      targetUnitId: 'dinkes-yankes',
    });
    await client.engine.mutate('note.add', { reportId: 'r-5', noteId: 'n-1', body: 'Cek lokasi' });
    expect(client.effective(`disposition:${clientId}:5:disposition`)).toMatchObject({
      data: { reportId: 'r-4' },
    });
    await client.engine.syncOnce();
    expect(pushes(client, w.server).map((p) => p.id)).toEqual([1]);

    const notified: number[] = [];
    client.engine.subscribeBatches(() => notified.push(1));
    w.clock.advance(HOLD_MS - WITHDRAW_GUARD_MS - 1);
    const withdrawn = await client.engine.withdrawBatch('b-1');
    expect(withdrawn).toEqual({ ok: true, value: { count: 3 } });
    expect(notified).toEqual([1]);
    expect(client.store.batches()[0]?.undo).toEqual({ kind: 'withdrawn', at: w.clock.now() });

    // The batch is gone locally; what came after it has ids 2 and 3 and its rows follow.
    expect(client.store.outbox().map((entry) => [entry.mutation.id, entry.mutation.name])).toEqual([
      [2, 'report.verifyDispose'],
      [3, 'note.add'],
    ]);
    expect(client.store.meta().lastMutationId).toBe(3);
    expect(client.engine.status().pendingCount).toBe(2);
    for (const id of ['r-1', 'r-2', 'r-3']) {
      expect(reportOf(client, id)).toMatchObject({
        status: 'unverified',
        agencyId: 'kota-bandung',
      });
      expect(client.store.records().get(`report:${id}`)?.local).toBeUndefined();
    }
    expect(reportOf(client, 'r-4')).toMatchObject({ status: 'disposed', agencyId: 'dinkes' });
    expect(client.effective(`disposition:${clientId}:2:disposition`)).toMatchObject({
      data: { reportId: 'r-4' },
    });
    expect(client.effective(`audit_event:${clientId}:2:audit`)).toMatchObject({
      data: { reportId: 'r-4' },
    });
    for (const id of [3, 4, 5]) {
      expect(client.effective(`disposition:${clientId}:${String(id)}:disposition`)).toBeNull();
      expect(client.effective(`audit_event:${clientId}:${String(id)}:audit`)).toBeNull();
    }
    expect(client.effective('note:n-1')).toMatchObject({ data: { reportId: 'r-5' } });

    // Pushed with contiguous ids, each applied once; nothing of the batch ever reaches the server.
    await client.engine.syncOnce();
    w.clock.advance(HOLD_MS * 10);
    await client.engine.syncOnce();
    expect(pushes(client, w.server).map((p) => [p.id, p.status, p.envelope.name])).toEqual([
      [1, 'applied', 'report.setTags'],
      [2, 'applied', 'report.verifyDispose'],
      [3, 'applied', 'note.add'],
    ]);
    expect(w.server.processed().some((p) => JSON.stringify(p.envelope.args).includes('b-1'))).toBe(
      false,
    );
    expect(client.store.outbox()).toEqual([]);
    expect(effectiveRows(client.store)).toEqual(w.server.rows());
    expect(w.server.rows().get(`disposition:${clientId}:2:disposition`)).toMatchObject({
      data: { reportId: 'r-4' },
    });
    expect(w.server.rows().get('note:n-1')).toMatchObject({ data: { reportId: 'r-5' } });

    expect(await client.engine.withdrawBatch('b-1')).toMatchObject({
      ok: false,
      error: { code: 'bulk/already-undone' },
    });
  });

  it('renumbers a later held batch, which stays held and can be withdrawn in turn', async () => {
    const w = world({ seed: seedRows(4) });
    const client = await synced(w);
    const first = disposeAll('b-1', ['r-1', 'r-2']);
    await client.engine.mutateMany(first, {
      holdMs: HOLD_MS,
      batch: batchOf(client, 'b-1', first),
    });
    const second = disposeAll('b-2', ['r-3', 'r-4']);
    await client.engine.mutateMany(second, {
      holdMs: HOLD_MS,
      batch: batchOf(client, 'b-2', second),
    });
    expect(await client.engine.withdrawBatch('b-1')).toEqual({ ok: true, value: { count: 2 } });
    expect(
      client.store.outbox().map((entry) => [entry.mutation.id, entry.holdUntil > w.clock.now()]),
    ).toEqual([
      [1, true],
      [2, true],
    ]);
    expect(await client.engine.withdrawBatch('b-2')).toEqual({ ok: true, value: { count: 2 } });
    expect(client.store.outbox()).toEqual([]);
    expect(client.store.meta().lastMutationId).toBe(0);
    await client.engine.syncOnce();
    expect(pushes(client, w.server)).toEqual([]);
    expect(effectiveRows(client.store)).toEqual(w.server.rows());
  });

  it('answers not-held once the hold is within the guard of its end', async () => {
    const w = world();
    const client = await synced(w);
    const items = disposeAll('b-1', ['r-1']);
    await client.engine.mutateMany(items, {
      holdMs: HOLD_MS,
      batch: batchOf(client, 'b-1', items),
    });
    w.clock.advance(HOLD_MS - WITHDRAW_GUARD_MS);
    const before = snapshot(client.store);
    expect(await client.engine.withdrawBatch('b-1')).toMatchObject({
      ok: false,
      error: { code: 'bulk/not-held' },
    });
    expect(snapshot(client.store)).toEqual(before);
  });

  it('answers not-held after the batch was pushed, and for a batch never held', async () => {
    const w = world();
    const client = await synced(w);
    const items = disposeAll('b-1', ['r-1']);
    await client.engine.mutateMany(items, {
      holdMs: HOLD_MS,
      batch: batchOf(client, 'b-1', items),
    });
    w.clock.advance(HOLD_MS);
    await client.engine.syncOnce();
    expect(pushes(client, w.server)).toHaveLength(1);
    expect(await client.engine.withdrawBatch('b-1')).toMatchObject({
      ok: false,
      error: { code: 'bulk/not-held' },
    });

    const now = disposeAll('b-2', ['r-2']);
    await client.engine.mutateMany(now, { batch: batchOf(client, 'b-2', now) });
    expect(await client.engine.withdrawBatch('b-2')).toMatchObject({
      ok: false,
      error: { code: 'bulk/not-held' },
    });
    expect(client.store.outbox().map((entry) => entry.mutation.id)).toEqual([2]);
  });

  it('answers not-found for a batch it does not know', async () => {
    const w = world();
    const client = await synced(w);
    expect(await client.engine.withdrawBatch('b-404')).toMatchObject({
      ok: false,
      error: { code: 'bulk/not-found' },
    });
  });
});

describe('batches: outcomes and compensation', () => {
  it('records applied, superseded and rejected per report from the push answers', async () => {
    const w = world();
    const a = await synced(w, koordinatorA);
    const b = await synced(w, koordinatorB);
    // B archives r-2 first: A's disposition of it is superseded.
    await b.engine.mutate('report.archive', { reportId: 'r-2', reason: 'too_general' });
    await b.engine.syncOnce();
    const items: Item[] = [
      ...disposeAll('b-1', ['r-1', 'r-2']),
      {
        name: 'report.setCategory',
        args: { reportId: 'r-3', categoryId: 'jalan', batchId: 'b-1' },
      },
    ];
    await a.engine.mutateMany(items, { batch: batchOf(a, 'b-1', items) });
    // The category is retired on the server before the push: the edit is rejected.
    w.server.write({
      entity: 'category',
      id: 'jalan',
      version: 0,
      data: { id: 'jalan', parentId: null, code: 'jalan', name: 'jalan', isActive: false },
    });
    const notified: number[] = [];
    a.engine.subscribeBatches(() => notified.push(1));
    await a.engine.syncOnce();

    expect(pushes(a, w.server).map((p) => p.status)).toEqual(['applied', 'superseded', 'rejected']);
    expect(a.store.batches()[0]?.outcomes).toEqual({
      'r-1': 'applied',
      'r-2': 'superseded',
      'r-3': 'rejected',
    });
    expect(notified.length).toBeGreaterThan(0);
  });

  it('records applied when an answer was lost and the retry is told duplicate', async () => {
    const w = world({ rememberOutcomes: false });
    const client = await synced(w);
    const items = disposeAll('b-1', ['r-1']);
    await client.engine.mutateMany(items, { batch: batchOf(client, 'b-1', items) });
    client.transport.plan.push('lose-answer');
    await client.engine.syncOnce();
    expect(client.store.batches()[0]?.outcomes).toEqual({});
    await client.engine.syncOnce();
    expect(client.store.batches()[0]?.outcomes).toEqual({ 'r-1': 'applied' });
  });

  it('leaves plain mutations out of batch records and tells no batch listener', async () => {
    const w = world();
    const client = await synced(w);
    const notified: number[] = [];
    client.engine.subscribeBatches(() => notified.push(1));
    await client.engine.mutate('report.setTags', { reportId: 'r-1', tags: ['jalan'] });
    await client.engine.syncOnce();
    expect(notified).toEqual([]);
    expect(client.store.batches()).toEqual([]);
  });

  it("marks the original batch compensated in the compensation's transaction", async () => {
    const w = world();
    const client = await synced(w);
    const items = disposeAll('b-1', ['r-1', 'r-2']);
    await client.engine.mutateMany(items, { batch: batchOf(client, 'b-1', items) });
    await client.engine.syncOnce();
    w.clock.advance(60_000);

    const irreversible = [
      {
        reportId: 'r-2',
        trackingId: '1916451',
        code: 'workflow/wrong-status',
        reasonKey: 'bulk.not_found' as const,
        message: 'moved on',
      },
    ];
    const back: Item[] = [
      {
        name: 'report.redispose',
        args: { reportId: 'r-1', targetAgencyId: 'kota-bandung', batchId: 'b-2' },
      },
    ];
    const notified: number[] = [];
    client.engine.subscribeBatches(() => notified.push(1));
    const result = await client.engine.mutateMany(back, {
      batch: batchOf(client, 'b-2', back, { compensates: 'b-1', irreversible }),
    });
    expect(result.ok).toBe(true);
    expect(notified).toEqual([1]);
    const [compensation, original] = client.store.batches();
    expect(compensation).toMatchObject({ id: 'b-2', compensates: 'b-1', undo: null });
    expect(original).toMatchObject({
      id: 'b-1',
      undo: { kind: 'compensated', at: w.clock.now(), batchId: 'b-2', irreversible },
      outcomes: { 'r-1': 'applied', 'r-2': 'applied' },
    });
    expect(await client.engine.withdrawBatch('b-1')).toMatchObject({
      ok: false,
      error: { code: 'bulk/already-undone' },
    });

    // A second compensation of the same batch is a bug: it throws and writes nothing.
    const before = snapshot(client.store);
    const again: Item[] = [
      { name: 'report.setTags', args: { reportId: 'r-1', tags: [], batchId: 'b-3' } },
    ];
    await expect(
      client.engine.mutateMany(again, {
        batch: batchOf(client, 'b-3', again, { compensates: 'b-1' }),
      }),
    ).rejects.toThrow(/already undone/);
    expect(snapshot(client.store)).toEqual(before);
  });
});
