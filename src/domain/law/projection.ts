import {
  type CalcContext,
  type CalcError,
  type CalcOutcome,
  fail,
  failure,
  isFields,
  langOf,
  readAmount,
  readDate,
  readInteger,
  readMonth,
  readSex,
} from './calc.input.ts';
import { firstDayOfMonth, monthIndex, monthOfDate, monthOfIndex } from './law.calendar.ts';
import { computeLumpSum } from './lump-sum.calc.ts';
import { computePension } from './pension.calc.ts';
import { retirementAgeError, retirementAgeOf } from './retirement-age.calc.ts';
import { findRulesAt, param } from './rules.book.ts';
import type { Category, RuleBook, Sex } from './rules.types.ts';
import { quoteVsi } from './vsi-quote.calc.ts';
import { vsiRules } from './vsi-quote.rules.ts';

/**
 * "Withdraw the lump sum now, or keep paying until retirement?" (CAMPAIGN.md, retention), computed
 * with the engine's own calculators so the explainer can never disagree with a quote.
 *
 * Both paths count the money a person receives from now on, net of what they still pay in:
 * - withdraw: the lump sum (BHXH một lần) now, then the social pension from its age;
 * - keep paying: today's monthly amount (with state and local support while the lifetime cap lasts)
 *   until retirement age, or longer when the minimum years are not reached by then (VSI has no upper
 *   age), then the monthly pension and the retirement lump sum.
 * Assumptions, shown to the user: the chosen income is the average income Mbq (every k_t = 1), amounts
 * stay at today's rules and prices (no indexation, no discounting), contributions in the past were
 * continuous and ended last month, and support already received was the most recent months.
 */

export interface ProjectionInput {
  readonly paymentDate: string;
  readonly monthlyIncome: number;
  readonly sex: Sex;
  readonly birthMonth: string;
  /** Months contributed before the payment month (for the lump sum and the pension); default 0. */
  readonly contributedMonths?: number;
  readonly categories?: readonly Category[];
  readonly provinceCode?: string;
  readonly supportedMonthsUsed?: number;
  /** The chart ends in the year the person reaches this age (later if break-even is later); default 85. */
  readonly horizonAge?: number;
}

export interface PensionAtYears {
  readonly years: number;
  readonly eligible: boolean;
  readonly rate: number;
  readonly monthlyPension: number;
}

/** Cumulative money at the end of one calendar year, in đồng. */
export interface ProjectionPoint {
  readonly year: number;
  readonly age: number;
  readonly withdraw: number;
  readonly keepPaying: number;
}

export interface ProjectionResult {
  readonly ruleVersion: string;
  readonly retirementMonth: string;
  readonly pensionStartMonth: string;
  readonly retirementAge: { readonly years: number; readonly months: number } | null;
  /** True when payments go on past the normal age to reach the minimum years. */
  readonly extended: boolean;
  readonly minYears: number;
  readonly monthsToPay: number;
  readonly toPay: number;
  readonly atRetirement: {
    readonly contributionMonths: number;
    readonly countedYears: number;
    readonly eligible: boolean;
    readonly rate: number;
    readonly monthlyPension: number;
    readonly retirementLumpSum: number;
  };
  readonly pensionAtYears: readonly PensionAtYears[];
  readonly lumpSum: { readonly gross: number; readonly supportDeducted: number; readonly amount: number };
  readonly socialPension: {
    readonly monthly: number;
    readonly age: number;
    readonly fromMonth: string;
  } | null;
  readonly series: readonly ProjectionPoint[];
  readonly breakEven: { readonly month: string; readonly age: number } | null;
}

export const PENSION_YEARS = [15, 20, 25, 30] as const;
const MAX_AGE = 100;
const MONTHS_2014 = monthIndex('2014-01');
const MONTHS_2021 = monthIndex('2021-01');

/** State support already received, estimated month by month over the most recent `months` months. */
function supportReceived(book: RuleBook, lastMonth: number, months: number, cats: readonly Category[]) {
  let sum = 0;
  for (let k = 0; k < months; k++) {
    const rules = findRulesAt(book, firstDayOfMonth(monthOfIndex(lastMonth - k)));
    if (!rules) break;
    const v = vsiRules(rules);
    if (v.missing) continue;
    let best = 0;
    for (const c of cats) best = Math.max(best, v.supportAmount[c]);
    sum += best;
  }
  return sum;
}

