// @vitest-environment happy-dom
// The sidebar's saved views over the fake inbox service: applying a view replaces the whole query,
// saving stores the current query (over a view of the same name), rename keeps the query, delete
// asks first; plus the store's setQuery that applying uses.
import { afterEach, describe, expect, it } from 'vitest';
import type { SavedView } from '../../../../../src-shared/domain/saved-view';
import { defaultInboxQuery, type InboxQuery } from '../../../../../src-shared/inbox/queries';
import { useInboxStore } from '../../../../../src-renderer/features/inbox/inbox-store';
import { QueueSidebar } from '../../../../../src-renderer/features/shell/QueueSidebar';
import {
  initialNavigationState,
  useNavigationStore,
} from '../../../../../src-renderer/features/shell/navigation-store';
import {
  NOW,
  attach,
  click,
  fakeService,
  makeReports,
  mount,
  run,
  text,
  type,
  type Mounted,
} from '../inbox/inbox-fixtures';

let mounted: Mounted | null = null;
let detach: (() => void) | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  detach?.();
  detach = null;
  useNavigationStore.setState(initialNavigationState());
});

const overdueSms: InboxQuery = {
  ...defaultInboxQuery('overdue'),
  sort: 'arrival',
  direction: 'desc',
  filters: { channels: ['sms'], categoryIds: ['kesehatan'] },
  search: 'jalan',
};

function view(id: string, name: string, overrides: Partial<SavedView> = {}): SavedView {
  return {
    id,
    ownerId: 'u-admin',
    name,
    query: overdueSms,
    updatedAt: NOW,
    version: 4,
    ...overrides,
  };
}

const byTestId = (id: string) => document.querySelector(`[data-testid="${id}"]`);
const dialog = () => document.querySelector('dialog[open]');
const submit = () => dialog()?.querySelector('button[type="submit"]') ?? null;
const viewNames = () =>
  [...document.querySelectorAll('[data-testid^="saved-view-"]')]
    .filter((el) => el.tagName === 'BUTTON')
    .map((el) => text(el));

async function mountSidebar(views: readonly SavedView[]) {
  const service = fakeService({ reports: makeReports(3), savedViews: views });
  detach = await attach(service);
  mounted = await mount(<QueueSidebar role="admin_koordinator" />);
  return service;
}

