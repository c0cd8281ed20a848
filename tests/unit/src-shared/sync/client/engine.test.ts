import { describe, expect, it } from 'vitest';
import type { LocalStore } from '../../../../../src-shared/sync/client/ports';
import { createSyncEngine } from '../../../../../src-shared/sync/client/engine';
import type { Mutation, PushResponse } from '../../../../../src-shared/sync/protocol';
import {
  effectiveRows,
  koordinatorA,
  koordinatorB,
  seedReports,
  seedRows,
  world,
  type Client,
} from './engine-harness';

const dispose = { reportId: 'r-1', targetAgencyId: 'dinkes', targetUnitId: 'dinkes-yankes' };

function reportOf(client: Client, id = 'r-1') {
  const row = client.effective(`report:${id}`);
  if (row?.entity !== 'report') throw new Error(`report ${id} not in the store`);
  return row;
}

/** A synced client: the initial sync done. */
async function synced(w: ReturnType<typeof world>, actor = koordinatorA): Promise<Client> {
  const client = w.client(actor);
  await client.engine.syncOnce();
  expect(client.engine.status().lastError).toBeNull();
  return client;
}

describe('sync engine: mutations', () => {
  it('tells the view the optimistic rows before the transaction commits', async () => {
    const w = world();
    const seen: { ids: string[]; outboxAtThatTime: number }[] = [];
    const client: Client = w.client(koordinatorA, {
      onLocalEffect: (rows) => {
        seen.push({
          ids: rows.map((row) => `${row.entity}:${row.id}`),
          outboxAtThatTime: client.store.outbox().length,
        });
      },
    });
    await client.engine.syncOnce();
    await client.engine.mutate('report.setTags', { reportId: 'r-1', tags: ['jalan'] });
    expect(seen).toEqual([{ ids: ['report:r-1'], outboxAtThatTime: 0 }]);
    expect(client.store.outbox()).toHaveLength(1);

    // A batch refused at its second item: nothing was shown (a batch's rows are handed over
    // together once every effect is known), nothing was committed.
    seen.length = 0;
    const refused = await client.engine.mutateMany([
      { name: 'report.setTags', args: { reportId: 'r-2', tags: ['banjir'] } },
      { name: 'report.tunda', args: { reportId: 'r-2', messageToReporter: ' ' } },
    ]);
    expect(refused.ok).toBe(false);
    expect(seen).toEqual([]);
    expect(client.store.outbox()).toHaveLength(1);

    // An accepted batch: all its rows in one call, before the commit.
    const accepted = await client.engine.mutateMany([
      { name: 'report.setTags', args: { reportId: 'r-2', tags: ['banjir'] } },
      { name: 'report.setTags', args: { reportId: 'r-3', tags: ['jalan'] } },
    ]);
    expect(accepted.ok).toBe(true);
    expect(seen).toEqual([{ ids: ['report:r-2', 'report:r-3'], outboxAtThatTime: 1 }]);
  });

  it('writes nothing for a refused mutation and consumes no id', async () => {
    const w = world();
    const client = await synced(w);
    const before = new Map(client.store.records());
    const refused = await client.engine.mutate('report.tunda', {
      reportId: 'r-1',
      messageToReporter: '   ',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'workflow/missing-requirement' } });
    const unknown = await client.engine.mutate('report.verifyDispose', {
      ...dispose,
      reportId: 'r-404',
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'mutation/not-found' } });
    expect(client.store.records()).toEqual(before);
    expect(client.store.outbox()).toEqual([]);
    expect(client.store.meta().lastMutationId).toBe(0);
    const accepted = await client.engine.mutate('report.verifyDispose', dispose);
    expect(accepted).toEqual({ ok: true, value: { mutationId: 1 } });
  });

  it('refuses arguments the protocol would reject, before anything is written', async () => {
    const w = world();
    const client = await synced(w);
    const result = await client.engine.mutate('report.setTags', {
      reportId: 'r-1',
      tags: ['x'.repeat(51)],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'mutation/invalid-args' } });
    expect(client.store.outbox()).toEqual([]);
  });

  it('applies an accepted mutation locally and appends it to the outbox in one write', async () => {
    const w = world();
    const client = await synced(w);
    const serverRow = reportOf(client);
    const cursor = client.store.meta().cursor;
    w.clock.advance(60_000);

    const result = await client.engine.mutate('report.verifyDispose', dispose);

    expect(result).toEqual({ ok: true, value: { mutationId: 1 } });
    const local = reportOf(client);
    expect(local.version).toBe(serverRow.version);
    expect(local.data).toMatchObject({ status: 'disposed', agencyId: 'dinkes' });
    expect(client.store.records().get('report:r-1')?.server).toEqual(serverRow);
    const prefix = `${client.store.meta().clientId}:1`;
    expect(client.effective(`disposition:${prefix}:disposition`)).toMatchObject({ version: 0 });
    expect(client.effective(`audit_event:${prefix}:audit`)).toMatchObject({ version: 0 });
    const [entry, ...rest] = client.store.outbox();
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      state: 'pending',
      appliedVersion: null,
      attempts: 0,
      holdUntil: 0,
      mutation: {
        id: 1,
        name: 'report.verifyDispose',
        args: dispose,
        baseVersion: cursor,
        at: w.clock.now(),
      },
    });
    expect([...(entry?.keys ?? [])].sort()).toEqual(
      [`audit_event:${prefix}:audit`, `disposition:${prefix}:disposition`, 'report:r-1'].sort(),
    );
    expect(client.store.meta().lastMutationId).toBe(1);
    expect(client.engine.status().pendingCount).toBe(1);
  });

  it('leaves no optimistic effect when the outbox write fails', async () => {
    const w = world();
    const client = await synced(w);
    const before = new Map(client.store.records());
    const failing: LocalStore = {
      listReference: () => client.store.listReference(),
      transact: (fn) =>
        client.store.transact((tx) =>
          fn({
            ...tx,
            putOutbox: () => Promise.reject(new Error('QuotaExceededError')),
          }),
        ),
    };
    const engine = createSyncEngine({
      store: failing,
      transport: client.transport,
      clock: w.clock,
      scheduler: w.scheduler,
      random: () => 0.5,
      actor: koordinatorA,
    });
    await expect(engine.mutate('report.verifyDispose', dispose)).rejects.toThrow(
      'QuotaExceededError',
    );
    expect(client.store.records()).toEqual(before);
    expect(client.store.meta().lastMutationId).toBe(0);
  });

  it('applies a batch all or nothing, each mutation seeing the ones before it', async () => {
    const w = world();
    const client = await synced(w);
    const before = new Map(client.store.records());
    const refused = await client.engine.mutateMany([
      { name: 'report.setTags', args: { reportId: 'r-1', tags: ['jalan'] } },
      { name: 'report.resume', args: { reportId: 'r-1' } },
    ]);
    expect(refused).toMatchObject({ ok: false, error: { index: 1 } });
    expect(client.store.records()).toEqual(before);
    expect(client.store.outbox()).toEqual([]);

    const accepted = await client.engine.mutateMany([
      { name: 'report.tunda', args: { reportId: 'r-1', messageToReporter: 'Lengkapi lokasi' } },
      { name: 'report.resume', args: { reportId: 'r-1' } },
    ]);
    expect(accepted).toEqual({ ok: true, value: { mutationIds: [1, 2] } });
    expect(reportOf(client).data.status).toBe('unverified');
    expect(client.store.outbox().map((e) => e.mutation.name)).toEqual([
      'report.tunda',
      'report.resume',
    ]);
  });
});

