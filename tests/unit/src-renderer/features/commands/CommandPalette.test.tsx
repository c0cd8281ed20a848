// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useGlobalShortcuts } from '../../../../../src-renderer/app/use-global-shortcuts';
import { CommandPalette } from '../../../../../src-renderer/features/commands/CommandPalette';
import {
  useCommandStore,
  type Command,
} from '../../../../../src-renderer/features/commands/command-registry';
import { usePaletteStore } from '../../../../../src-renderer/features/commands/palette-store';
import { useLocaleStore } from '../../../../../src-renderer/i18n/i18n';
import {
  click,
  mount,
  press,
  resetKeyboardState,
  text,
  type,
  type Mounted,
} from '../inbox/inbox-fixtures';

let mounted: Mounted | null = null;
const ran: string[] = [];
const command = (id: string, label: string, group: Command['group'], keys?: string): Command => ({
  id,
  label,
  group,
  ...(keys === undefined ? {} : { keys }),
  run: () => {
    ran.push(id);
  },
});

function App() {
  // The app's own commands (Ctrl+K among them) and its one key dispatcher.
  useGlobalShortcuts(true);
  return <CommandPalette />;
}

beforeEach(async () => {
  resetKeyboardState();
  ran.length = 0;
  useLocaleStore.setState({ locale: 'id' });
  mounted = await mount(<App />, { withKeys: false });
  useCommandStore
    .getState()
    .register([
      command('queue.unverified', 'Belum Terverifikasi', 'navigation', 'g u'),
      command('queue.archived', 'Diarsipkan', 'navigation', 'g x'),
      command('navigation.queuePicker', 'Pilih antrean…', 'navigation', 'g q'),
      command('report.archive', 'Arsipkan', 'report', 'e'),
      command('report.note', 'Catatan internal', 'report'),
    ]);
});
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

const palette = () => document.querySelector('dialog[data-command-palette]');
const input = () => document.getElementById('command-palette-input') as HTMLInputElement | null;
const options = () =>
  Array.from(document.querySelectorAll('[role="option"]')).map((o) =>
    o.getAttribute('data-command-id'),
  );
const activeOption = () => document.querySelector('[role="option"][aria-selected="true"]');

describe('command palette', () => {
  it('opens with Ctrl+K over every command, grouped, each with its key', async () => {
    expect(palette()).toBeNull();
    await press(document.body, 'k', { ctrlKey: true });
    expect(palette()?.hasAttribute('open')).toBe(true);
    expect(document.activeElement).toBe(input());
    expect(options()).toEqual([
      'report.archive',
      'report.note',
      'queue.unverified',
      'queue.archived',
      'navigation.queuePicker',
      'app.palette',
      'app.shortcuts',
      'app.settings',
    ]);
    const groups = Array.from(document.querySelectorAll('.palette__group')).map(
      (g) => g.textContent,
    );
    expect(groups).toEqual(['Laporan yang dibuka', 'Navigasi', 'Aplikasi']);
    const archive = document.querySelector('[data-command-id="report.archive"]');
    expect(text(archive?.querySelector('kbd') ?? null)).toBe('e');
    const unverified = document.querySelector('[data-command-id="queue.unverified"]');
    expect(Array.from(unverified?.querySelectorAll('kbd') ?? []).map((k) => k.textContent)).toEqual(
      ['g', 'u'],
    );
  });

  it('finds a queue by fuzzy typing and runs it with Enter, then closes', async () => {
    await press(document.body, 'k', { ctrlKey: true });
    await type(input(), 'blm trv');
    expect(options()[0]).toBe('queue.unverified');
    expect(activeOption()?.getAttribute('data-command-id')).toBe('queue.unverified');
    expect(input()?.getAttribute('aria-activedescendant')).toBe(activeOption()?.id);
    await press(input() as HTMLElement, 'Enter');
    expect(ran).toEqual(['queue.unverified']);
    expect(palette()).toBeNull();
    expect(usePaletteStore.getState().isOpen).toBe(false);
  });

  it('moves with the arrow keys, runs a clicked command and closes with Esc or Ctrl+K', async () => {
    await press(document.body, 'k', { ctrlKey: true });
    await type(input(), 'ars');
    expect(options().slice(0, 2)).toEqual(['report.archive', 'queue.archived']);
    await press(input() as HTMLElement, 'ArrowDown');
    expect(activeOption()?.getAttribute('data-command-id')).toBe('queue.archived');
    await press(input() as HTMLElement, 'ArrowUp');
    await press(input() as HTMLElement, 'ArrowUp');
    // Wraps around to the last match.
    expect(activeOption()?.getAttribute('data-command-id')).toBe(options().at(-1));
    await press(input() as HTMLElement, 'Escape');
    expect(palette()).toBeNull();
    expect(ran).toEqual([]);

    await press(document.body, 'k', { ctrlKey: true });
    await press(input() as HTMLElement, 'k', { ctrlKey: true });
    expect(palette()).toBeNull();

    await press(document.body, 'k', { ctrlKey: true });
    await click(document.querySelector('[data-command-id="report.note"]'));
    expect(ran).toEqual(['report.note']);
    expect(palette()).toBeNull();
  });

  it('says so when nothing matches', async () => {
    await press(document.body, 'k', { ctrlKey: true });
    await type(input(), 'zzzz');
    expect(options()).toEqual([]);
    expect(document.body.textContent).toContain('Tidak ada perintah yang cocok.');
    await press(input() as HTMLElement, 'Enter');
    expect(ran).toEqual([]);
  });

  it('opens over the queues only with g q, and Backspace shows every command again', async () => {
    useCommandStore.getState().register([
      {
        id: 'navigation.queuePicker',
        group: 'navigation',
        label: 'Pilih antrean…',
        keys: 'g q',
        run: () => {
          usePaletteStore.getState().open('queues');
        },
      },
    ]);
    await press(document.body, 'g');
    await press(document.body, 'q');
    expect(options()).toEqual(['queue.unverified', 'queue.archived']);
    await press(input() as HTMLElement, 'Backspace');
    expect(options()).toContain('report.archive');
  });
});
