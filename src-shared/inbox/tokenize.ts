// Words of Indonesian complaint text for the inbox search: lowercase, accents folded, split on
// anything that is not a letter or digit, digit runs (tracking numbers) kept as their own terms,
// plus cheap affix stems so "perbaikan", "perbaiki" and "diperbaiki" find each other.
//
// The search index (search-index.ts) and any naive reference use exactly these functions, so
// "what matches" is defined here once:
// - a document's terms are its words plus the affix stems of each word (`documentTerms`);
// - a query word matches a document when the word or one of its stems is a document term;
// - the last query word, when it has at least MIN_PREFIX_LENGTH characters and the query does not
//   end with a separator (the operator is still typing it), also matches any term it begins;
// - every query word must match (AND).

/** Shorter last words match exactly only: a one-letter prefix would expand to most of the index. */
export const MIN_PREFIX_LENGTH = 2;

/** Stems shorter than this are not indexed: they would join unrelated words. */
export const MIN_STEM_LENGTH = 4;

const PREFIXES = [
  'meng',
  'meny',
  'mem',
  'men',
  'me',
  'peng',
  'pem',
  'pen',
  'pe',
  'ber',
  'ter',
  'di',
  'ke',
  'se',
] as const;
const PARTICLES = ['nya', 'lah'] as const;
const SUFFIXES = ['kan', 'an', 'i'] as const;

const LETTER = 1;
const DIGIT = 2;
/** A combining mark: continues the current word and is folded away. */
const MARK = 3;
const OTHER = 0;

const nonAsciiKinds = new Map<number, number>();
const letterPattern = /^\p{L}$|^\p{N}$/u;
const markPattern = /^\p{M}$/u;
const marksPattern = /\p{M}+/gu;

function nonAsciiKind(codePoint: number): number {
  let kind = nonAsciiKinds.get(codePoint);
  if (kind === undefined) {
    const char = String.fromCodePoint(codePoint);
    // Non-ASCII digits (Arabic-Indic, superscripts) are rare in complaints: treat them as letters
    // so that "digit run" keeps meaning an ASCII tracking number.
    kind = markPattern.test(char) ? MARK : letterPattern.test(char) ? LETTER : OTHER;
    nonAsciiKinds.set(codePoint, kind);
  }
  return kind;
}

/** Removes combining marks after canonical decomposition ("café" → "cafe"). */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(marksPattern, '');
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** The hash `scanWords` reports for a word that needed no folding (FNV-1a over UTF-16 units). */
export function hashTerm(term: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < term.length; i++) hash = Math.imul(hash ^ term.charCodeAt(i), FNV_PRIME);
  return hash;
}

/**
 * Receives each word as a range of the lowercased text, with the `hashTerm` of that range, and
 * whether it must still be folded (`foldWord`) because it holds non-ASCII characters.
 */
export type WordSink = (
  lowered: string,
  start: number,
  end: number,
  hash: number,
  needsFold: boolean,
) => void;

/**
 * The word scanner behind `forEachWord`, without creating strings: the search index looks words
 * up by range and hash, and slices only words it has not seen. Splits at any character that is
 * not a letter, digit or combining mark, and between letters and digits ("RT05" → "rt", "05").
 */
export function scanWords(text: string, sink: WordSink): void {
  const s = text.toLowerCase();
  const length = s.length;
  let start = -1;
  let wordKind = OTHER;
  let needsFold = false;
  let hash = FNV_OFFSET;
  let i = 0;
  while (i <= length) {
    const c = i < length ? s.charCodeAt(i) : 32;
    let kind: number;
    let width = 1;
    if (c < 128) {
      kind = c >= 97 && c <= 122 ? LETTER : c >= 48 && c <= 57 ? DIGIT : OTHER;
    } else {
      const codePoint = s.codePointAt(i) ?? c;
      if (codePoint > 0xffff) width = 2;
      kind = nonAsciiKind(codePoint);
    }
    if (kind === MARK) {
      // A mark belongs to the word before it; alone it is nothing.
      if (start >= 0) needsFold = true;
    } else if (kind !== wordKind) {
      if (start >= 0) sink(s, start, i, hash, needsFold);
      start = kind === OTHER ? -1 : i;
      wordKind = kind;
      needsFold = c >= 128;
      hash = FNV_OFFSET;
    } else if (c >= 128) {
      needsFold = true;
    }
    if (start >= 0) {
      hash = Math.imul(hash ^ c, FNV_PRIME);
      if (width === 2) hash = Math.imul(hash ^ s.charCodeAt(i + 1), FNV_PRIME);
    }
    i += width;
  }
}