export function projectRetirement(input: ProjectionInput, ctx: CalcContext): CalcOutcome<ProjectionResult> {
  const lang = langOf(ctx);
  if (!isFields(input)) return fail('calc.invalid_input', lang, {});
  const errors: CalcError[] = [];
  const paymentDate = readDate(input, 'paymentDate', lang, errors);
  const income = readAmount(input, 'monthlyIncome', lang, errors);
  const sex = readSex(input, 'sex', lang, errors);
  const birthMonth = readMonth(input, 'birthMonth', lang, errors);
  const contributed = readInteger(input, 'contributedMonths', 0, 1200, lang, errors, 0);
  const horizonAge = readInteger(input, 'horizonAge', 60, MAX_AGE, lang, errors, 85);
  if (errors.length > 0 || !paymentDate || income === undefined || !sex || !birthMonth) {
    return failure(errors);
  }
  if (contributed === undefined || horizonAge === undefined) return failure(errors);

  // Today's price of one month: the quote validates the income, categories and province too.
  const used = input.supportedMonthsUsed ?? 0;
  const quote = quoteVsi(
    {
      paymentDate,
      monthlyIncome: income,
      mode: 'monthly',
      categories: input.categories,
      provinceCode: input.provinceCode,
      supportedMonthsUsed: used,
    } as never,
    ctx,
  );
  if (!quote.ok) return quote;
  const q = quote.result;
  const rules = findRulesAt(ctx.book, paymentDate)!;
  const v = vsiRules(rules);
  const cap = v.missing ? 0 : v.capMonths;
  const supportedLeft = q.supportedMonths > 0 ? Math.max(0, cap - used) : 0;
  const costOf = (i: number) => (i < supportedLeft ? q.netMonthly : q.grossMonthly);

  const now = monthIndex(monthOfDate(paymentDate));
  const born = monthIndex(birthMonth);
  const age = retirementAgeOf(ctx.book, sex, birthMonth);
  if ('error' in age) {
    return failure([retirementAgeError(ctx.book, age, sex, lang, 'birthMonth')]);
  }
  const reach = monthIndex(age.reachesAgeMonth);

  // Pay through the month the age is reached; on past it when the minimum years are still missing.
  let monthsToPay = Math.max(0, reach - now + 1);
  const minRules = findRulesAt(ctx.book, firstDayOfMonth(monthOfIndex(Math.max(reach, now))));
  const minYears = (minRules && param(minRules, 'pension.min_years')) ?? 15;
  const extended = contributed + monthsToPay < minYears * 12;
  if (extended) monthsToPay = minYears * 12 - contributed;
  const retireIdx = Math.max(reach, now - 1, now + monthsToPay - 1);
  const retirementMonth = monthOfIndex(retireIdx);
  const totalMonths = contributed + monthsToPay;

  const pensionOf = (months: number, withAge: boolean) =>
    computePension(
      {
        sex,
        contributionMonths: months,
        retirementMonth,
        averageMonthlyIncome: income,
        joinedBefore2021: now - contributed < MONTHS_2021 && contributed > 0,
        ...(withAge ? { birthMonth } : {}),
      },
      ctx,
    );
  const atRetirement = pensionOf(totalMonths, true);
  if (!atRetirement.ok) return atRetirement;
  const pensionAtYears: PensionAtYears[] = [];
  for (const years of PENSION_YEARS) {
    const p = pensionOf(years * 12, false);
    if (!p.ok) return p;
    const { eligible, rate, monthlyPension } = p.result;
    pensionAtYears.push({ years, eligible, rate, monthlyPension });
  }

  const cats: readonly Category[] = input.categories?.length ? input.categories : ['other'];
  let lumpSum = { gross: 0, supportDeducted: 0, amount: 0 };
  if (contributed > 0) {
    const before = Math.max(0, contributed - (now - MONTHS_2014));
    const support = supportReceived(ctx.book, now - 1, Math.min(used, contributed), cats);
    const lump = computeLumpSum(
      {
        monthsBefore2014: before,
        monthsFrom2014: contributed - before,
        averageMonthlyIncome: income,
        stateSupportReceived: support,
        date: paymentDate,
      },
      ctx,
    );
    if (!lump.ok) return lump;
    const { gross, supportDeducted, amount } = lump.result;
    lumpSum = { gross, supportDeducted, amount };
  }

  const spMonthly = param(rules, 'benefit.social_pension');
  const poor = cats.includes('poor') || cats.includes('near_poor');
  const spAge =
    (poor ? param(rules, 'benefit.social_pension_age_poor') : undefined) ??
    param(rules, 'benefit.social_pension_age');
  const spFrom =
    spMonthly !== undefined && spAge !== undefined ? born + spAge * 12 + 1 : Number.POSITIVE_INFINITY;

  const pension = atRetirement.result.monthlyPension;
  const start = retireIdx + 1;
  const last = born + MAX_AGE * 12 + 11;
  const all: ProjectionPoint[] = [];
  let withdraw = lumpSum.amount;
  let keepPaying = 0;
  let toPay = 0;
  let breakEven: { month: string; age: number } | null = null;
  for (let m = now; m <= last; m++) {
    if (m < now + monthsToPay) {
      const cost = costOf(m - now);
      keepPaying -= cost;
      toPay += cost;
    }
    if (m === start) keepPaying += atRetirement.result.retirementLumpSum;
    if (m >= start) keepPaying += pension;
    if (m >= spFrom) withdraw += spMonthly!;
    if (!breakEven && m >= start && pension > 0 && keepPaying >= withdraw) {
      breakEven = { month: monthOfIndex(m), age: Math.floor((m - born) / 12) };
    }
    if (m % 12 === 11)
      all.push({ year: Math.floor(m / 12), age: Math.floor((m - born) / 12), withdraw, keepPaying });
  }
  const endYear = Math.floor(born / 12) + horizonAge;
  const lastYear = breakEven ? Math.max(endYear, Number(breakEven.month.slice(0, 4)) + 2) : endYear;

  return {
    ok: true,
    result: {
      ruleVersion: q.ruleVersion,
      retirementMonth,
      pensionStartMonth: monthOfIndex(start),
      retirementAge:
        'error' in age ? null : { years: Math.floor(age.ageMonths / 12), months: age.ageMonths % 12 },
      extended,
      minYears,
      monthsToPay,
      toPay,
      atRetirement: {
        contributionMonths: totalMonths,
        countedYears: atRetirement.result.countedYears,
        eligible: atRetirement.result.eligible,
        rate: atRetirement.result.rate,
        monthlyPension: pension,
        retirementLumpSum: atRetirement.result.retirementLumpSum,
      },
      pensionAtYears,
      lumpSum,
      socialPension:
        spAge !== undefined && Number.isFinite(spFrom)
          ? { monthly: spMonthly!, age: spAge, fromMonth: monthOfIndex(spFrom) }
          : null,
      series: all.filter((p) => p.year <= lastYear),
      breakEven,
    },
  };
}
