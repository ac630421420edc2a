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
  readDate,
  readInteger,
  type Step,
} from './calc.input.ts';
import { LABELS } from './calc.labels.ts';
import { isIsoDate } from './law.calendar.ts';
import { formatDecimal } from './law.format.ts';
import { mulDivRound, PPM, toPpm } from './law.money.ts';
import { countHalfYears, missingParameter } from './pension.calc.ts';
import { findRulesAt, latestRules, param } from './rules.book.ts';
import type { RuleSet } from './rules.types.ts';

/**
 * One-time withdrawal, BHXH một lần (RULES.md §6): 1.5 × Mbq per year before 2014 and 2 × Mbq per year
 * from 2014. Odd months before 2014 move to the later period, which then rounds odd months like the
 * pension (1–6 = half, 7–11 = full year). Under one year: the amount paid in, at most 2 × Mbq. State
 * support received is deducted unless the person has a life-threatening illness.
 */

export interface LumpSumInput {
  readonly monthsBefore2014: number;
  readonly monthsFrom2014: number;
  readonly averageMonthlyIncome: number;
  readonly stateSupportReceived?: number;
  readonly seriousIllness?: boolean;
  /** Withdrawal date (rules in force then); defaults to the context's today, else the latest version. */
  readonly date?: string;
  /** Under one year only: the contributions paid in. Estimated as rate × Mbq × months when absent. */
  readonly amountPaid?: number;
}

export interface LumpSumResult {
  readonly ruleVersion: string;
  readonly yearsBefore2014: number;
  readonly yearsFrom2014: number;
  readonly gross: number;
  readonly supportDeducted: number;
  readonly amount: number;
  readonly steps: Step[];
}

const MAX_MONTHS = 1200;
const NEEDED = [
  ['lump.multiplier_before_2014', undefined],
  ['lump.multiplier_from_2014', undefined],
  ['lump.under_one_year_cap', undefined],
  ['pension.half_year_max_odd_months', undefined],
  ['vsi.contribution_rate', undefined],
] as const;

function rulesFor(
  input: Readonly<Record<string, unknown>>,
  ctx: CalcContext,
  errors: CalcError[],
): RuleSet | undefined {
  const lang = langOf(ctx);
  if (input.date !== undefined) {
    const date = readDate(input, 'date', lang, errors);
    if (date === undefined) return undefined;
    const rules = findRulesAt(ctx.book, date);
    if (!rules)
      errors.push(calcError('calc.date_out_of_range', lang, { date, first: ctx.book.firstDate }, 'date'));
    return rules;
  }
  if (ctx.today !== undefined && isIsoDate(ctx.today))
    return findRulesAt(ctx.book, ctx.today) ?? latestRules(ctx.book);
  return latestRules(ctx.book);
}

export function computeLumpSum(input: LumpSumInput, ctx: CalcContext): CalcOutcome<LumpSumResult> {
  const lang = langOf(ctx);
  if (!isFields(input)) return fail('calc.invalid_input', lang, {});
  const errors: CalcError[] = [];
  const before = readInteger(input, 'monthsBefore2014', 0, MAX_MONTHS, lang, errors);
  const from = readInteger(input, 'monthsFrom2014', 0, MAX_MONTHS, lang, errors);
  const mbq = readAmount(input, 'averageMonthlyIncome', lang, errors);
  const support =
    input.stateSupportReceived === undefined ? 0 : readAmount(input, 'stateSupportReceived', lang, errors);
  const illness = readBoolean(input, 'seriousIllness', false, lang, errors);
  const paid = input.amountPaid === undefined ? undefined : readAmount(input, 'amountPaid', lang, errors);
  const rules = rulesFor(input, ctx, errors);
  if (rules) {
    const missing = missingParameter(ctx.book, rules, NEEDED, rules.validFrom, lang, 'date');
    if (missing) errors.push(missing);
  }
  if (before !== undefined && from !== undefined && before + from === 0) {
    errors.push(calcError('calc.no_contributions', lang, {}, 'monthsFrom2014'));
  }
  if (
    errors.length > 0 ||
    before === undefined ||
    from === undefined ||
    mbq === undefined ||
    support === undefined ||
    !rules
  ) {
    return failure(errors);
  }

  const L = LABELS[lang];
  const S = L.lump;
  const halfMax = param(rules, 'pension.half_year_max_odd_months')!;
  const m1 = toPpm(param(rules, 'lump.multiplier_before_2014')!);
  const m2 = toPpm(param(rules, 'lump.multiplier_from_2014')!);
  const yearsBefore = Math.floor(before / 12);
  const moved = before % 12;
  const fromMonths = from + moved;
  const halvesFrom = countHalfYears(fromMonths, halfMax);
  const steps: Step[] = [
    { label: S.yearsBefore, value: yearsBefore },
    { label: S.oddMoved, value: moved },
    { label: S.periodFrom, value: L.pension.duration(Math.floor(fromMonths / 12), fromMonths % 12) },
    { label: S.yearsFrom, value: halvesFrom / 2 },
    { label: S.average, value: mbq },
  ];

  let gross: number;
  if (before + from < 12) {
    const capPpm = toPpm(param(rules, 'lump.under_one_year_cap')!);
    const ratePpm = toPpm(param(rules, 'vsi.contribution_rate')!);
    const paidIn = paid ?? mulDivRound(mbq, ratePpm, 1, PPM) * (before + from);
    const cap = mulDivRound(mbq, capPpm, 1, PPM);
    gross = Math.min(paidIn, cap);
    steps.push(
      { label: paid === undefined ? S.paidEstimated : S.paidGiven, value: paidIn },
      { label: S.underOneYear(formatDecimal(capPpm / PPM, lang)), value: cap },
    );
  } else {
    const partBefore = mulDivRound(m1, mbq, yearsBefore, PPM);
    const partFrom = mulDivRound(m2, mbq, halvesFrom, 2 * PPM);
    gross = partBefore + partFrom;
    steps.push(
      { label: S.partBefore(formatDecimal(m1 / PPM, lang)), value: partBefore },
      { label: S.partFrom(formatDecimal(m2 / PPM, lang)), value: partFrom },
    );
  }
  // What is deducted is the support received, up to the whole amount: never more than there is.
  const supportDeducted = illness ? 0 : Math.min(support, gross);
  const amount = gross - supportDeducted;
  steps.push(
    { label: S.gross, value: gross },
    { label: illness ? S.supportWaived : S.support, value: supportDeducted },
    { label: S.amount, value: amount },
  );
  return {
    ok: true,
    result: {
      ruleVersion: rules.id,
      yearsBefore2014: yearsBefore,
      yearsFrom2014: halvesFrom / 2,
      gross,
      supportDeducted,
      amount,
      steps,
    },
  };
}