describe('sync engine: push and pull', () => {
  it('pushes, pulls and ends with the server state and an empty outbox', async () => {
    const w = world();
    const client = await synced(w);
    await client.engine.mutate('report.verifyDispose', dispose);
    await client.engine.mutate('note.add', { reportId: 'r-1', noteId: 'n-1', body: 'Cek lokasi' });
    await client.engine.syncOnce();

    expect(w.server.processed().map((p) => p.status)).toEqual(['applied', 'applied']);
    expect(client.store.outbox()).toEqual([]);
    expect(effectiveRows(client.store)).toEqual(w.server.rows());
    for (const record of client.store.records().values()) expect(record.local).toBeUndefined();
    expect(client.engine.status()).toMatchObject({
      connection: 'online',
      phase: 'idle',
      pendingCount: 0,
      needsReviewCount: 0,
      lastSyncAt: w.clock.now(),
      initialSync: null,
      lastError: null,
    });
  });

  it('pushes in id order, in batches of at most pushBatchSize', async () => {
    const w = world();
    const client = w.client(koordinatorA, { pushBatchSize: 2 });
    await client.engine.syncOnce();
    const sizes: number[][] = [];
    const push = client.transport.push;
    client.transport.push = (request) => {
      sizes.push(request.mutations.map((m) => m.id));
      return push(request);
    };
    for (const tag of ['a', 'b', 'c', 'd', 'e']) {
      await client.engine.mutate('report.setTags', { reportId: 'r-2', tags: [tag] });
    }
    await client.engine.syncOnce();
    expect(sizes).toEqual([[1, 2], [3, 4], [5]]);
    expect(reportOf(client, 'r-2').data.tags).toEqual(['e']);
  });

  it('keeps an applied mutation, replayed, until the pull cursor reaches its version', async () => {
    const w = world();
    const client = w.client(koordinatorA, { pageSize: 2 });
    await client.engine.syncOnce();
    // Others write before and after it, so its version lies between pages of the next pull.
    const others = seedReports(3).slice(1);
    const touchOthers = (mark: string) => {
      for (const report of others) {
        w.server.write({
          ...report,
          data: { ...report.data, title: `${report.data.title}${mark}` },
        });
      }
    };
    touchOthers('!');
    await client.engine.mutate('report.setTags', { reportId: 'r-1', tags: ['jalan'] });
    client.transport.plan.push('deliver', 'drop');
    await client.engine.syncOnce();

    const [applied] = client.store.outbox();
    const appliedVersion = w.server.processed()[0]?.version ?? 0;
    expect(applied).toMatchObject({ state: 'applied', appliedVersion });
    expect(reportOf(client).data.tags).toEqual(['jalan']);
    touchOthers('?');
    touchOthers('.');

    // Observed after each committed page (the engine reports status after every page).
    const seen: { cursor: number; outbox: number[]; tags: readonly string[] }[] = [];
    const stop = client.engine.subscribeStatus(() => {
      const cursor = client.store.meta().cursor;
      if (seen.at(-1)?.cursor === cursor) return;
      seen.push({
        cursor,
        outbox: client.store.outbox().map((e) => e.appliedVersion ?? -1),
        tags: reportOf(client).data.tags,
      });
    });
    await client.engine.syncOnce();
    stop();
    expect(seen.filter((page) => page.cursor < appliedVersion).length).toBeGreaterThan(0);
    expect(seen.filter((page) => page.cursor >= appliedVersion).length).toBeGreaterThan(0);
    for (const page of seen) {
      expect(page.tags).toEqual(['jalan']);
      expect(page.outbox).toEqual(page.cursor < appliedVersion ? [appliedVersion] : []);
    }
    expect(client.store.outbox()).toEqual([]);
    expect(client.store.records().get('report:r-1')?.local).toBeUndefined();
  });

  it('replays a mutation made during a pull over the newer rows the pull brings', async () => {
    const w = world();
    const a = await synced(w, koordinatorA);
    const b = await synced(w, koordinatorB);
    await b.engine.mutate('report.verifyDispose', dispose);
    await b.engine.syncOnce();
    const pull = a.transport.pull;
    let edited = false;
    a.transport.pull = async (args) => {
      // The operator edits while the pull is on the way: the edit sees the old report.
      if (!edited) {
        edited = true;
        await a.engine.mutate('report.setTags', { reportId: 'r-1', tags: ['dari-a'] });
        expect(reportOf(a).data).toMatchObject({ status: 'unverified', tags: ['dari-a'] });
      }
      return pull(args);
    };
    await a.engine.syncOnce();
    expect(a.store.outbox()).toMatchObject([{ state: 'pending' }]);
    expect(reportOf(a).data).toMatchObject({ status: 'disposed', tags: ['dari-a'] });
    a.transport.pull = pull;
    await a.engine.syncOnce();
    expect(a.store.outbox()).toEqual([]);
    expect(effectiveRows(a.store)).toEqual(w.server.rows());
  });

  it('learns the original outcome of a mutation whose answer was lost from the retry', async () => {
    const w = world();
    const client = await synced(w);
    await client.engine.mutate('report.verifyDispose', dispose);
    client.transport.plan.push('lose-answer');
    await client.engine.syncOnce();
    client.transport.plan.push('deliver', 'drop');
    await client.engine.syncOnce();
    const appliedVersion = w.server.processed()[0]?.version;
    expect(client.store.outbox()).toMatchObject([{ state: 'applied', appliedVersion }]);
    await client.engine.syncOnce();
    expect(client.store.outbox()).toEqual([]);
    expect(w.server.processed()).toHaveLength(1);
    expect(effectiveRows(client.store)).toEqual(w.server.rows());
  });

  it('marks a lost answer the server no longer remembers as processed, dropped after the pull', async () => {
    const w = world({ rememberOutcomes: false });
    const client = await synced(w);
    await client.engine.mutate('report.verifyDispose', dispose);
    client.transport.plan.push('lose-answer');
    await client.engine.syncOnce();
    expect(client.store.outbox()).toMatchObject([{ state: 'pending', attempts: 1 }]);
    expect(client.engine.status()).toMatchObject({ connection: 'offline', pendingCount: 1 });

    const statuses: string[] = [];
    const push = client.transport.push;
    client.transport.push = async (request) => {
      const answer = await push(request);
      if (answer.ok) statuses.push(...answer.value.results.map((r) => r.status));
      return answer;
    };
    client.transport.plan.push('deliver', 'drop');
    await client.engine.syncOnce();
    expect(statuses).toEqual(['duplicate']);
    expect(client.store.outbox()).toMatchObject([{ state: 'processed' }]);
    await client.engine.syncOnce();
    expect(client.store.outbox()).toEqual([]);
    expect(w.server.processed()).toHaveLength(1);
    expect(effectiveRows(client.store)).toEqual(w.server.rows());
  });

  it('applies a push delivered twice once', async () => {
    const w = world();
    const client = await synced(w);
    await client.engine.mutate('note.add', { reportId: 'r-1', noteId: 'n-1', body: 'Sekali' });
    client.transport.plan.push('twice');
    await client.engine.syncOnce();
    expect(w.server.processed()).toHaveLength(1);
    expect(client.store.outbox()).toEqual([]);
    expect(effectiveRows(client.store)).toEqual(w.server.rows());
  });

  it('treats ids below a gap as processed and resends from the expected id', async () => {
    const w = world();
    const client = await synced(w);
    for (const tag of ['a', 'b', 'c']) {
      await client.engine.mutate('report.setTags', { reportId: 'r-1', tags: [tag] });
    }
    // The server got 1 and 2 earlier; their answers never came back.
    const [one, two] = client.store.outbox().map((e) => e.mutation);
    w.server.push(koordinatorA, { clientId: one!.clientId, mutations: [one!, two!] });
    const sent: number[][] = [];
    const push = client.transport.push;
    let scripted = true;
    client.transport.push = (request) => {
      sent.push(request.mutations.map((m) => m.id));
      if (!scripted) return push(request);
      scripted = false;
      const answer: PushResponse = { lastMutationId: 2, results: [], gap: { expected: 3 } };
      return Promise.resolve({ ok: true, value: answer });
    };
    await client.engine.syncOnce();
    expect(sent).toEqual([[1, 2, 3], [3]]);
    expect(w.server.processed().map((p) => p.id)).toEqual([1, 2, 3]);
    expect(client.store.outbox()).toEqual([]);
    expect(reportOf(client).data.tags).toEqual(['c']);
  });

  it('marks everything processed when the server expects an id beyond all of ours', async () => {
    const w = world();
    const client = await synced(w);
    await client.engine.mutate('report.setTags', { reportId: 'r-1', tags: ['a'] });
    await client.engine.mutate('report.setTags', { reportId: 'r-1', tags: ['b'] });
    client.transport.push = () =>
      Promise.resolve({
        ok: true,
        value: { lastMutationId: 9, results: [], gap: { expected: 10 } },
      });
    client.transport.plan.push('drop');
    await client.engine.syncOnce();
    expect(client.store.outbox().map((e) => e.state)).toEqual(['processed', 'processed']);
  });
});

