// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BulkRequest } from '../../../../../src-shared/bulk/bulk-action';
import { useBulkStore } from '../../../../../src-renderer/features/bulk/bulk-store';
import { useCommandStore } from '../../../../../src-renderer/features/commands/command-registry';
import { installKeyDispatcher } from '../../../../../src-renderer/features/commands/key-dispatcher';
import {
  byTestId,
  click,
  fakeService,
  mountBulk,
  reportId,
  run,
  runKeys,
  select,
  trackingId,
  type BulkHarness,
} from './bulk-fixtures';

let harness: BulkHarness | null = null;
afterEach(() => {
  harness?.close();
  harness = null;
  vi.useRealTimers();
});

const ids = [0, 1, 2].map(reportId);

/** Runs `action` on the first three reports through the dialog's store steps. */
async function runBatch(action: BulkRequest['action'], holdSeconds: number) {
  await select(ids);
  await run(async () => {
    useBulkStore.getState().openDialog(action.kind, ids);
    await useBulkStore.getState().check(action);
  });
  await run(() => useBulkStore.getState().confirm(holdSeconds * 1000));
}

const toastText = () => byTestId('undo-toast')?.textContent ?? '';
const commandKeys = () =>
  [...useCommandStore.getState().commands.values()]
    .filter((c) => c.id.startsWith('bulk.undo') || c.id === 'bulk.redo')
    .map((c) => c.keys);

describe('undo toast', () => {
  it('counts down the hold and withdraws the batch with z, nothing sent', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    harness = await mountBulk();
    expect(commandKeys()).toEqual([]);
    await runBatch({ kind: 'dispose', targetAgencyId: 'dinkes' }, 10);
    expect(toastText()).toContain('3 laporan didisposisikan');
    expect(toastText()).toContain('Urungkan');
    expect(byTestId('undo-held')?.textContent).toBe('belum dikirim · 10 dtk');
    expect(commandKeys()).toEqual(['z', 'ctrl+z']);

    harness.clock.now += 2_000;
    await run(() => vi.advanceTimersByTime(1_000));
    expect(byTestId('undo-held')?.textContent).toBe('belum dikirim · 8 dtk');

    await runKeys('z');
    const batchId = useBulkStore.getState().last?.run?.batchId;
    expect(harness.undoBatch).toHaveBeenCalledExactlyOnceWith(batchId);
    expect(byTestId('undo-result')?.textContent).toBe('Dibatalkan; tidak ada yang terkirim');
    expect(harness.service.outbox).toHaveLength(0);
    expect((await harness.service.report(reportId(0)))?.report.status).toBe('unverified');
    expect(commandKeys()).toEqual(['shift+z']);
  });

  it('compensates after the hold with ctrl+z and lists what it could not undo', async () => {
    harness = await mountBulk();
    await runBatch({ kind: 'set_category', categoryId: 'cat-kes' }, 0);
    expect(byTestId('undo-held')).toBeNull();
    // Someone changes one report's category after the batch: undoing would overwrite it.
    await run(() =>
      harness?.service.mutate('report.setCategory', {
        reportId: reportId(1),
        categoryId: 'cat-trans',
      }),
    );
    await runKeys('ctrl+z');
    expect(byTestId('undo-result')?.textContent).toBe(
      'Dibatalkan dengan 2 perubahan balik; 1 tidak dapat dibatalkan (lihat)',
    );
    expect((await harness.service.report(reportId(0)))?.report.categoryId).toBeNull();
    expect((await harness.service.report(reportId(1)))?.report.categoryId).toBe('cat-trans');
    const see = [...(byTestId('undo-toast')?.querySelectorAll('button') ?? [])].find(
      (b) => b.textContent === '(lihat)',
    );
    await click(see ?? null);
    const items = [...(byTestId('undo-toast')?.querySelectorAll('.bulk-skips li') ?? [])];
    expect(items.map((li) => li.textContent)).toEqual([
      `#${trackingId(1)} Sudah diubah lagi setelah tindakan massal; tidak dibatalkan.`,
    ]);
  });

  it('redoes the undone request as a new batch with shift+z', async () => {
    harness = await mountBulk();
    await runBatch({ kind: 'dispose', targetAgencyId: 'dinkes' }, 10);
    const first = useBulkStore.getState().last?.run?.batchId;
    await runKeys('z');
    await runKeys('shift+z');
    expect(harness.runBulk).toHaveBeenCalledTimes(2);
    expect(harness.runBulk.mock.calls[1]).toEqual(harness.runBulk.mock.calls[0]);
    const second = useBulkStore.getState().last?.run?.batchId;
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect(toastText()).toContain('3 laporan didisposisikan');
    expect((await harness.service.report(reportId(2)))?.report.status).toBe('disposed');
    expect(commandKeys()).toEqual(['z', 'ctrl+z']);
  });

  it('undoes and redoes with the real keys: z, then shift+z, then ctrl+z', async () => {
    harness = await mountBulk();
    const uninstall = installKeyDispatcher();
    const key = (init: KeyboardEventInit) =>
      run(() => {
        window.dispatchEvent(
          new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }),
        );
      });
    try {
      await runBatch({ kind: 'dispose', targetAgencyId: 'dinkes' }, 10);
      await key({ key: 'z' });
      expect(harness.undoBatch).toHaveBeenCalledTimes(1);
      await key({ key: 'Z', shiftKey: true });
      expect(harness.runBulk).toHaveBeenCalledTimes(2);
      await key({ key: 'z', ctrlKey: true });
      expect(harness.undoBatch).toHaveBeenCalledTimes(2);
      expect(byTestId('undo-result')?.textContent).toBe('Dibatalkan; tidak ada yang terkirim');
    } finally {
      uninstall();
    }
  });

  it('shows why an undo failed and keeps undo available', async () => {
    harness = await mountBulk();
    await runBatch({ kind: 'add_note', body: 'Cek lapangan' }, 10);
    harness.undoBatch.mockResolvedValueOnce({
      ok: false,
      error: { code: 'bulk/failed', message: 'disk penuh' },
    });
    await runKeys('z');
    expect(byTestId('undo-toast')?.querySelector('[role="alert"]')?.textContent).toBe(
      'Tindakan massal gagal: disk penuh',
    );
    expect(commandKeys()).toEqual(['z', 'ctrl+z']);
  });

  it('keeps undo when the workspace comes back to the same session, not for another', async () => {
    harness = await mountBulk();
    await runBatch({ kind: 'add_note', body: 'Cek lapangan' }, 10);
    const service = harness.service;
    await run(() => {
      useBulkStore.getState().attach(service)();
      useBulkStore.getState().attach(service);
    });
    expect(useBulkStore.getState().last?.phase).toBe('done');
    const other = fakeService();
    await run(() => {
      useBulkStore.getState().attach(other);
    });
    expect(useBulkStore.getState().last).toBeNull();
  });

  it('is dismissed with its close button and returns with the next undo', async () => {
    harness = await mountBulk();
    await runBatch({ kind: 'add_note', body: 'Cek lapangan' }, 10);
    await click(byTestId('undo-toast')?.querySelector('[aria-label="Tutup"]') ?? null);
    expect(byTestId('undo-toast')).toBeNull();
    await runKeys('z');
    expect(byTestId('undo-result')?.textContent).toBe('Dibatalkan; tidak ada yang terkirim');
  });
});
