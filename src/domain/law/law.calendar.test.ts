import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dateOfDayNumber,
  dayNumber,
  isIsoDate,
  isIsoMonth,
  monthIndex,
  monthOfIndex,
  monthsBetween,
} from './law.calendar.ts';

describe('calendar arithmetic on ISO strings', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2025-04-31', false],
    ['2025-12-31', true],
    ['2025-1-01', false],
    ['2025/01/01', false],
    ['0999-01-01', false],
  ])('isIsoDate(%s) is %s', (text, valid) => {
    expect(isIsoDate(text)).toBe(valid);
  });

  it('checks months', () => {
    expect([isIsoMonth('2026-04'), isIsoMonth('2026-13'), isIsoMonth('2026-4'), isIsoMonth(202604)]).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it('counts days across months, years and leap days', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(addDays('2025-07-01', -1)).toBe('2025-06-30');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01');
    expect(dateOfDayNumber(dayNumber('2030-12-31'))).toBe('2030-12-31');
  });

  it('does month arithmetic', () => {
    expect(addMonths('1966-03', 741)).toBe('2027-12');
    expect(addMonths('2027-12', 1)).toBe('2028-01');
    expect(addMonths('2028-01', -1)).toBe('2027-12');
    expect(monthsBetween('2025-07', '2026-04')).toBe(9);
    expect(monthOfIndex(monthIndex('2026-04'))).toBe('2026-04');
  });
});
