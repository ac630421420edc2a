import type { Confidence, RuleRow, TopupRow } from './rules.types.ts';

/**
 * The law as dated rows (RULES.md §1–§6), the seed for the database. Each row cites the text that sets
 * its number. Rows that change at 2025-07-01 (Law 41/2024 in force) are split there even when the number
 * stays, so an administrator can change the new law without rewriting the old.
 */

const OLD_LAW_END = '2025-06-30';
const NEW_LAW = '2025-07-01';
const START = '2016-01-01';

function row(
  key: string,
  scope: string | undefined,
  value: number,
  validFrom: string,
  validTo: string | null,
  confidence: Confidence,
  basis: string,
): RuleRow {
  return scope === undefined
    ? { key, value, validFrom, validTo, basis, confidence }
    : { key, scope, value, validFrom, validTo, basis, confidence };
}

function perScope(
  key: string,
  values: Record<string, number>,
  from: string,
  to: string | null,
  confidence: Confidence,
  basis: string,
): RuleRow[] {
  return Object.entries(values).map(([scope, value]) => row(key, scope, value, from, to, confidence, basis));
}

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

const D134 = 'Decree 134/2015/NĐ-CP';
const D159 = 'Decree 159/2025/NĐ-CP';
const L58 = 'Law 58/2014/QH13';
const L41 = 'Law 41/2024/QH15';

