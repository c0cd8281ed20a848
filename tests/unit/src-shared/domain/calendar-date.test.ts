import { describe, expect, it } from 'vitest';
import {
  DateKeySchema,
  dateKeyFromDayNumber,
  dayNumberFromDateKey,
  weekdayOfDayNumber,
} from '../../../../src-shared/domain/calendar-date';
import {
  endOfLocalDay,
  localDateKey,
  localDayNumber,
  startOfLocalDay,
} from '../../../../src-shared/domain/time-zone';

describe('calendar dates', () => {
  it('convert between date keys and day numbers both ways', () => {
    expect(dayNumberFromDateKey('1970-01-01')).toBe(0);
    expect(dayNumberFromDateKey('2025-03-31')).toBe(20178);
    expect(dateKeyFromDayNumber(20178)).toBe('2025-03-31');
  });

  it('reject keys that are not real dates', () => {
    expect(dayNumberFromDateKey('2025-02-29')).toBeNull();
    expect(dayNumberFromDateKey('2024-02-29')).not.toBeNull();
    expect(dayNumberFromDateKey('31-03-2025')).toBeNull();
    expect(DateKeySchema.safeParse('2025-04-31').success).toBe(false);
  });

  it('know the day of the week', () => {
    expect(weekdayOfDayNumber(dayNumberFromDateKey('2025-03-28') ?? 0)).toBe(5); // Friday
    expect(weekdayOfDayNumber(dayNumberFromDateKey('2025-03-30') ?? 0)).toBe(0); // Sunday
  });
});

describe('local days', () => {
  it('start at local midnight in each zone', () => {
    const day = dayNumberFromDateKey('2025-01-01') ?? 0;
    expect(startOfLocalDay(day, 'WIB')).toBe(Date.UTC(2024, 11, 31, 17));
    expect(startOfLocalDay(day, 'WITA')).toBe(Date.UTC(2024, 11, 31, 16));
    expect(startOfLocalDay(day, 'WIT')).toBe(Date.UTC(2024, 11, 31, 15));
    expect(endOfLocalDay(day, 'WIB')).toBe(Date.UTC(2025, 0, 1, 16, 59, 59, 999));
  });

  it('put the last millisecond before local midnight on the old day', () => {
    const midnight = Date.UTC(2024, 11, 31, 17);
    expect(localDateKey(midnight - 1, 'WIB')).toBe('2024-12-31');
    expect(localDateKey(midnight, 'WIB')).toBe('2025-01-01');
    expect(localDayNumber(midnight, 'WITA')).toBe(localDayNumber(midnight, 'WIB'));
  });
});
