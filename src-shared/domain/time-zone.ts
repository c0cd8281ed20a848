// Indonesia's three time zones as fixed UTC offsets. None observes daylight saving, so local days
// are computed with arithmetic instead of a time-zone database.

import { z } from 'zod';
import { assertNever } from './assert-never';
import { dateKeyFromDayNumber, type DateKey } from './calendar-date';
import type { EpochMs } from './epoch-ms';

export const timeZones = ['WIB', 'WITA', 'WIT'] as const;
export const TimeZoneSchema = z.enum(timeZones);
/** WIB = UTC+7 (Sumatra, Java, West/Central Kalimantan), WITA = UTC+8, WIT = UTC+9 (Maluku, Papua). */
export type TimeZone = z.infer<typeof TimeZoneSchema>;

const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export function utcOffsetMs(tz: TimeZone): number {
  switch (tz) {
    case 'WIB':
      return 7 * HOUR_MS;
    case 'WITA':
      return 8 * HOUR_MS;
    case 'WIT':
      return 9 * HOUR_MS;
    default:
      return assertNever(tz, 'time zone');
  }
}

/** The local calendar day containing `epochMs`, as days since 1970-01-01. */
export function localDayNumber(epochMs: EpochMs, tz: TimeZone): number {
  return Math.floor((epochMs + utcOffsetMs(tz)) / DAY_MS);
}

/** The instant local midnight begins the given day. */
export function startOfLocalDay(dayNumber: number, tz: TimeZone): EpochMs {
  return dayNumber * DAY_MS - utcOffsetMs(tz);
}

/** The last millisecond (23:59:59.999 local) of the given day. */
export function endOfLocalDay(dayNumber: number, tz: TimeZone): EpochMs {
  return startOfLocalDay(dayNumber + 1, tz) - 1;
}

export function localDateKey(epochMs: EpochMs, tz: TimeZone): DateKey {
  return dateKeyFromDayNumber(localDayNumber(epochMs, tz));
}
