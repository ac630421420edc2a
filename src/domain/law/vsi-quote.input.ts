import {
  type CalcContext,
  type CalcError,
  calcError,
  type Fields,
  invalidType,
  typeError,
} from './calc.input.ts';
import { LABELS } from './calc.labels.ts';
import type { Lang } from './law.format.ts';
import { paramCoverage } from './rules.book.ts';
import { ruleKeyInfo } from './rules.keys.ts';
import { CATEGORIES, type Category, VSI_MODES, type VsiMode } from './rules.types.ts';
import type { VsiRules } from './vsi-quote.rules.ts';

/** Field checks of a VSI quote that need the rules in force: income range and step, months per mode. */

export const IS_MODE: Readonly<Record<string, true>> = Object.fromEntries(VSI_MODES.map((m) => [m, true]));
const IS_CATEGORY: Readonly<Record<string, true>> = Object.fromEntries(CATEGORIES.map((c) => [c, true]));
export const DEFAULT_CATEGORIES: readonly Category[] = ['other'];
export const CATEGORY_LIST = CATEGORIES.join(', ');
export const MODE_LIST = VSI_MODES.join(', ');
export const MAX_USED_MONTHS = 1200;
const MAX_FUND_RATE = 0.1;

export function missingRule(
  ctx: CalcContext,
  lang: Lang,
  date: string,
  key: string,
  scope?: string,
): CalcError {
  const coverage = paramCoverage(ctx.book, key, scope);
  const label = ruleKeyInfo(key)?.label[lang] ?? key;
  return calcError(
    'calc.parameter_not_in_force',
    lang,
    { date, label, from: coverage?.from, to: coverage?.to ?? undefined },
    'paymentDate',
  );
}

export function checkIncome(
  income: number,
  v: VsiRules,
  date: string,
  lang: Lang,
  errors: CalcError[],
): void {
  const field = 'monthlyIncome';
  if (income < v.povertyLine) {
    errors.push(calcError('calc.income_below_floor', lang, { income, floor: v.povertyLine, date }, field));
  } else if (income > v.ceiling) {
    const baseLabel = LABELS[lang].base[v.ceilingBase];
    errors.push(
      calcError(
        'calc.income_above_ceiling',
        lang,
        { income, ceiling: v.ceiling, multiplier: v.multiplier, baseLabel, date },
        field,
      ),
    );
  } else if (v.step > 0 && (income - v.povertyLine) % v.step !== 0) {
    const lower = v.povertyLine + Math.floor((income - v.povertyLine) / v.step) * v.step;
    const params = { income, floor: v.povertyLine, step: v.step, lower, upper: lower + v.step, date };
    errors.push(calcError('calc.income_not_on_step', lang, params, field));
  }
}

export function readMonths(
  input: Fields,
  mode: VsiMode,
  v: VsiRules,
  date: string,
  lang: Lang,
  errors: CalcError[],
): number {
  const value = input.months;
  const modeName = LABELS[lang].mode[mode];
  if (mode === 'advance' || mode === 'backpay') {
    const err = typeError(value, 'number', 'months', 'integer', lang);
    if (err) {
      errors.push(err);
      return 0;
    }
    const n = value as number;
    const max = mode === 'advance' ? v.advanceMax : v.backpayMax;
    if (mode === 'backpay' && Number.isInteger(n) && n > max) {
      errors.push(calcError('calc.backpay_over_cap', lang, { value: n, max, date }, 'months'));
    } else if (!Number.isInteger(n) || n < 1 || n > max) {
      errors.push(calcError('calc.months_out_of_range', lang, { value: n, min: 1, max, modeName }, 'months'));
    }
    return n;
  }
  const implied = v.modeMonths[mode];
  if (value !== undefined && value !== implied) {
    const err = typeError(value, 'number', 'months', 'integer', lang);
    errors.push(
      err ??
        calcError('calc.months_mode_mismatch', lang, { value: value as number, modeName, implied }, 'months'),
    );
  }
  return implied;
}

export function readCategories(input: Fields, lang: Lang, errors: CalcError[]): readonly Category[] {
  const value = input.categories;
  if (value === undefined) return DEFAULT_CATEGORIES;
  const categories = CATEGORY_LIST;
  if (!Array.isArray(value)) {
    errors.push(invalidType(value, 'categories', 'list', lang));
    return DEFAULT_CATEGORIES;
  }
  if (value.length === 0) errors.push(calcError('calc.categories_empty', lang, { categories }, 'categories'));
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (typeof c !== 'string' || IS_CATEGORY[c] !== true) {
      errors.push(
        calcError('calc.unknown_category', lang, { value: String(c), categories }, `categories[${i}]`),
      );
    }
  }
  return value as readonly Category[];
}

export function readFundRate(input: Fields, lang: Lang, errors: CalcError[]): number | undefined {
  const value = input.fundRate;
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_FUND_RATE) {
    errors.push(calcError('calc.invalid_fund_rate', lang, { value: String(value) }, 'fundRate'));
    return undefined;
  }
  return value;
}
