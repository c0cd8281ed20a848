// Calendar dates without a time of day ('2025-03-31'), used for holidays and incident dates, and
// their conversion to day numbers (days since 1970-01-01) so day arithmetic is integer arithmetic.

import { z } from 'zod';

const DAY_MS = 86_400_000;

/** A calendar date as `YYYY-MM-DD`. */
export type DateKey = string;

/** Days since 1970-01-01 of a `YYYY-MM-DD` key, or null when the key is not a real date. */
export function dayNumberFromDateKey(key: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (match === null) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2025-02-30 over into March; a round trip exposes such keys.
  if (dateKeyFromDayNumber(ms / DAY_MS) !== key) return null;
  return ms / DAY_MS;
}

export function dateKeyFromDayNumber(dayNumber: number): DateKey {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. Day 0 (1970-01-01) was a Thursday. */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function yearOfDayNumber(dayNumber: number): number {
  return new Date(dayNumber * DAY_MS).getUTCFullYear();
}

export const DateKeySchema = z.string().refine((key) => dayNumberFromDateKey(key) !== null, {
  message: 'Expected a date as YYYY-MM-DD',
});
