import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatNumber,
  formatPercent,
  formatVietnamDateTime,
  formatVietnamTime,
  vietnamInstant,
  vietnamToday,
  vietnamWallClock,
} from './format.ts';

describe('format', () => {
  it('groups thousands with dots', () => {
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(-25000)).toBe('-25.000');
    expect(formatNumber(999)).toBe('999');
  });
  it('writes decimals with a comma', () => {
    expect(formatPercent(0.3247)).toBe('32,47%');
  });
  it('shows calendar dates as dd/MM/yyyy without shifting the day', () => {
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
  });
  it('knows the date in Vietnam: 17:30 UTC is already the next day there', () => {
    expect(vietnamToday(Date.UTC(2026, 0, 31, 17, 30))).toBe('2026-02-01');
    expect(vietnamToday(Date.UTC(2026, 0, 31, 16, 59))).toBe('2026-01-31');
  });
  it('shows campaign times on the Vietnamese clock, whatever the device zone', () => {
    expect(formatVietnamDateTime('2026-05-07T17:30:00Z')).toBe('08/05/2026 00:30');
    expect(formatVietnamTime('2026-05-08T01:02:03Z')).toBe('08:02:03');
    expect(vietnamInstant('2026-05-08', '08:00')).toBe('2026-05-08T01:00:00.000Z');
    expect(vietnamWallClock('2026-05-07T17:30:00.000Z')).toBe('2026-05-08T00:30');
  });
});
