// The command palette (Ctrl+K): every registered command (the open report's actions, bulk
// actions, queues, list and app commands), fuzzy matched on label, keywords and id, grouped, with
// its key. ↑/↓ choose, Enter runs, Esc closes. `g q` opens it over the queues only.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useT, type MessageKey } from '../../i18n/i18n';
import {
  commandsInOrder,
  useCommandStore,
  type Command,
  type CommandGroup,
} from './command-registry';
import { rankCommands, type RankedCommand } from './fuzzy-match';
import { formatKeys } from './key-chords';
import { isInScope, usePaletteStore, type PaletteScope } from './palette-store';

export const PALETTE_INPUT_ID = 'command-palette-input';
const LIST_ID = 'command-palette-list';
const optionId = (index: number) => `command-palette-option-${String(index)}`;

export function groupLabelKey(group: CommandGroup): MessageKey {
  return `commands.group.${group}`;
}

interface RankedGroup {
  readonly group: CommandGroup;
  readonly items: readonly RankedCommand[];
}

/** Groups the ranked commands, the group of the best match first (all in group order if none). */
export function groupRanked(ranked: readonly RankedCommand[]): RankedGroup[] {
  const order: CommandGroup[] = [];
  const byGroup = new Map<CommandGroup, RankedCommand[]>();
  for (const item of ranked) {
    const list = byGroup.get(item.command.group);
    if (list === undefined) {
      order.push(item.command.group);
      byGroup.set(item.command.group, [item]);
    } else {
      list.push(item);
    }
  }
  return order.map((group) => ({ group, items: byGroup.get(group) ?? [] }));
}

/** The label with the matched characters marked. */
function Highlighted({ text, positions }: { text: string; positions: readonly number[] }) {
  if (positions.length === 0) return <>{text}</>;
  const marked = new Set(positions);
  const parts: { text: string; isMatch: boolean }[] = [];
  let index = 0;
  // By code point: positions are where characters start.
  for (const char of text) {
    const isMatch = marked.has(index);
    const last = parts.at(-1);
    if (last?.isMatch === isMatch) last.text += char;
    else parts.push({ text: char, isMatch });
    index += char.length;
  }
  return (
    <>
      {parts.map((part, i) =>
        part.isMatch ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </>
  );
}

function KeyCaps({ keys }: { keys: string }) {
  const t = useT();
  const chords = formatKeys(keys);
  return (
    <span className="palette__keys">
      {chords.map((chord, i) => (
        <span key={i}>
          {i > 0 && <span className="palette__then"> {t('shortcuts.then')} </span>}
          <kbd>{chord}</kbd>
        </span>
      ))}
    </span>
  );
}

function PaletteDialog({ scope, onClose }: { scope: PaletteScope; onClose: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const commands = useCommandStore((s) => s.commands);
  const setScope = usePaletteStore((s) => s.open);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog !== null && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open === true) dialog.close();
    };
  }, []);

  const inScope = commandsInOrder(commands).filter((c) => isInScope(c, scope));
  const groups = groupRanked(rankCommands(inScope, query));
  const flat = groups.flatMap((g) => g.items.map((item) => item.command));
  const current = Math.min(active, Math.max(flat.length - 1, 0));

  useEffect(() => {
    document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const run = (command: Command | undefined) => {
    if (command === undefined) return;
    // Closed first: the command may open a dialog of its own, which then keeps the focus.
    ref.current?.close();
    onClose();
    command.run();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        setActive(flat.length === 0 ? 0 : (current + 1) % flat.length);
        break;
      case 'ArrowUp':
        setActive(flat.length === 0 ? 0 : (current - 1 + flat.length) % flat.length);
        break;
      case 'Home':
        if (query !== '') return;
        setActive(0);
        break;
      case 'End':
        if (query !== '') return;
        setActive(Math.max(flat.length - 1, 0));
        break;
      case 'Enter':
        run(flat[current]);
        break;
      case 'Escape':
        onClose();
        break;
      case 'Backspace':
        // Backspace on an empty search leaves the queue-only view for every command.
        if (query !== '' || scope === 'all') return;
        setScope('all');
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  let index = 0;
  return (
    <dialog
      ref={ref}
      className="dialog palette"
      aria-label={t('commands.palette')}
      // PALETTE_ATTRIBUTE: the key dispatcher still sees keys (Ctrl+K closes it again).
      data-command-palette=""
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="palette__search">
        {scope === 'queues' && (
          <button
            type="button"
            className="chip palette__scope"
            title={t('palette.showAll')}
            onClick={() => {
              setScope('all');
            }}
          >
            {t('shell.queues')} ×
          </button>
        )}
        <input
          id={PALETTE_INPUT_ID}
          type="text"
          role="combobox"
          aria-label={t('palette.search')}
          aria-expanded="true"
          aria-controls={LIST_ID}
          aria-autocomplete="list"
          aria-activedescendant={flat.length === 0 ? undefined : optionId(current)}
          placeholder={t('palette.placeholder')}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <div id={LIST_ID} role="listbox" aria-label={t('commands.palette')} className="palette__list">
        {flat.length === 0 && <p className="palette__empty">{t('palette.empty')}</p>}
        {groups.map(({ group, items }) => (
          <div key={group} role="group" aria-labelledby={`palette-group-${group}`}>
            <div id={`palette-group-${group}`} className="palette__group" role="presentation">
              {t(groupLabelKey(group))}
            </div>
            {items.map((item) => {
              const i = index++;
              return (
                <div
                  key={item.command.id}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === current}
                  data-command-id={item.command.id}
                  className="palette__option"
                  onMouseMove={() => {
                    if (i !== current) setActive(i);
                  }}
                  onClick={() => {
                    run(item.command);
                  }}
                >
                  <span className="palette__label">
                    <Highlighted text={item.command.label} positions={item.labelPositions} />
                  </span>
                  {item.command.keys !== undefined && <KeyCaps keys={item.command.keys} />}
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </dialog>
  );
}

/** Mounted once by the app; renders while the palette is open. */
export function CommandPalette() {
  const isOpen = usePaletteStore((s) => s.isOpen);
  const scope = usePaletteStore((s) => s.scope);
  const close = usePaletteStore((s) => s.close);
  if (!isOpen) return null;
  // Keyed by scope: opening over the queues starts a fresh search.
  return <PaletteDialog key={scope} scope={scope} onClose={close} />;
}
