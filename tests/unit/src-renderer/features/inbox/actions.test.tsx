// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { useCommandStore } from '../../../../../src-renderer/features/commands/command-registry';
import { availableUiActions } from '../../../../../src-renderer/features/inbox/actions/action-catalog';
import { useInboxStore } from '../../../../../src-renderer/features/inbox/inbox-store';
import { ReportDetailPane } from '../../../../../src-renderer/features/inbox/ReportDetailPane';
import { ReportList } from '../../../../../src-renderer/features/inbox/ReportList';
import {
  adminUser,
  agencies,
  attach,
  click,
  fakeService,
  makeReport,
  mount,
  press,
  run,
  type,
  type Mounted,
} from './inbox-fixtures';

let mounted: Mounted | null = null;
let detach: (() => void) | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  detach?.();
  detach = null;
});

const agencyMap = new Map(agencies.map((a) => [a.id, a]));
const button = (action: string) => document.querySelector(`[data-action="${action}"]`);
const dialog = () => document.querySelector('dialog[open]');
const submitButton = () => dialog()?.querySelector('button[type="submit"]') ?? null;

async function openReport(service: ReturnType<typeof fakeService>, user = adminUser) {
  detach = await attach(service, user);
  mounted = await mount(
    <>
      <ReportList onOpen={() => undefined} />
      <ReportDetailPane />
    </>,
  );
  await run(() => {
    useInboxStore.getState().selectIndex(0);
  });
}

describe('available actions', () => {
  it('offers verification moves and edits to a coordinator on an unverified report', () => {
    expect(availableUiActions(makeReport(0), adminUser, agencyMap)).toEqual([
      'verify_dispose',
      'tunda',
      'archive',
      'not_authority',
      'set_category',
      'set_tags',
      'set_privacy',
      'assign',
      'add_note',
    ]);
  });

  it('offers a unit operator only what its role may do on its own disposed report', () => {
    const report = makeReport(0, {
      status: 'disposed',
      agencyId: 'dinkes',
      unitId: 'dinkes-yankes',
    });
    const operator = { id: 'u-op', role: 'operator_unit' as const, agencyId: 'dinkes-yankes' };
    expect(availableUiActions(report, operator, agencyMap)).toEqual([
      'start_processing',
      'assign',
      'add_note',
    ]);
  });

  it('offers nothing to the head of agency and nothing outside the subtree', () => {
    const head = { id: 'u-head', role: 'pimpinan' as const, agencyId: 'prov' };
    expect(availableUiActions(makeReport(0), head, agencyMap)).toEqual([]);
    const dishubAdmin = { id: 'x', role: 'admin_instansi' as const, agencyId: 'dishub' };
    expect(
      availableUiActions(makeReport(0, { agencyId: 'dinkes' }), dishubAdmin, agencyMap),
    ).toEqual([]);
  });

  it('offers reopen, not edits, on a completed report', () => {
    const report = makeReport(0, { status: 'completed', dueAt: null, closedAt: 1 });
    expect(availableUiActions(report, adminUser, agencyMap)).toEqual(['reopen', 'add_note']);
  });
});

