import { describe, expect, it } from 'vitest';
import { computeLumpSum, type LumpSumInput, type LumpSumResult } from './lump-sum.calc.ts';
import { createRuleBook } from './rules.book.ts';

const book = createRuleBook();

function lump(input: Partial<LumpSumInput>, today?: string): LumpSumResult {
  const out = computeLumpSum(
    { monthsBefore2014: 0, monthsFrom2014: 0, averageMonthlyIncome: 4_000_000, ...input } as LumpSumInput,
    { book, today },
  );
  if (!out.ok) throw new Error(`${out.error.code}: ${out.error.message}`);
  return out.result;
}

describe('lump-sum (BHXH một lần)', () => {
  it('the contract example: 30 months before 2014 and 100 from 2014 count as 2 and 9 years', () => {
    const r = lump({
      monthsBefore2014: 30,
      monthsFrom2014: 100,
      stateSupportReceived: 1_980_000,
      seriousIllness: false,
    });
    expect(r).toMatchObject({
      yearsBefore2014: 2,
      yearsFrom2014: 9,
      gross: 84_000_000,
      supportDeducted: 1_980_000,
      amount: 82_020_000,
    });
    expect(r.steps).toContainEqual({ label: 'Tháng lẻ trước 2014 chuyển sang giai đoạn từ 2014', value: 6 });
    expect(r.steps).toContainEqual({ label: 'Phần trước 2014 (1,5 × Mbq mỗi năm)', value: 12_000_000 });
    expect(r.steps).toContainEqual({ label: 'Phần từ 2014 (2 × Mbq mỗi năm)', value: 72_000_000 });
  });

  it('rounds 1–6 odd months from 2014 to half a year and 7–11 to a full year', () => {
    expect(lump({ monthsFrom2014: 30 })).toMatchObject({ yearsFrom2014: 2.5, gross: 20_000_000 });
    expect(lump({ monthsFrom2014: 31 })).toMatchObject({ yearsFrom2014: 3, gross: 24_000_000 });
    expect(lump({ monthsBefore2014: 24 })).toMatchObject({
      yearsBefore2014: 2,
      yearsFrom2014: 0,
      gross: 12_000_000,
    });
  });

  it('does not deduct support for a life-threatening illness', () => {
    const r = lump({ monthsFrom2014: 60, stateSupportReceived: 5_000_000, seriousIllness: true });
    expect([r.gross, r.supportDeducted, r.amount]).toEqual([40_000_000, 0, 40_000_000]);
  });

  it('never pays a negative amount', () => {
    const over = lump({ monthsFrom2014: 12, stateSupportReceived: 99_000_000 });
    expect(over.amount).toBe(0);
    // The deduction shown is what was taken from this amount, not the whole support received.
    expect(over.supportDeducted).toBe(over.gross);
  });

  it('under one year pays the amount paid in, at most 2 × Mbq', () => {
    // Estimated: 22% × 4,000,000 × 8 months = 7,040,000 → capped at 8,000,000? No: below the cap.
    expect(lump({ monthsFrom2014: 8 })).toMatchObject({ gross: 7_040_000, amount: 7_040_000 });
    expect(lump({ monthsFrom2014: 11, amountPaid: 9_500_000 })).toMatchObject({ gross: 8_000_000 });
    expect(lump({ monthsFrom2014: 11, amountPaid: 5_000_000, stateSupportReceived: 600_000 })).toMatchObject({
      gross: 5_000_000,
      amount: 4_400_000,
    });
  });

  it('uses the rules of the withdrawal date, else today, else the latest version', () => {
    expect(lump({ monthsFrom2014: 12, date: '2020-05-01' }).ruleVersion).toMatch(/^2020-01-01\./);
    expect(lump({ monthsFrom2014: 12 }, '2026-03-01').ruleVersion).toMatch(/^2026-01-01\./);
    expect(lump({ monthsFrom2014: 12 }).ruleVersion).toMatch(/^2035-01-01\./);
  });

  it.each([
    [{ monthsBefore2014: 0, monthsFrom2014: 0 }, 'calc.no_contributions', 'monthsFrom2014'],
    [{ monthsFrom2014: -3 }, 'calc.invalid_integer', 'monthsFrom2014'],
    [{ monthsFrom2014: 12, date: '2015-06-01' }, 'calc.date_out_of_range', 'date'],
    [{ monthsFrom2014: 12, seriousIllness: 'yes' }, 'calc.invalid_type', 'seriousIllness'],
  ] as [Record<string, unknown>, string, string][])('refuses %j with %s', (input, code, field) => {
    const out = computeLumpSum(
      { monthsBefore2014: 0, monthsFrom2014: 0, averageMonthlyIncome: 4_000_000, ...input } as never,
      { book },
    );
    expect(out.ok ? undefined : [out.error.code, out.error.field]).toEqual([code, field]);
  });
});
