import {
  type CalcContext,
  type CalcError,
  type CalcOutcome,
  calcError,
  fail,
  failure,
  isFields,
  langOf,
  readAmount,
  readBoolean,
  readInteger,
  readMonth,
  readSex,
  type Step,
} from './calc.input.ts';
import { LABELS } from './calc.labels.ts';
import { firstDayOfMonth, monthIndex, monthOfIndex } from './law.calendar.ts';
import { formatDecimal, formatMonth, formatPpmPercent, type Lang } from './law.format.ts';
import { mulDivRound, PPM, toPpm } from './law.money.ts';
import { retirementAgeError, retirementAgeOf, retirementSteps } from './retirement-age.calc.ts';
import { findRulesAt, param, paramCoverage } from './rules.book.ts';
import { ruleKeyInfo } from './rules.keys.ts';
import type { RuleBook, RuleSet, Sex } from './rules.types.ts';

/**
 * Monthly pension (RULES.md §6): eligibility by minimum years (20 before 2025-07-01, 15 from then),
 * years counted with odd months as half or full years, the rate table in force on the retirement date
 * (capped), pension = rate × Mbq, and the retirement lump sum for years above the threshold.
 */

export interface PensionInput {
  readonly sex: Sex;
  readonly contributionMonths: number;
  /** The month of retirement (age reached, or later); the rate table in force on its first day applies. */
  readonly retirementMonth: string;
  readonly averageMonthlyIncome: number;
  readonly joinedBefore2021?: boolean;
  /** Optional: when given, the retirement age is checked too (with the transitional rule). */
  readonly birthMonth?: string;
}

export interface PensionResult {
  readonly ruleVersion: string;
  readonly eligible: boolean;
  readonly minYears: number;
  readonly countedYears: number;
  readonly rate: number;
  readonly monthlyPension: number;
  readonly retirementLumpSum: number;
  readonly steps: Step[];
}

const MAX_MONTHS = 1200;

/** Contribution time in half years: odd months 1..halfMax count as one half, more as two (a full year). */
export function countHalfYears(months: number, halfMax: number): number {
  const odd = months % 12;
  return 2 * Math.floor(months / 12) + (odd === 0 ? 0 : odd <= halfMax ? 1 : 2);
}

/** The pension rate, in half-ppm (2 × ppm) so half years stay exact, before the cap is applied. */
export function pensionRateHalfPpm(rules: RuleSet, sex: Sex, halves: number): number {
  const base = toPpm(param(rules, 'pension.base_rate', sex)!);
  const baseYears = param(rules, 'pension.base_years', sex)!;
  const step = toPpm(param(rules, 'pension.step_rate', sex)!);
  let rate2 = 0;
  if (halves >= 2 * baseYears) rate2 = 2 * base + step * (halves - 2 * baseYears);
  else {
    const lowYears = param(rules, 'pension.low_base_years', sex);
    const lowBase = param(rules, 'pension.low_base_rate', sex);
    const lowStep = param(rules, 'pension.low_step_rate', sex);
    if (lowYears !== undefined && lowBase !== undefined && lowStep !== undefined && halves >= 2 * lowYears) {
      rate2 = 2 * toPpm(lowBase) + toPpm(lowStep) * (halves - 2 * lowYears);
    }
  }
  const max2 = 2 * toPpm(param(rules, 'pension.max_rate')!);
  return Math.min(rate2, max2);
}

const NEEDED = [
  ['pension.min_years', undefined],
  ['pension.base_rate', 'sex'],
  ['pension.base_years', 'sex'],
  ['pension.step_rate', 'sex'],
  ['pension.max_rate', undefined],
  ['pension.half_year_max_odd_months', undefined],
  ['pension.lump_threshold_years', 'sex'],
  ['pension.lump_multiplier', undefined],
] as const;

export function missingParameter(
  book: RuleBook,
  rules: RuleSet,
  needed: readonly (readonly [string, string | undefined])[],
  date: string,
  lang: Lang,
  field: string,
): CalcError | undefined {
  for (const [key, scope] of needed) {
    if (param(rules, key, scope) !== undefined) continue;
    const coverage = paramCoverage(book, key, scope);
    const label = ruleKeyInfo(key)?.label[lang] ?? key;
    return calcError(
      'calc.parameter_not_in_force',
      lang,
      { date, label, from: coverage?.from, to: coverage?.to ?? undefined },
      field,
    );
  }
  return undefined;
}

