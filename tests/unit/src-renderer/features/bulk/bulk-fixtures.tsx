// Shared set-up of the bulk UI tests: the inbox fixtures' fake service and reports, the stores the
// bulk UI reads reset, the bar and the workspace mounted, and the registry's commands run as the
// key dispatcher would run them.
import { vi, type MockInstance } from 'vitest';
import type { SessionUser } from '../../../../../src-shared/api/auth';
import type { Agency } from '../../../../../src-shared/domain/agency';
import type { Report } from '../../../../../src-shared/domain/report';
import type { Template } from '../../../../../src-shared/domain/template';
import { BulkBar } from '../../../../../src-renderer/features/bulk/BulkBar';
import { BulkWorkspace } from '../../../../../src-renderer/features/bulk/BulkWorkspace';
import { resetBulkStore } from '../../../../../src-renderer/features/bulk/bulk-store';
import { useUndoWindowStore } from '../../../../../src-renderer/features/bulk/undo-window-store';
import {
  initialCommandState,
  useCommandStore,
} from '../../../../../src-renderer/features/commands/command-registry';
import { useSelectionStore } from '../../../../../src-renderer/features/selection/selection-store';
import type { FakeInboxService } from '../../../../support/fake-inbox-service';
import {
  adminUser,
  attach,
  click,
  fakeService,
  makeReport,
  makeReports,
  mount,
  NOW,
  run,
  type Mounted,
} from '../inbox/inbox-fixtures';

export { adminUser, click, fakeService, makeReport, makeReports, NOW, run };

export interface BulkHarness {
  readonly service: FakeInboxService;
  readonly clock: { now: number };
  readonly mounted: Mounted;
  readonly previewBulk: MockInstance<FakeInboxService['previewBulk']>;
  readonly runBulk: MockInstance<FakeInboxService['runBulk']>;
  readonly undoBatch: MockInstance<FakeInboxService['undoBatch']>;
  close(): void;
}

/**
 * The bulk bar and workspace over `service`, signed in as `user`, with spies on the bulk calls.
 * The clock is the service's and the toast's (tests move it).
 */
export async function mountBulk(
  options: {
    reports?: readonly Report[];
    user?: SessionUser;
    templates?: readonly Template[];
    agencies?: readonly Agency[];
  } = {},
): Promise<BulkHarness> {
  const clock = { now: NOW };
  const service = fakeService({
    reports: options.reports ?? makeReports(3),
    now: () => clock.now,
    ...(options.user === undefined ? {} : { user: options.user }),
    ...(options.templates === undefined ? {} : { templates: options.templates }),
    ...(options.agencies === undefined ? {} : { agencies: options.agencies }),
  });
  const previewBulk = vi.spyOn(service, 'previewBulk');
  const runBulk = vi.spyOn(service, 'runBulk');
  const undoBatch = vi.spyOn(service, 'undoBatch');
  resetBulkStore();
  useSelectionStore.getState().clear();
  useCommandStore.setState(initialCommandState());
  useUndoWindowStore.setState({ seconds: 10 });
  const detach = await attach(service, options.user ?? adminUser);
  const deps = { now: () => clock.now };
  const mounted = await mount(
    <>
      <BulkBar />
      <BulkWorkspace service={service} deps={deps} />
    </>,
  );
  return {
    service,
    clock,
    mounted,
    previewBulk,
    runBulk,
    undoBatch,
    close() {
      mounted.unmount();
      detach();
      resetBulkStore();
      useSelectionStore.getState().clear();
    },
  };
}

export async function select(ids: readonly string[]): Promise<void> {
  await run(() => {
    useSelectionStore.getState().replace(ids);
  });
}

/** Runs the registered command bound to `keys`, as the key dispatcher does for that key. */
export async function runKeys(keys: string): Promise<void> {
  const command = [...useCommandStore.getState().commands.values()].find((c) => c.keys === keys);
  if (command === undefined) throw new Error(`no command on ${keys}`);
  await run(() => {
    command.run();
  });
}

export const byTestId = (id: string): HTMLElement | null =>
  document.querySelector(`[data-testid="${id}"]`);
export const openDialog = (): HTMLDialogElement | null => document.querySelector('dialog[open]');

/** A button of the open dialog by its text. */
export function dialogButton(text: string): HTMLButtonElement | null {
  const buttons = [...(openDialog()?.querySelectorAll('button') ?? [])];
  return buttons.find((b) => b.textContent.trim().startsWith(text)) ?? null;
}

export const reportId = (i: number): string => makeReport(i).id;
export const trackingId = (i: number): string => makeReport(i).trackingId;
