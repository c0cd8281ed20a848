// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { BatchResultsButton } from '../../../../../src-renderer/features/bulk/BatchResultsPanel';
import { useBulkStore } from '../../../../../src-renderer/features/bulk/bulk-store';
import { useCommandStore } from '../../../../../src-renderer/features/commands/command-registry';
import { useSelectionStore } from '../../../../../src-renderer/features/selection/selection-store';
import { mount, type Mounted } from '../inbox/inbox-fixtures';
import {
  byTestId,
  click,
  makeReports,
  mountBulk,
  openDialog,
  reportId,
  run,
  type BulkHarness,
} from './bulk-fixtures';

let harness: BulkHarness | null = null;
let button: Mounted | null = null;
afterEach(() => {
  button?.unmount();
  button = null;
  harness?.close();
  harness = null;
});

const ids = [0, 1, 2, 3].map(reportId);

/** Disposes the four reports as one batch (inside act: the worker announces it). */
async function disposeBatch(h: BulkHarness): Promise<string> {
  let batchId = '';
  await run(async () => {
    const result = await h.service.runBulk(
      { action: { kind: 'dispose', targetAgencyId: 'dinkes' }, reportIds: ids },
      0,
    );
    if (!result.ok) throw new Error(result.error.message);
    batchId = result.value.batchId;
  });
  return batchId;
}

const count = (batchId: string, outcome: string) =>
  byTestId(`batch-result-${batchId}`)?.querySelector(`[data-testid="batch-${outcome}-count"]`)
    ?.textContent;

describe('batch results panel', () => {
  it('opens from its command and lists each batch with its counts, refreshed by events', async () => {
    harness = await mountBulk({ reports: makeReports(4) });
    const batchId = await disposeBatch(harness);
    await run(() => useCommandStore.getState().commands.get('bulk.results')?.run());
    expect(openDialog()?.getAttribute('aria-label')).toBe('Hasil tindakan massal');
    expect(byTestId(`batch-result-${batchId}`)?.textContent).toContain('Disposisi · 4 laporan');
    expect(count(batchId, 'pending')).toBe('4');
    expect(count(batchId, 'applied')).toBe('0');

    // The server answers while the panel is open: the worker announces it.
    await run(() => {
      harness?.service.answerBatch(batchId, {
        [reportId(0)]: 'applied',
        [reportId(1)]: 'applied',
        [reportId(2)]: 'superseded',
        [reportId(3)]: 'rejected',
      });
    });
    expect(count(batchId, 'applied')).toBe('2');
    expect(count(batchId, 'superseded')).toBe('1');
    expect(count(batchId, 'rejected')).toBe('1');
    expect(count(batchId, 'pending')).toBe('0');
    expect(count(batchId, 'skipped')).toBe('0');
  });

  it('replaces the selection with the reports that need attention', async () => {
    harness = await mountBulk({ reports: makeReports(4) });
    const batchId = await disposeBatch(harness);
    await run(() => {
      harness?.service.answerBatch(batchId, {
        [reportId(0)]: 'applied',
        [reportId(2)]: 'superseded',
        [reportId(3)]: 'rejected',
      });
      useSelectionStore.getState().replace([reportId(0)]);
      useBulkStore.getState().setResultsOpen(true);
    });
    const attention = [
      ...(byTestId(`batch-result-${batchId}`)?.querySelectorAll('button') ?? []),
    ].find((b) => b.textContent === 'Pilih 2 yang perlu perhatian');
    await click(attention ?? null);
    expect([...useSelectionStore.getState().ids]).toEqual([reportId(2), reportId(3)]);
    expect(openDialog()).toBeNull();
  });

  it('shows the undo state of a batch and of its compensation', async () => {
    harness = await mountBulk({ reports: makeReports(4) });
    const batchId = await disposeBatch(harness);
    let compensation = '';
    await run(async () => {
      harness?.service.confirmAll();
      const undo = await harness?.service.undoBatch(batchId);
      if (undo?.ok === true && undo.value.kind === 'compensated') compensation = undo.value.batchId;
      useBulkStore.getState().setResultsOpen(true);
    });
    expect(byTestId(`batch-result-${batchId}`)?.textContent).toContain(
      'Dibatalkan dengan perubahan balik; 4 tidak dapat',
    );
    expect(byTestId(`batch-result-${compensation}`)?.textContent).toContain(
      'Pembatalan tindakan sebelumnya',
    );
  });

  it('puts an entry in the header once there are batches', async () => {
    harness = await mountBulk({ reports: makeReports(4) });
    button = await mount(<BatchResultsButton />);
    expect(byTestId('batch-results-open')).toBeNull();
    await disposeBatch(harness);
    expect(byTestId('batch-results-open')?.textContent).toBe('Hasil massal (1)');
    await click(byTestId('batch-results-open'));
    expect(useBulkStore.getState().resultsOpen).toBe(true);
  });
});
