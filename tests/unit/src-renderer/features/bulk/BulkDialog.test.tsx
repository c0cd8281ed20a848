// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { BulkAction, BulkActionKind } from '../../../../../src-shared/bulk/bulk-action';
import { useBulkStore } from '../../../../../src-renderer/features/bulk/bulk-store';
import { MERGE_MAX } from '../../../../../src-renderer/features/bulk/BulkForms';
import { useUndoWindowStore } from '../../../../../src-renderer/features/bulk/undo-window-store';
import { useSelectionStore } from '../../../../../src-renderer/features/selection/selection-store';
import { flush, press, type } from '../inbox/inbox-fixtures';
import {
  byTestId,
  click,
  dialogButton,
  makeReport,
  makeReports,
  mountBulk,
  openDialog,
  reportId,
  run,
  select,
  trackingId,
  type BulkHarness,
} from './bulk-fixtures';

let harness: BulkHarness | null = null;
afterEach(() => {
  harness?.close();
  harness = null;
});

const field = (selector: string) => openDialog()?.querySelector(selector) ?? null;

async function openFor(kind: BulkActionKind, ids: readonly string[]) {
  await select(ids);
  await run(() => {
    useBulkStore.getState().openDialog(kind, [...useSelectionStore.getState().ids]);
  });
}

async function check(): Promise<void> {
  await click(dialogButton('Periksa'));
}

/** The action the form built: what the preview was asked. */
function checked(h: BulkHarness): BulkAction | undefined {
  return h.previewBulk.mock.calls.at(-1)?.[0].action;
}