describe('sync engine: needs review', () => {
  it('rolls back a rejected mutation and keeps it for review', async () => {
    const w = world();
    const client = await synced(w);
    await client.engine.mutate('report.setCategory', { reportId: 'r-1', categoryId: 'jalan' });
    expect(reportOf(client).data.categoryId).toBe('jalan');
    const intended = reportOf(client);
    // The category is retired on the server before the push arrives.
    w.server.write({
      entity: 'category',
      id: 'jalan',
      version: 0,
      data: { id: 'jalan', parentId: null, code: 'jalan', name: 'jalan', isActive: false },
    });
    w.clock.advance(5_000);
    await client.engine.syncOnce();

    expect(client.store.outbox()).toEqual([]);
    expect(reportOf(client).data.categoryId).toBeNull();
    const items = await client.engine.reviewItems();
    expect(items).toEqual([
      {
        id: `${client.store.meta().clientId}:1`,
        kind: 'rejected',
        mutation: expect.objectContaining({ id: 1, name: 'report.setCategory' }) as Mutation,
        error: expect.objectContaining({ code: 'mutation/invalid' }) as object,
        current: null,
        intended,
        at: w.clock.now(),
      },
    ]);
    expect(client.engine.status().needsReviewCount).toBe(1);
    expect(client.engine.reference().categories.get('jalan')?.isActive).toBe(false);
  });

  it('keeps a superseded mutation with the current and intended records; discard drops it', async () => {
    const w = world();
    const a = await synced(w, koordinatorA);
    const b = await synced(w, koordinatorB);
    await b.engine.mutate('report.archive', { reportId: 'r-1', reason: 'too_general' });
    await a.engine.mutate('report.verifyDispose', dispose);
    const intended = reportOf(a);
    await b.engine.syncOnce();
    await a.engine.syncOnce();

    const [item, ...more] = await a.engine.reviewItems();
    expect(more).toEqual([]);
    expect(item).toMatchObject({ kind: 'superseded', intended });
    expect(item?.current).toMatchObject({ entity: 'report', data: { status: 'archived' } });
    expect(item?.error.code).toBe('workflow/wrong-status');
    expect(reportOf(a).data.status).toBe('archived');
    const prefix = `${a.store.meta().clientId}:1`;
    expect(a.effective(`disposition:${prefix}:disposition`)).toBeNull();
    expect(effectiveRows(a.store)).toEqual(w.server.rows());

    const reapplied = await a.engine.resolveReview(item!.id, 'reapply');
    expect(reapplied).toMatchObject({ ok: false, error: { code: 'workflow/wrong-status' } });
    expect(await a.engine.reviewItems()).toHaveLength(1);
    expect(await a.engine.resolveReview(item!.id, 'discard')).toEqual({ ok: true, value: null });
    expect(await a.engine.reviewItems()).toEqual([]);
    expect(a.engine.status().needsReviewCount).toBe(0);
    expect(await a.engine.resolveReview(item!.id, 'discard')).toMatchObject({
      ok: false,
      error: { code: 'mutation/not-found' },
    });
  });

  it('reapplies a superseded edit as a new mutation on the current state', async () => {
    const w = world();
    const a = await synced(w, koordinatorA);
    const b = await synced(w, koordinatorB);
    await b.engine.mutate('report.setTags', { reportId: 'r-1', tags: ['dari-b'] });
    await a.engine.mutate('report.setTags', { reportId: 'r-1', tags: ['dari-a'] });
    await b.engine.syncOnce();
    await a.engine.syncOnce();
    const [item] = await a.engine.reviewItems();
    expect(item).toMatchObject({
      kind: 'superseded',
      error: { code: 'mutation/changed-meanwhile' },
    });
    expect(reportOf(a).data.tags).toEqual(['dari-b']);
    const cursor = a.store.meta().cursor;

    expect(await a.engine.resolveReview(item!.id, 'reapply')).toEqual({ ok: true, value: null });
    expect(await a.engine.reviewItems()).toEqual([]);
    expect(a.store.outbox()).toMatchObject([
      { state: 'pending', mutation: { id: 2, baseVersion: cursor, args: item!.mutation.args } },
    ]);
    expect(reportOf(a).data.tags).toEqual(['dari-a']);
    await a.engine.syncOnce();
    expect(w.server.rows().get('report:r-1')).toMatchObject({ data: { tags: ['dari-a'] } });
    expect(a.store.outbox()).toEqual([]);
  });

  it('keeps a refused workflow move whose answer was lost for review, with the real reason', async () => {
    const w = world();
    const a = await synced(w, koordinatorA);
    const b = await synced(w, koordinatorB);
    await b.engine.mutate('report.archive', { reportId: 'r-1', reason: 'too_general' });
    await b.engine.syncOnce();
    await a.engine.mutate('report.verifyDispose', dispose);
    a.transport.plan.push('lose-answer');
    await a.engine.syncOnce();
    await a.engine.syncOnce();
    expect(a.store.outbox()).toEqual([]);
    const items = await a.engine.reviewItems();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: 'superseded',
      mutation: { id: 1, name: 'report.verifyDispose' },
      error: { code: 'workflow/wrong-status' },
    });
    expect(effectiveRows(a.store)).toEqual(w.server.rows());
  });

  it('keeps a workflow move whose forgotten answer was lost and that left no trace for review', async () => {
    const w = world({ rememberOutcomes: false });
    const a = await synced(w, koordinatorA);
    const b = await synced(w, koordinatorB);
    await b.engine.mutate('report.archive', { reportId: 'r-1', reason: 'too_general' });
    await b.engine.syncOnce();
    await a.engine.mutate('report.verifyDispose', dispose);
    await a.engine.mutate('note.add', { reportId: 'r-2', noteId: 'n-1', body: 'Dicek' });
    a.transport.plan.push('lose-answer');
    await a.engine.syncOnce();
    expect(w.server.processed().map((p) => p.status)).toEqual(['applied', 'superseded', 'applied']);

    await a.engine.syncOnce();

    expect(a.store.outbox()).toEqual([]);
    const items = await a.engine.reviewItems();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: 'superseded',
      mutation: { id: 1, name: 'report.verifyDispose' },
      error: { code: 'sync/outcome-lost' },
      current: { entity: 'report', data: { status: 'archived' } },
    });
    expect(effectiveRows(a.store)).toEqual(w.server.rows());
  });

  it('replays later mutations over a rolled-back one: they lose their local effect', async () => {
    const w = world();
    const a = await synced(w, koordinatorA);
    const b = await synced(w, koordinatorB);
    await b.engine.mutate('report.archive', { reportId: 'r-1', reason: 'too_general' });
    await b.engine.syncOnce();
    await a.engine.mutate('report.verifyDispose', dispose);
    await a.engine.mutate('report.redispose', { ...dispose, targetUnitId: undefined });
    a.transport.plan.push('deliver', 'drop');
    await a.engine.syncOnce();
    // Both were refused by the server (the report was archived meanwhile): both under review.
    expect((await a.engine.reviewItems()).map((item) => item.mutation.id)).toEqual([1, 2]);
    expect(a.store.outbox()).toEqual([]);
    expect(reportOf(a).data.status).toBe('unverified');
    await a.engine.syncOnce();
    expect(reportOf(a).data.status).toBe('archived');
  });
});