export function computePension(input: PensionInput, ctx: CalcContext): CalcOutcome<PensionResult> {
  const lang = langOf(ctx);
  if (!isFields(input)) return fail('calc.invalid_input', lang, {});
  const errors: CalcError[] = [];
  const sex = readSex(input, 'sex', lang, errors);
  const months = readInteger(input, 'contributionMonths', 0, MAX_MONTHS, lang, errors);
  const retirementMonth = readMonth(input, 'retirementMonth', lang, errors);
  const mbq = readAmount(input, 'averageMonthlyIncome', lang, errors);
  const joinedBefore2021 = readBoolean(input, 'joinedBefore2021', false, lang, errors);
  const birthMonth =
    input.birthMonth === undefined ? undefined : readMonth(input, 'birthMonth', lang, errors);
  let rules: RuleSet | undefined;
  if (retirementMonth) {
    const date = firstDayOfMonth(retirementMonth);
    rules = findRulesAt(ctx.book, date);
    if (!rules)
      errors.push(
        calcError('calc.date_out_of_range', lang, { date, first: ctx.book.firstDate }, 'retirementMonth'),
      );
    else if (sex) {
      const needed = NEEDED.map(([k, s]) => [k, s === 'sex' ? sex : undefined] as const);
      const missing = missingParameter(ctx.book, rules, needed, date, lang, 'retirementMonth');
      if (missing) errors.push(missing);
    }
  }
  if (errors.length > 0 || !sex || months === undefined || !retirementMonth || mbq === undefined || !rules) {
    return failure(errors);
  }

  const L = LABELS[lang];
  const P = L.pension;
  const minYears = param(rules, 'pension.min_years')!;
  const halfMax = param(rules, 'pension.half_year_max_odd_months')!;
  const halves = countHalfYears(months, halfMax);
  const steps: Step[] = [
    { label: P.retirementMonth, value: formatMonth(retirementMonth, lang) },
    { label: P.contribution, value: P.duration(Math.floor(months / 12), months % 12) },
    { label: P.minYears, value: minYears },
  ];
  const reasons: string[] = [];
  if (months < minYears * 12) reasons.push(P.tooFewYears(minYears));

  if (birthMonth) {
    const age = retirementAgeOf(ctx.book, sex, birthMonth);
    if ('error' in age) {
      return failure([retirementAgeError(ctx.book, age, sex, lang, 'birthMonth')]);
    }
    steps.push(...retirementSteps(age, lang));
    let reached = monthIndex(age.reachesAgeMonth);
    const transAge = param(rules, 'retire.transitional_age_months', sex);
    const transYears = param(rules, 'retire.transitional_min_years');
    if (joinedBefore2021 && transAge !== undefined && transYears !== undefined && months >= transYears * 12) {
      const transReach = monthIndex(birthMonth) + transAge;
      steps.push({
        label: P.transitional(transYears, L.retire.age(Math.floor(transAge / 12), transAge % 12)),
        value: formatMonth(monthOfIndex(transReach), lang),
      });
      if (transReach < reached) reached = transReach;
    }
    if (monthIndex(retirementMonth) < reached)
      reasons.push(P.tooYoung(formatMonth(monthOfIndex(reached), lang)));
  }

  const eligible = reasons.length === 0;
  steps.push({ label: P.eligible, value: eligible ? L.yes : `${L.no}: ${reasons.join('; ')}` });
  steps.push({ label: P.countedYears(halfMax), value: halves / 2 });

  let rate2 = 0;
  let pension = 0;
  let lump = 0;
  if (eligible) {
    rate2 = pensionRateHalfPpm(rules, sex, halves);
    pension = mulDivRound(rate2, mbq, 1, 2 * PPM);
    const threshold = param(rules, 'pension.lump_threshold_years', sex)!;
    const multiplier = toPpm(param(rules, 'pension.lump_multiplier')!);
    const extraHalves = halves - 2 * threshold;
    if (extraHalves > 0) lump = mulDivRound(multiplier, mbq * extraHalves, 1, 2 * PPM);
    const base = param(rules, 'pension.base_rate', sex)!;
    const baseYears = param(rules, 'pension.base_years', sex)!;
    const step = param(rules, 'pension.step_rate', sex)!;
    const rule = P.rateRule(
      formatPpmPercent(toPpm(base), lang),
      baseYears,
      formatPpmPercent(toPpm(step), lang),
    );
    const maxPpm = toPpm(param(rules, 'pension.max_rate')!);
    steps.push({
      label: P.rate,
      value: `${formatPpmPercent(rate2 / 2, lang)} (${rule}; ${P.rateCap(formatPpmPercent(maxPpm, lang))})`,
    });
    steps.push(
      { label: P.average, value: mbq },
      { label: P.pension, value: pension },
      { label: P.lumpSum(formatDecimal(multiplier / PPM, lang), threshold), value: lump },
    );
  } else {
    steps.push({ label: P.rate, value: formatPpmPercent(0, lang) }, { label: P.pension, value: 0 });
  }

  return {
    ok: true,
    result: {
      ruleVersion: rules.id,
      eligible,
      minYears,
      countedYears: halves / 2,
      rate: rate2 / (2 * PPM),
      monthlyPension: pension,
      retirementLumpSum: lump,
      steps,
    },
  };
}

/**
 * Mbq from a yearly income history with the coefficients k_t in force on `date` (RULES.md §6):
 * Σ I_t × k_t × m_t / Σ m_t, rounded half up. Returns the first year without a coefficient instead.
 */
export function adjustedAverageIncome(
  rules: RuleSet,
  history: readonly { readonly year: number; readonly monthlyIncome: number; readonly months: number }[],
): { ok: true; value: number } | { ok: false; missingYear: number } {
  let weighted = 0n;
  let months = 0;
  for (const h of history) {
    const k = param(rules, 'pension.income_adjustment', String(h.year));
    if (k === undefined) return { ok: false, missingYear: h.year };
    weighted += BigInt(h.monthlyIncome) * BigInt(toPpm(k)) * BigInt(h.months);
    months += h.months;
  }
  if (months === 0) return { ok: true, value: 0 };
  const d = BigInt(PPM) * BigInt(months);
  return { ok: true, value: Number((2n * weighted + d) / (2n * d)) };
}
