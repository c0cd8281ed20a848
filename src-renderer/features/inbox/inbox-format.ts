// Small display formats of the inbox: dates in the operator's language, file sizes, and how long
// ago something happened ("2 menit lalu").
import type { Locale, Translate } from '../../i18n/i18n';

const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

const tag = (locale: Locale) => (locale === 'id' ? 'id-ID' : 'en-GB');

export function formatDateTime(locale: Locale, epochMs: number): string {
  let format = dateTimeFormats.get(locale);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(tag(locale), { dateStyle: 'medium', timeStyle: 'short' });
    dateTimeFormats.set(locale, format);
  }
  return format.format(epochMs);
}

export function formatDate(locale: Locale, epochMs: number): string {
  let format = dateFormats.get(locale);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(tag(locale), { dateStyle: 'medium' });
    dateFormats.set(locale, format);
  }
  return format.format(epochMs);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${String(bytes)} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "Sinkron 2 menit lalu" and friends, from the last successful sync. */
export function syncedAgo(t: Translate, locale: Locale, at: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - at) / 60_000);
  if (minutes < 1) return t('statusBar.syncedJustNow');
  if (minutes < 60) return t('statusBar.syncedMinutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('statusBar.syncedHours', { count: hours });
  return t('statusBar.syncedAt', { time: formatDateTime(locale, at) });
}

/** "± 1 menit lagi": the initial sync's estimate, rounded up. */
export function etaText(t: Translate, etaMs: number): string {
  if (etaMs < 60_000)
    return t('statusBar.etaSeconds', { count: Math.max(1, Math.ceil(etaMs / 1000)) });
  return t('statusBar.etaMinutes', { count: Math.ceil(etaMs / 60_000) });
}
