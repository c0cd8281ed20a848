// The inbox's full-text search: an in-memory inverted index over report text (tracking number,
// title, body, location), design (a2) of docs/research/local-store-100k.md.
//
// - Documents get dense numbers 0..n-1; hits are a bitset over them.
// - The main segment is frozen: a sorted term dictionary (prefix ranges by binary search),
//   delta-varint postings for rare terms, and a dense bitset for every term in at least 1/16 of
//   the documents (decoding 90k-entry postings per keystroke is what made typeahead slow).
// - Changes go to a delta segment (a forward log of term ids per document, inverted lazily when
//   searched) and to tombstones: an upsert tombstones the old number and adds a new one. The
//   delta is merged into the main segment, renumbering documents, when delta + tombstones reach
//   the main segment's size (so a bulk build merges O(log n) times), or on demand
//   (`compact`, e.g. when sync goes idle, and always before `serialize`).
// Match semantics are tokenize.ts's; this file only makes them fast.

import {
  affixStems,
  foldWord,
  hashTerm,
  parseQuery,
  queryWordTerms,
  scanWords,
  type WordSink,
} from './tokenize';

export interface SearchDoc {
  readonly id: string;
  readonly text: string;
}

/**
 * The documents matching one search, valid until the index next changes. `bits` is over the
 * index's document numbers (see `SearchIndex.docNumber` / `docId`), so a caller holding its own
 * rows can intersect without building a set of ids.
 */
export interface SearchHits {
  readonly count: number;
  readonly bits: Uint32Array;
  has(id: string): boolean;
  /** Matching ids in document-number order. */
  ids(): string[];
}

export interface SearchIndexStats {
  readonly docs: number;
  readonly terms: number;
  readonly denseTerms: number;
  readonly deltaDocs: number;
  readonly tombstones: number;
  /** Approximate bytes held by postings, bitsets and per-term arrays (not the strings). */
  readonly bytes: number;
}

export interface SearchIndex {
  /** Live documents. */
  readonly size: number;
  /** Increases whenever results or document numbers may have changed. */
  readonly generation: number;
  /** Adds documents; an id already present has its text replaced. */
  add(docs: readonly SearchDoc[]): void;
  remove(ids: readonly string[]): void;
  /** Every query word must match; see tokenize.ts. The empty query matches every document. */
  search(query: string): SearchHits;
  /** The document number of a live id, or -1. */
  docNumber(id: string): number;
  /** The id of a live document number. */
  docId(docNumber: number): string | undefined;
  /** Merges the delta segment and drops tombstones now (e.g. when the app is idle). */
  compact(): void;
  /** Compacts, then returns the index as typed arrays and one string (structured-clone safe). */
  serialize(): SerializedSearchIndex;
  stats(): SearchIndexStats;
}

/** Bump when the tokenizer or the layout changes: older persisted indexes are then rebuilt. */
export const SEARCH_INDEX_FORMAT = 1;

export interface SerializedSearchIndex {
  readonly format: typeof SEARCH_INDEX_FORMAT;
  readonly termCount: number;
  readonly docCount: number;
  /** The sorted terms, then the ids by document number, concatenated. */
  readonly strings: string;
  /** End offset in `strings` of each term, then of each id. */
  readonly stringEnds: Uint32Array;
  /** End offset in `postings` of each term's varint gaps (dense terms add none). */
  readonly postingEnds: Uint32Array;
  readonly postings: Uint8Array;
  /** Per term, the index of its bitset in `dense`, or -1. */
  readonly denseSlot: Int32Array;
  /** Bitsets of ceil(docCount / 32) words each. */
  readonly dense: Uint32Array;
}

export function isSerializedSearchIndex(value: unknown): value is SerializedSearchIndex {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof SerializedSearchIndex, unknown>>;
  return (
    v.format === SEARCH_INDEX_FORMAT &&
    typeof v.termCount === 'number' &&
    typeof v.docCount === 'number' &&
    typeof v.strings === 'string' &&
    v.stringEnds instanceof Uint32Array &&
    v.postingEnds instanceof Uint32Array &&
    v.postings instanceof Uint8Array &&
    v.denseSlot instanceof Int32Array &&
    v.dense instanceof Uint32Array
  );
}

