// The keyboard shortcut sheet (`?`): the registered commands that have keys, by group (so it
// shows exactly the keys that work now: the open report's actions, bulk actions while reports are
// selected), then the list's own keys and the app's fixed ones.
import { useT } from '../i18n/i18n';
import {
  commandGroups,
  commandsInOrder,
  useCommandStore,
} from '../features/commands/command-registry';
import { groupLabelKey } from '../features/commands/CommandPalette';
import { formatKeys } from '../features/commands/key-chords';
import { listKeyRows } from '../features/shell/inbox-shortcuts';
import { useNavigationStore } from '../features/shell/navigation-store';
import { Dialog } from '../ui/Dialog';

interface SheetRow {
  readonly id: string;
  /** Alternatives, each a sequence of key caps: `[['j']]`, `[['g', 'u']]`, `[['↓'], ['↑']]`. */
  readonly keys: readonly (readonly string[])[];
  readonly label: string;
}

interface SheetSection {
  readonly id: string;
  readonly title: string;
  readonly rows: readonly SheetRow[];
}

function Keys({ keys }: { keys: SheetRow['keys'] }) {
  const t = useT();
  return (
    <>
      {keys.map((sequence, i) => (
        <span key={i}>
          {i > 0 && ' / '}
          {sequence.map((chord, j) => (
            <span key={j}>
              {j > 0 && ` ${t('shortcuts.then')} `}
              <kbd>{chord}</kbd>
            </span>
          ))}
        </span>
      ))}
    </>
  );
}

export function ShortcutSheet() {
  const t = useT();
  const open = useNavigationStore((s) => s.shortcutsOpen);
  const setOpen = useNavigationStore((s) => s.setShortcutsOpen);
  const commands = useCommandStore((s) => s.commands);

  const sections: SheetSection[] = [];
  if (open) {
    const keyed = commandsInOrder(commands).filter((c) => c.keys !== undefined);
    for (const group of commandGroups) {
      const rows = keyed
        .filter((c) => c.group === group)
        .map((c) => ({ id: c.id, keys: [formatKeys(c.keys ?? '')], label: c.label }));
      if (rows.length > 0) sections.push({ id: group, title: t(groupLabelKey(group)), rows });
    }
    sections.push({
      id: 'list',
      title: t('shortcuts.group.list'),
      rows: listKeyRows(t).map((row, i) => ({
        id: `list-${String(i)}`,
        keys: row.keys.map((key) => [key]),
        label: row.label,
      })),
    });
    sections.push({
      id: 'general',
      title: t('shortcuts.group.general'),
      rows: [
        { id: 'pane', keys: [['F6'], ['Shift+F6']], label: t('shortcuts.nextPane') },
        { id: 'close', keys: [['Esc']], label: t('shortcuts.close') },
      ],
    });
  }

  return (
    <Dialog
      open={open}
      title={t('shortcuts.title')}
      onClose={() => {
        setOpen(false);
      }}
    >
      <div className="shortcut-sheet">
        {sections.map((section) => (
          <section key={section.id} className="shortcut-sheet__section">
            <h3>{section.title}</h3>
            <dl className="shortcut-list">
              {section.rows.map((row) => (
                <div key={row.id} className="shortcut-list__row" data-command-id={row.id}>
                  <dt>
                    <Keys keys={row.keys} />
                  </dt>
                  <dd>{row.label}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <form method="dialog">
        <button type="submit" className="button" autoFocus>
          {t('shortcuts.close')}
        </button>
      </form>
    </Dialog>
  );
}
