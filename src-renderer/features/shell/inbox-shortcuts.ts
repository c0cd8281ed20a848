// The inbox's keys, for the shortcut sheet (`?`).
import type { Translate } from '../../i18n/i18n';

export function inboxShortcutRows(t: Translate): { keys: string; label: string }[] {
  return [
    { keys: 'j / k · ↓ / ↑', label: t('shortcuts.inbox.move') },
    { keys: 'Home / End', label: t('shortcuts.inbox.firstLast') },
    { keys: 'Enter / o', label: t('shortcuts.inbox.open') },
    { keys: '/', label: t('shortcuts.inbox.search') },
    { keys: 'd t w a c g p m n', label: t('shortcuts.inbox.actions') },
  ];
}
