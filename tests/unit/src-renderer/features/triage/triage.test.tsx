// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { useInboxStore } from '../../../../../src-renderer/features/inbox/inbox-store';
import { ListToolbar } from '../../../../../src-renderer/features/inbox/ListToolbar';
import { ReportDetailPane } from '../../../../../src-renderer/features/inbox/ReportDetailPane';
import { ReportList } from '../../../../../src-renderer/features/inbox/ReportList';
import { triageProgress } from '../../../../../src-renderer/features/triage/triage-controller';
import { useTriageStore } from '../../../../../src-renderer/features/triage/triage-store';
import { useTriageMode } from '../../../../../src-renderer/features/triage/use-triage-mode';
import {
  attach,
  click,
  fakeService,
  makeReports,
  mount,
  press,
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
});

let opened = 0;
function Workspace() {
  useTriageMode(() => {
    opened += 1;
  });
  return (
    <>
      <ListToolbar filtersOpen={false} onToggleFilters={() => undefined} />
      <ReportList onOpen={() => undefined} />
      <ReportDetailPane />
    </>
  );
}

async function mountWorkspace(count: number) {
  const service = fakeService({ reports: makeReports(count) });
  detach = await attach(service);
  opened = 0;
  mounted = await mount(<Workspace />);
  return service;
}

const status = () => text(document.querySelector('[data-testid="triage-status"]'));
const dialog = () => document.querySelector('dialog[open]');
const openReportId = () => useInboxStore.getState().detail?.report.id;
const id = (i: number) => `r-${String(i).padStart(6, '0')}`;

async function decide(key: string, message: string) {
  await press(document.body, key);
  await type(dialog()?.querySelector('textarea') ?? null, message);
  await click(dialog()?.querySelector('button[type="submit"]') ?? null);
}

describe('triage mode', () => {
  it('opens the first report and moves to the next after each decision until the queue is done', async () => {
    const service = await mountWorkspace(3);
    await press(document.body, 'T', { shiftKey: true });
    expect(useTriageStore.getState().isActive).toBe(true);
    expect(openReportId()).toBe(id(0));
    expect(opened).toBe(1);
    expect(status()).toBe('Mode triase · 1 dari 3');
    const toggle = document.querySelector('button.triage-toggle');
    expect(toggle?.getAttribute('aria-pressed')).toBe('true');

    await decide('t', 'Mohon lengkapi alamat');
    expect(service.mutations.map((m) => m.name)).toEqual(['report.tunda']);
    expect(dialog()).toBeNull();
    // The decided report left the queue: the next one is at the same place.
    expect(useInboxStore.getState().selectedIndex).toBe(0);
    expect(openReportId()).toBe(id(1));
    expect(opened).toBe(2);
    expect(status()).toBe('Mode triase · 2 dari 3');

    // A note is not a decision: triage stays on the report.
    await decide('n', 'Cek ke lapangan');
    expect(openReportId()).toBe(id(1));
    expect(status()).toBe('Mode triase · 2 dari 3');

    await decide('t', 'Sebutkan nama jalan');
    expect(openReportId()).toBe(id(2));
    expect(status()).toBe('Mode triase · 3 dari 3');

    await decide('t', 'Lampirkan foto');
    expect(useTriageStore.getState().isActive).toBe(false);
    expect(status()).toBe('Antrean selesai: 3 laporan ditangani.');
  });

  it('moves one further when the decided report stays in the queue', async () => {
    await mountWorkspace(3);
    await press(document.body, 'T', { shiftKey: true });
    // As if a decision succeeded that keeps the report in this queue.
    await run(() => {
      useTriageStore.getState().actionDone('report.startProcessing', { reportId: id(0) });
    });
    expect(useInboxStore.getState().selectedIndex).toBe(1);
    expect(openReportId()).toBe(id(1));
    expect(status()).toBe('Mode triase · 2 dari 3');
  });

  it('moves on after a published reply or approval, not after one sent for approval', async () => {
    await mountWorkspace(3);
    await press(document.body, 'T', { shiftKey: true });
    const reply = { reportId: id(0), responseId: 'resp-1', body: 'Terima kasih.' };
    await run(() => {
      useTriageStore.getState().actionDone('response.send', { ...reply, publish: false });
    });
    expect(openReportId()).toBe(id(0));
    await run(() => {
      useTriageStore.getState().actionDone('response.send', { ...reply, publish: true });
    });
    expect(openReportId()).toBe(id(1));
    await run(() => {
      useTriageStore
        .getState()
        .actionDone('response.approve', { reportId: id(1), responseId: 'resp-2', publish: true });
    });
    expect(openReportId()).toBe(id(2));
  });

  it('ends with Esc, with its toolbar button and on another queue', async () => {
    await mountWorkspace(3);
    await press(document.body, 'T', { shiftKey: true });
    await press(document.body, 'Escape');
    expect(useTriageStore.getState().isActive).toBe(false);
    expect(status()).toBe('');

    const toggle = document.querySelector('button.triage-toggle');
    await click(toggle);
    expect(useTriageStore.getState().isActive).toBe(true);
    await click(toggle);
    expect(useTriageStore.getState().isActive).toBe(false);

    await press(document.body, 'T', { shiftKey: true });
    await run(() => {
      useInboxStore.getState().setQueue('pending_info');
    });
    expect(useTriageStore.getState().isActive).toBe(false);
    // Decisions outside triage mode move nothing.
    await run(() => {
      useInboxStore.getState().setQueue('unverified');
    });
    await run(() => {
      useInboxStore.getState().selectIndex(0);
    });
    await decide('t', 'Lengkapi data');
    expect(useInboxStore.getState().selectedId).toBe(id(0));
  });

  it('counts the report on screen among those decided and those left', () => {
    expect(triageProgress(0, 20, 0)).toEqual({ position: 1, total: 20 });
    // Two decided and gone from the queue: 18 left from the cursor.
    expect(triageProgress(2, 18, 0)).toEqual({ position: 3, total: 20 });
    // Two decided that stayed: the cursor moved past them.
    expect(triageProgress(2, 20, 2)).toEqual({ position: 3, total: 20 });
  });
});
