import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createSearchIndex,
  isSerializedSearchIndex,
  restoreSearchIndex,
  type SearchIndex,
} from '../../../../src-shared/inbox/search-index';
import { documentTerms, matchesQuery, parseQuery } from '../../../../src-shared/inbox/tokenize';

function ids(index: SearchIndex, query: string): string[] {
  return index.search(query).ids().sort();
}

function naive(docs: ReadonlyMap<string, string>, query: string): string[] {
  const parsed = parseQuery(query);
  return [...docs]
    .filter(([, text]) => matchesQuery(documentTerms(text), parsed))
    .map(([id]) => id)
    .sort();
}

function indexOf(docs: Record<string, string>): SearchIndex {
  const index = createSearchIndex();
  index.add(Object.entries(docs).map(([id, text]) => ({ id, text })));
  return index;
}

describe('search index', () => {
  const docs = {
    a: 'Jalan rusak di depan sekolah, mohon perbaikan. Laporan 1916449',
    b: 'Jalan bagus tetapi lampu padam. Laporan 1916448',
    c: 'Pelayanan di Café José lambat',
    d: 'Air bersih tidak mengalir ke rumah warga',
  };

  it('needs every query word (AND)', () => {
    const index = indexOf(docs);
    expect(ids(index, 'jalan ')).toEqual(['a', 'b']);
    expect(ids(index, 'jalan rusak ')).toEqual(['a']);
    expect(ids(index, 'jalan air ')).toEqual([]);
  });

  it('matches the last word as a prefix while it is typed', () => {
    const index = indexOf(docs);
    expect(ids(index, 'jal')).toEqual(['a', 'b']);
    expect(ids(index, 'jalan ru')).toEqual(['a']);
    expect(ids(index, 'jalan ru ')).toEqual([]);
  });

  it('ignores accents and case', () => {
    const index = indexOf(docs);
    expect(ids(index, 'cafe jose')).toEqual(['c']);
    expect(ids(index, 'CAFÉ JOSÉ')).toEqual(['c']);
  });

  it('finds other forms of a word through its affixes', () => {
    const index = indexOf(docs);
    expect(ids(index, 'diperbaiki ')).toEqual(['a']);
    expect(ids(index, 'layanan ')).toEqual(['c']);
  });

  it('finds a report by its exact tracking number', () => {
    const index = indexOf(docs);
    expect(ids(index, '1916449 ')).toEqual(['a']);
    expect(ids(index, '1916449')).toEqual(['a']);
    expect(ids(index, '191644')).toEqual(['a', 'b']);
  });

  it('matches every document for an empty query', () => {
    expect(ids(indexOf(docs), ' ')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('answers has() and count for the hits', () => {
    const hits = indexOf(docs).search('laporan ');
    expect(hits.count).toBe(2);
    expect(hits.has('a')).toBe(true);
    expect(hits.has('c')).toBe(false);
    expect(hits.has('unknown')).toBe(false);
  });

  it('replaces the text of a document added again under the same id', () => {
    const index = indexOf(docs);
    index.add([{ id: 'a', text: 'Sampah menumpuk di pasar' }]);
    expect(index.size).toBe(4);
    expect(ids(index, 'rusak ')).toEqual([]);
    expect(ids(index, 'sampah ')).toEqual(['a']);
    expect(ids(index, 'jalan ')).toEqual(['b']);
  });

  it('leaves a document added again with the same text alone (a local action on a report)', () => {
    const index = indexOf(docs);
    index.compact();
    const generation = index.generation;
    index.add([{ id: 'a', text: docs.a }]);
    expect(index.generation).toBe(generation);
    expect(index.docNumber('a')).toBeGreaterThanOrEqual(0);
    index.add([{ id: 'a', text: `${docs.a} banjir` }]);
    expect(index.generation).toBeGreaterThan(generation);
    expect(ids(index, 'banjir ')).toContain('a');
  });

  it('forgets removed documents and ignores unknown ids', () => {
    const index = indexOf(docs);
    const before = index.generation;
    index.remove(['b', 'zzz']);
    expect(index.size).toBe(3);
    expect(index.generation).toBeGreaterThan(before);
    expect(ids(index, 'jalan ')).toEqual(['a']);
    expect(index.docNumber('b')).toBe(-1);
  });

  it('maps hits to ids through docNumber and docId', () => {
    const index = indexOf(docs);
    const hits = index.search('air');
    const doc = index.docNumber('d');
    expect(doc).toBeGreaterThanOrEqual(0);
    expect(index.docId(doc)).toBe('d');
    expect(((hits.bits[doc >>> 5] ?? 0) >>> (doc & 31)) & 1).toBe(1);
  });

  it('answers the same after compacting, serializing and restoring a structured clone', () => {
    const index = indexOf(docs);
    index.add([{ id: 'b', text: 'Lampu jalan padam lagi' }]);
    index.remove(['d']);
    const queries = ['jalan ', 'lam', 'perbaikan ', 'cafe', '19164', 'padam lagi ', ''];
    const before = queries.map((q) => ids(index, q));
    const serialized = structuredClone(index.serialize());
    expect(isSerializedSearchIndex(serialized)).toBe(true);
    const restored = restoreSearchIndex(serialized);
    expect(queries.map((q) => ids(restored, q))).toEqual(before);
    expect(queries.map((q) => ids(index, q))).toEqual(before);
    expect(restored.size).toBe(3);
    restored.add([{ id: 'e', text: 'Jalan baru' }]);
    expect(ids(restored, 'jalan ')).toEqual(['a', 'b', 'e']);
    expect(ids(index, 'jalan ')).toEqual(['a', 'b']);
  });

  it('refuses a serialized index whose parts do not fit together', () => {
    const serialized = indexOf(docs).serialize();
    expect(isSerializedSearchIndex({ ...serialized, format: 0 })).toBe(false);
    expect(() =>
      restoreSearchIndex({ ...serialized, termCount: serialized.termCount + 1 }),
    ).toThrow(RangeError);
  });

  it('stays correct across automatic merges with thousands of replaced and removed documents', () => {
    const words = ['jalan', 'rusak', 'air', 'sekolah', 'perbaikan', 'lampu', 'pasar', 'banjir'];
    const expected = new Map<string, string>();
    const index = createSearchIndex();
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 12; round++) {
      const batch = Array.from({ length: 1000 }, (_, i) => {
        const id = `r${Math.floor(next() * 6000)}`;
        const text = `${words[i % 8] ?? ''} ${words[Math.floor(next() * 8)] ?? ''} ${1_000_000 + round * 1000 + i}`;
        return { id, text };
      });
      index.add(batch);
      for (const { id, text } of batch) expected.set(id, text);
      const gone = batch.slice(0, 50).map((doc) => doc.id);
      index.remove(gone);
      for (const id of gone) expected.delete(id);
    }
    expect(index.size).toBe(expected.size);
    expect(index.stats().deltaDocs).toBeLessThan(12_000);
    for (const query of ['jalan ', 'air banjir ', 'perbaiki ', 'la', '1005', '1011999 ']) {
      expect(ids(index, query)).toEqual(naive(expected, query));
    }
  });
});

describe('search index properties', () => {
  const vocabulary = [
    'jalan',
    'Jalan',
    'rusak',
    'perbaikan',
    'perbaiki',
    'diperbaiki',
    'café',
    'CAFE',
    'cafe\u0301',
    'sekolah',
    'pelayanan',
    'layanan',
    'kebaikan',
    'baik',
    'josé',
    'naïve',
    '日本',
    '1916449',
    '1916448',
    '19164',
    'rt05',
    'air',
    'x',
  ];
  const separator = fc.constantFrom(' ', '-', ', ', '.', '/', '  ');
  const text = fc
    .array(fc.tuple(fc.constantFrom(...vocabulary), separator), { maxLength: 8 })
    .map((parts) => parts.map(([word, sep]) => word + sep).join(''));
  const query = fc
    .tuple(
      fc.array(fc.constantFrom(...vocabulary), { minLength: 0, maxLength: 3 }),
      fc.nat({ max: 6 }),
      fc.boolean(),
    )
    .map(([words, cut, trailing]) => {
      const joined = words.join(' ');
      const shortened = cut > 0 ? joined.slice(0, Math.max(0, joined.length - cut)) : joined;
      return trailing ? `${shortened} ` : shortened;
    });
  const id = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h');
  const op = fc.oneof(
    fc.record({ kind: fc.constant('add' as const), docs: fc.array(fc.record({ id, text })) }),
    fc.record({ kind: fc.constant('remove' as const), ids: fc.array(id, { maxLength: 3 }) }),
    fc.record({ kind: fc.constant('compact' as const) }),
    fc.record({ kind: fc.constant('reload' as const) }),
  );

  it('returns what a naive scan of the same documents returns, through any history', () => {
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 10 }),
        fc.array(query, { maxLength: 6 }),
        (ops, queries) => {
          let index = createSearchIndex();
          const expected = new Map<string, string>();
          for (const o of ops) {
            if (o.kind === 'add') {
              index.add(o.docs);
              for (const doc of o.docs) expected.set(doc.id, doc.text);
            } else if (o.kind === 'remove') {
              index.remove(o.ids);
              for (const removed of o.ids) expected.delete(removed);
            } else if (o.kind === 'compact') index.compact();
            else index = restoreSearchIndex(structuredClone(index.serialize()));
          }
          expect(index.size).toBe(expected.size);
          for (const q of queries) {
            const hits = index.search(q);
            const want = naive(expected, q);
            expect(hits.ids().sort()).toEqual(want);
            expect(hits.count).toBe(want.length);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
