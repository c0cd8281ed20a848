// Fuzzy matching for the command palette: the query's letters must appear in the text in order
// (a subsequence), case and accents ignored; among the ways they can appear, the best is scored,
// preferring letters at word starts and in unbroken runs, so `bt` finds "Belum Terverifikasi"
// (two word starts) before "Laporan berikutnya" (one), and `arsip` finds "Arsipkan" first.
import { commandGroups, type Command } from './command-registry';

// ---------------------------------------------------------------------------------------------
// Folding

/** One character as it is compared: lower case, no accents (`É` → `e`, `ﬁ` → `fi`). */
function foldChar(char: string): string {
  return char.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** `text` as it is compared (see foldChar), character by character so positions map back. */
export function foldForSearch(text: string): string {
  let folded = '';
  for (const char of text) folded += foldChar(char);
  return folded;
}

interface Folded {
  readonly chars: readonly string[];
  /** For each folded character, the index (UTF-16) of the original character it came from. */
  readonly origins: readonly number[];
  /** For each folded character, whether it starts a word in the original text. */
  readonly wordStarts: readonly boolean[];
}

const isWordChar = (char: string) => /[\p{L}\p{N}]/u.test(char);
const isUpper = (char: string) => char !== char.toLowerCase() && char === char.toUpperCase();

function foldWithOrigins(text: string): Folded {
  const chars: string[] = [];
  const origins: number[] = [];
  const wordStarts: boolean[] = [];
  let previous = '';
  let index = 0;
  for (const char of text) {
    const startsWord =
      isWordChar(char) &&
      (previous === '' || !isWordChar(previous) || (isUpper(char) && !isUpper(previous)));
    let first = true;
    for (const folded of foldChar(char)) {
      chars.push(folded);
      origins.push(index);
      wordStarts.push(startsWord && first);
      first = false;
    }
    previous = char;
    index += char.length;
  }
  return { chars, origins, wordStarts };
}

// ---------------------------------------------------------------------------------------------
// Matching

export interface FuzzyMatch {
  /** Higher is better; only comparable between matches of the same query. */
  readonly score: number;
  /** Indexes (UTF-16) of the matched characters in the original text, ascending. */
  readonly positions: readonly number[];
}

const MATCH = 1;
const WORD_START = 8;
const FIRST_CHAR = 4;
/** As much as a word start per letter: typing a word's start beats an acronym of as many words. */
const RUN = 8;
/** Per character skipped between two matched ones (and before the first). */
const GAP = 0.25;

/**
 * Scores the best way `query`'s characters (spaces ignored) appear in `target` in order, or null
 * when they do not. Dynamic programming over (query character, target position), O(q·t).
 */
export function fuzzyMatch(query: string, target: string): FuzzyMatch | null {
  const needle = Array.from(foldForSearch(query)).filter((char) => !/\s/u.test(char));
  const hay = foldWithOrigins(target);
  const m = needle.length;
  const n = hay.chars.length;
  if (m === 0) return { score: 0, positions: [] };
  if (m > n) return null;

  // best[i][j]: the best score with needle[i] matched at hay position j (−∞: impossible);
  // from[i][j]: where needle[i − 1] was matched for that score.
  const best: Float64Array[] = [];
  const from: Int32Array[] = [];
  for (let i = 0; i < m; i++) {
    const row = new Float64Array(n).fill(-Infinity);
    const back = new Int32Array(n).fill(-1);
    // The best of best[i−1][k] + GAP·k over k < j − 1 (a gap of j − k − 1 characters), kept
    // running so each row is linear.
    let runningBest = -Infinity;
    let runningFrom = -1;
    for (let j = 0; j < n; j++) {
      if (i > 0 && j >= 2) {
        const k = j - 2;
        const candidate = (best[i - 1]?.[k] ?? -Infinity) + GAP * k;
        if (candidate > runningBest) {
          runningBest = candidate;
          runningFrom = k;
        }
      }
      if (hay.chars[j] !== needle[i]) continue;
      const bonus = MATCH + (hay.wordStarts[j] === true ? WORD_START : 0);
      if (i === 0) {
        row[j] = bonus + (j === 0 ? FIRST_CHAR : 0) - GAP * j;
        continue;
      }
      const previous = best[i - 1];
      const adjacent = j >= 1 ? (previous?.[j - 1] ?? -Infinity) : -Infinity;
      const viaRun = adjacent + RUN;
      const viaGap = runningBest - GAP * (j - 1);
      if (viaRun === -Infinity && viaGap === -Infinity) continue;
      if (viaRun >= viaGap) {
        row[j] = viaRun + bonus;
        back[j] = j - 1;
      } else {
        row[j] = viaGap + bonus;
        back[j] = runningFrom;
      }
    }
    best.push(row);
    from.push(back);
  }

  const last = best[m - 1];
  if (last === undefined) return null;
  let end = -1;
  let score = -Infinity;
  for (let j = 0; j < n; j++) {
    const value = last[j] ?? -Infinity;
    if (value > score) {
      score = value;
      end = j;
    }
  }
  if (end < 0) return null;
  const folded: number[] = [];
  for (let i = m - 1, j = end; i >= 0 && j >= 0; i--) {
    folded.push(j);
    j = from[i]?.[j] ?? -1;
  }
  folded.reverse();
  // Several folded characters can come from one original (ﬁ): report each original once.
  const positions = [...new Set(folded.map((j) => hay.origins[j] ?? 0))];
  return { score, positions };
}

// ---------------------------------------------------------------------------------------------
// Ranking commands

export interface RankedCommand {
  readonly command: Command;
  readonly score: number;
  /** Matched positions in the label (empty when the match was in keywords or the id). */
  readonly labelPositions: readonly number[];
}

/** A match in the label counts fully; in keywords a little less; in the id least. */
const KEYWORD_WEIGHT = 0.9;
const ID_WEIGHT = 0.6;

/**
 * The commands `query` finds, best first (ties: group order, then registration order); all of
 * them in that order for an empty query.
 */
export function rankCommands(commands: readonly Command[], query: string): RankedCommand[] {
  const groupRank = (c: Command) => commandGroups.indexOf(c.group);
  const ranked: (RankedCommand & { readonly order: number })[] = [];
  commands.forEach((command, order) => {
    if (query.trim() === '') {
      ranked.push({ command, score: 0, labelPositions: [], order });
      return;
    }
    const label = fuzzyMatch(query, command.label);
    let score = label?.score ?? -Infinity;
    for (const keyword of command.keywords ?? []) {
      const match = fuzzyMatch(query, keyword);
      if (match !== null) score = Math.max(score, match.score * KEYWORD_WEIGHT);
    }
    const id = fuzzyMatch(query, command.id);
    if (id !== null) score = Math.max(score, id.score * ID_WEIGHT);
    if (score === -Infinity) return;
    ranked.push({ command, score, labelPositions: label?.positions ?? [], order });
  });
  ranked.sort(
    (a, b) => b.score - a.score || groupRank(a.command) - groupRank(b.command) || a.order - b.order,
  );
  return ranked.map(({ command, score, labelPositions }) => ({ command, score, labelPositions }));
}
