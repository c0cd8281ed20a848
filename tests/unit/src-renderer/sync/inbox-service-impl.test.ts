// The sync worker's InboxService over the real Dexie store (fake-indexeddb), the real engine and
// inbox model, and the in-memory sync server: initial sync fills the model, a mutation shows at
// once as pending, a restart restores the model from its snapshot without pulling, a window that
// does not hold the sync lock never syncs but its mutations are pushed by the one that does.

import { setImmediate as nextMacrotask } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { defaultInboxQuery } from '../../../../src-shared/inbox/queries';
import { koordinatorA, NOW } from '../../src-shared/sync/client/engine-harness';
import { consistent, makeReport } from '../../src-shared/sync/sync-fixtures';
import { runUntil, start, synced, toClose, world, WORLD_REPORTS } from './inbox-service-world';

const REPORTS = WORLD_REPORTS;
const dispose = { reportId: 'r-1', targetAgencyId: 'dinkes', targetUnitId: 'dinkes-yankes' };

describe('inbox service', () => {
  it('fills the model from the initial sync and tells the UI', async () => {
    const w = world();
    const { service, events } = await start(w);
    expect((await service.counts()).unverified).toBe(0);
    await runUntil(w, () => synced(service));
    const counts = await service.counts();
    expect(counts.unverified).toBe(REPORTS);
    const page = await service.query(defaultInboxQuery('unverified'), 0, 5);
    expect(page.total).toBe(REPORTS);
    expect(page.rows).toHaveLength(5);
    expect(page.rows.every((row) => !row.pending)).toBe(true);
    const last = events.filter((e) => e.type === 'data').at(-1);
    expect(last?.type === 'data' && last.counts.unverified).toBe(REPORTS);
    expect(events.some((e) => e.type === 'status' && e.status.leader)).toBe(true);
    const reference = await service.reference();
    expect(reference.templates.map((t) => t.id)).toEqual(['tpl-1']);
    expect(reference.agencies.length).toBeGreaterThan(0);
  });

  it('tells the UI to reload the reference when a saved view is saved here or pulled', async () => {
    const w = world();
    const { service, events } = await start(w);
    await runUntil(w, () => synced(service));
    const reloadAsked = () => events.some((e) => e.type === 'data' && e.reportIds === null);
    events.length = 0;
    const query = { ...defaultInboxQuery('overdue'), filters: { channels: ['sms' as const] } };
    const saved = await service.mutate('view.save', { viewId: 'view-1', name: 'SMS', query });
    expect(saved.ok).toBe(true);
    // A data event naming no reports is the UI's cue to read reference() again.
    await runUntil(w, reloadAsked);
    expect((await service.reference()).savedViews).toEqual([
      expect.objectContaining({ id: 'view-1', name: 'SMS', ownerId: koordinatorA.id, query }),
    ]);

    // The operator's other device saved one; a colleague's never belongs in this list.
    const view = (id: string, ownerId: string, name: string) => ({
      entity: 'saved_view' as const,
      id,
      version: 0,
      data: {
        id,
        ownerId,
        name,
        query: defaultInboxQuery('unverified'),
        updatedAt: NOW,
        version: 0,
      },
    });
    w.server.write(view('view-2', koordinatorA.id, 'Baru masuk'));
    w.server.write(view('view-3', 'u-koord-b', 'Punya rekan'));
    events.length = 0;
    await service.syncNow();
    await runUntil(w, reloadAsked);
    expect((await service.reference()).savedViews.map((v) => v.id)).toEqual(['view-2', 'view-1']);
  });

  it('shows a mutation at once as pending, moves the counts, and pushes it', async () => {
    const w = world();
    const { service, events } = await start(w);
    await runUntil(w, () => synced(service));
    events.length = 0;
    const result = await service.mutate('report.verifyDispose', dispose);
    expect(result).toEqual({ ok: true, value: { mutationId: 1 } });
    // Before any timer fires: the data event went out with the mutation.
    const data = events.find((e) => e.type === 'data');
    expect(data?.type === 'data' && data.reportIds).toEqual(['r-1']);
    expect(data?.type === 'data' && data.counts.unverified).toBe(REPORTS - 1);
    const disposed = await service.query(defaultInboxQuery('disposed'), 0, 10);
    expect(disposed.rows.map((r) => [r.id, r.pending])).toEqual([['r-1', true]]);
    const detail = await service.report('r-1');
    expect(detail?.report.status).toBe('disposed');
    expect(detail?.pending.map((p) => [p.name, p.state])).toEqual([
      ['report.verifyDispose', 'pending'],
    ]);
    expect(detail?.dispositions).toHaveLength(1);

    await runUntil(w, () => w.server.processed().length === 1);
    await runUntil(w, async () => (await service.report('r-1'))?.pending.length === 0);
    const after = await service.query(defaultInboxQuery('disposed'), 0, 10);
    expect(after.rows.map((r) => [r.id, r.pending])).toEqual([['r-1', false]]);
  });

  it('shows the change in the list before the transaction commits', async () => {
    const w = world();
    const { service, events } = await start(w);
    await runUntil(w, () => synced(service));
    events.length = 0;
    const pending = service.mutate('report.verifyDispose', dispose);
    let settled = false;
    void pending.then(() => {
      settled = true;
    });
    // The data event of the optimistic rows goes out before the mutation has committed.
    await runUntil(w, () => events.some((e) => e.type === 'data'));
    expect(settled).toBe(false);
    const early = await service.query(defaultInboxQuery('disposed'), 0, 10);
    expect(early.rows.map((r) => [r.id, r.pending])).toEqual([['r-1', true]]);
    expect(await pending).toEqual({ ok: true, value: { mutationId: 1 } });
    const after = await service.query(defaultInboxQuery('disposed'), 0, 10);
    expect(after.rows.map((r) => [r.id, r.pending])).toEqual([['r-1', true]]);
  });

  it('pushes the outbox as soon as the network is back, not after the backoff', async () => {
    const w = world();
    const online = new Set<() => void>();
    const { service, transport } = await start(w, {
      onNetworkOnline: (listener) => {
        online.add(listener);
        return () => online.delete(listener);
      },
    });
    await runUntil(w, () => synced(service));
    transport.offline = true;
    await service.mutate('report.verifyDispose', dispose);
    // The push fails; the retry waits for the backoff (random 0.5 → half a ceiling).
    await runUntil(w, async () => (await service.status()).connection === 'offline');
    await runUntil(w, async () => (await service.status()).nextRetryAt !== null);
    const retryAt = (await service.status()).nextRetryAt ?? 0;
    transport.offline = false;
    for (const listener of online) listener();
    // Only timers due now may fire: the push must not wait for the retry.
    for (let i = 0; i < 200 && w.server.processed().length === 0; i++) {
      await nextMacrotask();
      const next = w.scheduler.pending()[0];
      if (next !== undefined && next.dueAt <= w.clock.now()) await w.scheduler.fireNext();
    }
    expect(w.server.processed()).toHaveLength(1);
    expect(w.clock.now()).toBeLessThan(retryAt);

    await service.close();
    toClose.length = 0;
    expect(online.size).toBe(0);
  });

  it('answers a refused mutation with the mutator error and changes nothing', async () => {
    const w = world();
    const { service } = await start(w);
    await runUntil(w, () => synced(service));
    const refused = await service.mutate('report.tunda', {
      reportId: 'r-1',
      messageToReporter: ' ',
    });
    expect(refused.ok).toBe(false);
    expect((await service.counts()).unverified).toBe(REPORTS);
  });

  it('restores the model from its snapshot after a restart without pulling again', async () => {
    const w = world();
    const first = await start(w);
    await runUntil(w, () => synced(first.service));
    await first.service.mutate('report.setTags', { reportId: 'r-2', tags: ['jalan'] });
    await runUntil(w, async () => (await first.service.report('r-2'))?.pending.length === 0);
    await first.service.close();
    toClose.splice(toClose.indexOf(first.service), 1);
    const pullsBefore = w.server.pullCursors().length;
    w.rebuilds.length = 0;

    const second = await start(w);
    expect(w.rebuilds).toEqual([]);
    expect((await second.service.counts()).unverified).toBe(REPORTS);
    const page = await second.service.query(defaultInboxQuery('unverified'), 0, REPORTS);
    expect(page.total).toBe(REPORTS);
    expect(w.server.pullCursors().length).toBe(pullsBefore);
    expect(second.transport.log).toEqual([]);
  });

  it('rebuilds the model from the rows when the store changed after the last snapshot', async () => {
    const w = world();
    const first = await start(w);
    await runUntil(w, () => synced(first.service));
    await first.service.close();
    toClose.splice(toClose.indexOf(first.service), 1);
    // A session that mutates and then dies without closing (no snapshot of its change).
    const second = await start(w);
    await second.service.mutate('report.verifyDispose', dispose);
    w.rebuilds.length = 0;
    const third = await start(w);
    expect(w.rebuilds).toContain('allListRows');
    expect((await third.service.counts()).disposed).toBe(1);
    expect((await third.service.counts()).unverified).toBe(REPORTS - 1);
    const page = await third.service.query(defaultInboxQuery('disposed'), 0, 10);
    expect(page.rows.map((r) => [r.id, r.pending])).toEqual([['r-1', true]]);
  });

  it('does not sync in a window without the lock; the leader pushes its mutations', async () => {
    const w = world({ locks: true });
    const leader = await start(w, { broadcast: true });
    await runUntil(w, () => synced(leader.service));
    const follower = await start(w, { broadcast: true });
    expect((await follower.service.status()).leader).toBe(false);
    expect((await leader.service.status()).leader).toBe(true);
    // The follower's model is built from the shared store, without a request of its own.
    expect((await follower.service.counts()).unverified).toBe(REPORTS);

    const result = await follower.service.mutate('report.verifyDispose', dispose);
    expect(result.ok).toBe(true);
    await runUntil(w, () => w.server.processed().length === 1);
    expect(follower.transport.log).toEqual([]);
    expect(leader.transport.log.some((entry) => entry.kind === 'push')).toBe(true);
    // The leader's model saw the other window's change too.
    await runUntil(w, async () => (await leader.service.counts()).disposed === 1);
  });

  it('hands the sync to a waiting window when the leader closes', async () => {
    const w = world({ locks: true });
    const leader = await start(w, { broadcast: true });
    const follower = await start(w, { broadcast: true });
    await runUntil(w, () => synced(leader.service));
    await runUntil(w, async () => (await follower.service.counts()).unverified === REPORTS);
    expect((await follower.service.status()).leader).toBe(false);
    await leader.service.close();
    toClose.splice(toClose.indexOf(leader.service), 1);
    await runUntil(w, async () => (await follower.service.status()).leader);
    const data = consistent(makeReport({ id: 'r-new', trackingId: '9999' }));
    w.server.write({ entity: 'report', id: 'r-new', version: 0, data });
    await follower.service.syncNow();
    await runUntil(w, async () => (await follower.service.counts()).unverified === REPORTS + 1);
    expect(follower.transport.log.some((entry) => entry.kind === 'pull')).toBe(true);
  });

  it('exports the outbox and recovers into a new database that keeps it', async () => {
    const w = world();
    const { service, events, transport } = await start(w);
    await runUntil(w, () => synced(service));
    transport.offline = true;
    await service.mutate('report.verifyDispose', dispose);
    const exported = JSON.parse(await service.exportOutbox()) as { outbox: unknown[] };
    expect(exported.outbox).toHaveLength(1);
    const recovered = await service.recover();
    expect(recovered).toEqual({ ok: true, value: null });
    expect(events.some((e) => e.type === 'problem' && e.problem === null)).toBe(true);
    // The cache starts again from the server; the operator's change survives and is pushed.
    transport.offline = false;
    await runUntil(w, () => w.server.processed().length === 1);
    await runUntil(w, () => synced(service));
    expect((await service.counts()).disposed).toBe(1);
    expect((await service.counts()).unverified).toBe(REPORTS - 1);
  });
});