describe('sync engine: initial sync', () => {
  it('resumes an interrupted initial sync from the stored cursor, never from zero', async () => {
    const w = world({ seed: seedRows(30) });
    const client = w.client(koordinatorA, { pageSize: 5 });
    client.transport.plan.push('deliver', 'deliver', 'deliver', 'drop');
    await client.engine.syncOnce();
    const cursor = client.store.meta().cursor;
    expect(cursor).toBe(15);
    expect(client.store.meta().initialSyncComplete).toBe(false);
    expect(client.engine.status().initialSync).toMatchObject({ rowsDone: 15 });

    const restarted = client.restart();
    await restarted.syncOnce();
    expect(w.server.pullCursors().filter((c) => c === 0)).toHaveLength(1);
    expect(w.server.pullCursors()[3]).toBe(cursor);
    expect(client.store.meta().initialSyncComplete).toBe(true);
    expect(effectiveRows(client.store)).toEqual(w.server.rows());
    expect(restarted.status().initialSync).toBeNull();
  });

  it('reports initial-sync progress from the server estimate and the throughput', async () => {
    const w = world({ seed: seedRows(20) });
    const client = w.client(koordinatorA, { pageSize: 10 });
    const total = w.server.version();
    const progress: unknown[] = [];
    client.engine.subscribeStatus((s) => {
      if (s.initialSync !== null) progress.push(s.initialSync);
    });
    const pull = client.transport.pull;
    client.transport.pull = (args) => {
      w.clock.advance(1_000);
      return pull(args);
    };
    await client.engine.syncOnce();
    // The next page is requested before a page is written: two requests (2 s) have gone out
    // when the first 10 rows land.
    expect(progress).toContainEqual({
      rowsDone: 10,
      rowsTotal: total,
      etaMs: 2_000 * ((total - 10) / 10),
    });
    expect(client.engine.status().initialSync).toBeNull();
  });

  it('writes the heads first without moving the cursor, and shows their counts until done', async () => {
    const w = world({ seed: seedRows(12) });
    const client = w.client(koordinatorA, { heads: true, pageSize: 10 });
    const seen: { cursor: number; reports: number; counts: unknown }[] = [];
    const pull = client.transport.pull;
    client.transport.pull = (args) => {
      seen.push({
        cursor: args.cursor,
        reports: [...client.store.records().keys()].filter((k) => k.startsWith('report:')).length,
        counts: client.engine.headsCounts(),
      });
      return pull(args);
    };
    await client.engine.syncOnce();
    expect(seen[0]).toEqual({ cursor: 0, reports: 12, counts: { unverified: 12 } });
    expect(client.engine.reference().agencies.size).toBeGreaterThan(0);
    expect(client.engine.headsCounts()).toBeNull();
    expect(effectiveRows(client.store)).toEqual(w.server.rows());
    expect(client.transport.log.filter((l) => l.kind === 'heads')).toHaveLength(1);
  });

  it('loads the reference and counts from the store at init', async () => {
    const w = world();
    const first = await synced(w);
    await first.engine.mutate('report.setTags', { reportId: 'r-1', tags: ['x'] });
    const engine = first.restart();
    await engine.init();
    expect(engine.status()).toMatchObject({ pendingCount: 1, initialSync: null });
    expect(engine.status().lastSyncAt).not.toBeNull();
    expect(engine.reference().users.get('u-koord-b')?.role).toBe('admin_koordinator');
    expect(engine.reference().categories.get('lama')?.isActive).toBe(false);
  });
});

