// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  commandsInOrder,
  initialCommandState,
  useCommandStore,
  type Command,
  type CommandGroup,
} from '../../../../../src-renderer/features/commands/command-registry';
import {
  ariaKeyShortcuts,
  chordOf,
  formatKeys,
  normalizeKeys,
} from '../../../../../src-renderer/features/commands/key-chords';
import {
  createKeyDispatcher,
  installKeyDispatcher,
  SEQUENCE_TIMEOUT_MS,
  type KeyEventLike,
} from '../../../../../src-renderer/features/commands/key-dispatcher';

const ran: string[] = [];
const command = (id: string, keys: string, group: CommandGroup = 'report'): Command => ({
  id,
  group,
  label: id,
  keys,
  run: () => {
    ran.push(id);
  },
});

function keyEvent(key: string, init: Partial<KeyEventLike> = {}): KeyEventLike {
  return {
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    target: document.body,
    defaultPrevented: false,
    ...init,
  };
}

let clock = 0;
let dialogOpen = false;
function dispatcherFor(commands: readonly Command[]) {
  const dispatcher = createKeyDispatcher({
    commands: () => commandsInOrder(new Map(commands.map((c) => [c.id, c]))),
    now: () => clock,
    isDialogOpen: () => dialogOpen,
  });
  return (key: string, init: Partial<KeyEventLike> = {}) => {
    const result = dispatcher.handle(keyEvent(key, init));
    if (result.kind === 'ran') result.command.run();
    return result.kind;
  };
}

