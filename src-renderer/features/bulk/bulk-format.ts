// Numbers and interpolated elements in bulk texts: "100.000 laporan dipilih", and a count inside a
// translated sentence that tests and screen readers find by itself.
import type { Locale } from '../../i18n/i18n';

const formats = new Map<Locale, Intl.NumberFormat>();

/** A count with the locale's grouping (id: 100.000, en: 100,000). */
export function formatCount(locale: Locale, value: number): string {
  let format = formats.get(locale);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB');
    formats.set(locale, format);
  }
  return format.format(value);
}

/** A placeholder no translation contains, to cut a sentence where an element goes. */
export const SLOT = '\u0000';

/** The text before and after the slot (the whole text and '' when there is none). */
export function splitAtSlot(text: string): readonly [string, string] {
  const at = text.indexOf(SLOT);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + SLOT.length)];
}
