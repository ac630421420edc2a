/**
 * The calculator's form as plain data, and the pure steps between it and the law engine: the engine's
 * input, its errors placed beside the fields they name, the income range in force, step values as text.
 */
import {
  type CalcError,
  type Category,
  findRulesAt,
  LABELS,
  type Lang,
  type RuleBook,
  type Sex,
  type Step,
  type VsiMode,
} from '../../domain/law/index.ts';
import type { ProjectionInput } from '../../domain/law/projection.ts';
import { formatNumber, formatVnd } from '../format.ts';

export interface VsiForm {
  paymentDate: string;
  income: number | null;
  categories: Category[];
  provinceCode: string | undefined;
  mode: VsiMode;
  /** Advance and back payment only. */
  months: number | null;
  supportedMonthsUsed: number | null;
  /** The fund rate r as a percentage a month (0,6583), as people write it. */
  fundRatePct: number | null;
}

export interface PersonForm {
  birthMonth: string | undefined;
  sex: Sex | undefined;
  contributedMonths: number | null;
}

/** The fields the page shows; an engine error naming one of them is written under it. */
export const FORM_FIELDS = [
  'paymentDate',
  'monthlyIncome',
  'mode',
  'months',
  'categories',
  'provinceCode',
  'supportedMonthsUsed',
  'fundRate',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export const hasMonths = (mode: VsiMode) => mode === 'advance' || mode === 'backpay';

/** 0,6583 (% a month) → 0.006583, without the float noise of a plain division. */
export function pctToRate(pct: number): number {
  return Math.round(pct * 1e6) / 1e8;
}

/** The JSON of CALC_CONTRACT `vsi-quote`; empty fields are left out so the engine names them. */
export function vsiInput(f: VsiForm): Record<string, unknown> {
  return {
    paymentDate: f.paymentDate,
    monthlyIncome: f.income ?? undefined,
    mode: f.mode,
    months: hasMonths(f.mode) ? (f.months ?? undefined) : undefined,
    categories: f.categories.length > 0 ? f.categories : undefined,
    provinceCode: f.provinceCode,
    supportedMonthsUsed: f.supportedMonthsUsed ?? undefined,
    fundRate: hasMonths(f.mode) && f.fundRatePct !== null ? pctToRate(f.fundRatePct) : undefined,
  };
}

export function projectionInput(f: VsiForm, p: PersonForm): ProjectionInput | null {
  if (!p.birthMonth || !p.sex || f.income === null) return null;
  return {
    paymentDate: f.paymentDate,
    monthlyIncome: f.income,
    sex: p.sex,
    birthMonth: p.birthMonth,
    contributedMonths: p.contributedMonths ?? 0,
    categories: f.categories.length > 0 ? f.categories : undefined,
    provinceCode: f.provinceCode,
    supportedMonthsUsed: f.supportedMonthsUsed ?? 0,
  };
}

export interface PlacedErrors {
  byField: Partial<Record<FormField, string>>;
  /** Errors that name no field on the page. */
  general: string[];
}

/** Every error the engine found, under the field it names (`categories[1]` → categories). */
export function placeErrors(error: CalcError | undefined): PlacedErrors {
  const placed: PlacedErrors = { byField: {}, general: [] };
  if (!error) return placed;
  for (const e of error.details ?? [error]) {
    const field = e.field?.replace(/\[\d+\]$/, '') as FormField | undefined;
    if (field && (FORM_FIELDS as readonly string[]).includes(field)) {
      placed.byField[field] ??= e.message;
    } else placed.general.push(e.message);
  }
  return placed;
}

export interface IncomeRange {
  min: number;
  max: number;
  step: number;
  multiplier: number;
  /** Which base the ceiling multiplies: the reference level (from 2025-07-01) or the base salary. */
  base: 'reference' | 'salary';
  /** The contribution rate, e.g. 0.22. */
  rate: number;
}

/** The income range of the rule set in force on `date`, or null when no rules cover it. */
export function incomeRange(book: RuleBook, date: string): IncomeRange | null {
  const rules = findRulesAt(book, date);
  const v = rules?.values;
  const min = v?.['vsi.poverty_line'];
  const multiplier = v?.['vsi.max_income_multiplier'];
  const reference = v?.['salary.reference'];
  const baseValue = reference ?? v?.['salary.base'];
  if (!v || min === undefined || multiplier === undefined || baseValue === undefined) return null;
  return {
    min,
    max: multiplier * baseValue,
    step: v['vsi.income_step'] || 1000,
    multiplier,
    base: reference === undefined ? 'salary' : 'reference',
    rate: v['vsi.contribution_rate'] ?? 0.22,
  };
}

/** The nearest income on the legal steps inside the range (what the slider offers). */
export function snapIncome(value: number, range: IncomeRange): number {
  const k = Math.round((value - range.min) / range.step);
  return Math.min(range.max, Math.max(range.min, range.min + k * range.step));
}

/** Step values are đồng unless the label counts months. */
export function stepText(step: Step, lang: Lang): string {
  if (typeof step.value === 'string') return step.value;
  const L = LABELS[lang];
  const supportedPrefix = L.vsi.supportedMonths(0).split('(')[0]!;
  const isCount =
    step.label === L.vsi.months ||
    step.label === L.vsi.usedMonths ||
    step.label === L.hhi.months ||
    step.label.startsWith(supportedPrefix);
  return isCount ? formatNumber(step.value) : formatVnd(step.value);
}
