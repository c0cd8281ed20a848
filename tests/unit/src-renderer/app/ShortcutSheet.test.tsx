// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShortcutSheet } from '../../../../src-renderer/app/ShortcutSheet';
import { useGlobalShortcuts } from '../../../../src-renderer/app/use-global-shortcuts';
import {
  useCommandStore,
  type Command,
} from '../../../../src-renderer/features/commands/command-registry';
import {
  initialNavigationState,
  useNavigationStore,
} from '../../../../src-renderer/features/shell/navigation-store';
import { useLocaleStore } from '../../../../src-renderer/i18n/i18n';
import { mount, press, resetKeyboardState, type Mounted } from '../features/inbox/inbox-fixtures';

let mounted: Mounted | null = null;
const command = (id: string, label: string, group: Command['group'], keys?: string): Command => ({
  id,
  label,
  group,
  ...(keys === undefined ? {} : { keys }),
  run: () => undefined,
});

function App() {
  useGlobalShortcuts(true);
  return <ShortcutSheet />;
}

beforeEach(async () => {
  resetKeyboardState();
  useNavigationStore.setState(initialNavigationState());
  useLocaleStore.setState({ locale: 'id' });
  mounted = await mount(<App />, { withKeys: false });
});
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

const sheet = () => document.querySelector('dialog[open]');
const rowOf = (id: string) => sheet()?.querySelector(`[data-command-id="${id}"]`) ?? null;
const keysOf = (id: string) =>
  Array.from(rowOf(id)?.querySelectorAll('kbd') ?? []).map((k) => k.textContent);
const sectionTitles = () =>
  Array.from(sheet()?.querySelectorAll('.shortcut-sheet__section h3') ?? []).map(
    (h) => h.textContent,
  );

describe('shortcut sheet', () => {
  it('opens with ? and lists every registered key by group, with the list and app keys', async () => {
    let unregister: () => void = () => undefined;
    act(() => {
      unregister = useCommandStore
        .getState()
        .register([
          command('report.extend_deadline', 'Perpanjang batas waktu', 'report', 'shift+e'),
          command('queue.unverified', 'Belum Terverifikasi', 'navigation', 'g u'),
          command('report.palette_only', 'Hanya di palet', 'report'),
        ]);
    });
    await press(document.body, '?', { shiftKey: true });
    expect(sheet()?.getAttribute('aria-label')).toBe('Pintasan papan ketik');
    expect(sectionTitles()).toEqual([
      'Laporan yang dibuka',
      'Navigasi',
      'Aplikasi',
      'Daftar laporan',
      'Umum',
    ]);
    expect(keysOf('report.extend_deadline')).toEqual(['Shift+E']);
    expect(rowOf('report.extend_deadline')?.textContent).toContain('Perpanjang batas waktu');
    expect(keysOf('queue.unverified')).toEqual(['g', 'u']);
    expect(rowOf('queue.unverified')?.textContent).toContain('g lalu u');
    expect(keysOf('app.palette')).toEqual(['Ctrl+K']);
    expect(keysOf('app.shortcuts')).toEqual(['?']);
    // A command without keys is the palette's only.
    expect(rowOf('report.palette_only')).toBeNull();
    expect(sheet()?.textContent).toContain('PageDown');
    expect(sheet()?.textContent).toContain('Shift+klik');

    // Always true: a command that is gone is gone from the sheet too.
    act(() => {
      unregister();
    });
    expect(rowOf('report.extend_deadline')).toBeNull();
    expect(sectionTitles()).not.toContain('Laporan yang dibuka');
  });

  it('shows bulk actions first while they are registered', async () => {
    act(() => {
      useCommandStore
        .getState()
        .register([
          command('report.archive', 'Arsipkan', 'report', 'e'),
          command('bulk.archive', 'Arsipkan yang dipilih', 'bulk', 'e'),
        ]);
    });
    await press(document.body, '?', { shiftKey: true });
    expect(sectionTitles()[0]).toBe('Tindakan massal');
    expect(keysOf('bulk.archive')).toEqual(['e']);
  });
});
