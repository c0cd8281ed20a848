// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { useBulkStore } from '../../../../../src-renderer/features/bulk/bulk-store';
import { useCommandStore } from '../../../../../src-renderer/features/commands/command-registry';
import {
  byTestId,
  click,
  mountBulk,
  openDialog,
  reportId,
  run,
  runKeys,
  select,
  type BulkHarness,
} from './bulk-fixtures';

let harness: BulkHarness | null = null;
afterEach(() => {
  harness?.close();
  harness = null;
});

const barButtons = () =>
  [...document.querySelectorAll('[data-testid="bulk-bar"] button')].map((b) => [
    b.getAttribute('data-bulk-action'),
    b.querySelector('kbd')?.textContent,
    b.getAttribute('aria-keyshortcuts'),
  ]);

describe('bulk bar', () => {
  it('is absent without a selection and shows the count with one button per admin action', async () => {
    harness = await mountBulk();
    expect(byTestId('bulk-bar')).toBeNull();
    await select([reportId(0), reportId(1), reportId(2)]);
    expect(byTestId('bulk-count')?.textContent).toBe('3 laporan dipilih');
    expect(barButtons()).toEqual([
      ['dispose', 'd', 'd'],
      ['tunda', 't', 't'],
      ['not_authority', 'w', 'w'],
      ['archive', 'e', 'e'],
      ['merge', 'Shift+M', 'Shift+M'],
      ['set_category', 'c', 'c'],
      ['set_tags', '#', '#'],
      ['set_privacy', 'p', 'p'],
      ['assign', 'a', 'a'],
      ['add_note', 'n', 'n'],
    ]);
  });

  it('shows a unit operator reply, assign and note', async () => {
    harness = await mountBulk({
      user: {
        id: 'u-op',
        username: 'operator',
        displayName: 'Budi Santoso',
        role: 'operator_unit',
        agencyId: 'dinkes-yankes',
      },
    });
    await select([reportId(0)]);
    expect(barButtons()).toEqual([
      ['reply', 'r', 'r'],
      ['assign', 'a', 'a'],
      ['add_note', 'n', 'n'],
    ]);
  });

  it('shows a liaison officer "Setujui & terbitkan" and opens it with Shift+A', async () => {
    harness = await mountBulk({
      user: {
        id: 'u-liaison',
        username: 'penghubung',
        displayName: 'Drs. Bambang Hermawan',
        role: 'pejabat_penghubung',
        agencyId: 'dinkes',
      },
    });
    await select([reportId(0), reportId(1)]);
    expect(barButtons()).toEqual([
      ['reply', 'r', 'r'],
      ['approve_responses', 'Shift+A', 'Shift+A'],
      ['assign', 'a', 'a'],
      ['add_note', 'n', 'n'],
    ]);
    expect(document.querySelector('[data-bulk-action="approve_responses"]')?.textContent).toContain(
      'Setujui & terbitkan',
    );
    await runKeys('shift+a');
    expect(useBulkStore.getState().dialog).toMatchObject({
      kind: 'approve_responses',
      reportIds: [reportId(0), reportId(1)],
    });
  });

  it('registers the bulk commands with their keys only while reports are selected', async () => {
    harness = await mountBulk();
    const bulkCommands = () =>
      [...useCommandStore.getState().commands.values()]
        .filter((c) => c.group === 'bulk')
        .map((c) => [c.id, c.keys]);
    expect(bulkCommands()).toEqual([]);
    await select([reportId(0), reportId(1)]);
    expect(bulkCommands()).toContainEqual(['bulk.dispose', 'd']);
    expect(bulkCommands()).toContainEqual(['bulk.merge', 'shift+m']);
    expect(bulkCommands()).toHaveLength(10);
    expect(useCommandStore.getState().commands.get('bulk.archive')?.label).toBe(
      'Arsipkan (2 laporan dipilih)',
    );
    await select([]);
    expect(bulkCommands()).toEqual([]);
  });

  it('opens the dialog of an action from its key and from its button, for the selection', async () => {
    harness = await mountBulk();
    await select([reportId(2), reportId(0)]);
    await runKeys('e');
    expect(useBulkStore.getState().dialog).toMatchObject({
      kind: 'archive',
      reportIds: [reportId(2), reportId(0)],
    });
    expect(openDialog()?.getAttribute('aria-label')).toBe('Arsipkan: 2 laporan dipilih');
    await run(() => {
      useBulkStore.getState().closeDialog();
    });
    await click(document.querySelector('[data-bulk-action="set_privacy"]'));
    expect(useBulkStore.getState().dialog?.kind).toBe('set_privacy');
  });
});
