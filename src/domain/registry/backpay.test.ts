import { describe, expect, it } from 'vitest';
import { createRuleBook } from '../law/index.ts';
import { backpayAllowance } from './backpay.ts';

const book = createRuleBook();

describe('back payment for missing years (RULES.md §3)', () => {
  it('is refused before retirement age, naming the month it is reached', () => {
    expect(
      backpayAllowance(book, { sex: 'F', birthDate: '1975-03-10', monthsPaid: 100 }, '2026-03-02'),
    ).toEqual({
      ok: false,
      problem: 'before_retirement',
      reachesAgeMonth: '2034-11', // 59 years 8 months, the age for 2034
    });
  });

  it('covers the months missing to 20 years before 2025-07-01 and to 15 years after', () => {
    const man = { sex: 'M' as const, birthDate: '1958-05-01', monthsPaid: 150 };
    expect(backpayAllowance(book, man, '2025-06-30')).toEqual({ ok: true, missingMonths: 90, minYears: 20 });
    expect(backpayAllowance(book, man, '2025-07-01')).toEqual({ ok: true, missingMonths: 30, minYears: 15 });
  });

  it('has nothing to pay once the minimum years are reached', () => {
    expect(
      backpayAllowance(book, { sex: 'M', birthDate: '1958-05-01', monthsPaid: 180 }, '2026-01-05'),
    ).toEqual({
      ok: false,
      problem: 'nothing_missing',
      minYears: 15,
    });
  });
});
