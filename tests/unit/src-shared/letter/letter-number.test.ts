import { describe, expect, it } from 'vitest';
import { DEFAULT_LETTER_NUMBER_PATTERN } from '../../../../src-shared/domain/agency';
import { formatLetterNumber, romanMonth } from '../../../../src-shared/letter/letter-number';

describe('romanMonth', () => {
  it('writes every month in Roman numerals', () => {
    expect(Array.from({ length: 12 }, (_, i) => romanMonth(i + 1))).toEqual([
      'I',
      'II',
      'III',
      'IV',
      'V',
      'VI',
      'VII',
      'VIII',
      'IX',
      'X',
      'XI',
      'XII',
    ]);
  });

  it.each([0, 13, -1, 1.5])('writes nothing for %s, which is no month', (month) => {
    expect(romanMonth(month)).toBe('');
  });
});

describe('formatLetterNumber', () => {
  const parts = { trackingId: '1916449', code: 'DINKES', month: 12, year: 2026 };

  it('fills the default pattern: classification, report, agency code, Roman month, year', () => {
    expect(formatLetterNumber(DEFAULT_LETTER_NUMBER_PATTERN, parts)).toBe(
      'B/1916449/DINKES/XII/2026',
    );
  });

  it('fills an agency pattern with the tokens in any order and any number of times', () => {
    expect(formatLetterNumber('{tahun}.{bulan}/{kode}-{nomor}/{nomor}', parts)).toBe(
      '2026.XII/DINKES-1916449/1916449',
    );
  });

  it('leaves unknown tokens as written so a typo in the pattern shows', () => {
    expect(formatLetterNumber('B/{nomer}/{kode}', parts)).toBe('B/{nomer}/DINKES');
  });
});
