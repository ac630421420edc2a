import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthIndex, monthOfIndex } from './law.calendar.ts';
import { computeRetirementAge, type RetirementAgeResult } from './retirement-age.calc.ts';
import { createRuleBook } from './rules.book.ts';

const book = createRuleBook();

function age(sex: 'M' | 'F', birthMonth: string): RetirementAgeResult {
  const out = computeRetirementAge({ sex, birthMonth }, { book });
  if (!out.ok) throw new Error(`${out.error.code}: ${out.error.message}`);
  return out.result;
}

const brief = (r: RetirementAgeResult) => [r.years, r.months, r.reachesAgeMonth, r.pensionStartMonth];

describe('retirement-age', () => {
  it('the contract example: a man born 1966-03 retires at 61y9m in 2027-12, pension from 2028-01', () => {
    expect(brief(age('M', '1966-03'))).toEqual([61, 9, '2027-12', '2028-01']);
  });

  it('RULES.md example: a man born 1961-01 reaches 60y3m in 2021-04, pension from 2021-05', () => {
    expect(brief(age('M', '1961-01'))).toEqual([60, 3, '2021-04', '2021-05']);
  });

  it.each([
    // Men: before 2021 at 60; then +3 months a year; 62 from 2028.
    ['M', '1960-12', [60, 0, '2020-12', '2021-01']],
    ['M', '1961-09', [60, 3, '2021-12', '2022-01']],
    ['M', '1961-10', [60, 6, '2022-04', '2022-05']], // 2021's age falls in 2022: 2022's age applies
    ['M', '1965-01', [61, 6, '2026-07', '2026-08']],
    ['M', '1966-04', [62, 0, '2028-04', '2028-05']], // 2027's 61y9m falls in 2028
    ['M', '1980-06', [62, 0, '2042-06', '2042-07']],
    // Women: before 2021 at 55; then +4 months a year; 60 from 2035.
    ['F', '1965-12', [55, 0, '2020-12', '2021-01']],
    ['F', '1966-01', [55, 4, '2021-05', '2021-06']],
    ['F', '1966-09', [55, 8, '2022-05', '2022-06']], // 2021's 55y4m falls in 2022
    ['F', '1969-05', [57, 0, '2026-05', '2026-06']],
    ['F', '1975-01', [59, 8, '2034-09', '2034-10']],
    ['F', '1975-05', [60, 0, '2035-05', '2035-06']], // 2034's 59y8m falls in 2035
    ['F', '1990-03', [60, 0, '2050-03', '2050-04']],
  ] as const)('%s born %s → %j', (sex, birth, expected) => {
    expect(brief(age(sex, birth))).toEqual(expected);
  });

  it('shows the skipped year as a step', () => {
    expect(age('M', '1966-03').steps).toEqual([
      { label: 'Tháng sinh', value: '03/1966' },
      { label: 'Giới tính', value: 'nam' },
      {
        label: 'Năm 2026: tuổi này chỉ đạt được vào năm sau, nên áp dụng tuổi của năm sau',
        value: '61 tuổi 6 tháng',
      },
      { label: 'Tuổi nghỉ hưu áp dụng năm 2027', value: '61 tuổi 9 tháng' },
      { label: 'Tháng đủ tuổi nghỉ hưu', value: '12/2027' },
      { label: 'Tháng bắt đầu hưởng lương hưu (tháng liền sau)', value: '01/2028' },
    ]);
  });

  it('gives 60 (men) and 55 (women) to an age reached before the first rule version, 2016', () => {
    const woman = computeRetirementAge({ sex: 'F', birthMonth: '1960-06' }, { book });
    expect(woman.ok && woman.result).toMatchObject({
      years: 55,
      months: 0,
      reachesAgeMonth: '2015-06',
      pensionStartMonth: '2015-07',
    });
    const man = computeRetirementAge({ sex: 'M', birthMonth: '1955-07' }, { book });
    expect(man.ok && man.result).toMatchObject({ years: 60, months: 0, reachesAgeMonth: '2015-07' });
    expect(man.ok && man.result.steps.at(-3)).toEqual({
      label: 'Tuổi nghỉ hưu áp dụng năm 2015',
      value: '60 tuổi 0 tháng',
    });
  });

  it('refuses a bad sex or month', () => {
    const bad = computeRetirementAge({ sex: 'X', birthMonth: '1966-13' } as never, { book });
    expect(bad.ok ? [] : bad.error.details?.map((d) => d.code)).toEqual([
      'calc.unknown_sex',
      'calc.invalid_month',
    ]);
  });

  it('never gives an earlier retirement month for a later birth month', () => {
    const birth = fc.integer({ min: monthIndex('1961-01'), max: monthIndex('2000-12') });
    fc.assert(
      fc.property(
        fc.constantFrom('M' as const, 'F' as const),
        birth,
        fc.integer({ min: 1, max: 36 }),
        (sex, b, gap) => {
          const first = age(sex, monthOfIndex(b));
          const later = age(sex, monthOfIndex(b + gap));
          expect(monthIndex(later.reachesAgeMonth)).toBeGreaterThan(monthIndex(first.reachesAgeMonth));
          // The rule itself: the age applied is the one in force in the year it is reached.
          expect(Number(first.reachesAgeMonth.slice(0, 4))).toBeGreaterThanOrEqual(2016);
        },
      ),
    );
  });
});
