// A saved view through the client sync engine and the in-memory local store: shown at once (the
// optimistic layer), pushed, pulled by the owner's other device, renamed and deleted there.
import { describe, expect, it } from 'vitest';
import { defaultInboxQuery, type InboxQuery } from '../../../../../src-shared/inbox/queries';
import { savedViewsOf } from '../../../../../src-shared/sync/client/reference';
import { koordinatorA, koordinatorB, world, type Client } from './engine-harness';

const query: InboxQuery = {
  ...defaultInboxQuery('unverified'),
  sort: 'arrival',
  direction: 'desc',
  filters: { channels: ['sms'], agencyIds: ['kota-bandung'] },
  search: 'banjir',
};

async function viewsOf(client: Client) {
  return savedViewsOf(await client.store.listReference(), client.actor.id);
}

describe('saved views through the sync engine', () => {
  it('shows a saved view at once, and on the owner’s other device after a sync', async () => {
    const w = world();
    const laptop = w.client(koordinatorA);
    await laptop.engine.syncOnce();

    const saved = await laptop.engine.mutate('view.save', {
      viewId: 'view-1',
      name: ' SMS banjir ',
      query,
    });
    expect(saved.ok).toBe(true);
    // Before any push: the local layer holds it, as the reference the UI reads.
    expect(await viewsOf(laptop)).toEqual([
      expect.objectContaining({ id: 'view-1', name: 'SMS banjir', ownerId: 'u-koord-a', query }),
    ]);
    expect(laptop.store.outbox()).toHaveLength(1);

    await laptop.engine.syncOnce();
    expect(laptop.store.outbox()).toEqual([]);
    const onServer = w.server.rows().get('saved_view:view-1');
    expect(onServer).toMatchObject({ entity: 'saved_view', data: { name: 'SMS banjir', query } });
    // The server layer now holds the pulled row at the server's version.
    const record = laptop.store.records().get('saved_view:view-1');
    expect(record?.local).toBeUndefined();
    expect(record?.server?.version).toBe(onServer?.version);

    const desktop = w.client(koordinatorA);
    await desktop.engine.syncOnce();
    expect(await viewsOf(desktop)).toEqual(await viewsOf(laptop));
  });

  it('carries a rename and a delete from one device to the other', async () => {
    const w = world();
    const laptop = w.client(koordinatorA);
    const desktop = w.client(koordinatorA);
    await laptop.engine.mutate('view.save', { viewId: 'view-1', name: 'SMS banjir', query });
    await laptop.engine.syncOnce();
    await desktop.engine.syncOnce();

    const renamed = await desktop.engine.mutate('view.save', {
      viewId: 'view-1',
      name: 'Banjir lewat SMS',
      query: defaultInboxQuery('overdue'),
    });
    expect(renamed.ok).toBe(true);
    await desktop.engine.syncOnce();
    await laptop.engine.syncOnce();
    expect(await viewsOf(laptop)).toEqual([
      expect.objectContaining({ name: 'Banjir lewat SMS', query: defaultInboxQuery('overdue') }),
    ]);

    expect((await laptop.engine.mutate('view.delete', { viewId: 'view-1' })).ok).toBe(true);
    // Gone locally at once, before the push.
    expect(await viewsOf(laptop)).toEqual([]);
    await laptop.engine.syncOnce();
    await desktop.engine.syncOnce();
    expect(await viewsOf(desktop)).toEqual([]);
    expect(w.server.rows().has('saved_view:view-1')).toBe(false);
  });

  it('refuses locally to save over a view id another user holds, writing nothing', async () => {
    const w = world();
    const owner = w.client(koordinatorA);
    await owner.engine.mutate('view.save', { viewId: 'view-1', name: 'Milik A', query });
    await owner.engine.syncOnce();

    // The fake server shows every row to everyone: B's store has A's view, the server's real
    // pull never sends it (tests/integration/src-server/sync/saved-views.test.ts).
    const other = w.client(koordinatorB);
    await other.engine.syncOnce();
    const refused = await other.engine.mutate('view.save', {
      viewId: 'view-1',
      name: 'Punya B',
      query,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'mutation/id-taken' } });
    expect(other.store.outbox()).toEqual([]);
    expect(await viewsOf(other)).toEqual([]);
    expect(w.server.rows().get('saved_view:view-1')).toMatchObject({
      data: { name: 'Milik A', ownerId: 'u-koord-a' },
    });
  });
});