describe('sync engine: background loop', () => {
  it('backs off exponentially with full jitter, capped, while offline', async () => {
    const w = world();
    const randoms = [0.5, 0.25, 0.9, 0.1, 0.99, 0.5, 0.75, 0.5];
    const client = w.client(koordinatorA, {
      random: () => randoms.shift() ?? 0.5,
      backoff: { baseMs: 1_000, capMs: 8_000 },
    });
    client.transport.offline = true;
    client.engine.start();
    await w.scheduler.fireNext();
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      const [next] = w.scheduler.pending();
      expect(client.engine.status().nextRetryAt).toBe(next!.dueAt);
      delays.push(next!.ms);
      await w.scheduler.fireNext();
    }
    expect(delays).toEqual([
      Math.floor(0.5 * 1_000),
      Math.floor(0.25 * 2_000),
      Math.floor(0.9 * 4_000),
      Math.floor(0.1 * 8_000),
      Math.floor(0.99 * 8_000),
      Math.floor(0.5 * 8_000),
      Math.floor(0.75 * 8_000),
    ]);
    expect(client.engine.status()).toMatchObject({
      connection: 'offline',
      lastError: 'fake offline',
    });

    client.transport.offline = false;
    await w.scheduler.fireNext();
    expect(client.engine.status()).toMatchObject({
      connection: 'online',
      nextRetryAt: null,
      lastError: null,
    });
    expect(w.scheduler.pending()).toEqual([{ ms: 30_000, dueAt: w.clock.now() + 30_000 }]);
    client.engine.stop();
    expect(w.scheduler.pending()).toEqual([]);
  });

  it('stops retrying when the session is gone', async () => {
    const w = world();
    const client = w.client(koordinatorA);
    client.transport.plan.push('unauthorized');
    client.engine.start();
    await w.scheduler.fireNext();
    expect(client.engine.status().connection).toBe('unauthorized');
    expect(w.scheduler.pending()).toEqual([]);
    client.engine.nudge();
    await client.engine
      .mutate('report.setTags', { reportId: 'r-1', tags: ['x'] })
      .catch(() => null);
    expect(w.scheduler.pending()).toEqual([]);
    expect(client.transport.log).toHaveLength(1);
  });

  it('polls without a live stream, and follows announcements with one', async () => {
    const w = world();
    const client = w.client(koordinatorA, { pollMs: 10_000 });
    client.engine.start();
    await w.scheduler.fireNext();
    expect(w.scheduler.pending().map((t) => t.ms)).toEqual([10_000]);
    const pulls = () => client.transport.log.filter((l) => l.kind === 'pull').length;
    const before = pulls();
    await w.scheduler.fireNext();
    expect(pulls()).toBe(before + 1);

    client.transport.setLive(true);
    await w.scheduler.fireNext(); // the catch-up round on connecting
    // The old poll timer may still be pending; once it fires, no new poll is scheduled.
    while (w.scheduler.pending().length > 0) await w.scheduler.fireNext();
    const live = pulls();
    client.transport.announce(client.store.meta().cursor); // nothing new: no round
    expect(w.scheduler.pending()).toEqual([]);
    w.server.write(seedReports(1)[0]!);
    client.transport.announce(w.server.version());
    await w.scheduler.fireNext();
    expect(pulls()).toBe(live + 1);
    expect(client.effective('report:r-1')?.version).toBe(w.server.version());
    client.engine.stop();
  });

  it('coalesces nudges into one round and runs again for changes made during a round', async () => {
    const w = world();
    const client = await synced(w);
    client.engine.start();
    await w.scheduler.fireNext();
    client.transport.setLive(true);
    await w.scheduler.fireNext();
    while (w.scheduler.pending().length > 0) await w.scheduler.fireNext();
    client.engine.nudge();
    client.engine.nudge();
    await client.engine.mutate('report.setTags', { reportId: 'r-1', tags: ['x'] });
    expect(w.scheduler.pending()).toHaveLength(1);
    await w.scheduler.fireNext();
    expect(w.server.processed()).toHaveLength(1);
    expect(client.store.outbox()).toEqual([]);
    expect(client.engine.status().pendingCount).toBe(0);
    client.engine.stop();
  });

  it('reflects leadership in the status', () => {
    const w = world();
    const client = w.client(koordinatorA);
    const seen: boolean[] = [];
    client.engine.subscribeStatus((s) => seen.push(s.leader));
    client.engine.setLeader(true);
    client.engine.setLeader(true);
    client.engine.setLeader(false);
    expect(seen).toEqual([true, false]);
  });

  it('orders by mutation ids, not by the client clock', async () => {
    const w = world();
    const client = await synced(w);
    await client.engine.mutate('report.setTags', { reportId: 'r-1', tags: ['first'] });
    w.clock.advance(-3_600_000);
    await client.engine.mutate('report.setTags', { reportId: 'r-1', tags: ['second'] });
    await client.engine.syncOnce();
    expect(w.server.processed().map((p) => p.id)).toEqual([1, 2]);
    expect(reportOf(client).data.tags).toEqual(['second']);
  });
});
