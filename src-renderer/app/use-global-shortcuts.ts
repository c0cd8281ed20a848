// App-wide keys. Commands (through the key dispatcher, in the palette and on the sheet): `?`
// shows the shortcut sheet, Ctrl+K the command palette, Ctrl+, settings. Plain keys, which are
// about focus and screens rather than commands: F6 / Shift+F6 move between panes, Esc leaves
// settings.
import { useEffect } from 'react';
import { useT } from '../i18n/i18n';
import { useCommands, type Command } from '../features/commands/command-registry';
import { useKeyDispatcher } from '../features/commands/key-dispatcher';
import { usePaletteStore } from '../features/commands/palette-store';
import { useNavigationStore } from '../features/shell/navigation-store';

/** Moves focus to the next (or previous) element marked `data-pane`, wrapping around. */
export function focusNextPane(backwards: boolean): void {
  const panes = Array.from(document.querySelectorAll<HTMLElement>('[data-pane]'));
  if (panes.length === 0) return;
  const current = panes.findIndex((pane) => pane.contains(document.activeElement));
  const step = backwards ? -1 : 1;
  const next = panes[(current + step + panes.length) % panes.length];
  if (!next) return;
  const focusable = next.matches('[tabindex]')
    ? next
    : next.querySelector<HTMLElement>('button, [href], input, [tabindex]');
  (focusable ?? next).focus();
}

export function useGlobalShortcuts(enabled: boolean): void {
  const t = useT();
  useKeyDispatcher(enabled);

  const commands: Command[] = enabled
    ? [
        {
          id: 'app.palette',
          group: 'app',
          label: t('commands.palette'),
          keys: 'ctrl+k',
          run: () => {
            usePaletteStore.getState().toggle();
          },
        },
        {
          id: 'app.shortcuts',
          group: 'app',
          label: t('shortcuts.title'),
          keys: '?',
          run: () => {
            useNavigationStore.getState().setShortcutsOpen(true);
          },
        },
        {
          id: 'app.settings',
          group: 'app',
          label: t('shortcuts.settings'),
          keys: 'ctrl+,',
          run: () => {
            usePaletteStore.getState().close();
            useNavigationStore.getState().openView('settings');
          },
        },
      ]
    : [];
  useCommands(commands, commands.map((c) => `${c.id}=${c.label}`).join('|'));

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const nav = useNavigationStore.getState();
      if (event.key === 'F6') {
        event.preventDefault();
        focusNextPane(event.shiftKey);
      } else if (event.key === 'Escape' && nav.view === 'settings' && !nav.shortcutsOpen) {
        if (document.querySelector('dialog[open]') === null) nav.openView('inbox');
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [enabled]);
}
