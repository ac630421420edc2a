import { describe, expect, it } from 'vitest';
import { type ProjectionInput, type ProjectionResult, projectRetirement } from './projection.ts';
import { createRuleBook } from './rules.book.ts';

const book = createRuleBook();

// A near-poor man born 05/1980 with 5 years paid, choosing the floor income on 25/11/2026.
const BASE: ProjectionInput = {
  paymentDate: '2026-11-25',
  monthlyIncome: 1_500_000,
  sex: 'M',
  birthMonth: '1980-05',
  contributedMonths: 60,
  categories: ['near_poor'],
};

function project(input: Partial<ProjectionInput> = {}): ProjectionResult {
  const out = projectRetirement({ ...BASE, ...input }, { book });
  if (!out.ok) throw new Error(`${out.error.code}: ${out.error.message}`);
  return out.result;
}

describe('withdraw now or keep paying', () => {
  it('a man born 05/1980 retires at 62 in 05/2042 and pays 187 more months', () => {
    const r = project();
    expect(r).toMatchObject({
      retirementMonth: '2042-05',
      pensionStartMonth: '2042-06',
      retirementAge: { years: 62, months: 0 },
      extended: false,
      minYears: 15,
      monthsToPay: 187,
    });
  });

  it('he pays 198,000 for the 120 supported months, then 330,000: 45,870,000 in all', () => {
    // 120 × (330,000 − 40% × 22% × 1,500,000) + 67 × 330,000
    expect(project().toPay).toBe(120 * 198_000 + 67 * 330_000);
    expect(project().toPay).toBe(45_870_000);
  });

  it('with 247 months (20 years 7 months → 21 years) his pension is 47% of 1,500,000 = 705,000', () => {
    expect(project().atRetirement).toEqual({
      contributionMonths: 247,
      countedYears: 21,
      eligible: true,
      rate: 0.47,
      monthlyPension: 705_000,
      retirementLumpSum: 0,
    });
  });

  it('lists the pension at 15, 20, 25 and 30 years: 40%, 45%, 55%, 65% for a man', () => {
    expect(project().pensionAtYears.map((p) => [p.years, p.rate, p.monthlyPension])).toEqual([
      [15, 0.4, 600_000],
      [20, 0.45, 675_000],
      [25, 0.55, 825_000],
      [30, 0.65, 975_000],
    ]);
  });

  it('and 45%, 55%, 65%, 75% for a woman, who retires at 60', () => {
    const r = project({ sex: 'F', birthMonth: '1985-03' });
    expect(r.retirementMonth).toBe('2045-03');
    expect(r.pensionAtYears.map((p) => p.rate)).toEqual([0.45, 0.55, 0.65, 0.75]);
  });

  it('withdrawing 5 years now pays 2 × 1,500,000 × 5 = 15,000,000', () => {
    expect(project().lumpSum).toEqual({ gross: 15_000_000, supportDeducted: 0, amount: 15_000_000 });
  });

  it('deducts the support of the last 60 months at the rates then in force: 5,654,000', () => {
    // 2 months of 2021 at 25% × 22% × 700,000, 42 months at 25% × 22% × 1,500,000 (to 06/2025),
    // 16 months at 40% × 22% × 1,500,000 (from 07/2025).
    const r = project({ supportedMonthsUsed: 60 });
    expect(r.lumpSum).toEqual({ gross: 15_000_000, supportDeducted: 5_654_000, amount: 9_346_000 });
    // Only 60 supported months are left under the 120-month cap.
    expect(r.toPay).toBe(60 * 198_000 + 127 * 330_000);
  });

  it('counts the social pension from 70 for the near-poor on the withdraw path', () => {
    expect(project().socialPension).toEqual({ monthly: 500_000, age: 70, fromMonth: '2050-06' });
    expect(project({ categories: ['other'] }).socialPension?.fromMonth).toBe('2055-06');
  });

  it('keeping on pays off from 08/2049, at 69: 87 pensions of 705,000 outweigh 15,000,000 + 45,870,000', () => {
    const r = project();
    expect(r.breakEven).toEqual({ month: '2049-08', age: 69 });
    const at = (year: number) => r.series.find((p) => p.year === year)!;
    expect(at(2026)).toEqual({ year: 2026, age: 46, withdraw: 15_000_000, keepPaying: -396_000 });
    expect(at(2042).keepPaying).toBe(-45_870_000 + 7 * 705_000);
    expect(at(2049).keepPaying).toBeGreaterThan(at(2049).withdraw);
    expect(at(2048).keepPaying).toBeLessThan(at(2048).withdraw);
  });

  it('draws one point per year until the horizon age', () => {
    const r = project({ horizonAge: 80 });
    expect(r.series[0]?.year).toBe(2026);
    expect(r.series.at(-1)).toMatchObject({ year: 2060, age: 80 });
    expect(r.series).toHaveLength(35);
  });

  it('a man of 55 with nothing paid must pay 15 years, past his retirement age, and never breaks even', () => {
    const r = project({ birthMonth: '1971-01', contributedMonths: 0 });
    expect(r).toMatchObject({
      extended: true,
      monthsToPay: 180,
      retirementMonth: '2041-10',
      lumpSum: { amount: 0 },
      atRetirement: { monthlyPension: 600_000, eligible: true },
      breakEven: null,
    });
  });

  it('splits contributions before 2014 when the years reach back that far', () => {
    // 156 months ending 10/2026 start 11/2013: 2 months before 2014 move to the later period.
    const r = project({ contributedMonths: 156 });
    expect(r.lumpSum.gross).toBe(2 * 1_500_000 * 13);
  });

  it('refuses an income below the floor with the quote error on monthlyIncome', () => {
    const out = projectRetirement({ ...BASE, monthlyIncome: 1_000_000 }, { book });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error).toMatchObject({ code: 'calc.income_below_floor', field: 'monthlyIncome' });
  });

  it('refuses a missing birth month and a bad sex, naming both fields', () => {
    const out = projectRetirement({ ...BASE, birthMonth: undefined, sex: 'X' } as never, { book });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error.details?.map((d) => d.field).sort()).toEqual(['birthMonth', 'sex']);
  });
});
