// Shared fixtures for the inbox UI tests: a small agency tree, users, categories, reports, the
// fake InboxService attached to the inbox store, and a React root driven with act().
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { SessionUser } from '../../../../../src-shared/api/auth';
import type { Agency } from '../../../../../src-shared/domain/agency';
import type { Category } from '../../../../../src-shared/domain/category';
import type { Report } from '../../../../../src-shared/domain/report';
import type { User } from '../../../../../src-shared/domain/user';
import {
  initialCommandState,
  useCommandStore,
} from '../../../../../src-renderer/features/commands/command-registry';
import { installKeyDispatcher } from '../../../../../src-renderer/features/commands/key-dispatcher';
import {
  initialPaletteState,
  usePaletteStore,
} from '../../../../../src-renderer/features/commands/palette-store';
import {
  resetInboxStore,
  useInboxStore,
} from '../../../../../src-renderer/features/inbox/inbox-store';
import { resetListOrderIds } from '../../../../../src-renderer/features/selection/list-selection';
import {
  initialSelectionState,
  useSelectionStore,
} from '../../../../../src-renderer/features/selection/selection-store';
import {
  initialTriageState,
  useTriageStore,
} from '../../../../../src-renderer/features/triage/triage-store';
import { useLocaleStore } from '../../../../../src-renderer/i18n/i18n';
import {
  createFakeInboxService,
  type FakeInboxOptions,
  type FakeInboxService,
} from '../../../../support/fake-inbox-service';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Wednesday 11 June 2025, 10:00 WIB: a working day. */
export const NOW = Date.UTC(2025, 5, 11, 3, 0, 0);
export const DAY = 86_400_000;

const settings = { resolutionDays: 14, adminsMayPublish: false, pendingInfoWaitDays: 10 };
const agency = (
  id: string,
  parentId: string | null,
  name: string,
  level: Agency['level'],
): Agency => ({ id, parentId, name, level, timeZone: 'WIB', settings, version: 1 });

export const agencies: Agency[] = [
  agency('prov', null, 'Pemerintah Provinsi Nusa Harapan', 'province'),
  agency('dinkes', 'prov', 'Dinas Kesehatan', 'opd'),
  agency('dinkes-yankes', 'dinkes', 'Bidang Pelayanan Kesehatan', 'unit'),
  agency('dishub', 'prov', 'Dinas Perhubungan', 'opd'),
  agency('disdik', 'prov', 'Dinas Pendidikan', 'opd'),
];

export const users: User[] = [
  {
    id: 'u-admin',
    username: 'koordinator',
    displayName: 'Siti Rahmawati',
    role: 'admin_koordinator',
    agencyId: 'prov',
  },
  {
    id: 'u-op',
    username: 'operator',
    displayName: 'Budi Santoso',
    role: 'operator_unit',
    agencyId: 'dinkes-yankes',
  },
  {
    id: 'u-head',
    username: 'pimpinan',
    displayName: 'Ibu Kepala',
    role: 'pimpinan',
    agencyId: 'prov',
  },
];

export const categories: Category[] = [
  { id: 'cat-kes', parentId: null, code: 'kesehatan', name: 'Kesehatan', isActive: true },
  { id: 'cat-trans', parentId: null, code: 'transportasi', name: 'Transportasi', isActive: true },
];

export const adminUser: SessionUser = {
  id: 'u-admin',
  username: 'koordinator',
  displayName: 'Siti Rahmawati',
  role: 'admin_koordinator',
  agencyId: 'prov',
};

export function makeReport(i: number, overrides: Partial<Report> = {}): Report {
  return {
    id: `r-${String(i).padStart(6, '0')}`,
    trackingId: String(1_900_000 + i),
    title: `Jalan rusak nomor ${String(i)}`,
    body: `Isi laporan ${String(i)}`,
    categoryId: null,
    tags: [],
    location: { text: 'Kota Harapan' },
    incidentDate: null,
    channel: 'web',
    type: 'pengaduan',
    privacy: { rahasia: false, anonim: false },
    reporter: { name: 'Warga Teladan', phone: '081234567890' },
    attachments: [],
    agencyId: 'prov',
    unitId: null,
    assigneeId: null,
    timeZone: 'WIB',
    status: 'unverified',
    archiveReason: null,
    duplicateOf: null,
    createdAt: NOW - 2 * DAY + i,
    routedAt: NOW - 2 * DAY + i,
    disposedAt: null,
    firstResponseAt: null,
    respondedAt: null,
    closedAt: null,
    pausedAt: null,
    pausedWorkingMs: 0,
    extendedResolutionDays: null,
    // Far enough ahead to be on track; ordered by i.
    dueAt: NOW + 3 * DAY + i * 1000,
    updatedAt: NOW - DAY,
    version: 1,
    ...overrides,
  };
}

