// What the routing model sees of a report: its category, where it happened (region code levels
// and the words of the location text) and the words of its title and body, through the inbox
// tokenizer so the model and the search agree on what a word is.

import type { Report } from '../domain/report';
import {
  affixStems,
  foldWord,
  forEachWord,
  hashTerm,
  scanWords,
  type WordSink,
} from '../inbox/tokenize';

/** The fields of a report the routing model reads. */
export type RoutingReport = Pick<Report, 'title' | 'body' | 'categoryId' | 'location'>;

export interface RoutingFeatures {
  readonly categoryId: string | null;
  /**
   * Region code levels (`99`, `99.71`, `99.71.01`, `99.71.01.1001`) and the distinct words of the
   * location text. Codes always hold a digit and location words never do, so they cannot collide.
   */
  readonly places: readonly string[];
  /** Distinct words of title and body and their affix stems (stop-words and numbers left out). */
  readonly terms: readonly string[];
}

/** Features plus, for each term, the word of this report it came from (to explain a suggestion). */
export interface ExplainedFeatures extends RoutingFeatures {
  readonly wordOfTerm: ReadonlyMap<string, string>;
}

/** Words shorter than this say nothing about a target ("rt", "no", "jl", "di"). */
const MIN_WORD_LENGTH = 3;

/**
 * Indonesian function words and complaint boilerplate ("mohon", "bapak", "terima kasih") that
 * every target receives alike: they only add noise and would be poor reasons to show.
 */
const STOP_WORDS: ReadonlySet<string> = new Set([
  'ada',
  'adalah',
  'agar',
  'akan',
  'aku',
  'anda',
  'apa',
  'atas',
  'atau',
  'bagi',
  'bahwa',
  'banyak',
  'bapak',
  'baru',
  'belum',
  'beliau',
  'berikut',
  'bisa',
  'boleh',
  'bukan',
  'dalam',
  'dan',
  'dapat',
  'dari',
  'demikian',
  'dengan',
  'dia',
  'hal',
  'hanya',
  'harus',
  'hingga',
  'ibu',
  'ini',
  'itu',
  'jadi',
  'jika',
  'juga',
  'kalau',
  'kami',
  'kamu',
  'kapan',
  'karena',
  'kasih',
  'kata',
  'ke',
  'kepada',
  'ketika',
  'kita',
  'lagi',
  'lain',
  'lalu',
  'maka',
  'masih',
  'mereka',
  'mohon',
  'namun',
  'oleh',
  'pada',
  'para',
  'per',
  'pun',
  'saat',
  'saja',
  'sama',
  'sampai',
  'sangat',
  'saya',
  'sebagai',
  'sebelum',
  'sedang',
  'sejak',
  'sekali',
  'sekitar',
  'selama',
  'semua',
  'sendiri',
  'serta',
  'setelah',
  'sudah',
  'supaya',
  'tapi',
  'tersebut',
  'terima',
  'tetapi',
  'tidak',
  'untuk',
  'yang',
  'yth',
]);

function isDigitWord(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 48 && c <= 57;
}

function isContentWord(word: string): boolean {
  return word.length >= MIN_WORD_LENGTH && !isDigitWord(word) && !STOP_WORDS.has(word);
}

