import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatPercent } from './format.ts';

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
});
