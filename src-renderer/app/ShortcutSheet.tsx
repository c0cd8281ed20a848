// The keyboard shortcut sheet (`?`).
import { useT } from '../i18n/i18n';
import { inboxShortcutRows } from '../features/shell/inbox-shortcuts';
import { useNavigationStore } from '../features/shell/navigation-store';
import { Dialog } from '../ui/Dialog';

export function ShortcutSheet() {
  const t = useT();
  const open = useNavigationStore((s) => s.shortcutsOpen);
  const setOpen = useNavigationStore((s) => s.setShortcutsOpen);
  const rows = [
    { keys: 'F6 / Shift+F6', label: t('shortcuts.nextPane') },
    { keys: 'Ctrl+,', label: t('shortcuts.settings') },
    { keys: 'Esc', label: t('shortcuts.close') },
    ...inboxShortcutRows(t),
  ];
  return (
    <Dialog
      open={open}
      title={t('shortcuts.title')}
      onClose={() => {
        setOpen(false);
      }}
    >
      <dl className="shortcut-list">
        {rows.map((row) => (
          <div key={row.keys} className="shortcut-list__row">
            <dt>
              <kbd>{row.keys}</kbd>
            </dt>
            <dd>{row.label}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit" className="button" autoFocus>
          {t('shortcuts.close')}
        </button>
      </form>
    </Dialog>
  );
}
