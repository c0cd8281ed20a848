import { describe, expect, it } from 'vitest';
import {
  affixStems,
  documentTerms,
  hashTerm,
  matchesQuery,
  parseQuery,
  queryKey,
  scanWords,
  tokenize,
} from '../../../../src-shared/inbox/tokenize';

describe('tokenize', () => {
  it('lowercases and splits on anything that is not a letter or digit', () => {
    expect(tokenize('Jl. Soekarno-Hatta, BANDUNG (dekat pasar)!')).toEqual([
      'jl',
      'soekarno',
      'hatta',
      'bandung',
      'dekat',
      'pasar',
    ]);
  });

  it('folds accents, whether precomposed or combining', () => {
    expect(tokenize('CAFÉ Pérez naïve')).toEqual(['cafe', 'perez', 'naive']);
    expect(tokenize('cafe\u0301 Jose\u0301')).toEqual(['cafe', 'jose']);
  });

  it('keeps tracking numbers as their own terms, also when glued to letters', () => {
    expect(tokenize('Laporan #1916449, lihat juga No.1916450')).toEqual([
      'laporan',
      '1916449',
      'lihat',
      'juga',
      'no',
      '1916450',
    ]);
    expect(tokenize('RT05/RW12')).toEqual(['rt', '05', 'rw', '12']);
  });

  it('keeps letters of other scripts and drops symbols and emoji', () => {
    expect(tokenize('日本 😀 ok')).toEqual(['日本', 'ok']);
  });

  it('reports the same hash while scanning as hashTerm does for the word', () => {
    const seen: [string, number][] = [];
    scanWords('Jalan rusak 1916449', (lowered, start, end, hash) => {
      seen.push([lowered.slice(start, end), hash]);
    });
    expect(seen).toEqual([
      ['jalan', hashTerm('jalan')],
      ['rusak', hashTerm('rusak')],
      ['1916449', hashTerm('1916449')],
    ]);
  });
});

describe('affixStems', () => {
  it('lets perbaikan, perbaiki and diperbaiki share a stem', () => {
    const perbaikan = documentTerms('perbaikan');
    const perbaiki = documentTerms('perbaiki');
    const diperbaiki = documentTerms('diperbaiki');
    expect(perbaikan.has('perbaik')).toBe(true);
    expect(perbaiki.has('perbaik')).toBe(true);
    expect(diperbaiki.has('perbaik')).toBe(true);
  });

  it('strips common prefixes and suffixes', () => {
    expect(affixStems('pelayanan')).toContain('layanan');
    expect(affixStems('bermain')).toContain('main');
    expect(affixStems('rumahnya')).toContain('rumah');
    expect(affixStems('mengirimkan')).toContain('irim');
  });

  it('keeps stems of at least four characters and never stems numbers', () => {
    expect(affixStems('makan')).toEqual([]);
    expect(affixStems('jalan')).toEqual([]);
    expect(affixStems('19164490')).toEqual([]);
    for (const stem of affixStems('diperbaikinya')) expect(stem.length).toBeGreaterThanOrEqual(4);
  });
});

describe('parseQuery', () => {
  it('treats the last word as a prefix while it is being typed', () => {
    expect(parseQuery('Jalan rus')).toEqual({ words: ['jalan', 'rus'], lastIsPrefix: true });
  });

  it('treats the last word as complete after a space or punctuation', () => {
    expect(parseQuery('jalan rus ').lastIsPrefix).toBe(false);
    expect(parseQuery('jalan rus,').lastIsPrefix).toBe(false);
  });

  it('does not expand one-letter prefixes', () => {
    expect(parseQuery('jalan r').lastIsPrefix).toBe(false);
  });

  it('drops repeated words and has an empty key for an empty query', () => {
    expect(parseQuery('jalan Jalan rusak').words).toEqual(['jalan', 'rusak']);
    expect(queryKey(parseQuery('  ,. '))).toBe('');
  });
});

describe('matchesQuery', () => {
  const terms = documentTerms('Mohon diperbaiki jalan di depan Café Melati, laporan 1916449');

  it('needs every word (AND)', () => {
    expect(matchesQuery(terms, parseQuery('jalan melati '))).toBe(true);
    expect(matchesQuery(terms, parseQuery('jalan sekolah '))).toBe(false);
  });

  it('matches across affixes, accents and case', () => {
    expect(matchesQuery(terms, parseQuery('perbaikan '))).toBe(true);
    expect(matchesQuery(terms, parseQuery('CAFE '))).toBe(true);
  });

  it('matches the last word as a prefix only', () => {
    expect(matchesQuery(terms, parseQuery('jalan mel'))).toBe(true);
    expect(matchesQuery(terms, parseQuery('jalan mel '))).toBe(false);
    expect(matchesQuery(terms, parseQuery('mel jalan'))).toBe(false);
  });

  it('matches a tracking number exactly when it is complete', () => {
    expect(matchesQuery(terms, parseQuery('1916449 '))).toBe(true);
    expect(matchesQuery(terms, parseQuery('1916448 '))).toBe(false);
  });
});
