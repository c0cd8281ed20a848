import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BatchSummary } from '../../../../../src-shared/bulk/bulk-action';
import { resetBulkStore, useBulkStore } from '../../../../../src-renderer/features/bulk/bulk-store';
import { fakeService, makeReports } from '../inbox/inbox-fixtures';

afterEach(() => {
  resetBulkStore();
});

describe('bulk store', () => {
  it('reads the batches once more after a burst of announcements, not once per announcement', async () => {
    const service = fakeService({ reports: makeReports(2) });
    const answers: ((value: readonly BatchSummary[]) => void)[] = [];
    const batches = vi
      .spyOn(service, 'batches')
      .mockImplementation(() => new Promise((resolve) => answers.push(resolve)));
    useBulkStore.getState().attach(service);
    expect(batches).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 5; i++) service.emit({ type: 'batches' });
    expect(batches).toHaveBeenCalledTimes(1);
    answers[0]?.([]);
    await vi.waitFor(() => {
      expect(batches).toHaveBeenCalledTimes(2);
    });
    answers[1]?.([]);
    await vi.waitFor(() => {
      expect(answers).toHaveLength(2);
    });
    expect(batches).toHaveBeenCalledTimes(2);
  });

  it('drops a preview that answers after the dialog was closed', async () => {
    const service = fakeService({ reports: makeReports(2) });
    const held: { answer: (() => void) | null } = { answer: null };
    const real = service.previewBulk.bind(service);
    vi.spyOn(service, 'previewBulk').mockImplementation(
      (request) =>
        new Promise((resolve) => {
          held.answer = () => {
            resolve(real(request));
          };
        }),
    );
    const store = useBulkStore.getState();
    store.attach(service);
    store.openDialog('add_note', ['r-000000']);
    const checking = store.check({ kind: 'add_note', body: 'x' });
    expect(useBulkStore.getState().dialog?.step.step).toBe('checking');
    store.closeDialog();
    store.openDialog('add_note', ['r-000001']);
    held.answer?.();
    await checking;
    expect(useBulkStore.getState().dialog).toMatchObject({
      reportIds: ['r-000001'],
      step: { step: 'form' },
    });
  });
});