describe('saved views in the sidebar', () => {
  it('says there are none yet and still offers to save the current view', async () => {
    await mountSidebar([]);
    expect(text(document.querySelector('#saved-views-title'))).toBe('Tampilan tersimpan');
    expect(text(byTestId('saved-views-empty'))).toContain('Belum ada tampilan tersimpan');
    expect(text(byTestId('save-view'))).toBe('Simpan tampilan ini');
  });

  it('lists the operator’s own views by name, never a colleague’s', async () => {
    await mountSidebar([
      view('v-2', 'Terlambat via SMS'),
      view('v-9', 'Punya rekan', { ownerId: 'u-op' }),
      view('v-1', 'Baru masuk', { query: defaultInboxQuery('unverified') }),
    ]);
    expect(viewNames()).toEqual(['Baru masuk', 'Terlambat via SMS']);
    expect(byTestId('saved-view-v-9')).toBeNull();
    expect(byTestId('saved-views-empty')).toBeNull();
  });

  it('applies a view: queue, filters, sort and search at once, as a new query epoch', async () => {
    await mountSidebar([view('v-1', 'Terlambat via SMS')]);
    const epoch = useInboxStore.getState().epoch;
    const item = byTestId('saved-view-v-1');
    // A native button: reachable with Tab, activated by Enter and Space.
    expect(item?.tagName).toBe('BUTTON');
    expect(item?.getAttribute('tabindex')).toBeNull();
    await click(item);
    const state = useInboxStore.getState();
    expect(state.query).toEqual(overdueSms);
    expect(state.searchText).toBe('jalan');
    expect(state.epoch).toBe(epoch + 1);
    expect(useNavigationStore.getState().queue).toBe('overdue');
    expect(document.querySelector('[data-queue="overdue"]')?.getAttribute('aria-current')).toBe(
      'page',
    );
  });

  it('saves the current query under a new name with a fresh id, and lists it', async () => {
    const service = await mountSidebar([]);
    await run(() => {
      const store = useInboxStore.getState();
      store.setFilters({ channels: ['sms'] });
      store.setSort('arrival', 'desc');
    });
    const current = useInboxStore.getState().query;
    await click(byTestId('save-view'));
    expect(dialog()?.getAttribute('aria-label')).toBe('Simpan tampilan ini');
    expect(submit()?.hasAttribute('disabled')).toBe(true);
    await type(byTestId('saved-view-name'), '  SMS terbaru ');
    await click(submit());

    const saved = service.mutations.at(-1);
    expect(saved?.name).toBe('view.save');
    expect(saved?.args).toEqual({
      viewId: expect.stringMatching(/^[0-9a-f-]{36}$/) as string,
      name: 'SMS terbaru',
      query: current,
    });
    expect(dialog()).toBeNull();
    expect(viewNames()).toEqual(['SMS terbaru']);
  });

  it('updates the view that already has the name instead of adding a second one', async () => {
    const service = await mountSidebar([view('v-1', 'Terlambat via SMS')]);
    await run(() => {
      useInboxStore.getState().setQuery(defaultInboxQuery('completed'));
    });
    await click(byTestId('save-view'));
    await type(byTestId('saved-view-name'), 'terlambat via sms');
    expect(text(dialog()?.querySelector('.form__hint') ?? null)).toBe(
      'Tampilan “Terlambat via SMS” yang sudah ada akan diperbarui.',
    );
    await click(submit());
    expect(service.mutations.at(-1)?.args).toEqual({
      viewId: 'v-1',
      name: 'terlambat via sms',
      query: defaultInboxQuery('completed'),
    });
    expect(viewNames()).toEqual(['terlambat via sms']);
  });

  it('renames a view and keeps the query it was saved with', async () => {
    const service = await mountSidebar([view('v-1', 'Terlambat via SMS')]);
    const rename = byTestId('rename-view-v-1');
    expect(rename?.getAttribute('aria-label')).toBe('Ubah nama Terlambat via SMS');
    await click(rename);
    const input = byTestId('saved-view-name') as HTMLInputElement;
    expect(input.value).toBe('Terlambat via SMS');
    await type(input, 'SMS kesehatan');
    await click(submit());
    expect(service.mutations.at(-1)).toMatchObject({
      name: 'view.save',
      args: { viewId: 'v-1', name: 'SMS kesehatan', query: overdueSms },
    });
    expect(viewNames()).toEqual(['SMS kesehatan']);
  });

  it('deletes a view only after the operator confirms', async () => {
    const service = await mountSidebar([view('v-1', 'Terlambat via SMS')]);
    const remove = byTestId('delete-view-v-1');
    expect(remove?.getAttribute('aria-label')).toBe('Hapus Terlambat via SMS');

    await click(remove);
    expect(text(dialog())).toContain('Hapus tampilan “Terlambat via SMS”?');
    await click(
      [...(dialog()?.querySelectorAll('button') ?? [])].find((b) => text(b) === 'Batal') ?? null,
    );
    expect(dialog()).toBeNull();
    expect(service.mutations).toEqual([]);

    await click(byTestId('delete-view-v-1'));
    await click(byTestId('confirm-delete-view'));
    expect(service.mutations.at(-1)).toMatchObject({
      name: 'view.delete',
      args: { viewId: 'v-1' },
    });
    expect(viewNames()).toEqual([]);
    expect(byTestId('saved-views-empty')).not.toBeNull();
  });

  it('keeps the dialog open with the reason when the save is refused', async () => {
    const service = await mountSidebar([]);
    service.failNextMutation({
      code: 'mutation/id-taken',
      reasonKey: 'mutation.id_taken',
      message: 'View id taken',
    });
    await click(byTestId('save-view'));
    await type(byTestId('saved-view-name'), 'Terlambat');
    await click(submit());
    expect(dialog()).not.toBeNull();
    expect(dialog()?.querySelector('[role="alert"]')).not.toBeNull();
    expect(viewNames()).toEqual([]);
  });
});

describe('inbox store setQuery', () => {
  it('replaces the whole query with empty filters dropped, and asks for the list again', async () => {
    const service = fakeService({
      reports: makeReports(4, { status: 'unverified' }),
      savedViews: [],
    });
    detach = await attach(service);
    await run(() => {
      useInboxStore.getState().selectIndex(1);
    });
    const before = useInboxStore.getState();
    expect(before.total).toBe(4);
    expect(before.selectedId).not.toBeNull();

    await run(() => {
      useInboxStore.getState().setQuery({
        ...defaultInboxQuery('completed'),
        filters: { channels: [], types: ['aspirasi'] },
        search: 'lampu',
      });
    });
    const after = useInboxStore.getState();
    expect(after.query).toEqual({
      ...defaultInboxQuery('completed'),
      filters: { types: ['aspirasi'] },
      search: 'lampu',
    });
    expect(after.searchText).toBe('lampu');
    expect(after.epoch).toBe(before.epoch + 1);
    expect(after.selectedId).toBeNull();
    // The first window of the new query arrived: nothing completed matches.
    expect(after.total).toBe(0);
  });
});