/**
 * Calls `fn` with each word of `text` in order: lowercased, accents folded, letters and digits
 * split apart ("RT05" → "rt", "05"). ASCII text takes a fast path without normalization.
 */
export function forEachWord(text: string, fn: (word: string) => void): void {
  scanWords(text, (lowered, start, end, _hash, needsFold) => {
    const word = lowered.slice(start, end);
    const folded = needsFold ? foldWord(word) : word;
    if (folded.length > 0) fn(folded);
  });
}

/** The words of `text` in order (see `forEachWord`). */
export function tokenize(text: string): string[] {
  const words: string[] = [];
  forEachWord(text, (word) => words.push(word));
  return words;
}

function isDigitWord(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/**
 * Stems of a letter word with one common prefix and/or a particle and suffix removed, each at
 * least MIN_STEM_LENGTH long; never the word itself. Not a real stemmer (no nasal restoration,
 * one prefix only): enough for the usual di-/me-/pe- + -kan/-an/-i families to share a stem.
 */
export function affixStems(word: string): string[] {
  if (word.length <= MIN_STEM_LENGTH || isDigitWord(word)) return [];
  const stems: string[] = [];
  const add = (stem: string): void => {
    if (stem !== word && !stems.includes(stem)) stems.push(stem);
  };
  const bases = [word];
  for (const prefix of PREFIXES) {
    if (word.startsWith(prefix) && word.length - prefix.length >= MIN_STEM_LENGTH) {
      bases.push(word.slice(prefix.length));
      break;
    }
  }
  for (const base of bases) {
    add(base);
    const cores = [base];
    for (const particle of PARTICLES) {
      if (base.endsWith(particle) && base.length - particle.length >= MIN_STEM_LENGTH) {
        const core = base.slice(0, -particle.length);
        cores.push(core);
        add(core);
        break;
      }
    }
    for (const core of cores) {
      for (const suffix of SUFFIXES) {
        if (core.endsWith(suffix) && core.length - suffix.length >= MIN_STEM_LENGTH) {
          add(core.slice(0, -suffix.length));
        }
      }
    }
  }
  return stems;
}

/** Every term a document with this text is found by: its words and their stems. */
export function documentTerms(text: string): Set<string> {
  const terms = new Set<string>();
  forEachWord(text, (word) => {
    if (terms.has(word)) return;
    terms.add(word);
    for (const stem of affixStems(word)) terms.add(stem);
  });
  return terms;
}

function endsWithWordChar(text: string): boolean {
  let index = text.length - 1;
  const low = text.charCodeAt(index);
  if (low >= 0xdc00 && low <= 0xdfff && index > 0) index -= 1;
  const codePoint = text.codePointAt(index);
  if (codePoint === undefined) return false;
  if (codePoint < 128) {
    const lower = codePoint | 0x20;
    return (lower >= 97 && lower <= 122) || (codePoint >= 48 && codePoint <= 57);
  }
  return nonAsciiKind(codePoint) !== OTHER;
}

export interface ParsedQuery {
  /** Distinct query words in order of appearance (the last one possibly repeated earlier). */
  readonly words: readonly string[];
  /** The last word also matches the terms it begins (typeahead). */
  readonly lastIsPrefix: boolean;
}

export function parseQuery(text: string): ParsedQuery {
  const all = tokenize(text);
  const last = all.at(-1);
  if (last === undefined) return { words: [], lastIsPrefix: false };
  // "jalan " means the operator finished the word: no typeahead for it.
  const lastIsPrefix = endsWithWordChar(text) && last.length >= MIN_PREFIX_LENGTH;
  const words: string[] = [];
  for (const word of all.slice(0, -1)) if (!words.includes(word) && word !== last) words.push(word);
  words.push(last);
  return { words, lastIsPrefix };
}

/** A canonical string for a parsed query (cache keys); '' for the empty query. */
export function queryKey(query: ParsedQuery): string {
  return query.words.join(' ') + (query.lastIsPrefix ? '*' : '');
}

/** The exact terms a query word is matched by: the word and its stems. */
export function queryWordTerms(word: string): string[] {
  return [word, ...affixStems(word)];
}

/**
 * Whether a document with these terms (`documentTerms`) matches the query. The reference
 * semantics of the search index, by scanning; the empty query matches everything.
 */
export function matchesQuery(terms: ReadonlySet<string>, query: ParsedQuery): boolean {
  const lastIndex = query.words.length - 1;
  return query.words.every((word, index) => {
    if (queryWordTerms(word).some((term) => terms.has(term))) return true;
    if (index !== lastIndex || !query.lastIsPrefix) return false;
    for (const term of terms) if (term.startsWith(word)) return true;
    return false;
  });
}