// ---------------------------------------------------------------------------------------------
// Bitsets

function setBit(bits: Uint32Array, n: number): void {
  bits[n >>> 5] = (bits[n >>> 5] ?? 0) | (1 << (n & 31));
}

function hasBit(bits: Uint32Array, n: number): boolean {
  return ((bits[n >>> 5] ?? 0) & (1 << (n & 31))) !== 0;
}

function popcount32(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function popcount(bits: Uint32Array): number {
  let count = 0;
  for (const word of bits) if (word !== 0) count += popcount32(word);
  return count;
}

/** Calls `fn` with each set bit's number, ascending. */
function forEachBit(bits: Uint32Array, from: number, words: number, fn: (n: number) => void): void {
  for (let w = 0; w < words; w++) {
    let word = bits[from + w] ?? 0;
    while (word !== 0) {
      const low = word & -word;
      fn(w * 32 + 31 - Math.clz32(low));
      word ^= low;
    }
  }
}

function grownUint8(array: Uint8Array, needed: number): Uint8Array {
  if (needed <= array.length) return array;
  const next = new Uint8Array(Math.max(needed, array.length * 2));
  next.set(array);
  return next;
}

function grownUint32(array: Uint32Array, needed: number): Uint32Array {
  if (needed <= array.length) return array;
  const next = new Uint32Array(Math.max(needed, array.length * 2));
  next.set(array);
  return next;
}

function grownInt32(array: Int32Array, needed: number): Int32Array {
  if (needed <= array.length) return array;
  const next = new Int32Array(Math.max(needed, array.length * 2));
  next.set(array);
  return next;
}

/** Index of the first term ≥ `key` in sorted `terms` (code-unit order). */
function lowerBound(terms: readonly string[], key: string, from = 0, to = terms.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((terms[mid] ?? '') < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The smallest string greater than every string starting with `prefix`. */
function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

// ---------------------------------------------------------------------------------------------
// Main segment (frozen)

interface MainSegment {
  readonly terms: readonly string[];
  readonly postingEnds: Uint32Array;
  readonly postings: Uint8Array;
  readonly denseSlot: Int32Array;
  readonly dense: Uint32Array;
  /** Document numbers 0..docCount-1 are in this segment. */
  readonly docCount: number;
  readonly denseWords: number;
}

const emptyMain: MainSegment = {
  terms: [],
  postingEnds: new Uint32Array(0),
  postings: new Uint8Array(0),
  denseSlot: new Int32Array(0),
  dense: new Uint32Array(0),
  docCount: 0,
  denseWords: 0,
};

function findTerm(main: MainSegment, term: string): number {
  const i = lowerBound(main.terms, term);
  return main.terms[i] === term ? i : -1;
}

/** ORs the documents of main term `t` into `bits`. */
function orMainTerm(main: MainSegment, t: number, bits: Uint32Array): void {
  const slot = main.denseSlot[t] ?? -1;
  if (slot >= 0) {
    const base = slot * main.denseWords;
    for (let w = 0; w < main.denseWords; w++)
      bits[w] = (bits[w] ?? 0) | (main.dense[base + w] ?? 0);
    return;
  }
  const postings = main.postings;
  const end = main.postingEnds[t] ?? 0;
  let p = t === 0 ? 0 : (main.postingEnds[t - 1] ?? 0);
  let doc = -1;
  while (p < end) {
    let byte = postings[p++] ?? 0;
    let gap = byte & 0x7f;
    let shift = 7;
    while (byte >= 0x80) {
      byte = postings[p++] ?? 0;
      gap |= (byte & 0x7f) << shift;
      shift += 7;
    }
    doc += gap;
    bits[doc >>> 5] = (bits[doc >>> 5] ?? 0) | (1 << (doc & 31));
  }
}

/** Calls `fn` with each document of main term `t`, ascending. */
function forEachMainDoc(main: MainSegment, t: number, fn: (doc: number) => void): void {
  const slot = main.denseSlot[t] ?? -1;
  if (slot >= 0) {
    forEachBit(main.dense, slot * main.denseWords, main.denseWords, fn);
    return;
  }
  const postings = main.postings;
  const end = main.postingEnds[t] ?? 0;
  let p = t === 0 ? 0 : (main.postingEnds[t - 1] ?? 0);
  let doc = -1;
  while (p < end) {
    let byte = postings[p++] ?? 0;
    let gap = byte & 0x7f;
    let shift = 7;
    while (byte >= 0x80) {
      byte = postings[p++] ?? 0;
      gap |= (byte & 0x7f) << shift;
      shift += 7;
    }
    doc += gap;
    fn(doc);
  }
}

// ---------------------------------------------------------------------------------------------
// Delta segment (growing)

interface InvertedDelta {
  /** Term ids sorted by term. */
  readonly sorted: Int32Array;
  readonly sortedTerms: readonly string[];
  /** CSR: documents of term id t are docs[offsets[t] .. offsets[t+1]). */
  readonly offsets: Int32Array;
  readonly docs: Int32Array;
}

/**
 * Term → id, looked up by a range of a larger string and its hash so that words already seen
 * (nearly all of them) cost no string allocation. Open addressing, linear probing.
 */
class TermTable {
  readonly terms: string[] = [];
  private hashes: Int32Array = new Int32Array(1024);
  private slots: Int32Array = new Int32Array(2048).fill(-1);
  private mask = 2047;

  findRange(s: string, start: number, end: number, hash: number): number {
    const length = end - start;
    for (let i = hash & this.mask; ; i = (i + 1) & this.mask) {
      const id = this.slots[i] ?? -1;
      if (id < 0) return -1;
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

  find(term: string): number {
    return this.findRange(term, 0, term.length, hashTerm(term));
  }

  insert(term: string, hash: number): number {
    const id = this.terms.length;
    this.terms.push(term);
    this.hashes = grownInt32(this.hashes, id + 1);
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
}

class DeltaSegment {
  readonly table = new TermTable();
  /** Per term id, its stems' term ids once the term has been seen as a word. */
  private readonly wordStems: (Int32Array | undefined)[] = [];
  private lastWord: Int32Array = new Int32Array(1024);
  private lastPosting: Int32Array = new Int32Array(1024);
  /** Term ids of each document, document after document. */
  private log: Int32Array = new Int32Array(1 << 16);
  private logLength = 0;
  private docEnds: Int32Array = new Int32Array(256);
  docCount = 0;
  private inverted: InvertedDelta | null = null;
  private stamp = 0;
  private sortedTerms: string[] = [];
  private sorted: Int32Array = new Int32Array(0);

  constructor(readonly firstDoc: number) {}

  get postingCount(): number {
    return this.logLength;
  }

  get terms(): readonly string[] {
    return this.table.terms;
  }

  private newTerm(term: string, hash: number): number {
    const id = this.table.insert(term, hash);
    this.wordStems.push(undefined);
    this.lastWord = grownInt32(this.lastWord, id + 1);
    this.lastPosting = grownInt32(this.lastPosting, id + 1);
    return id;
  }

  private termId(term: string): number {
    const hash = hashTerm(term);
    const id = this.table.findRange(term, 0, term.length, hash);
    return id >= 0 ? id : this.newTerm(term, hash);
  }

  private post(id: number, stamp: number): void {
    if (this.lastPosting[id] === stamp) return;
    this.lastPosting[id] = stamp;
    if (this.logLength === this.log.length) this.log = grownInt32(this.log, this.logLength + 1);
    this.log[this.logLength++] = id;
  }

  private readonly onWord: WordSink = (lowered, start, end, hash, needsFold) => {
    let id: number;
    let word: string | null = null;
    if (needsFold) {
      word = foldWord(lowered.slice(start, end));
      if (word.length === 0) return;
      id = this.termId(word);
    } else {
      id = this.table.findRange(lowered, start, end, hash);
      if (id < 0) {
        word = lowered.slice(start, end);
        id = this.newTerm(word, hash);
      }
    }
    const stamp = this.stamp;
    if (this.lastWord[id] === stamp) return;
    this.lastWord[id] = stamp;
    this.post(id, stamp);
    let stems = this.wordStems[id];
    if (stems === undefined) {
      const stemsOf = affixStems(word ?? this.table.terms[id] ?? '');
      stems = Int32Array.from(stemsOf, (stem) => this.termId(stem));
      this.wordStems[id] = stems;
    }
    for (const stem of stems) this.post(stem, stamp);
  };

  /** Adds the next document (number firstDoc + docCount). */
  addDoc(text: string): void {
    // Stamps are local document number + 1, so the zero-filled arrays mean "never".
    this.stamp = this.docCount + 1;
    scanWords(text, this.onWord);
    this.docEnds = grownInt32(this.docEnds, this.docCount + 1);
    this.docEnds[this.docCount++] = this.logLength;
    this.inverted = null;
  }

  /**
   * The terms in order, kept from the last call: only terms new since then are sorted (the
   * default sort compares UTF-16 code units as `<` does, and is much faster than a comparator),
   * then merged in.
   */
  private sortTerms(): { sorted: Int32Array; sortedTerms: readonly string[] } {
    const previous = this.sortedTerms;
    const terms = this.table.terms;
    if (previous.length === terms.length) return { sorted: this.sorted, sortedTerms: previous };
    const fresh = terms.slice(previous.length).sort();
    const merged: string[] = [];
    let i = 0;
    let j = 0;
    while (i < previous.length || j < fresh.length) {
      const a = previous[i];
      const b = fresh[j];
      if (b === undefined || (a !== undefined && a < b)) {
        merged.push(a ?? '');
        i++;
      } else {
        merged.push(b);
        j++;
      }
    }
    this.sortedTerms = merged;
    this.sorted = Int32Array.from(merged, (term) => this.table.find(term));
    return { sorted: this.sorted, sortedTerms: merged };
  }

  invert(): InvertedDelta {
    if (this.inverted !== null) return this.inverted;
    const termCount = this.terms.length;
    const offsets = new Int32Array(termCount + 1);
    for (let i = 0; i < this.logLength; i++) {
      const t = this.log[i] ?? 0;
      offsets[t + 1] = (offsets[t + 1] ?? 0) + 1;
    }
    for (let t = 0; t < termCount; t++) offsets[t + 1] = (offsets[t + 1] ?? 0) + (offsets[t] ?? 0);
    const fill = offsets.slice(0, termCount);
    const docs = new Int32Array(this.logLength);
    let i = 0;
    for (let d = 0; d < this.docCount; d++) {
      const end = this.docEnds[d] ?? 0;
      const doc = this.firstDoc + d;
      for (; i < end; i++) {
        const t = this.log[i] ?? 0;
        docs[fill[t] ?? 0] = doc;
        fill[t] = (fill[t] ?? 0) + 1;
      }
    }
    const { sorted, sortedTerms } = this.sortTerms();
    this.inverted = { sorted, sortedTerms, offsets, docs };
    return this.inverted;
  }
}

function orDeltaTerm(inv: InvertedDelta, t: number, bits: Uint32Array): void {
  const end = inv.offsets[t + 1] ?? 0;
  for (let i = inv.offsets[t] ?? 0; i < end; i++) {
    const doc = inv.docs[i] ?? 0;
    bits[doc >>> 5] = (bits[doc >>> 5] ?? 0) | (1 << (doc & 31));
  }
}

// ---------------------------------------------------------------------------------------------
// The index

/** Delta + tombstones below this never trigger an automatic merge. */
const MIN_AUTO_MERGE = 4096;
/**
 * Delta + tombstones merge automatically once they reach this multiple of the main segment: a
 * bulk build then merges O(log n) times (about 2.5 n documents in all) and the delta's
 * uncompressed forward log (4 bytes a posting) never outgrows the main segment. Smaller deltas
 * are merged by `compact`, which the owner calls when sync goes idle.
 */
const MERGE_FACTOR = 1;
/** A term in at least 1/DENSE_FRACTION of the documents is stored as a bitset. */
const DENSE_FRACTION = 16;

class Hits implements SearchHits {
  constructor(
    readonly bits: Uint32Array,
    readonly count: number,
    private readonly docIds: readonly string[],
    private readonly docOf: ReadonlyMap<string, number>,
  ) {}

  has(id: string): boolean {
    const doc = this.docOf.get(id);
    return doc !== undefined && hasBit(this.bits, doc);
  }

  ids(): string[] {
    const ids: string[] = [];
    forEachBit(this.bits, 0, this.bits.length, (doc) => ids.push(this.docIds[doc] ?? ''));
    return ids;
  }
}

class InvertedIndex implements SearchIndex {
  private main: MainSegment;
  private delta: DeltaSegment;
  /** Ids by document number ('' once tombstoned). */
  private docIds: string[];
  private readonly docOf = new Map<string, number>();
  private dead: Uint32Array;
  private deadCount = 0;
  private nextDoc: number;
  /** A hash of each document's text since this index was made: unchanged text is not re-added. */
  private readonly textHashes = new Map<string, number>();
  generation = 0;

  constructor(main: MainSegment, docIds: string[]) {
    this.main = main;
    this.docIds = docIds;
    for (let d = 0; d < docIds.length; d++) this.docOf.set(docIds[d] ?? '', d);
    this.nextDoc = docIds.length;
    this.dead = new Uint32Array((this.nextDoc >>> 5) + 1);
    this.delta = new DeltaSegment(this.nextDoc);
  }

  get size(): number {
    return this.docOf.size;
  }

  private tombstone(id: string): void {
    const doc = this.docOf.get(id);
    if (doc === undefined) return;
    this.docOf.delete(id);
    this.textHashes.delete(id);
    this.docIds[doc] = '';
    setBit(this.dead, doc);
    this.deadCount += 1;
  }

  add(docs: readonly SearchDoc[]): void {
    if (docs.length === 0) return;
    // Tombstones may fall on documents of this same batch: room for all of them first.
    this.dead = grownUint32(this.dead, ((this.nextDoc + docs.length) >>> 5) + 1);
    let added = 0;
    for (const { id, text } of docs) {
      // A local action re-sends a report whose text did not change: nothing to index.
      const hash = hashTerm(text);
      if (this.docOf.has(id) && this.textHashes.get(id) === hash) continue;
      this.tombstone(id);
      const doc = this.nextDoc++;
      this.docIds[doc] = id;
      this.docOf.set(id, doc);
      this.textHashes.set(id, hash);
      this.delta.addDoc(text);
      added += 1;
    }
    if (added === 0) return;
    this.generation += 1;
    this.maybeMerge();
  }

  remove(ids: readonly string[]): void {
    const before = this.deadCount;
    for (const id of ids) this.tombstone(id);
    if (this.deadCount === before) return;
    this.generation += 1;
    this.maybeMerge();
  }

  private maybeMerge(): void {
    const pending = this.delta.docCount + this.deadCount;
    if (pending >= Math.max(MIN_AUTO_MERGE, MERGE_FACTOR * this.main.docCount)) this.merge();
  }

  compact(): void {
    if (this.delta.docCount === 0 && this.deadCount === 0) return;
    this.merge();
    this.generation += 1;
  }

  docNumber(id: string): number {
    return this.docOf.get(id) ?? -1;
  }

  docId(docNumber: number): string | undefined {
    const id = this.docIds[docNumber];
    return id === undefined || id === '' ? undefined : id;
  }

  search(query: string): SearchHits {
    const parsed = parseQuery(query);
    const words = (this.nextDoc >>> 5) + 1;
    let acc: Uint32Array | null = null;
    const lastIndex = parsed.words.length - 1;
    const inv = this.delta.docCount > 0 ? this.delta.invert() : null;
    for (let i = 0; i <= lastIndex; i++) {
      const word = parsed.words[i] ?? '';
      const bits = new Uint32Array(words);
      for (const term of queryWordTerms(word)) {
        const t = findTerm(this.main, term);
        if (t >= 0) orMainTerm(this.main, t, bits);
        const dt = inv === null ? -1 : this.delta.table.find(term);
        if (inv !== null && dt >= 0) orDeltaTerm(inv, dt, bits);
      }
      if (i === lastIndex && parsed.lastIsPrefix) {
        const end = prefixEnd(word);
        const terms = this.main.terms;
        const hi = lowerBound(terms, end);
        for (let t = lowerBound(terms, word, 0, hi); t < hi; t++) orMainTerm(this.main, t, bits);
        if (inv !== null) {
          const sortedTerms = inv.sortedTerms;
          const dhi = lowerBound(sortedTerms, end);
          for (let s = lowerBound(sortedTerms, word, 0, dhi); s < dhi; s++) {
            orDeltaTerm(inv, inv.sorted[s] ?? 0, bits);
          }
        }
      }
      if (acc === null) acc = bits;
      else for (let w = 0; w < words; w++) acc[w] = (acc[w] ?? 0) & (bits[w] ?? 0);
    }
    if (acc === null) {
      acc = new Uint32Array(words);
      for (let d = 0; d < this.nextDoc; d++) setBit(acc, d);
    }
    for (let w = 0; w < words; w++) acc[w] = (acc[w] ?? 0) & ~(this.dead[w] ?? 0);
    return new Hits(acc, popcount(acc), this.docIds, this.docOf);
  }

  /** Rebuilds the main segment from main + delta without tombstoned documents. */
  private merge(): void {
    const total = this.nextDoc;
    const renumber = new Int32Array(total);
    const ids: string[] = [];
    for (let d = 0; d < total; d++) {
      if (hasBit(this.dead, d)) renumber[d] = -1;
      else {
        renumber[d] = ids.length;
        ids.push(this.docIds[d] ?? '');
      }
    }
    const docCount = ids.length;
    const denseWords = (docCount >>> 5) + 1;
    const denseMin = Math.max(1, Math.ceil(docCount / DENSE_FRACTION));
    const main = this.main;
    const inv = this.delta.invert();
    const mainTerms = main.terms;
    const deltaTerms = inv.sortedTerms;

    const terms: string[] = [];
    let postingEnds = new Uint32Array(mainTerms.length + deltaTerms.length);
    let denseSlot = new Int32Array(postingEnds.length);
    let postings: Uint8Array = new Uint8Array(
      Math.max(1024, main.postings.length + this.delta.postingCount),
    );
    let p = 0;
    let dense: Uint32Array = new Uint32Array(denseWords * 64);
    let denseCount = 0;
    const buffer = new Int32Array(docCount);
    let count = 0;
    const collect = (doc: number): void => {
      const n = renumber[doc] ?? -1;
      if (n >= 0) buffer[count++] = n;
    };

    let i = 0;
    let j = 0;
    while (i < mainTerms.length || j < deltaTerms.length) {
      const a = mainTerms[i];
      const b = deltaTerms[j];
      const term = a !== undefined && (b === undefined || a <= b) ? a : (b ?? '');
      count = 0;
      if (a === term) forEachMainDoc(main, i++, collect);
      if (b === term) {
        const t = inv.sorted[j++] ?? 0;
        const end = inv.offsets[t + 1] ?? 0;
        for (let k = inv.offsets[t] ?? 0; k < end; k++) collect(inv.docs[k] ?? 0);
      }
      if (count === 0) continue;
      const index = terms.length;
      terms.push(term);
      if (count >= denseMin) {
        dense = grownUint32(dense, (denseCount + 1) * denseWords);
        const base = denseCount * denseWords;
        for (let k = 0; k < count; k++) {
          const n = buffer[k] ?? 0;
          dense[base + (n >>> 5)] = (dense[base + (n >>> 5)] ?? 0) | (1 << (n & 31));
        }
        denseSlot[index] = denseCount++;
      } else {
        postings = grownUint8(postings, p + count * 5);
        let previous = -1;
        for (let k = 0; k < count; k++) {
          const n = buffer[k] ?? 0;
          let gap = n - previous;
          previous = n;
          while (gap >= 0x80) {
            postings[p++] = (gap & 0x7f) | 0x80;
            gap >>>= 7;
          }
          postings[p++] = gap;
        }
        denseSlot[index] = -1;
      }
      postingEnds[index] = p;
    }
    postingEnds = postingEnds.slice(0, terms.length);
    denseSlot = denseSlot.slice(0, terms.length);
    this.main = {
      terms,
      postingEnds,
      postings: postings.slice(0, p),
      denseSlot,
      dense: dense.slice(0, denseCount * denseWords),
      docCount,
      denseWords,
    };
    this.docIds = ids;
    this.docOf.clear();
    for (let d = 0; d < docCount; d++) this.docOf.set(ids[d] ?? '', d);
    this.nextDoc = docCount;
    this.dead = new Uint32Array((docCount >>> 5) + 1);
    this.deadCount = 0;
    this.delta = new DeltaSegment(docCount);
  }

  serialize(): SerializedSearchIndex {
    this.compact();
    const { terms, postingEnds, postings, denseSlot, dense } = this.main;
    const ids = this.docIds;
    const stringEnds = new Uint32Array(terms.length + ids.length);
    let offset = 0;
    let k = 0;
    for (const term of terms) stringEnds[k++] = offset += term.length;
    for (const id of ids) stringEnds[k++] = offset += id.length;
    return {
      format: SEARCH_INDEX_FORMAT,
      termCount: terms.length,
      docCount: ids.length,
      strings: terms.join('') + ids.join(''),
      stringEnds,
      // The main segment never changes after a merge, so sharing its arrays is safe.
      postingEnds,
      postings,
      denseSlot,
      dense,
    };
  }

  stats(): SearchIndexStats {
    const m = this.main;
    return {
      docs: this.size,
      terms: m.terms.length,
      denseTerms: m.dense.length / Math.max(1, m.denseWords),
      deltaDocs: this.delta.docCount,
      tombstones: this.deadCount,
      bytes:
        m.postings.byteLength +
        m.dense.byteLength +
        m.postingEnds.byteLength +
        m.denseSlot.byteLength +
        this.dead.byteLength +
        this.delta.postingCount * 4,
    };
  }
}

export function createSearchIndex(): SearchIndex {
  return new InvertedIndex(emptyMain, []);
}

/** Loads a serialized index; throws RangeError when its arrays do not fit together. */
export function restoreSearchIndex(serialized: SerializedSearchIndex): SearchIndex {
  const { termCount, docCount, strings, stringEnds } = serialized;
  if (
    (serialized.format as number) !== SEARCH_INDEX_FORMAT ||
    stringEnds.length !== termCount + docCount ||
    serialized.postingEnds.length !== termCount ||
    serialized.denseSlot.length !== termCount ||
    (stringEnds.at(-1) ?? 0) !== strings.length
  ) {
    throw new RangeError('Serialized search index is malformed or of another format');
  }
  // Grown by push: `new Array(n)` of this size would be a slow dictionary-mode array.
  const slices: string[] = [];
  let start = 0;
  for (const end of stringEnds) {
    slices.push(strings.slice(start, end));
    start = end;
  }
  const denseWords = (docCount >>> 5) + 1;
  const main: MainSegment = {
    terms: slices.slice(0, termCount),
    postingEnds: serialized.postingEnds,
    postings: serialized.postings,
    denseSlot: serialized.denseSlot,
    dense: serialized.dense,
    docCount,
    denseWords,
  };
  return new InvertedIndex(main, slices.slice(termCount));
}
