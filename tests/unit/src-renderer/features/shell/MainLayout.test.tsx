// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import {
  resetInboxStore,
  useInboxStore,
} from '../../../../../src-renderer/features/inbox/inbox-store';
import { useCommandStore } from '../../../../../src-renderer/features/commands/command-registry';
import { MainLayout } from '../../../../../src-renderer/features/shell/MainLayout';
import { InboxServiceProvider } from '../../../../../src-renderer/sync/inbox-context';
import {
  adminUser,
  click,
  fakeService,
  flush,
  makeReport,
  makeReports,
  mount,
  press,
  run,
  type Mounted,
} from '../inbox/inbox-fixtures';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  resetInboxStore();
});

const profile = {
  id: 'p1',
  serverUrl: 'http://127.0.0.1:8787',
  username: 'koordinator',
  user: adminUser,
  lastUsedAt: 0,
};

async function mountLayout(service: ReturnType<typeof fakeService>) {
  resetInboxStore();
  mounted = await mount(
    <InboxServiceProvider service={service}>
      <MainLayout profile={profile} appInfo={null} onSignOut={() => undefined} />
    </InboxServiceProvider>,
  );
  await flush();
}

describe('main layout', () => {
  it('attaches the inbox to the service and composes queues, list, detail and status bar', async () => {
    const service = fakeService({ reports: makeReports(3, { dueAt: Date.UTC(2025, 5, 11, 10) }) });
    await mountLayout(service);
    expect(useInboxStore.getState().service).toBe(service);
    expect(document.querySelector('h1')?.textContent).toBe('Jatuh Tempo Hari Ini');
    expect(document.querySelectorAll('[role="row"][data-report-id]')).toHaveLength(3);
    expect(document.querySelector('nav[aria-label="Antrean"]')).not.toBeNull();
    expect(document.querySelector('[data-testid="connection"]')).not.toBeNull();

    await click(document.querySelector('[data-queue="unverified"]'));
    expect(document.querySelector('h1')?.textContent).toBe('Belum Terverifikasi');
  });

  it('focuses the search on `/`, moves with j from anywhere and opens the detail with Enter', async () => {
    const service = fakeService({ reports: [makeReport(0, { title: 'Lampu jalan padam' })] });
    await mountLayout(service);
    await click(document.querySelector('[data-queue="unverified"]'));
    await press(document.body, '/');
    expect(document.activeElement?.id).toBe('inbox-search');

    (document.activeElement as HTMLElement).blur();
    await press(document.body, 'j');
    expect(useInboxStore.getState().selectedId).toBe('r-000000');
    expect(document.querySelector('#detail-title')?.textContent).toBe('Lampu jalan padam');

    const grid = document.querySelector('[role="grid"]') as HTMLElement;
    grid.focus();
    await press(grid, 'Enter');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Rincian laporan');
  });

  it('goes to a queue with g then its letter, and registers every queue of the role as a command', async () => {
    const service = fakeService({ reports: makeReports(2) });
    await mountLayout(service);
    await press(document.body, 'g');
    await press(document.body, 'u');
    expect(useInboxStore.getState().query.queue).toBe('unverified');
    expect(document.querySelector('h1')?.textContent).toBe('Belum Terverifikasi');
    await press(document.body, 'g');
    await press(document.body, 'x');
    expect(useInboxStore.getState().query.queue).toBe('archived');

    const commands = useCommandStore.getState().commands;
    expect(commands.get('queue.unverified')).toMatchObject({
      group: 'navigation',
      label: 'Belum Terverifikasi',
      keys: 'g u',
    });
    // A coordinator does not approve responses: no command for that queue either.
    expect(commands.has('queue.awaiting_approval')).toBe(false);
    expect(commands.get('navigation.search')?.keys).toBe('/');
    expect(commands.get('view.triage')?.keys).toBe('shift+t');
  });

  it('folds the filters away behind the toolbar button, which counts the filters set', async () => {
    const service = fakeService({ reports: makeReports(3) });
    await mountLayout(service);
    const toggle = document.querySelector('button[aria-controls="inbox-filters"]') as HTMLElement;
    const filters = document.getElementById('inbox-filters') as HTMLElement;
    expect(toggle.textContent).toBe('Filter');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(filters.hidden).toBe(true);

    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(filters.hidden).toBe(false);

    await run(() => {
      useInboxStore.getState().setFilters({ channels: ['sms'], pendingOnly: true });
    });
    expect(toggle.textContent).toBe('Filter (2)');
    await click(toggle);
    expect(filters.hidden).toBe(true);
    // Folded filters still apply, and the button still says so.
    expect(toggle.textContent).toBe('Filter (2)');
    expect(useInboxStore.getState().query.filters).toEqual({
      channels: ['sms'],
      pendingOnly: true,
    });
  });

  it('syncs at once when the network comes back', async () => {
    const service = fakeService({ reports: makeReports(1) });
    await mountLayout(service);
    expect(service.syncNowCalls).toBe(0);
    await run(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(service.syncNowCalls).toBe(1);
    mounted?.unmount();
    mounted = null;
    window.dispatchEvent(new Event('online'));
    expect(service.syncNowCalls).toBe(1);
  });

  it('detaches from the service when the workspace closes', async () => {
    const service = fakeService({ reports: makeReports(1) });
    await mountLayout(service);
    mounted?.unmount();
    mounted = null;
    expect(useInboxStore.getState().service).toBeNull();
  });
});
