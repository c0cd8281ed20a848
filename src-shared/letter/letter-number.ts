// Letter numbers (nomor surat) from an agency's pattern, e.g. B/1916449/DINKES/XII/2026: the
// classification, the report's tracking number, the agency's code, the Roman month and the year.

const ROMAN_MONTHS = [
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
] as const;

/** The month (1–12) in Roman numerals, as Indonesian letter numbers write it; '' outside 1–12. */
export function romanMonth(month: number): string {
  return ROMAN_MONTHS[month - 1] ?? '';
}

export interface LetterNumberParts {
  /** The report's tracking number. */
  readonly trackingId: string;
  /** The agency's code (letterhead setting). */
  readonly code: string;
  /** 1–12, of the letter's date. */
  readonly month: number;
  readonly year: number;
}

/**
 * Fills `{nomor}`, `{kode}`, `{bulan}` (Roman) and `{tahun}` in `pattern`. Other braces stay as
 * written, so a typo in the agency's pattern shows in the number instead of vanishing.
 */
export function formatLetterNumber(pattern: string, parts: LetterNumberParts): string {
  const values: Readonly<Record<string, string>> = {
    nomor: parts.trackingId,
    kode: parts.code,
    bulan: romanMonth(parts.month),
    tahun: String(parts.year),
  };
  return pattern.replace(/\{(nomor|kode|bulan|tahun)\}/g, (_whole, token: string) => {
    return values[token] ?? '';
  });
}