describe('action dialogs', () => {
  it('shows only the allowed actions as buttons', async () => {
    await openReport(fakeService({ reports: [makeReport(0)] }));
    expect(button('verify_dispose')).not.toBeNull();
    expect(button('tunda')).not.toBeNull();
    expect(button('start_processing')).toBeNull();
    expect(button('reopen')).toBeNull();
  });

  it('postpones with the message to the reporter and shows the change at once', async () => {
    const service = fakeService({ reports: [makeReport(0)] });
    await openReport(service);
    await click(button('tunda'));
    expect(dialog()?.getAttribute('aria-label')).toBe('Tunda');
    expect(service.presenceCalls.at(-1)).toEqual({ reportId: 'r-000000', editing: true });
    await type(dialog()?.querySelector('textarea') ?? null, 'Mohon lampirkan foto lokasi');
    await click(submitButton());
    expect(service.mutations.map((m) => [m.name, m.args])).toEqual([
      ['report.tunda', { reportId: 'r-000000', messageToReporter: 'Mohon lampirkan foto lokasi' }],
    ]);
    expect(dialog()).toBeNull();
    expect(service.presenceCalls.at(-1)).toEqual({ reportId: 'r-000000', editing: false });
    // The list follows at once: the report left the unverified queue.
    expect(useInboxStore.getState().total).toBe(0);
    expect(useInboxStore.getState().detail?.report.status).toBe('pending_info');
  });

  it('shows the reason of a local refusal and keeps the dialog open', async () => {
    const service = fakeService({ reports: [makeReport(0)] });
    await openReport(service);
    await click(button('tunda'));
    await click(submitButton()); // empty message: the shared mutator refuses
    expect(dialog()?.querySelector('[role="alert"]')?.textContent).toBe(
      'Tulis pesan kepada pelapor tentang data yang perlu dilengkapi.',
    );
    expect(service.mutations).toHaveLength(0);
    expect(dialog()).not.toBeNull();

    service.failNextMutation({
      code: 'workflow/wrong-status',
      reasonKey: 'workflow.wrong_status',
      message: 'moved on',
    });
    await type(dialog()?.querySelector('textarea') ?? null, 'Lengkapi alamat');
    await click(submitButton());
    expect(dialog()?.querySelector('[role="alert"]')?.textContent).toBe(
      'Status laporan sudah berubah; tindakan ini tidak berlaku lagi.',
    );
  });

  it('verifies and disposes to an agency found by typing, with a unit and a note', async () => {
    const service = fakeService({ reports: [makeReport(0)] });
    await openReport(service);
    await press(window, 'd'); // the action's key
    expect(dialog()?.getAttribute('aria-label')).toBe('Verifikasi & disposisi');
    const [search] = Array.from(dialog()?.querySelectorAll('input') ?? []);
    await type(search ?? null, 'kes');
    const selects = Array.from(dialog()?.querySelectorAll('select') ?? []);
    const options = Array.from(selects[0]?.querySelectorAll('option') ?? []).map(
      (o) => o.textContent,
    );
    expect(options).toEqual(['Dinas Kesehatan']);
    await type(selects[1] ?? null, 'dinkes-yankes');
    await type(dialog()?.querySelector('textarea') ?? null, 'Tindak lanjuti minggu ini');
    await click(submitButton());
    expect(service.mutations.map((m) => [m.name, m.args])).toEqual([
      [
        'report.verifyDispose',
        {
          reportId: 'r-000000',
          targetAgencyId: 'dinkes',
          targetUnitId: 'dinkes-yankes',
          note: 'Tindak lanjuti minggu ini',
        },
      ],
    ]);
    expect(dialog()).toBeNull();
  });

  it('opens each action with its key and registers the actions as report commands', async () => {
    const service = fakeService({ reports: [makeReport(0)] });
    await openReport(service);
    const keyed: [string, string, Parameters<typeof press>[2]][] = [
      ['e', 'Arsipkan', {}],
      ['a', 'Tugaskan', {}],
      ['#', 'Label', { shiftKey: true }],
      ['c', 'Kategori', {}],
      ['w', 'Bukan wewenang', {}],
    ];
    for (const [key, title, modifiers] of keyed) {
      await press(window, key, modifiers);
      expect(dialog()?.getAttribute('aria-label'), key).toBe(title);
      await click(
        Array.from(dialog()?.querySelectorAll('button') ?? []).find(
          (b) => b.textContent === 'Batal',
        ) ?? null,
      );
      expect(dialog()).toBeNull();
    }
    // `r` is kept for reply: it opens nothing.
    await press(window, 'r');
    expect(dialog()).toBeNull();
    expect(useCommandStore.getState().commands.get('report.archive')).toMatchObject({
      group: 'report',
      label: 'Arsipkan',
      keys: 'e',
    });
    expect(button('archive')?.getAttribute('aria-keyshortcuts')).toBe('e');
    expect(button('set_tags')?.querySelector('kbd')?.textContent).toBe('#');
  });

  it('archives a duplicate with the original tracking number', async () => {
    const service = fakeService({ reports: [makeReport(0)] });
    await openReport(service);
    await click(button('archive'));
    await type(dialog()?.querySelector('select') ?? null, 'duplicate');
    await type(dialog()?.querySelector('input') ?? null, '1916449');
    await click(submitButton());
    expect(service.mutations[0]?.args).toEqual({
      reportId: 'r-000000',
      reason: 'duplicate',
      duplicateOf: '1916449',
    });
  });

  it('adds an internal note with a fresh id, sets tags as chips and warns before anonim', async () => {
    const service = fakeService({ reports: [makeReport(0)] });
    await openReport(service);
    await click(button('add_note'));
    await type(dialog()?.querySelector('textarea') ?? null, 'Hubungi puskesmas');
    await click(submitButton());
    const note = service.mutations[0];
    expect(note?.name).toBe('note.add');
    expect(note?.args).toMatchObject({ reportId: 'r-000000', body: 'Hubungi puskesmas' });
    expect((note?.args as { noteId: string }).noteId).toMatch(/^[0-9a-f-]{36}$/);

    await click(button('set_tags'));
    const input = dialog()?.querySelector('input') ?? null;
    await type(input, 'jalan');
    await press(input as HTMLElement, 'Enter');
    await type(input, 'banjir');
    await press(input as HTMLElement, 'Enter');
    expect(
      Array.from(dialog()?.querySelectorAll('.chip') ?? []).map((c) => c.firstChild?.textContent),
    ).toEqual(['jalan', 'banjir']);
    await click(dialog()?.querySelector('button[aria-label="Hapus label jalan"]') ?? null);
    await click(submitButton());
    expect(service.mutations[1]?.args).toEqual({ reportId: 'r-000000', tags: ['banjir'] });

    await click(button('set_privacy'));
    const [, anonim] = Array.from(dialog()?.querySelectorAll('input[type="checkbox"]') ?? []);
    expect(dialog()?.textContent).not.toContain('tidak dapat dibatalkan');
    await click(anonim ?? null);
    expect(dialog()?.textContent).toContain('anonim tidak dapat dibatalkan');
    await click(submitButton());
    expect(service.mutations[2]?.args).toEqual({
      reportId: 'r-000000',
      rahasia: false,
      anonim: true,
    });
  });

  it('assigns to a person who can work on the report', async () => {
    const service = fakeService({
      reports: [makeReport(0, { agencyId: 'dinkes', unitId: 'dinkes-yankes' })],
    });
    await openReport(service);
    await click(button('assign'));
    const options = Array.from(dialog()?.querySelectorAll('option') ?? []).map((o) => o.value);
    // The head of agency reads dashboards and is never a candidate.
    expect(options).toEqual(['', 'u-op', 'u-admin']);
    await type(dialog()?.querySelector('select') ?? null, 'u-op');
    await click(submitButton());
    expect(service.mutations[0]?.args).toEqual({ reportId: 'r-000000', assigneeId: 'u-op' });
  });
});
