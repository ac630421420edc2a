import { L41, L58, NEW_LAW, OLD_LAW_END, perScope, row, START } from './rules.seed.rows.ts';
import type { RuleRow } from './rules.types.ts';

/** Seed rows for what people receive: retirement age, pension, lump sums, other benefits (RULES.md §5–§6). */

/** Whole-year rows of the retirement-age roadmap: `first` months in `fromYear`, `step` more each year. */
function ageRoadmap(sex: 'M' | 'F', fromYear: number, first: number, step: number, final: number): RuleRow[] {
  const basis = 'Labour Code 2019 Art. 169(2); Decree 135/2020/NĐ-CP appendix';
  const rows: RuleRow[] = [];
  let year = fromYear;
  for (let months = first; months < final; months += step, year++) {
    rows.push(row('retire.age_months', sex, months, `${year}-01-01`, `${year}-12-31`, 'H', basis));
  }
  rows.push(row('retire.age_months', sex, final, `${year}-01-01`, null, 'H', basis));
  return rows;
}

/** Pension base years for men, 2018–2021: 16, 17, 18, 19 (Law 58/2014 Art. 74(2)(b)). */
function menBaseYearsRoadmap(): RuleRow[] {
  const basis = 'Law 58/2014/QH13 Art. 74(2)(b) (45% at 16 years in 2018, +1 year each year to 20 in 2022)';
  return [2018, 2019, 2020, 2021].map((year, i) =>
    row('pension.base_years', 'M', 16 + i, `${year}-01-01`, `${year}-12-31`, 'H', basis),
  );
}

/** The retirement lump-sum threshold follows the years at which the rate reaches 75% (Law 58/2014 Art. 75). */
function menLumpThresholdRoadmap(): RuleRow[] {
  const basis = 'Law 58/2014/QH13 Art. 75 (years above those giving 75%: 31 in 2018 … 34 in 2021)';
  return [2018, 2019, 2020, 2021].map((year, i) =>
    row('pension.lump_threshold_years', 'M', 31 + i, `${year}-01-01`, `${year}-12-31`, 'M', basis),
  );
}

const K_T_2026: Record<string, number> = {
  '2008': 2.29,
  '2009': 2.14,
  '2010': 1.96,
  '2011': 1.65,
  '2012': 1.51,
  '2013': 1.42,
  '2014': 1.36,
  '2015': 1.36,
  '2016': 1.32,
  '2017': 1.28,
  '2018': 1.23,
  '2019': 1.2,
  '2020': 1.16,
  '2021': 1.14,
  '2022': 1.11,
  '2023': 1.07,
  '2024': 1.03,
  '2025': 1,
};

