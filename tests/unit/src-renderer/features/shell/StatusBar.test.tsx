// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useInboxStore } from '../../../../../src-renderer/features/inbox/inbox-store';
import { StatusBar } from '../../../../../src-renderer/features/shell/StatusBar';
import {
  NOW,
  attach,
  click,
  fakeService,
  makeReports,
  mount,
  run,
  text,
  type Mounted,
} from '../inbox/inbox-fixtures';

let mounted: Mounted | null = null;
let detach: (() => void) | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  detach?.();
  detach = null;
  vi.restoreAllMocks();
});

const byTestId = (id: string) => document.querySelector(`[data-testid="${id}"]`);
const buttonNamed = (name: string) =>
  Array.from(document.querySelectorAll('button')).find((b) => b.textContent === name) ?? null;

describe('status bar', () => {
  it('shows the connection, pending changes, the last sync and needs review', async () => {
    const service = fakeService({
      reports: makeReports(1),
      status: {
        connection: 'online',
        pendingCount: 3,
        lastSyncAt: NOW - 2 * 60_000,
        needsReviewCount: 2,
      },
    });
    detach = await attach(service);
    mounted = await mount(<StatusBar appInfo={null} />);
    expect(text(byTestId('connection'))).toBe('Daring');
    expect(text(byTestId('pending-count'))).toBe('3 menunggu dikirim');
    expect(text(byTestId('last-sync'))).toBe('Sinkron 2 menit lalu');
    expect(text(byTestId('needs-review'))).toBe('2 perlu ditinjau');
    await click(byTestId('needs-review'));
    expect(useInboxStore.getState().reviewOpen).toBe(true);

    await run(() => {
      service.setStatus({ connection: 'offline', pendingCount: 0, needsReviewCount: 0 });
    });
    expect(text(byTestId('connection'))).toBe('Luring');
    expect(byTestId('pending-count')).toBeNull();
    expect(byTestId('needs-review')).toBeNull();
    await run(() => {
      service.setStatus({ connection: 'unauthorized' });
    });
    expect(text(byTestId('connection'))).toBe('Sesi berakhir, masuk lagi');
  });

  it('shows the initial sync progress with rows and the time remaining', async () => {
    const service = fakeService({
      reports: makeReports(1),
      status: { initialSync: { rowsDone: 2_500, rowsTotal: 10_000, etaMs: 55_000 } },
    });
    detach = await attach(service);
    mounted = await mount(<StatusBar appInfo={null} />);
    const bar = document.querySelector('[role="progressbar"]');
    expect(bar?.getAttribute('aria-valuenow')).toBe('25');
    expect(bar?.getAttribute('aria-valuemax')).toBe('100');
    const progress = text(byTestId('initial-sync'));
    expect(progress).toContain('2500/10000 baris');
    expect(progress).toContain('± 55 dtk');
    await run(() => {
      service.setStatus({ initialSync: { rowsDone: 5_000, rowsTotal: 10_000, etaMs: 70_000 } });
    });
    expect(text(byTestId('initial-sync'))).toContain('± 2 mnt');
    await run(() => {
      service.setStatus({ initialSync: null });
    });
    expect(document.querySelector('[role="progressbar"]')).toBeNull();
  });

  it('syncs now on request', async () => {
    const service = fakeService({ reports: makeReports(1) });
    detach = await attach(service);
    mounted = await mount(<StatusBar appInfo={null} />);
    await click(buttonNamed('Sinkronkan'));
    expect(service.syncNowCalls).toBe(1);
  });

  it('explains a local store problem and recovers after exporting the outbox', async () => {
    const service = fakeService({ reports: makeReports(1) });
    detach = await attach(service);
    const exported = vi.spyOn(service, 'exportOutbox');
    const recovered = vi.spyOn(service, 'recover');
    const createUrl = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:outbox');
    mounted = await mount(<StatusBar appInfo={null} />);
    expect(document.querySelector('.problem-banner')).toBeNull();
    await run(() => {
      service.setProblem({
        code: 'local/quota-exceeded',
        messageKey: 'localDb.problem.quota',
        detail: 'QuotaExceededError',
      });
    });
    const banner = document.querySelector('.problem-banner');
    expect(banner?.getAttribute('role')).toBe('alert');
    expect(text(banner)).toContain('Ruang penyimpanan perangkat penuh');
    await click(buttonNamed('Ekspor perubahan lalu pulihkan'));
    expect(exported).toHaveBeenCalledTimes(1);
    expect(createUrl).toHaveBeenCalledTimes(1);
    expect(recovered).toHaveBeenCalledTimes(1);
    expect(exported.mock.invocationCallOrder[0]).toBeLessThan(
      recovered.mock.invocationCallOrder[0] ?? 0,
    );
    expect(document.querySelector('.problem-banner')).toBeNull();
  });
});
