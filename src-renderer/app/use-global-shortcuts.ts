// App-wide keys: F6 / Shift+F6 move between panes, Ctrl+, opens settings, Esc leaves settings,
// ? shows the shortcut sheet. Keys typed into a field are left to the field.
import { useEffect } from 'react';
import { useNavigationStore } from '../features/shell/navigation-store';

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

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
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const nav = useNavigationStore.getState();
      if (event.key === 'F6') {
        event.preventDefault();
        focusNextPane(event.shiftKey);
      } else if (event.key === ',' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        nav.openView('settings');
      } else if (event.key === 'Escape' && nav.view === 'settings' && !nav.shortcutsOpen) {
        nav.openView('inbox');
      } else if (event.key === '?' && !isTyping(event.target)) {
        event.preventDefault();
        nav.setShortcutsOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [enabled]);
}
