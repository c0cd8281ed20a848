// @vitest-environment happy-dom
// The bulk UI as mounted in the workspace: bar over the list, dialog, toast and the header entry,
// driven by keys through the real dispatcher.
import { afterEach, describe, expect, it } from 'vitest';
import { resetBulkStore } from '../../../../../src-renderer/features/bulk/bulk-store';
import {
  initialCommandState,
  useCommandStore,
} from '../../../../../src-renderer/features/commands/command-registry';
import { installKeyDispatcher } from '../../../../../src-renderer/features/commands/key-dispatcher';
import { resetInboxStore } from '../../../../../src-renderer/features/inbox/inbox-store';
import { useSelectionStore } from '../../../../../src-renderer/features/selection/selection-store';
import { MainLayout } from '../../../../../src-renderer/features/shell/MainLayout';
import { InboxServiceProvider } from '../../../../../src-renderer/sync/inbox-context';
import {
  adminUser,
  click,
  fakeService,
  flush,
  makeReports,
  mount,
  run,
  type,
  type Mounted,
} from '../inbox/inbox-fixtures';
import { byTestId, dialogButton, openDialog, reportId } from './bulk-fixtures';

let mounted: Mounted | null = null;
let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
  mounted?.unmount();
  mounted = null;
  resetInboxStore();
  resetBulkStore();
  useSelectionStore.getState().clear();
});

const profile = {
  id: 'p1',
  serverUrl: 'http://127.0.0.1:8787',
  username: 'koordinator',
  user: adminUser,
  lastUsedAt: 0,
};

const key = (init: KeyboardEventInit) =>
  run(() => {
    window.dispatchEvent(
      new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }),
    );
  });

describe('bulk actions in the workspace', () => {
  it('disposes the selection from the bar over the list, then offers undo and the results', async () => {
    const service = fakeService({ reports: makeReports(3) });
    resetInboxStore();
    resetBulkStore();
    useCommandStore.setState(initialCommandState());
    mounted = await mount(
      <InboxServiceProvider service={service}>
        <MainLayout profile={profile} appInfo={null} onSignOut={() => undefined} />
      </InboxServiceProvider>,
    );
    uninstall = installKeyDispatcher();
    await flush();
    expect(byTestId('bulk-bar')).toBeNull();

    await run(() => {
      useSelectionStore.getState().replace([reportId(0), reportId(1)]);
    });
    expect(document.querySelector('#main [data-testid="bulk-bar"]')).not.toBeNull();
    expect(byTestId('bulk-count')?.textContent).toBe('2 laporan dipilih');

    await key({ key: 'd' });
    expect(openDialog()?.getAttribute('aria-label')).toBe('Disposisi: 2 laporan dipilih');
    await type(openDialog()?.querySelector('input[type="search"]') ?? null, 'kesehatan');
    await click(dialogButton('Periksa'));
    expect(byTestId('bulk-sentence')?.textContent).toBe(
      'Disposisikan 2 laporan ke Dinas Kesehatan',
    );
    expect(byTestId('bulk-skipped-count')?.textContent).toBe('0');
    expect(openDialog()?.textContent).toContain('2 akan diproses, 0 dilewati');
    await click(byTestId('bulk-confirm'));
    expect(openDialog()).toBeNull();
    expect(byTestId('bulk-bar')).toBeNull();
    expect(byTestId('undo-toast')?.textContent).toContain('2 laporan didisposisikan');
    expect(byTestId('batch-results-open')?.textContent).toBe('Hasil massal (1)');

    await key({ key: 'z' });
    expect(byTestId('undo-result')?.textContent).toBe('Dibatalkan; tidak ada yang terkirim');
  });
});
