import { describe, expect, it } from 'vitest';
import {
  dayNumberFromDateKey,
  weekdayOfDayNumber,
} from '../../../../src-shared/domain/calendar-date';
import { HolidaySchema, type HolidayKind } from '../../../../src-shared/domain/holiday';
import {
  indonesianHolidays,
  provisionalHolidayYears,
} from '../../../../src-shared/domain/holidays-id';
import { holidaysOn } from '../../../../src-shared/domain/sla-calendar';
import { calendar } from './domain-fixtures';

function count(year: number, kind: HolidayKind): number {
  return indonesianHolidays.filter((h) => h.date.startsWith(`${year}-`) && h.kind === kind).length;
}

describe('indonesianHolidays', () => {
  it('holds only well-formed entries', () => {
    for (const holiday of indonesianHolidays) {
      expect(HolidaySchema.safeParse(holiday).success, holiday.date).toBe(true);
    }
  });

  it('lists each date once, in order', () => {
    const dates = indonesianHolidays.map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
  });

  it('matches the counts of the SKB 3 Menteri for 2024 to 2026', () => {
    // 2024: 17 + the Pemilu and Pilkada voting days declared by Keppres; 10 cuti bersama.
    expect(count(2024, 'libur_nasional')).toBe(19);
    expect(count(2024, 'cuti_bersama')).toBe(10);
    // 2025: 17 + 10, plus the cuti bersama of 18 August added for the 80th anniversary.
    expect(count(2025, 'libur_nasional')).toBe(17);
    expect(count(2025, 'cuti_bersama')).toBe(11);
    // 2026: 17 + 8.
    expect(count(2026, 'libur_nasional')).toBe(17);
    expect(count(2026, 'cuti_bersama')).toBe(8);
  });

  it('puts every cuti bersama on a weekday, as collective leave replaces working days', () => {
    for (const holiday of indonesianHolidays.filter((h) => h.kind === 'cuti_bersama')) {
      const weekday = weekdayOfDayNumber(dayNumberFromDateKey(holiday.date) ?? Number.NaN);
      expect([1, 2, 3, 4, 5], holiday.date).toContain(weekday);
    }
  });

  it('has the Nyepi and Lebaran days off of 2025', () => {
    const kindOn = (date: string) => holidaysOn(date, calendar).map((h) => h.kind);
    expect(kindOn('2025-03-28')).toEqual(['cuti_bersama']);
    expect(kindOn('2025-03-29')).toEqual(['libur_nasional']);
    expect(kindOn('2025-03-31')).toEqual(['libur_nasional']);
    expect(kindOn('2025-04-01')).toEqual(['libur_nasional']);
    for (const date of ['2025-04-02', '2025-04-03', '2025-04-04', '2025-04-07']) {
      expect(kindOn(date), date).toEqual(['cuti_bersama']);
    }
    expect(kindOn('2025-04-08')).toEqual([]);
  });

  it('covers 2024 to 2027 and marks only 2027 as provisional', () => {
    expect([...calendar.years].sort()).toEqual([2024, 2025, 2026, 2027]);
    expect(provisionalHolidayYears).toEqual([2027]);
  });
});