describe('bulk dialogs build the action', () => {
  const ids = [reportId(0), reportId(1)];

  it('disposes to the searched agency and its unit, with instructions', async () => {
    harness = await mountBulk();
    await openFor('dispose', ids);
    await type(field('input[type="search"]'), 'kesehatan');
    const selects = openDialog()?.querySelectorAll('select') ?? [];
    await type(selects[1] ?? null, 'dinkes-yankes');
    await type(field('textarea'), ' Segera tindak lanjuti ');
    await check();
    expect(checked(harness)).toEqual({
      kind: 'dispose',
      targetAgencyId: 'dinkes',
      targetUnitId: 'dinkes-yankes',
      note: 'Segera tindak lanjuti',
    });
    expect(harness.previewBulk.mock.calls.at(-1)?.[0].reportIds).toEqual(ids);
  });

  it('suggests targets for the first selected report and disposes to the picked one', async () => {
    harness = await mountBulk({ reports: makeReports(6) });
    // One past disposition to learn from.
    await run(() =>
      harness?.service.mutate('report.verifyDispose', {
        reportId: reportId(5),
        targetAgencyId: 'dishub',
      }),
    );
    await openFor('dispose', ids);
    const pick = openDialog()?.querySelector<HTMLButtonElement>('.routing__pick') ?? null;
    expect(pick?.textContent).toContain('Dinas Perhubungan');
    await click(pick);
    await check();
    expect(checked(harness)).toEqual({ kind: 'dispose', targetAgencyId: 'dishub' });
  });

  it('assigns to a person of the subtree, or to nobody', async () => {
    harness = await mountBulk();
    await openFor('assign', ids);
    await type(field('select'), 'u-op');
    await check();
    expect(checked(harness)).toEqual({ kind: 'assign', assigneeId: 'u-op' });
  });

  it('postpones with the message, returns with the reason and notes with the body', async () => {
    harness = await mountBulk();
    const cases: [BulkActionKind, BulkAction][] = [
      ['tunda', { kind: 'tunda', messageToReporter: 'Mohon lengkapi alamat' }],
      ['not_authority', { kind: 'not_authority', reason: 'Mohon lengkapi alamat' }],
      ['add_note', { kind: 'add_note', body: 'Mohon lengkapi alamat' }],
    ];
    for (const [kind, action] of cases) {
      await openFor(kind, ids);
      expect(dialogButton('Periksa')?.disabled).toBe(true);
      await type(field('textarea'), 'Mohon lengkapi alamat ');
      await check();
      expect(checked(harness)).toEqual(action);
      await run(() => {
        useBulkStore.getState().closeDialog();
      });
    }
  });

  it('archives with the reason and, for duplicates, the original number', async () => {
    harness = await mountBulk();
    await openFor('archive', ids);
    await type(field('select'), 'duplicate');
    expect(dialogButton('Periksa')?.disabled).toBe(true);
    await type(field('input'), '1900001');
    await check();
    expect(checked(harness)).toEqual({
      kind: 'archive',
      reason: 'duplicate',
      duplicateOf: '1900001',
    });
  });

  it('merges into the oldest selected report unless another is picked', async () => {
    harness = await mountBulk({ reports: makeReports(4) });
    await openFor('merge', [reportId(2), reportId(0), reportId(3)]);
    const radios = () => [...(openDialog()?.querySelectorAll('input[type="radio"]') ?? [])];
    expect(radios().map((r) => (r as HTMLInputElement).value)).toEqual([
      reportId(0),
      reportId(2),
      reportId(3),
    ]);
    expect(openDialog()?.textContent).toContain('(paling lama)');
    await check();
    expect(checked(harness)).toEqual({ kind: 'merge', keepReportId: reportId(0) });
    await run(() => {
      useBulkStore.getState().back();
    });
    await click(radios()[2] ?? null);
    await check();
    expect(checked(harness)).toEqual({ kind: 'merge', keepReportId: reportId(3) });
  });

  it('refuses to merge more reports than one merge takes', async () => {
    harness = await mountBulk();
    const many = Array.from({ length: MERGE_MAX + 1 }, (_, i) => `r-x${String(i)}`);
    await openFor('merge', many);
    expect(openDialog()?.querySelector('[role="alert"]')?.textContent).toBe(
      `Gabungkan paling banyak ${String(MERGE_MAX)} laporan sekaligus; kurangi pilihan.`,
    );
    expect(dialogButton('Periksa')?.disabled).toBe(true);
  });

  it('sets a category, tags added and removed, and privacy', async () => {
    harness = await mountBulk();
    await openFor('set_category', ids);
    await type(field('select'), 'cat-kes');
    await check();
    expect(checked(harness)).toEqual({ kind: 'set_category', categoryId: 'cat-kes' });
    await run(() => {
      useBulkStore.getState().closeDialog();
    });

    await openFor('set_tags', ids);
    const inputs = () => [...(openDialog()?.querySelectorAll('input') ?? [])];
    await type(inputs()[0] ?? null, 'banjir');
    await press(inputs()[0] ?? window, 'Enter');
    // Typed but not added with Enter: still meant.
    await type(inputs()[1] ?? null, 'lama');
    await check();
    expect(checked(harness)).toEqual({ kind: 'set_tags', add: ['banjir'], remove: ['lama'] });
    await run(() => {
      useBulkStore.getState().closeDialog();
    });

    await openFor('set_privacy', ids);
    await click(field('input[type="checkbox"]'));
    await check();
    expect(checked(harness)).toEqual({ kind: 'set_privacy', rahasia: true, anonim: false });
  });
});

