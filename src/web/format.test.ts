import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatPercent, vietnamToday } from './format.ts';

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
});
