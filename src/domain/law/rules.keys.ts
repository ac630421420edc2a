import { CATEGORIES, PERIODIC_MODES, SEXES } from './rules.types.ts';

/**
 * How a key's value is read:
 * - vnd: integer đồng; months / years / count: non-negative integers;
 * - rate: a decimal with at most 6 decimals (kept as exact ppm), e.g. 0.22;
 * - decimal: a free decimal used only inside float sums (the fund rate r).
 */
export type RuleUnit = 'vnd' | 'months' | 'years' | 'count' | 'rate' | 'decimal';

export interface RuleKeyInfo {
  readonly unit: RuleUnit;
  /** Mandatory keys must exist, run without gaps, and together define where rule versions start. */
  readonly mandatory: boolean;
  /** When set, every row needs one of these scopes; a mandatory scoped key needs all of them. */
  readonly scopes?: readonly string[];
  /** The scope is a 4-digit year (the income-adjustment table k_t). */
  readonly yearScope?: boolean;
  readonly label: { readonly vi: string; readonly en: string };
}

const HHI_ORDERS = ['1', '2', '3', '4', '5'] as const;
const HHI_MODES = ['quarterly', 'semiannual', 'annual'] as const;

export const RULE_KEYS = {
  'vsi.poverty_line': {
    unit: 'vnd',
    mandatory: true,
    label: { vi: 'chuẩn nghèo nông thôn', en: 'rural poverty line' },
  },
  'salary.base': { unit: 'vnd', mandatory: true, label: { vi: 'lương cơ sở', en: 'base salary' } },
  'salary.reference': {
    unit: 'vnd',
    mandatory: false,
    label: { vi: 'mức tham chiếu', en: 'reference level' },
  },
  'vsi.contribution_rate': {
    unit: 'rate',
    mandatory: true,
    label: { vi: 'tỷ lệ đóng BHXH tự nguyện', en: 'VSI contribution rate' },
  },
  'vsi.income_step': {
    unit: 'vnd',
    mandatory: true,
    label: { vi: 'bậc thu nhập trên chuẩn nghèo', en: 'income step above the poverty line' },
  },
  'vsi.max_income_multiplier': {
    unit: 'count',
    mandatory: true,
    label: { vi: 'hệ số thu nhập tối đa', en: 'maximum income multiplier' },
  },
  'vsi.support_pct': {
    unit: 'rate',
    mandatory: true,
    scopes: CATEGORIES,
    label: { vi: 'tỷ lệ Nhà nước hỗ trợ', en: 'state support rate' },
  },
  'vsi.support_cap_months': {
    unit: 'months',
    mandatory: true,
    label: { vi: 'số tháng hỗ trợ tối đa', en: 'lifetime support cap in months' },
  },
  'vsi.mode_months': {
    unit: 'months',
    mandatory: true,
    scopes: PERIODIC_MODES,
    label: { vi: 'số tháng của phương thức đóng', en: 'months per payment mode' },
  },
  'vsi.mode_deadline_months': {
    unit: 'months',
    mandatory: true,
    scopes: PERIODIC_MODES,
    label: { vi: 'hạn nộp (số tháng đầu kỳ)', en: 'payment deadline (first months of the period)' },
  },
  'vsi.advance_max_months': {
    unit: 'months',
    mandatory: true,
    label: { vi: 'số tháng đóng trước tối đa', en: 'maximum months paid in advance' },
  },
  'vsi.backpay_max_months': {
    unit: 'months',
    mandatory: true,
    label: { vi: 'số tháng đóng bù tối đa', en: 'maximum months of back payment' },
  },
  'vsi.fund_rate': {
    unit: 'decimal',
    mandatory: false,
    label: { vi: 'lãi suất đầu tư quỹ bình quân tháng (r)', en: 'fund monthly investment rate (r)' },
  },
  'hhi.contribution_rate': {
    unit: 'rate',
    mandatory: true,
    label: { vi: 'tỷ lệ đóng BHYT hộ gia đình', en: 'household HI contribution rate' },
  },
  'hhi.member_factor': {
    unit: 'rate',
    mandatory: true,
    scopes: HHI_ORDERS,
    label: { vi: 'hệ số theo thứ tự thành viên', en: 'factor by member order' },
  },
  'hhi.payment_months': {
    unit: 'months',
    mandatory: true,
    scopes: HHI_MODES,
    label: { vi: 'số tháng mỗi lần đóng BHYT', en: 'months per HI payment' },
  },
  'retire.age_months': {
    unit: 'months',
    mandatory: true,
    scopes: SEXES,
    label: { vi: 'tuổi nghỉ hưu (tháng)', en: 'retirement age (months)' },
  },
  'retire.transitional_age_months': {
    unit: 'months',
    mandatory: false,
    scopes: SEXES,
    label: { vi: 'tuổi nghỉ hưu chuyển tiếp (tháng)', en: 'transitional retirement age (months)' },
  },
  'retire.transitional_min_years': {
    unit: 'years',
    mandatory: false,
    label: { vi: 'số năm đóng để hưởng tuổi chuyển tiếp', en: 'years needed for the transitional age' },
  },
  'pension.min_years': {
    unit: 'years',
    mandatory: true,
    label: { vi: 'số năm đóng tối thiểu', en: 'minimum contribution years' },
  },
  'pension.base_rate': {
    unit: 'rate',
    mandatory: true,
    scopes: SEXES,
    label: { vi: 'tỷ lệ hưởng cơ bản', en: 'base pension rate' },
  },
  'pension.base_years': {
    unit: 'years',
    mandatory: true,
    scopes: SEXES,
    label: { vi: 'số năm ứng với tỷ lệ cơ bản', en: 'years for the base rate' },
  },
  'pension.step_rate': {
    unit: 'rate',
    mandatory: true,
    scopes: SEXES,
    label: { vi: 'tỷ lệ tăng mỗi năm', en: 'rate added per year' },
  },
  'pension.low_base_rate': {
    unit: 'rate',
    mandatory: false,
    scopes: SEXES,
    label: { vi: 'tỷ lệ hưởng bậc thấp', en: 'lower-tier base rate' },
  },
  'pension.low_base_years': {
    unit: 'years',
    mandatory: false,
    scopes: SEXES,
    label: { vi: 'số năm bắt đầu bậc thấp', en: 'years where the lower tier starts' },
  },
  'pension.low_step_rate': {
    unit: 'rate',
    mandatory: false,
    scopes: SEXES,
    label: { vi: 'tỷ lệ tăng mỗi năm ở bậc thấp', en: 'lower-tier rate per year' },
  },
  'pension.max_rate': {
    unit: 'rate',
    mandatory: true,
    label: { vi: 'tỷ lệ hưởng tối đa', en: 'maximum pension rate' },
  },
  'pension.half_year_max_odd_months': {
    unit: 'months',
    mandatory: true,
    label: { vi: 'số tháng lẻ tính nửa năm (tối đa)', en: 'odd months counted as half a year (up to)' },
  },
  'pension.lump_threshold_years': {
    unit: 'years',
    mandatory: true,
    scopes: SEXES,
    label: {
      vi: 'số năm trên đó có trợ cấp một lần khi nghỉ hưu',
      en: 'years above which the retirement lump sum is paid',
    },
  },
  'pension.lump_multiplier': {
    unit: 'rate',
    mandatory: true,
    label: { vi: 'hệ số trợ cấp một lần khi nghỉ hưu', en: 'retirement lump-sum multiplier' },
  },
  'pension.income_adjustment': {
    unit: 'rate',
    mandatory: false,
    yearScope: true,
    label: { vi: 'hệ số điều chỉnh thu nhập (k_t)', en: 'income adjustment coefficient (k_t)' },
  },
  'lump.multiplier_before_2014': {
    unit: 'rate',
    mandatory: true,
    label: { vi: 'hệ số mỗi năm trước 2014', en: 'multiplier per year before 2014' },
  },
  'lump.multiplier_from_2014': {
    unit: 'rate',
    mandatory: true,
    label: { vi: 'hệ số mỗi năm từ 2014', en: 'multiplier per year from 2014' },
  },
  'lump.under_one_year_cap': {
    unit: 'rate',
    mandatory: true,
    label: { vi: 'mức tối đa khi dưới một năm (lần Mbq)', en: 'cap under one year (× average income)' },
  },
  'benefit.funeral_multiplier': {
    unit: 'count',
    mandatory: false,
    label: { vi: 'trợ cấp mai táng (lần lương cơ sở)', en: 'funeral allowance (× base salary)' },
  },
  'benefit.funeral_min_months': {
    unit: 'months',
    mandatory: false,
    label: { vi: 'số tháng đóng để có trợ cấp mai táng', en: 'months paid for the funeral allowance' },
  },
  'benefit.maternity_allowance': {
    unit: 'vnd',
    mandatory: false,
    label: { vi: 'trợ cấp thai sản mỗi con', en: 'maternity allowance per child' },
  },
  'benefit.maternity_min_months': {
    unit: 'months',
    mandatory: false,
    label: {
      vi: 'số tháng đóng trong 12 tháng trước khi sinh',
      en: 'months paid in the 12 months before birth',
    },
  },
  'benefit.social_pension': {
    unit: 'vnd',
    mandatory: false,
    label: { vi: 'trợ cấp hưu trí xã hội', en: 'social pension' },
  },
  'benefit.social_pension_age': {
    unit: 'years',
    mandatory: false,
    label: { vi: 'tuổi hưởng hưu trí xã hội', en: 'social pension age' },
  },
  'benefit.social_pension_age_poor': {
    unit: 'years',
    mandatory: false,
    label: {
      vi: 'tuổi hưởng hưu trí xã hội (hộ nghèo, cận nghèo)',
      en: 'social pension age (poor and near-poor)',
    },
  },
} as const satisfies Record<string, RuleKeyInfo>;

export type RuleKey = keyof typeof RULE_KEYS;

export function ruleKeyInfo(key: string): RuleKeyInfo | undefined {
  return (RULE_KEYS as Record<string, RuleKeyInfo>)[key];
}

/** The `values` index of a rule set: 'key' or 'key:scope'. */
export function valueKey(key: string, scope?: string): string {
  return scope === undefined ? key : `${key}:${scope}`;
}
