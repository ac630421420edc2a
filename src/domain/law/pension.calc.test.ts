import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePension, type PensionInput, type PensionResult } from './pension.calc.ts';
import { createRuleBook } from './rules.book.ts';

const book = createRuleBook();

function pension(input: Partial<PensionInput>): PensionResult {
  const out = computePension(
    {
      sex: 'M',
      contributionMonths: 240,
      retirementMonth: '2026-04',
      averageMonthlyIncome: 5_000_000,
      ...input,
    } as PensionInput,
    { book },
  );
  if (!out.ok) throw new Error(`${out.error.code}: ${out.error.message}`);
  return out.result;
}

describe('pension', () => {
  it('the contract example: a man with 292 months retiring 2026-04 on 5,000,000 gets 54%, 2,700,000', () => {
    expect(pension({ contributionMonths: 292, joinedBefore2021: false })).toMatchObject({
      eligible: true,
      minYears: 15,
      countedYears: 24.5,
      rate: 0.54,
      monthlyPension: 2_700_000,
      retirementLumpSum: 0,
    });
  });

  it.each([
    // [sex, retirement month, years, rate] from the RULES.md §6 table
    ['F', '2017-06', 20, 0.6],
    ['F', '2017-12', 25, 0.75],
    ['M', '2017-12', 20, 0.55],
    ['F', '2018-01', 20, 0.55],
    ['M', '2018-01', 20, 0.53],
    ['M', '2019-06', 20, 0.51],
    ['M', '2020-06', 20, 0.49],
    ['M', '2021-06', 20, 0.47],
    ['M', '2022-01', 20, 0.45],
    ['M', '2025-06', 30, 0.65],
    ['M', '2025-07', 15, 0.4],
    ['M', '2025-07', 19, 0.44],
    ['M', '2025-07', 20, 0.45],
    ['M', '2026-04', 35, 0.75],
    ['M', '2026-04', 42, 0.75],
    ['F', '2025-07', 15, 0.45],
    ['F', '2026-04', 30, 0.75],
  ] as const)('%s retiring %s with %i years gets %d', (sex, retirementMonth, years, rate) => {
    expect(pension({ sex, retirementMonth, contributionMonths: years * 12 }).rate).toBe(rate);
  });

  it('counts 1–6 odd months as half a year and 7–11 as a full year', () => {
    expect(pension({ contributionMonths: 186 }).countedYears).toBe(15.5);
    expect(pension({ contributionMonths: 187 }).countedYears).toBe(16);
    expect(pension({ contributionMonths: 186 }).rate).toBe(0.405);
  });

  it('needs 20 years before 2025-07-01 and 15 from then', () => {
    const before = pension({ retirementMonth: '2025-06', contributionMonths: 19 * 12 });
    expect(before).toMatchObject({
      eligible: false,
      minYears: 20,
      countedYears: 19,
      rate: 0,
      monthlyPension: 0,
      retirementLumpSum: 0,
    });
    expect(before.steps).toContainEqual({
      label: 'Đủ điều kiện hưởng lương hưu',
      value: 'Không: chưa đủ 20 năm đóng',
    });
    expect(pension({ retirementMonth: '2025-07', contributionMonths: 19 * 12 })).toMatchObject({
      eligible: true,
      rate: 0.44,
    });
  });

  it('pays 0.5 × Mbq per year above 35 (men) or 30 (women) as a lump sum at retirement', () => {
    expect(pension({ contributionMonths: 480 }).retirementLumpSum).toBe(12_500_000);
    expect(pension({ contributionMonths: 434 }).retirementLumpSum).toBe(3_750_000); // 36.5 years
    expect(pension({ sex: 'F', contributionMonths: 384 }).retirementLumpSum).toBe(5_000_000); // 32 years
    expect(pension({ contributionMonths: 420 }).retirementLumpSum).toBe(0);
  });

  it('checks the age when the birth month is given, with the transitional rule for early joiners', () => {
    const young = pension({ birthMonth: '1966-03', contributionMonths: 292 });
    expect(young.eligible).toBe(false);
    expect(young.steps).toContainEqual({
      label: 'Đủ điều kiện hưởng lương hưu',
      value: 'Không: chưa đủ tuổi nghỉ hưu (đủ tuổi vào tháng 12/2027)',
    });
    const early = pension({ birthMonth: '1966-03', contributionMonths: 292, joinedBefore2021: true });
    expect(early).toMatchObject({ eligible: true, rate: 0.54 });
    expect(early.steps).toContainEqual({
      label: 'Tham gia trước 2021 và có từ 20 năm đóng: được nghỉ hưu ở tuổi 60 tuổi 0 tháng',
      value: '03/2026',
    });
  });

  it.each([
    [{ retirementMonth: '2015-12' }, 'calc.date_out_of_range', 'retirementMonth'],
    [{ contributionMonths: -1 }, 'calc.invalid_integer', 'contributionMonths'],
    [{ sex: 'X' }, 'calc.unknown_sex', 'sex'],
    [{ averageMonthlyIncome: 1.5 }, 'calc.invalid_amount', 'averageMonthlyIncome'],
  ])('refuses %j with %s', (input, code, field) => {
    const out = computePension(
      {
        sex: 'M',
        contributionMonths: 240,
        retirementMonth: '2026-04',
        averageMonthlyIncome: 5_000_000,
        ...input,
      } as never,
      { book },
    );
    expect(out.ok ? undefined : [out.error.code, out.error.field]).toEqual([code, field]);
  });

  it('the rate never decreases with more months and never exceeds 75%', () => {
    const month = fc
      .integer({ min: 2016, max: 2040 })
      .chain((y) => fc.integer({ min: 1, max: 12 }).map((m) => `${y}-${String(m).padStart(2, '0')}`));
    fc.assert(
      fc.property(
        fc.constantFrom('M' as const, 'F' as const),
        month,
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 1, max: 60 }),
        (sex, retirementMonth, months, more) => {
          const a = pension({ sex, retirementMonth, contributionMonths: months });
          const b = pension({ sex, retirementMonth, contributionMonths: months + more });
          expect(b.rate).toBeGreaterThanOrEqual(a.rate);
          expect(b.rate).toBeLessThanOrEqual(0.75);
          expect(b.monthlyPension).toBe(Math.round(b.rate * 5_000_000));
        },
      ),
    );
  });
});
