// Keys as text, one spelling for matching and one for showing: a chord is `e`, `shift+e`,
// `ctrl+k`, `#`, `escape`; a command's `keys` is one chord or a sequence of chords separated by a
// space (`g u`: g, then u).

// ---------------------------------------------------------------------------------------------
// Reading a key press

/** The part of a KeyboardEvent a chord is made of. */
export type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/** Presses that are not a key of their own (a modifier held down, a dead key of a layout). */
const NOT_A_KEY: ReadonlySet<string> = new Set([
  'Shift',
  'Control',
  'Alt',
  'AltGraph',
  'Meta',
  'OS',
  'CapsLock',
  'NumLock',
  'ScrollLock',
  'Dead',
  'Process',
  'Unidentified',
  'Compose',
]);

const MODIFIER_ORDER = ['ctrl', 'alt', 'shift'] as const;
type Modifier = (typeof MODIFIER_ORDER)[number];

function isLetter(key: string): boolean {
  return /^\p{L}$/u.test(key);
}

function joinChord(modifiers: ReadonlySet<Modifier>, key: string): string {
  const parts: string[] = MODIFIER_ORDER.filter((m) => modifiers.has(m));
  parts.push(key);
  return parts.join('+');
}

/**
 * The chord of a key press, or null for a modifier alone. Shift counts for letters and named
 * keys only: `?` and `#` are typed with Shift on most layouts and are their own keys. Caps Lock
 * does not make a letter shifted. Cmd (macOS) is Ctrl.
 */
export function chordOf(press: KeyPress): string | null {
  if (NOT_A_KEY.has(press.key) || press.key === '') return null;
  const modifiers = new Set<Modifier>();
  if (press.ctrlKey || press.metaKey) modifiers.add('ctrl');
  if (press.altKey) modifiers.add('alt');
  let key: string;
  if (press.key === ' ') {
    key = 'space';
    if (press.shiftKey) modifiers.add('shift');
  } else if (Array.from(press.key).length === 1) {
    key = press.key.toLowerCase();
    if (isLetter(press.key) && press.shiftKey) modifiers.add('shift');
  } else {
    key = press.key.toLowerCase();
    if (press.shiftKey) modifiers.add('shift');
  }
  return joinChord(modifiers, key);
}

// ---------------------------------------------------------------------------------------------
// Reading a command's keys

const KEY_ALIASES: Readonly<Record<string, string>> = {
  esc: 'escape',
  control: 'ctrl',
  cmd: 'ctrl',
  meta: 'ctrl',
  option: 'alt',
  up: 'arrowup',
  down: 'arrowdown',
  left: 'arrowleft',
  right: 'arrowright',
};

function normalizeChord(chord: string): string {
  // `ctrl++` would split badly; Posko registers no such chord, a lone `+` key stays as it is.
  if (chord === '+') return chord;
  const parts = chord.split('+').map((part) => {
    const lower = part.toLowerCase();
    return KEY_ALIASES[lower] ?? lower;
  });
  const key = parts.pop() ?? '';
  const modifiers = new Set<Modifier>();
  for (const part of parts) {
    if (part === 'ctrl' || part === 'alt' || part === 'shift') modifiers.add(part);
  }
  return joinChord(modifiers, key);
}

/** A command's `keys` as the chords to press, in order (`'g u'` → `['g', 'u']`). */
export function parseKeys(keys: string): string[] {
  return keys
    .trim()
    .split(/\s+/)
    .filter((chord) => chord !== '')
    .map(normalizeChord);
}

/** The canonical spelling of `keys` (what a key press sequence is compared with). */
export function normalizeKeys(keys: string): string {
  return parseKeys(keys).join(' ');
}

// ---------------------------------------------------------------------------------------------
// Showing keys

const KEY_NAMES: Readonly<Record<string, string>> = {
  escape: 'Esc',
  enter: 'Enter',
  space: 'Space',
  arrowup: '↑',
  arrowdown: '↓',
  arrowleft: '←',
  arrowright: '→',
  pageup: 'PageUp',
  pagedown: 'PageDown',
  home: 'Home',
  end: 'End',
  tab: 'Tab',
};

const MODIFIER_NAMES: Readonly<Record<Modifier, string>> = {
  ctrl: 'Ctrl',
  alt: 'Alt',
  shift: 'Shift',
};

function formatChord(chord: string): string {
  const parts = chord === '+' ? ['+'] : chord.split('+');
  const key = parts.pop() ?? '';
  const modifiers = parts.map((m) => MODIFIER_NAMES[m as Modifier]);
  const name = KEY_NAMES[key] ?? (/^f\d+$/.test(key) ? key.toUpperCase() : key);
  // A shifted letter reads as the capital it types: Shift+E.
  const shown = modifiers.length > 0 && name.length === 1 ? name.toUpperCase() : name;
  return [...modifiers, shown].join('+');
}

/** The chords of `keys` as shown on a key cap each: `['Shift+E']`, `['g', 'u']`. */
export function formatKeys(keys: string): string[] {
  return parseKeys(keys).map(formatChord);
}

/**
 * `keys` for `aria-keyshortcuts` (ARIA spells Ctrl `Control`), or undefined for a sequence,
 * which that attribute cannot express.
 */
export function ariaKeyShortcuts(keys: string): string | undefined {
  const chords = parseKeys(keys);
  const [chord] = chords;
  if (chords.length !== 1 || chord === undefined) return undefined;
  return formatChord(chord)
    .replace(/^Ctrl\+/, 'Control+')
    .replace(/^Esc$/, 'Escape');
}