export const BENEFIT_ROWS: RuleRow[] = [
  // §5 Retirement age, by year of retirement.
  ...perScope(
    'retire.age_months',
    { M: 720, F: 660 },
    START,
    '2020-12-31',
    'H',
    'Labour Code 2012 Art. 187 (60 men / 55 women)',
  ),
  ...ageRoadmap('M', 2021, 723, 3, 744),
  ...ageRoadmap('F', 2021, 664, 4, 720),
  ...perScope(
    'retire.transitional_age_months',
    { M: 720, F: 660 },
    NEW_LAW,
    null,
    'H',
    `${L41} transitional rule: joined VSI before 2021-01-01 with at least 20 years`,
  ),
  row('retire.transitional_min_years', undefined, 20, NEW_LAW, null, 'H', `${L41} transitional rule`),
  // §6 Pension.
  row('pension.min_years', undefined, 20, START, OLD_LAW_END, 'H', `${L58} Art. 73`),
  row('pension.min_years', undefined, 15, NEW_LAW, null, 'H', `${L41} (VSI pension: at least 15 years)`),
  ...perScope('pension.base_rate', { M: 0.45, F: 0.45 }, START, OLD_LAW_END, 'H', `${L58} Art. 74`),
  ...perScope('pension.base_rate', { M: 0.45, F: 0.45 }, NEW_LAW, null, 'H', `${L41} (VSI pension rate)`),
  ...perScope(
    'pension.base_years',
    { M: 15, F: 15 },
    START,
    '2017-12-31',
    'H',
    `${L58} Art. 74(1) (45% at 15 years)`,
  ),
  ...menBaseYearsRoadmap(),
  row(
    'pension.base_years',
    'M',
    20,
    '2022-01-01',
    OLD_LAW_END,
    'H',
    `${L58} Art. 74(2)(b) (20 years from 2022)`,
  ),
  row('pension.base_years', 'F', 15, '2018-01-01', OLD_LAW_END, 'H', `${L58} Art. 74(2)(a)`),
  ...perScope('pension.base_years', { M: 20, F: 15 }, NEW_LAW, null, 'H', `${L41} (VSI pension rate)`),
  ...perScope('pension.step_rate', { M: 0.02, F: 0.03 }, START, '2017-12-31', 'H', `${L58} Art. 74(1)`),
  ...perScope('pension.step_rate', { M: 0.02, F: 0.02 }, '2018-01-01', OLD_LAW_END, 'H', `${L58} Art. 74(2)`),
  ...perScope('pension.step_rate', { M: 0.02, F: 0.02 }, NEW_LAW, null, 'H', `${L41} (VSI pension rate)`),
  row('pension.low_base_rate', 'M', 0.4, NEW_LAW, null, 'H', `${L41} (men with 15 to under 20 years: 40%)`),
  row('pension.low_base_years', 'M', 15, NEW_LAW, null, 'H', `${L41} (men with 15 to under 20 years)`),
  row('pension.low_step_rate', 'M', 0.01, NEW_LAW, null, 'H', `${L41} (men: +1% per year above 15)`),
  row('pension.max_rate', undefined, 0.75, START, OLD_LAW_END, 'H', `${L58} Art. 74`),
  row('pension.max_rate', undefined, 0.75, NEW_LAW, null, 'H', `${L41} (VSI pension rate)`),
  row(
    'pension.half_year_max_odd_months',
    undefined,
    6,
    START,
    null,
    'M',
    'Odd months: 1–6 count as half a year, 7–11 as a full year (RULES.md §6)',
  ),
  ...perScope(
    'pension.lump_threshold_years',
    { M: 30, F: 25 },
    START,
    '2017-12-31',
    'M',
    `${L58} Art. 75 (years above those giving 75%)`,
  ),
  ...menLumpThresholdRoadmap(),
  row(
    'pension.lump_threshold_years',
    'M',
    35,
    '2022-01-01',
    OLD_LAW_END,
    'M',
    `${L58} Art. 75 (years above 35)`,
  ),
  row(
    'pension.lump_threshold_years',
    'F',
    30,
    '2018-01-01',
    OLD_LAW_END,
    'M',
    `${L58} Art. 75 (years above 30)`,
  ),
  ...perScope(
    'pension.lump_threshold_years',
    { M: 35, F: 30 },
    NEW_LAW,
    null,
    'M',
    `${L41} (years above 35 men / 30 women)`,
  ),
  row(
    'pension.lump_multiplier',
    undefined,
    0.5,
    START,
    null,
    'M',
    `${L58} Art. 75; ${L41} (0.5 × Mbq per year above the threshold)`,
  ),
  ...Object.entries(K_T_2026).map(([year, k]) =>
    row(
      'pension.income_adjustment',
      year,
      k,
      '2026-01-01',
      '2026-12-31',
      'L',
      'Income adjustment table for VSI benefits paid in 2026 (weak source, RULES.md §6)',
    ),
  ),
  // §6 Lump-sum withdrawal.
  row('lump.multiplier_before_2014', undefined, 1.5, START, OLD_LAW_END, 'H', `${L58} Art. 77(2)`),
  row('lump.multiplier_before_2014', undefined, 1.5, NEW_LAW, null, 'H', `${L41} (BHXH một lần)`),
  row('lump.multiplier_from_2014', undefined, 2, START, OLD_LAW_END, 'H', `${L58} Art. 77(2)`),
  row('lump.multiplier_from_2014', undefined, 2, NEW_LAW, null, 'H', `${L41} (BHXH một lần)`),
  row(
    'lump.under_one_year_cap',
    undefined,
    2,
    START,
    OLD_LAW_END,
    'H',
    `${L58} Art. 77(2) (amount paid, at most 2 × Mbq)`,
  ),
  row('lump.under_one_year_cap', undefined, 2, NEW_LAW, null, 'H', `${L41} (amount paid, at most 2 × Mbq)`),
  // §6 Other benefits.
  row('benefit.funeral_multiplier', undefined, 10, START, OLD_LAW_END, 'H', `${L58} Art. 80 (10 × LCS)`),
  row('benefit.funeral_multiplier', undefined, 10, NEW_LAW, null, 'M', `${L41} (10 × MTC)`),
  row('benefit.funeral_min_months', undefined, 60, START, OLD_LAW_END, 'H', `${L58} Art. 80`),
  row('benefit.funeral_min_months', undefined, 60, NEW_LAW, null, 'M', L41),
  row(
    'benefit.maternity_allowance',
    undefined,
    2_000_000,
    NEW_LAW,
    null,
    'H',
    `${L41} Art. 94–95 (per child)`,
  ),
  row(
    'benefit.maternity_min_months',
    undefined,
    6,
    NEW_LAW,
    null,
    'H',
    `${L41} Art. 94 (6 months in the 12 before birth)`,
  ),
  row('benefit.social_pension', undefined, 500_000, NEW_LAW, null, 'H', `${L41}; Decree 176/2025/NĐ-CP`),
  row('benefit.social_pension_age', undefined, 75, NEW_LAW, null, 'H', `${L41}; Decree 176/2025/NĐ-CP`),
  row(
    'benefit.social_pension_age_poor',
    undefined,
    70,
    NEW_LAW,
    null,
    'H',
    `${L41}; Decree 176/2025/NĐ-CP (poor and near-poor households)`,
  ),
];
