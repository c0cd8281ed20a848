// The one keydown listener of the workspace: it matches key presses against the registered
// commands' `keys` (single chords and two-key sequences such as `g u`) and runs the command. Keys
// typed into a field belong to the field, keys pressed in a modal dialog to the dialog (the
// command palette excepted, so Ctrl+K closes it again).
import { useEffect } from 'react';
import { commandsInOrder, useCommandStore, type Command } from './command-registry';
import { chordOf, normalizeKeys, type KeyPress } from './key-chords';

// ---------------------------------------------------------------------------------------------
// Types

/** How long the second key of a sequence (`g`, then `u`) may take. */
export const SEQUENCE_TIMEOUT_MS = 1500;

/** Chords that work inside a text field too: they type nothing, and reaching them loses nothing. */
export const FIELD_CHORDS: ReadonlySet<string> = new Set(['ctrl+k', 'ctrl+,']);

/** Marks the command palette's dialog, the one modal whose keys the dispatcher still sees. */
export const PALETTE_ATTRIBUTE = 'data-command-palette';

export interface KeyEventLike extends KeyPress {
  readonly target: EventTarget | null;
  readonly defaultPrevented: boolean;
}

export type Dispatch =
  | { readonly kind: 'ran'; readonly command: Command }
  /** The first key of a sequence: waiting for the second. */
  | { readonly kind: 'pending'; readonly chord: string }
  | { readonly kind: 'none' };

export interface KeyDispatcherDeps {
  /** The registered commands, in precedence order (see `commandsInOrder`). */
  readonly commands: () => readonly Command[];
  readonly now: () => number;
  /** Whether a modal dialog other than the palette is showing. */
  readonly isDialogOpen: () => boolean;
}

export interface KeyDispatcher {
  /** Matches one key press; the caller prevents the browser's default unless `none`. */
  handle: (event: KeyEventLike) => Dispatch;
}

// ---------------------------------------------------------------------------------------------
// Where keys belong to something else

const TEXTLESS_INPUTS: ReadonlySet<string> = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'image',
  'range',
  'color',
  'file',
]);

/** Whether keys pressed on `target` type into it (so they are not commands). */
export function isTextEntry(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) return !TEXTLESS_INPUTS.has(target.type);
  // A select jumps to the option typed.
  return target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/** Whether a modal dialog other than the command palette is showing. */
export function isBlockingDialogOpen(): boolean {
  return document.querySelector(`dialog[open]:not([${PALETTE_ATTRIBUTE}])`) !== null;
}

// ---------------------------------------------------------------------------------------------
// Matching

export function createKeyDispatcher(deps: KeyDispatcherDeps): KeyDispatcher {
  let pending: { chord: string; at: number } | null = null;

  const find = (commands: readonly Command[], keys: string): Command | undefined =>
    commands.find((c) => c.keys !== undefined && normalizeKeys(c.keys) === keys);

  return {
    handle(event) {
      const chord = chordOf(event);
      // A modifier pressed on its own (Shift before the letter) keeps a sequence waiting.
      if (chord === null) return { kind: 'none' };
      const started = pending;
      pending = null;
      if (event.defaultPrevented || deps.isDialogOpen()) return { kind: 'none' };
      if (isTextEntry(event.target) && !FIELD_CHORDS.has(chord)) return { kind: 'none' };

      const commands = deps.commands();
      const now = deps.now();
      if (started !== null && now - started.at <= SEQUENCE_TIMEOUT_MS) {
        const command = find(commands, `${started.chord} ${chord}`);
        if (command !== undefined) return { kind: 'ran', command };
        // Not a sequence after all: the key counts on its own.
      }
      // A chord that starts a sequence waits for its second key, even if it is a command itself.
      const prefix = `${chord} `;
      if (commands.some((c) => c.keys !== undefined && normalizeKeys(c.keys).startsWith(prefix))) {
        pending = { chord, at: now };
        return { kind: 'pending', chord };
      }
      const command = find(commands, chord);
      return command === undefined ? { kind: 'none' } : { kind: 'ran', command };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The window listener

/** Listens on the window with the registry's commands; returns the function that stops it. */
export function installKeyDispatcher(deps: Partial<KeyDispatcherDeps> = {}): () => void {
  const dispatcher = createKeyDispatcher({
    commands: () => commandsInOrder(useCommandStore.getState().commands),
    now: () => performance.now(),
    isDialogOpen: isBlockingDialogOpen,
    ...deps,
  });
  const onKeyDown = (event: KeyboardEvent) => {
    const result = dispatcher.handle(event);
    if (result.kind === 'none') return;
    // Before running: a command that focuses a field (`/`) must not have the key typed into it.
    event.preventDefault();
    if (result.kind === 'ran') result.command.run();
  };
  window.addEventListener('keydown', onKeyDown);
  return () => {
    window.removeEventListener('keydown', onKeyDown);
  };
}

/** The app's key dispatcher while `enabled` (signed in). Mount it once. */
export function useKeyDispatcher(enabled: boolean): void {
  useEffect(() => (enabled ? installKeyDispatcher() : undefined), [enabled]);
}