export function makeReports(count: number, overrides: Partial<Report> = {}): Report[] {
  return Array.from({ length: count }, (_, i) => makeReport(i, overrides));
}

export function fakeService(options: Partial<FakeInboxOptions> = {}): FakeInboxService {
  return createFakeInboxService({
    user: adminUser,
    now: () => NOW,
    agencies,
    users,
    categories,
    ...options,
  });
}

/** Lets every pending promise (the fake answers at once) and the renders they cause settle. */
export async function flush(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  });
}

/** A fresh store attached to `service`, in the `unverified` queue, at NOW, in Indonesian. */
export async function attach(
  service: FakeInboxService,
  user: SessionUser = adminUser,
): Promise<() => void> {
  resetInboxStore();
  resetKeyboardState();
  useLocaleStore.setState({ locale: 'id' });
  useInboxStore.getState().setQueue('unverified');
  const detach = useInboxStore.getState().attach(service, user, { now: () => NOW });
  await flush();
  return detach;
}

/** Empties the selection, the command registry, the palette and triage mode. */
export function resetKeyboardState(): void {
  useSelectionStore.setState(initialSelectionState());
  useCommandStore.setState(initialCommandState());
  usePaletteStore.setState(initialPaletteState());
  useTriageStore.setState(initialTriageState());
  resetListOrderIds();
}

export interface Mounted {
  readonly container: HTMLElement;
  unmount(): void;
}

/**
 * Renders `node` with the key dispatcher listening, as the app does (App installs it once), so
 * the components' registered commands answer keys. `withKeys: false` when `node` installs it.
 */
export async function mount(node: ReactNode, { withKeys = true } = {}): Promise<Mounted> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const uninstallKeys = withKeys ? installKeyDispatcher() : () => undefined;
  let root: Root | null = null;
  await act(async () => {
    root = createRoot(container);
    root.render(node);
    await Promise.resolve();
  });
  await flush();
  return {
    container,
    unmount() {
      act(() => {
        root?.unmount();
      });
      uninstallKeys();
      container.remove();
    },
  };
}

export async function press(
  target: Element | Window,
  key: string,
  modifiers: Pick<KeyboardEventInit, 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'> = {},
): Promise<void> {
  await act(async () => {
    target.dispatchEvent(
      new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...modifiers }),
    );
    await Promise.resolve();
  });
  await flush();
}

export async function click(
  element: Element | null,
  modifiers: Pick<MouseEventInit, 'shiftKey' | 'ctrlKey' | 'metaKey'> = {},
): Promise<void> {
  if (element === null) throw new Error('nothing to click');
  await act(async () => {
    if (Object.keys(modifiers).length === 0) (element as HTMLElement).click();
    else
      element.dispatchEvent(
        new MouseEvent('click', { bubbles: true, cancelable: true, ...modifiers }),
      );
    await Promise.resolve();
  });
  await flush();
}

/** Sets a form control's value the way React notices (through the native setter + input event). */
export async function type(element: Element | null, value: string): Promise<void> {
  if (element === null) throw new Error('nothing to type into');
  const control = element as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  const proto = Object.getPrototypeOf(control) as object;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  await act(async () => {
    setter?.call(control, value);
    control.dispatchEvent(new Event('input', { bubbles: true }));
    control.dispatchEvent(new Event('change', { bubbles: true }));
    await Promise.resolve();
  });
  await flush();
}

export function text(element: Element | null): string {
  return element?.textContent ?? '';
}

/** Runs a store action (or a fake service control) inside act() and lets its effects settle. */
export async function run(fn: () => unknown): Promise<void> {
  await act(async () => {
    await fn();
  });
  await flush();
}