describe('bulk confirmation', () => {
  async function disposeCheck(h: BulkHarness, ids: readonly string[]) {
    await openFor('dispose', ids);
    await type(field('input[type="search"]'), 'kesehatan');
    await check();
    expect(h.previewBulk).toHaveBeenCalled();
  }

  const reports = [
    ...makeReports(3),
    makeReport(3, { status: 'completed', dueAt: null, closedAt: 1 }),
    makeReport(4, { status: 'archived', archiveReason: 'too_general', dueAt: null, closedAt: 1 }),
  ];

  it('states the exact sentence, the counts and the skipped reports with their reasons', async () => {
    harness = await mountBulk({ reports });
    await disposeCheck(harness, [0, 1, 2, 3, 4].map(reportId));
    expect(byTestId('bulk-sentence')?.textContent).toBe(
      'Disposisikan 3 laporan ke Dinas Kesehatan',
    );
    expect(openDialog()?.textContent).toContain('3 akan diproses, 2 dilewati');
    expect(byTestId('bulk-skipped-count')?.textContent).toBe('2');
    expect(openDialog()?.querySelector('.bulk-skips')).toBeNull();
    await click(dialogButton('(lihat alasan)'));
    const skipped = [...(openDialog()?.querySelectorAll('.bulk-skips li') ?? [])].map(
      (li) => li.textContent,
    );
    expect(skipped).toEqual([
      `#${trackingId(3)} Status laporan sudah berubah; tindakan ini tidak berlaku lagi.`,
      `#${trackingId(4)} Status laporan sudah berubah; tindakan ini tidak berlaku lagi.`,
    ]);
    const sample = [...(openDialog()?.querySelectorAll('.bulk-confirm__sample li') ?? [])];
    expect(sample.map((li) => li.textContent)).toEqual(
      [0, 1, 2].map((i) => `#${trackingId(i)} · Jalan rusak nomor ${String(i)}`),
    );
    expect(byTestId('bulk-confirm')?.textContent).toBe('Ya, proses 3 laporan');
  });

  it('runs once with the undo window as hold, clears the selection and keeps the skipped', async () => {
    harness = await mountBulk({ reports });
    await run(() => {
      useUndoWindowStore.getState().setSeconds(7);
    });
    await disposeCheck(harness, [0, 1, 2, 3].map(reportId));
    const confirm = byTestId('bulk-confirm');
    // Confirmed twice before the first answer: one batch.
    await run(() => {
      confirm?.click();
      confirm?.click();
    });
    expect(harness.runBulk).toHaveBeenCalledTimes(1);
    expect(harness.runBulk.mock.calls[0]).toEqual([
      {
        action: { kind: 'dispose', targetAgencyId: 'dinkes' },
        reportIds: [0, 1, 2, 3].map(reportId),
      },
      7000,
    ]);
    expect(openDialog()).toBeNull();
    expect(useSelectionStore.getState().ids.size).toBe(0);
    expect((await harness.service.report(reportId(0)))?.report.status).toBe('disposed');
    expect(byTestId('undo-toast')?.textContent).toContain('3 laporan didisposisikan');
    expect(byTestId('undo-held')?.textContent).toBe('belum dikirim · 7 dtk');
    const selectSkipped = [...(byTestId('undo-toast')?.querySelectorAll('button') ?? [])].find(
      (b) => b.textContent === 'Pilih 1 yang dilewati',
    );
    await click(selectSkipped ?? null);
    expect([...useSelectionStore.getState().ids]).toEqual([reportId(3)]);
  });

  it('shows a refusal at run time and checks again on request', async () => {
    harness = await mountBulk();
    await disposeCheck(harness, [reportId(0)]);
    harness.service.failNextBulkRun({
      code: 'bulk/refused',
      message: 'changed',
      reportId: reportId(0),
      reasonKey: 'workflow.wrong_status',
    });
    await click(byTestId('bulk-confirm'));
    expect(openDialog()?.querySelector('[role="alert"]')?.textContent).toContain(
      'Keadaan laporan berubah sejak diperiksa; tidak ada yang diubah. Status laporan sudah berubah',
    );
    expect(useSelectionStore.getState().ids.size).toBe(1);
    const previews = harness.previewBulk.mock.calls.length;
    await click(dialogButton('Periksa ulang'));
    expect(harness.previewBulk).toHaveBeenCalledTimes(previews + 1);
    expect(openDialog()?.querySelector('[role="alert"]')).toBeNull();
    await click(byTestId('bulk-confirm'));
    expect(openDialog()).toBeNull();
  });

  it('shows the check as busy until the preview answers, and drops it when cancelled', async () => {
    harness = await mountBulk();
    let answer: (() => void) | null = null;
    const real = harness.service.previewBulk.bind(harness.service);
    harness.previewBulk.mockImplementationOnce(
      (request) =>
        new Promise((resolve) => {
          answer = () => {
            resolve(real(request));
          };
        }),
    );
    await openFor('add_note', [reportId(0)]);
    await type(field('textarea'), 'Catatan');
    await check();
    expect(openDialog()?.querySelector('[aria-busy="true"]')?.textContent).toBe(
      'Memeriksa 1 laporan…',
    );
    expect(dialogButton('Periksa')?.disabled).toBe(true);
    await click(dialogButton('Batal'));
    expect(openDialog()).toBeNull();
    await run(() => {
      answer?.();
    });
    await flush();
    expect(useBulkStore.getState().dialog).toBeNull();
  });

  it('cannot be confirmed when nothing applies', async () => {
    harness = await mountBulk({ reports });
    await disposeCheck(harness, [reportId(3)]);
    expect(openDialog()?.textContent).toContain(
      'Tindakan ini tidak berlaku untuk satu pun laporan yang dipilih.',
    );
    expect((byTestId('bulk-confirm') as HTMLButtonElement | null)?.disabled).toBe(true);
  });
});