beforeEach(() => {
  ran.length = 0;
  clock = 0;
  dialogOpen = false;
  useCommandStore.setState(initialCommandState());
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('key chords', () => {
  it('spells a key press as a chord: shift for letters only, ctrl for Cmd too', () => {
    const press = (key: string, init: Partial<KeyEventLike> = {}) => chordOf(keyEvent(key, init));
    expect(press('j')).toBe('j');
    expect(press('J', { shiftKey: true })).toBe('shift+j');
    // Caps Lock types a capital without Shift: still the plain letter.
    expect(press('J')).toBe('j');
    expect(press('?', { shiftKey: true })).toBe('?');
    expect(press('#', { shiftKey: true })).toBe('#');
    expect(press('k', { ctrlKey: true })).toBe('ctrl+k');
    expect(press('k', { metaKey: true })).toBe('ctrl+k');
    expect(press('Escape')).toBe('escape');
    expect(press('F6', { shiftKey: true })).toBe('shift+f6');
    expect(press('Shift', { shiftKey: true })).toBeNull();
  });

  it('reads and shows registered keys in one spelling', () => {
    expect(normalizeKeys('Shift+E')).toBe('shift+e');
    expect(normalizeKeys('G  U')).toBe('g u');
    expect(normalizeKeys('Esc')).toBe('escape');
    expect(formatKeys('shift+e')).toEqual(['Shift+E']);
    expect(formatKeys('ctrl+k')).toEqual(['Ctrl+K']);
    expect(formatKeys('g u')).toEqual(['g', 'u']);
    expect(formatKeys('escape')).toEqual(['Esc']);
    expect(ariaKeyShortcuts('ctrl+k')).toBe('Control+K');
    expect(ariaKeyShortcuts('#')).toBe('#');
    expect(ariaKeyShortcuts('shift+e')).toBe('Shift+E');
    expect(ariaKeyShortcuts('escape')).toBe('Escape');
    expect(ariaKeyShortcuts('g u')).toBeUndefined();
  });
});

describe('key dispatcher', () => {
  it('runs the command of a single key, a shifted letter and a ctrl chord', () => {
    const press = dispatcherFor([
      command('archive', 'e'),
      command('extend', 'shift+e'),
      command('palette', 'ctrl+k', 'app'),
      command('tags', '#'),
    ]);
    expect(press('e')).toBe('ran');
    expect(press('E', { shiftKey: true })).toBe('ran');
    expect(press('k', { ctrlKey: true })).toBe('ran');
    expect(press('#', { shiftKey: true })).toBe('ran');
    expect(press('q')).toBe('none');
    expect(ran).toEqual(['archive', 'extend', 'palette', 'tags']);
  });

  it('runs a two-key sequence when the second key comes in time, and not after', () => {
    const press = dispatcherFor([
      command('queue.unverified', 'g u', 'navigation'),
      command('next', 'j', 'navigation'),
    ]);
    expect(press('g')).toBe('pending');
    clock += SEQUENCE_TIMEOUT_MS - 1;
    expect(press('u')).toBe('ran');
    expect(ran).toEqual(['queue.unverified']);

    expect(press('g')).toBe('pending');
    clock += SEQUENCE_TIMEOUT_MS + 1;
    expect(press('u')).toBe('none');
    expect(ran).toEqual(['queue.unverified']);
  });

  it('keeps a sequence waiting through a modifier and lets another key count on its own', () => {
    const press = dispatcherFor([
      command('queue.archived', 'g x', 'navigation'),
      command('next', 'j', 'navigation'),
    ]);
    press('g');
    expect(press('Shift', { shiftKey: true })).toBe('none');
    expect(press('x')).toBe('ran');
    // `g` then a key that finishes no sequence: that key is its own command.
    press('g');
    expect(press('j')).toBe('ran');
    expect(ran).toEqual(['queue.archived', 'next']);
  });

  it('leaves keys typed into a text field to the field, except Ctrl+K', () => {
    const press = dispatcherFor([command('archive', 'e'), command('palette', 'ctrl+k', 'app')]);
    const input = document.createElement('input');
    const textarea = document.createElement('textarea');
    const checkbox = document.createElement('input');
    checkbox.type = 'checkbox';
    document.body.append(input, textarea, checkbox);
    expect(press('e', { target: input })).toBe('none');
    expect(press('e', { target: textarea })).toBe('none');
    expect(press('k', { target: input, ctrlKey: true })).toBe('ran');
    // A checkbox types nothing: its keys are commands.
    expect(press('e', { target: checkbox })).toBe('ran');
    expect(ran).toEqual(['palette', 'archive']);
  });

  it('ignores keys while a dialog is open, and keys something else already handled', () => {
    const press = dispatcherFor([command('archive', 'e')]);
    dialogOpen = true;
    expect(press('e')).toBe('none');
    dialogOpen = false;
    expect(press('e', { defaultPrevented: true })).toBe('none');
    expect(ran).toEqual([]);
  });

  it('prefers the earlier group on a clash: a bulk action over the open report’s', () => {
    const press = dispatcherFor([
      command('report.archive', 'e', 'report'),
      command('bulk.archive', 'e', 'bulk'),
      command('view.triageExit', 'escape', 'view'),
      command('selection.clear', 'escape', 'selection'),
    ]);
    press('e');
    press('Escape');
    expect(ran).toEqual(['bulk.archive', 'selection.clear']);
  });

  it('listens on the window, runs registered commands and sees the palette but no other dialog', () => {
    const stop = installKeyDispatcher();
    useCommandStore.getState().register([command('archive', 'e'), command('palette', 'ctrl+k')]);
    const fire = (init: KeyboardEventInit) => {
      const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
      document.body.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(fire({ key: 'e' })).toBe(true);
    expect(fire({ key: 'z' })).toBe(false);

    const dialog = document.createElement('dialog');
    dialog.setAttribute('open', '');
    document.body.append(dialog);
    expect(fire({ key: 'e' })).toBe(false);
    dialog.setAttribute('data-command-palette', '');
    expect(fire({ key: 'k', ctrlKey: true })).toBe(true);
    stop();
    dialog.remove();
    expect(fire({ key: 'e' })).toBe(false);
    expect(ran).toEqual(['archive', 'palette']);
  });
});