const RULE_ROWS: RuleRow[] = [
  // §1 Poverty line (CN): the VSI income floor and the base of state support.
  row('vsi.poverty_line', undefined, 700_000, START, '2021-12-31', 'H', 'Decision 59/2015/QĐ-TTg (2021 kept by Decree 07/2021/NĐ-CP)'),
  row('vsi.poverty_line', undefined, 1_500_000, '2022-01-01', '2026-12-31', 'H', 'Decree 07/2021/NĐ-CP, continued through 2026 by Decree 351/2025/NĐ-CP'),
  row('vsi.poverty_line', undefined, 2_200_000, '2027-01-01', '2030-12-31', 'M', 'Decree 351/2025/NĐ-CP (2026–2030 standard); VSS has not yet confirmed it as the VSI floor'),
  // §1 Base salary (LCS) and reference level (MTC, equal to LCS until set separately).
  row('salary.base', undefined, 1_150_000, '2013-07-01', '2016-04-30', 'H', 'Decree 66/2013/NĐ-CP'),
  row('salary.base', undefined, 1_210_000, '2016-05-01', '2017-06-30', 'M', 'Decree 47/2016/NĐ-CP'),
  row('salary.base', undefined, 1_300_000, '2017-07-01', '2018-06-30', 'M', 'Decree 47/2017/NĐ-CP'),
  row('salary.base', undefined, 1_390_000, '2018-07-01', '2019-06-30', 'M', 'Decree 72/2018/NĐ-CP'),
  row('salary.base', undefined, 1_490_000, '2019-07-01', '2023-06-30', 'H', 'Decree 38/2019/NĐ-CP'),
  row('salary.base', undefined, 1_800_000, '2023-07-01', '2024-06-30', 'H', 'Decree 24/2023/NĐ-CP'),
  row('salary.base', undefined, 2_340_000, '2024-07-01', null, 'H', 'Decree 73/2024/NĐ-CP (a rise from 2026-07-01 was only proposed)'),
  row('salary.reference', undefined, 2_340_000, NEW_LAW, null, 'H', `${L41}: MTC equals LCS until set separately; Decree 73/2024/NĐ-CP`),
  // §1–2 Contribution rate, income step and ceiling.
  row('vsi.contribution_rate', undefined, 0.22, START, OLD_LAW_END, 'H', `${L58} Art. 87`),
  row('vsi.contribution_rate', undefined, 0.22, NEW_LAW, null, 'H', `${L41} Art. 36`),
  row('vsi.income_step', undefined, 50_000, START, null, 'M', 'VSS practice: chosen income = CN + k × 50,000'),
  row('vsi.max_income_multiplier', undefined, 20, START, OLD_LAW_END, 'H', `${L58} Art. 87 (ceiling 20 × LCS)`),
  row('vsi.max_income_multiplier', undefined, 20, NEW_LAW, null, 'H', `${L41} Art. 36 (ceiling 20 × MTC)`),
  // §2 State support by category and regime: pct × 22% × CN, highest category wins.
  ...perScope('vsi.support_pct', { poor: 0, near_poor: 0, ethnic_minority: 0, island_commune: 0, other: 0 }, START, '2017-12-31', 'H', `${L58} Art. 87(2); support starts 2018-01-01 (${D134} Art. 14)`),
  ...perScope('vsi.support_pct', { poor: 0.3, near_poor: 0.25, other: 0.1 }, '2018-01-01', OLD_LAW_END, 'H', `${D134} Art. 14(1)`),
  ...perScope('vsi.support_pct', { ethnic_minority: 0.1, island_commune: 0.1 }, '2018-01-01', OLD_LAW_END, 'H', `${D134} Art. 14(1)(c) (supported as "other")`),
  ...perScope('vsi.support_pct', { poor: 0.5, near_poor: 0.4, ethnic_minority: 0.3, island_commune: 0.5, other: 0.2 }, NEW_LAW, null, 'H', `${D159} Art. 5`),
  row('vsi.support_cap_months', undefined, 120, START, OLD_LAW_END, 'H', `${D134} Art. 14(3) (at most 10 years)`),
  row('vsi.support_cap_months', undefined, 120, NEW_LAW, null, 'H', `${D159} Art. 5 (at most 10 years)`),
  // §3 Payment modes: months per mode and deadline (first months of the period).
  ...perScope('vsi.mode_months', { monthly: 1 }, START, OLD_LAW_END, 'H', `${D134} Art. 9`),
  ...perScope('vsi.mode_months', { quarterly: 3, semiannual: 6, annual: 12 }, START, OLD_LAW_END, 'M', `${D134} Art. 9`),
  ...perScope('vsi.mode_months', { monthly: 1 }, NEW_LAW, null, 'H', D159),
  ...perScope('vsi.mode_months', { quarterly: 3, semiannual: 6, annual: 12 }, NEW_LAW, null, 'M', D159),
  ...perScope('vsi.mode_deadline_months', { monthly: 1 }, START, OLD_LAW_END, 'H', `${D134} Art. 9; Circular 01/2016/TT-BLĐTBXH`),
  ...perScope('vsi.mode_deadline_months', { quarterly: 3, semiannual: 4, annual: 7 }, START, OLD_LAW_END, 'M', `${D134} Art. 9; Circular 01/2016/TT-BLĐTBXH`),
  ...perScope('vsi.mode_deadline_months', { monthly: 1, quarterly: 3, semiannual: 4, annual: 7 }, NEW_LAW, null, 'M', `${D159} (deadlines assumed unchanged, RULES.md §11.5)`),
  row('vsi.advance_max_months', undefined, 60, START, OLD_LAW_END, 'H', `${D134} Art. 9 (up to 5 years ahead)`),
  row('vsi.advance_max_months', undefined, 60, NEW_LAW, null, 'H', `${D159} (up to 5 years ahead)`),
  row('vsi.backpay_max_months', undefined, 120, START, OLD_LAW_END, 'H', `${D134} Art. 9 (missing time up to 10 years, to reach 20 years)`),
  row('vsi.backpay_max_months', undefined, 60, NEW_LAW, null, 'H', `${L41}; ${D159} (missing time up to 5 years, to reach 15 years)`),
  row('vsi.fund_rate', undefined, 0.006583, '2017-01-01', '2017-12-31', 'H', 'VSS: fund monthly investment rate for 2017 (0.6583%)'),
  // §4 Household health insurance.
  row('hhi.contribution_rate', undefined, 0.045, START, '2018-11-30', 'M', 'Decree 105/2014/NĐ-CP Art. 2 (same rate before Decree 146/2018)'),
  row('hhi.contribution_rate', undefined, 0.045, '2018-12-01', null, 'H', 'Decree 146/2018/NĐ-CP Art. 7'),
  ...perScope('hhi.member_factor', { '1': 1, '2': 0.7, '3': 0.6, '4': 0.5, '5': 0.4 }, START, '2018-11-30', 'M', 'Decree 105/2014/NĐ-CP Art. 2 (same factors before Decree 146/2018)'),
  ...perScope('hhi.member_factor', { '1': 1, '2': 0.7, '3': 0.6, '4': 0.5, '5': 0.4 }, '2018-12-01', null, 'H', 'Decree 146/2018/NĐ-CP Art. 7 (5 = fifth member and later)'),
  ...perScope('hhi.payment_months', { quarterly: 3, semiannual: 6, annual: 12 }, START, null, 'H', 'Decree 146/2018/NĐ-CP Art. 7 (pay for 3, 6 or 12 months)'),
  // §5 Retirement age, by year of retirement.
  ...perScope('retire.age_months', { M: 720, F: 660 }, START, '2020-12-31', 'H', 'Labour Code 2012 Art. 187 (60 men / 55 women)'),
  ...ageRoadmap('M', 2021, 723, 3, 744),
  ...ageRoadmap('F', 2021, 664, 4, 720),
  ...perScope('retire.transitional_age_months', { M: 720, F: 660 }, NEW_LAW, null, 'H', `${L41} transitional rule: joined VSI before 2021-01-01 with at least 20 years`),
  row('retire.transitional_min_years', undefined, 20, NEW_LAW, null, 'H', `${L41} transitional rule`),
  // §6 Pension.
  row('pension.min_years', undefined, 20, START, OLD_LAW_END, 'H', `${L58} Art. 73`),
  row('pension.min_years', undefined, 15, NEW_LAW, null, 'H', `${L41} (VSI pension: at least 15 years)`),
  ...perScope('pension.base_rate', { M: 0.45, F: 0.45 }, START, OLD_LAW_END, 'H', `${L58} Art. 74`),
  ...perScope('pension.base_rate', { M: 0.45, F: 0.45 }, NEW_LAW, null, 'H', `${L41} (VSI pension rate)`),
  ...perScope('pension.base_years', { M: 15, F: 15 }, START, '2017-12-31', 'H', `${L58} Art. 74(1) (45% at 15 years)`),
  ...menBaseYearsRoadmap(),
  row('pension.base_years', 'M', 20, '2022-01-01', OLD_LAW_END, 'H', `${L58} Art. 74(2)(b) (20 years from 2022)`),
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
  row('pension.half_year_max_odd_months', undefined, 6, START, null, 'M', 'Odd months: 1–6 count as half a year, 7–11 as a full year (RULES.md §6)'),
  ...perScope('pension.lump_threshold_years', { M: 30, F: 25 }, START, '2017-12-31', 'M', `${L58} Art. 75 (years above those giving 75%)`),
  ...menLumpThresholdRoadmap(),
  row('pension.lump_threshold_years', 'M', 35, '2022-01-01', OLD_LAW_END, 'M', `${L58} Art. 75 (years above 35)`),
  row('pension.lump_threshold_years', 'F', 30, '2018-01-01', OLD_LAW_END, 'M', `${L58} Art. 75 (years above 30)`),
  ...perScope('pension.lump_threshold_years', { M: 35, F: 30 }, NEW_LAW, null, 'M', `${L41} (years above 35 men / 30 women)`),
  row('pension.lump_multiplier', undefined, 0.5, START, null, 'M', `${L58} Art. 75; ${L41} (0.5 × Mbq per year above the threshold)`),
  ...Object.entries(K_T_2026).map(([year, k]) =>
    row('pension.income_adjustment', year, k, '2026-01-01', '2026-12-31', 'L', 'Income adjustment table for VSI benefits paid in 2026 (weak source, RULES.md §6)'),
  ),
  // §6 Lump-sum withdrawal.
  row('lump.multiplier_before_2014', undefined, 1.5, START, OLD_LAW_END, 'H', `${L58} Art. 77(2)`),
  row('lump.multiplier_before_2014', undefined, 1.5, NEW_LAW, null, 'H', `${L41} (BHXH một lần)`),
  row('lump.multiplier_from_2014', undefined, 2, START, OLD_LAW_END, 'H', `${L58} Art. 77(2)`),
  row('lump.multiplier_from_2014', undefined, 2, NEW_LAW, null, 'H', `${L41} (BHXH một lần)`),
  row('lump.under_one_year_cap', undefined, 2, START, OLD_LAW_END, 'H', `${L58} Art. 77(2) (amount paid, at most 2 × Mbq)`),
  row('lump.under_one_year_cap', undefined, 2, NEW_LAW, null, 'H', `${L41} (amount paid, at most 2 × Mbq)`),
  // §6 Other benefits.
  row('benefit.funeral_multiplier', undefined, 10, START, OLD_LAW_END, 'H', `${L58} Art. 80 (10 × LCS)`),
  row('benefit.funeral_multiplier', undefined, 10, NEW_LAW, null, 'M', `${L41} (10 × MTC)`),
  row('benefit.funeral_min_months', undefined, 60, START, OLD_LAW_END, 'H', `${L58} Art. 80`),
  row('benefit.funeral_min_months', undefined, 60, NEW_LAW, null, 'M', L41),
  row('benefit.maternity_allowance', undefined, 2_000_000, NEW_LAW, null, 'H', `${L41} Art. 94–95 (per child)`),
  row('benefit.maternity_min_months', undefined, 6, NEW_LAW, null, 'H', `${L41} Art. 94 (6 months in the 12 before birth)`),
  row('benefit.social_pension', undefined, 500_000, NEW_LAW, null, 'H', `${L41}; Decree 176/2025/NĐ-CP`),
  row('benefit.social_pension_age', undefined, 75, NEW_LAW, null, 'H', `${L41}; Decree 176/2025/NĐ-CP`),
  row('benefit.social_pension_age_poor', undefined, 70, NEW_LAW, null, 'H', `${L41}; Decree 176/2025/NĐ-CP (poor and near-poor households)`),
];

export const DEFAULT_RULE_ROWS: readonly RuleRow[] = Object.freeze(RULE_ROWS.map((r) => Object.freeze(r)));

const HANOI_2026 = "Hà Nội People's Council resolution on VSI top-ups from 2026-01-01 (RULES.md §2)";

const TOPUP_ROWS: TopupRow[] = [
  { provinceCode: '01', category: 'poor', value: 0.5, validFrom: '2026-01-01', validTo: null, basis: HANOI_2026, confidence: 'H' },
  { provinceCode: '01', category: 'near_poor', value: 0.6, validFrom: '2026-01-01', validTo: null, basis: HANOI_2026, confidence: 'H' },
  { provinceCode: '01', category: 'other', value: 0.1, validFrom: '2026-01-01', validTo: null, basis: HANOI_2026, confidence: 'H' },
];

export const DEFAULT_TOPUP_ROWS: readonly TopupRow[] = Object.freeze(TOPUP_ROWS.map((r) => Object.freeze(r)));