/** `99.71.01.1001` → `99`, `99.71`, `99.71.01`, `99.71.01.1001`: every level can decide. */
export function regionCodeLevels(regionCode: string): string[] {
  const parts = regionCode.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

/**
 * Every term met so far, interned: a term id per distinct word or stem, found from the word's
 * range in the lowered text and its hash without slicing it (as the search index does), with the
 * stems of each word computed once. Complaints use a few thousand distinct words; slicing,
 * hashing and stemming every occurrence anew was most of the cost of reading a report. Cleared
 * when it grows past a bound, so odd input cannot make it huge.
 */
class TermTable {
  terms: string[] = [];
  private hashes: Int32Array = new Int32Array(1024);
  private slots: Int32Array = new Int32Array(2048).fill(-1);
  private mask = 2047;
  /** Per word id, its stems' ids (stop-words left out), or null when it is no content word. */
  private stemsOf: (Int32Array | null | undefined)[] = [];
  /** Per term id, the report it was last taken into (`stamp`), and as a word. */
  private termStamps: Int32Array = new Int32Array(1024);
  /** Per term id, its position in the terms of the report of `termStamps`. */
  private positions: Int32Array = new Int32Array(1024);
  private wordStamps: Int32Array = new Int32Array(1024);
  private stamp = 0;

  /** Starts reading one report; ids stay valid until the next call. */
  begin(): void {
    if (this.terms.length > TERM_TABLE_LIMIT || this.stamp === 0x7fffffff) this.clear();
    this.stamp += 1;
  }

  /** The word's id, inserted if new. */
  wordId(s: string, start: number, end: number, hash: number): number {
    const length = end - start;
    for (let i = hash & this.mask; ; i = (i + 1) & this.mask) {
      const id = this.slots[i] ?? -1;
      if (id < 0) return this.insert(s.slice(start, end), hash);
      if (this.hashes[id] === hash) {
        const term = this.terms[id] ?? '';
        if (term.length === length) {
          let k = 0;
          while (k < length && term.charCodeAt(k) === s.charCodeAt(start + k)) k++;
          if (k === length) return id;
        }
      }
    }
  }

  /** Whether this is the word's first occurrence in the report (marks it). */
  isNewWord(id: number): boolean {
    if (this.wordStamps[id] === this.stamp) return false;
    this.wordStamps[id] = this.stamp;
    return true;
  }

  /** Where the term stands in the report's terms, or -1 when it is not taken in yet. */
  positionOf(id: number): number {
    return this.termStamps[id] === this.stamp ? (this.positions[id] ?? -1) : -1;
  }

  /** Takes the term into the report at `position`. */
  take(id: number, position: number): void {
    this.termStamps[id] = this.stamp;
    this.positions[id] = position;
  }

  stems(id: number): Int32Array | null {
    let stems = this.stemsOf[id];
    if (stems === undefined) {
      const word = this.terms[id] ?? '';
      stems = isContentWord(word)
        ? Int32Array.from(
            affixStems(word).filter((stem) => !STOP_WORDS.has(stem)),
            (stem) => this.wordId(stem, 0, stem.length, hashTerm(stem)),
          )
        : null;
      this.stemsOf[id] = stems;
    }
    return stems;
  }

  private insert(term: string, hash: number): number {
    const id = this.terms.length;
    this.terms.push(term);
    this.stemsOf.push(undefined);
    this.hashes = grown(this.hashes, id + 1);
    this.termStamps = grown(this.termStamps, id + 1);
    this.positions = grown(this.positions, id + 1);
    this.wordStamps = grown(this.wordStamps, id + 1);
    this.hashes[id] = hash;
    if (this.terms.length * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2).fill(-1);
      this.mask = this.slots.length - 1;
      for (let t = 0; t < id; t++) this.place(t);
    }
    this.place(id);
    return id;
  }

  private place(id: number): void {
    let i = (this.hashes[id] ?? 0) & this.mask;
    while ((this.slots[i] ?? -1) >= 0) i = (i + 1) & this.mask;
    this.slots[i] = id;
  }

  private clear(): void {
    this.terms = [];
    this.stemsOf = [];
    this.hashes = new Int32Array(1024);
    this.slots = new Int32Array(2048).fill(-1);
    this.mask = 2047;
    this.termStamps = new Int32Array(1024);
    this.positions = new Int32Array(1024);
    this.wordStamps = new Int32Array(1024);
    this.stamp = 0;
  }
}

const TERM_TABLE_LIMIT = 200_000;
const termTable = new TermTable();

function grown(array: Int32Array, needed: number): Int32Array {
  if (needed <= array.length) return array;
  const next = new Int32Array(Math.max(needed, array.length * 2));
  next.set(array);
  return next;
}

/**
 * The distinct terms of title and body in order of first use, each with the report's word that
 * names it: a term that is a word of the report names itself, even when an earlier word's stem
 * brought it in; a stem alone is named by the first word that yields it.
 */
function termsOf(report: RoutingReport): { terms: string[]; words: string[] } {
  const table = termTable;
  table.begin();
  const terms: string[] = [];
  const words: string[] = [];

  const onWord: WordSink = (lowered, start, end, hash, needsFold) => {
    let id: number;
    if (needsFold) {
      const folded = foldWord(lowered.slice(start, end));
      if (folded.length === 0) return;
      id = table.wordId(folded, 0, folded.length, hashTerm(folded));
    } else {
      id = table.wordId(lowered, start, end, hash);
    }
    if (!table.isNewWord(id)) return;
    const stems = table.stems(id);
    if (stems === null) return;
    const word = table.terms[id] ?? '';
    const position = table.positionOf(id);
    if (position >= 0) {
      // Taken in as a stem of an earlier word: it names itself from now on.
      words[position] = word;
    } else {
      table.take(id, terms.length);
      terms.push(word);
      words.push(word);
    }
    for (const stem of stems) {
      if (table.positionOf(stem) >= 0) continue;
      table.take(stem, terms.length);
      terms.push(table.terms[stem] ?? '');
      words.push(word);
    }
  };
  scanWords(report.title, onWord);
  scanWords(report.body, onWord);
  return { terms, words };
}

function placesOf(report: RoutingReport): string[] {
  const places = new Set<string>();
  if (report.location.regionCode !== undefined) {
    for (const level of regionCodeLevels(report.location.regionCode)) places.add(level);
  }
  forEachWord(report.location.text, (word) => {
    if (isContentWord(word)) places.add(word);
  });
  return [...places];
}

/** The features of a report, with the report's own word behind each term. */
export function explainedFeatures(report: RoutingReport): ExplainedFeatures {
  const { terms, words } = termsOf(report);
  const wordOfTerm = new Map<string, string>();
  terms.forEach((term, i) => wordOfTerm.set(term, words[i] ?? term));
  return { categoryId: report.categoryId, places: placesOf(report), terms, wordOfTerm };
}

/** The features of a report, as stored in a training example. */
export function routingFeatures(report: RoutingReport): RoutingFeatures {
  return { categoryId: report.categoryId, places: placesOf(report), terms: termsOf(report).terms };
}
