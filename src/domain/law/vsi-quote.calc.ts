import {
  type CalcContext,
  type CalcError,
  type CalcOutcome,
  calcError,
  type Fields,
  fail,
  failure,
  isFields,
  langOf,
  readAmount,
  readInteger,
  type Step,
  typeError,
} from './calc.input.ts';
import { LABELS } from './calc.labels.ts';
import { isIsoDate } from './law.calendar.ts';
import { formatDateVi, formatPpmPercent, type Lang } from './law.format.ts';
import { mulDivRound, PPM, roundSum } from './law.money.ts';
import { provincesAt } from './provinces.data.ts';
import { findRulesAt } from './rules.book.ts';
import type { Category, RuleSet, VsiMode } from './rules.types.ts';
import {
  checkIncome,
  IS_MODE,
  MAX_USED_MONTHS,
  MODE_LIST,
  missingRule,
  readCategories,
  readFundRate,
  readMonths,
} from './vsi-quote.input.ts';
import { localTopup, type VsiRules, vsiRules } from './vsi-quote.rules.ts';

/**
 * What a voluntary SI payment costs (RULES.md §2–§3, CALC_CONTRACT `vsi-quote`). Prices follow the rules
 * in force on the payment date. Support is a fixed amount per month, limited to the months left under the
 * lifetime cap; local top-ups sit on the same base and net never goes below 0.
 */

export interface VsiQuoteInput {
  readonly paymentDate: string;
  readonly monthlyIncome: number;
  readonly mode: VsiMode;
  /** Required for advance (1..60) and backpay; implied by the other modes. */
  readonly months?: number;
  readonly categories?: readonly Category[];
  /** Post-2025 2-digit province code; applies its local top-ups. */
  readonly provinceCode?: string;
  readonly supportedMonthsUsed?: number;
  /** Monthly fund rate r for advance and backpay; overrides the recorded one. */
  readonly fundRate?: number;
}

export interface VsiQuoteResult {
  readonly ruleVersion: string;
  readonly months: number;
  readonly grossMonthly: number;
  readonly stateSupportMonthly: number;
  readonly localSupportMonthly: number;
  readonly netMonthly: number;
  readonly supportedMonths: number;
  readonly total: number;
  readonly steps: Step[];
}

const rateTexts = new Map<number, string>();

/** The text of a fund rate given in the input; memoised because callers reuse a handful of rates. */
function givenRateText(rate: number, lang: Lang): string {
  const key = lang === 'en' ? -rate - 1 : rate;
  let text = rateTexts.get(key);
  if (text === undefined) {
    text = formatPpmPercent(rate * PPM, lang);
    if (rateTexts.size > 1000) rateTexts.clear();
    rateTexts.set(key, text);
  }
  return text;
}

/**
 * The category the person is supported under: the highest state pct among their categories (the law),
 * ties broken by the higher local top-up. The local top-up follows the same category, so a person is
 * never supported as "poor" by the State and as "near-poor" by the province at once.
 */
function bestCategory(
  categories: readonly Category[],
  ppm: Readonly<Record<Category, number>>,
  local: Readonly<Record<Category, number>> | undefined,
): Category {
  let best = categories[0] ?? 'other';
  for (let i = 1; i < categories.length; i++) {
    const c = categories[i]!;
    const tie = ppm[c] === ppm[best] && local !== undefined && local[c] > local[best];
    if (ppm[c] > ppm[best] || tie) best = c;
  }
  return best;
}

export function quoteVsi(input: VsiQuoteInput, ctx: CalcContext): CalcOutcome<VsiQuoteResult> {
  const lang = langOf(ctx);
  if (!isFields(input)) return fail('calc.invalid_input', lang, {});
  const fields = input as unknown as Fields;
  const errors: CalcError[] = [];

  const date = fields.paymentDate;
  const rules = typeof date === 'string' ? findRulesAt(ctx.book, date) : undefined;
  let v: VsiRules | undefined;
  if (rules === undefined) {
    const err = typeError(date, 'string', 'paymentDate', 'date', lang);
    const first = ctx.book.firstDate;
    if (err) errors.push(err);
    else if (isIsoDate(date)) {
      errors.push(calcError('calc.date_out_of_range', lang, { date, first }, 'paymentDate'));
    } else {
      errors.push(
        calcError('calc.invalid_date', lang, { field: 'paymentDate', value: String(date) }, 'paymentDate'),
      );
    }
  } else {
    const view = vsiRules(rules);
    if (view.missing) {
      errors.push(missingRule(ctx, lang, date as string, view.missing.key, view.missing.scope));
    } else v = view;
  }
  const paymentDate = date as string;

  const income = readAmount(fields, 'monthlyIncome', lang, errors);
  if (income !== undefined && v) checkIncome(income, v, paymentDate, lang, errors);

  const modeValue = fields.mode;
  let mode: VsiMode | undefined;
  if (typeof modeValue === 'string' && IS_MODE[modeValue] === true) mode = modeValue as VsiMode;
  else {
    const err = typeError(modeValue, 'string', 'mode', 'string', lang);
    errors.push(
      err ?? calcError('calc.unknown_mode', lang, { value: String(modeValue), modes: MODE_LIST }, 'mode'),
    );
  }
  const months = mode && v ? readMonths(fields, mode, v, paymentDate, lang, errors) : 0;
  const categories = readCategories(fields, lang, errors);

  const provinceCode = fields.provinceCode;
  if (provinceCode !== undefined) {
    const err = typeError(provinceCode, 'string', 'provinceCode', 'string', lang);
    if (err) errors.push(err);
    else if (v && !Object.hasOwn(provincesAt(paymentDate), provinceCode as string)) {
      errors.push(
        calcError(
          'calc.unknown_province',
          lang,
          { value: provinceCode as string, date: paymentDate },
          'provinceCode',
        ),
      );
    }
  }
  const used = readInteger(fields, 'supportedMonthsUsed', 0, MAX_USED_MONTHS, lang, errors, 0) ?? 0;
  const givenRate = readFundRate(fields, lang, errors);

  if (errors.length > 0 || !v || !mode || income === undefined) return failure(errors);

  let fundRate = 0;
  if (mode === 'advance' || mode === 'backpay') {
    const r = givenRate ?? v.fundRate;
    if (r === undefined) {
      return fail(
        'calc.fund_rate_missing',
        lang,
        { year: paymentDate.slice(0, 4), date: paymentDate },
        'fundRate',
      );
    }
    fundRate = r;
  }
  return {
    ok: true,
    result: price(
      rules!,
      v,
      { paymentDate, income, mode, months, categories, provinceCode, used, fundRate, givenRate },
      lang,
    ),
  };
}

interface Priced {
  readonly paymentDate: string;
  readonly income: number;
  readonly mode: VsiMode;
  readonly months: number;
  readonly categories: readonly Category[];
  readonly provinceCode: unknown;
  readonly used: number;
  readonly fundRate: number;
  readonly givenRate: number | undefined;
}

function price(rules: RuleSet, v: VsiRules, q: Priced, lang: Lang): VsiQuoteResult {
  const L = LABELS[lang].vsi;
  const gross = mulDivRound(q.income, v.ratePpm, 1, PPM);
  const backpay = q.mode === 'backpay';
  const topup = !backpay && typeof q.provinceCode === 'string' ? localTopup(rules, v, q.provinceCode) : null;
  const best = bestCategory(q.categories, v.supportPpm, topup?.ppm);
  let state = backpay ? 0 : v.supportAmount[best];
  let local = topup ? topup.amount[best] : 0;

  const remaining = v.capMonths > q.used ? v.capMonths - q.used : 0;
  const supportedMonths = state + local > 0 ? Math.min(q.months, remaining) : 0;
  if (supportedMonths === 0) {
    state = 0;
    local = 0;
  }
  if (state > gross) state = gross;
  if (local > gross - state) local = gross - state;
  const netSupported = gross - state - local;

  let total: number;
  if (q.mode === 'advance') {
    const q1 = 1 + q.fundRate;
    let factor = 1;
    let sum = 0;
    for (let i = 1; i <= q.months; i++) {
      sum += (i <= supportedMonths ? netSupported : gross) * factor;
      factor /= q1;
    }
    total = roundSum(sum);
  } else if (backpay) {
    const q1 = 1 + q.fundRate;
    let factor = 1;
    let sum = 0;
    for (let i = 1; i <= q.months; i++) {
      factor *= q1;
      sum += factor;
    }
    total = roundSum(gross * sum);
  } else {
    total = supportedMonths * netSupported + (q.months - supportedMonths) * gross;
  }
  const netMonthly = supportedMonths > 0 ? netSupported : gross;

  const C = v.steps[lang];
  const dateStep = {
    label: L.paymentDate,
    value: lang === 'en' ? q.paymentDate : formatDateVi(q.paymentDate),
  };
  const incomeStep = { label: L.income, value: q.income };
  const grossStep = { label: L.gross, value: gross };
  const stateStep = { label: L.stateSupport, value: state };
  const localStep = { label: L.localSupport, value: local };
  const netStep = { label: L.netMonthly, value: netMonthly };
  const monthsStep = { label: L.months, value: q.months };
  const totalStep = { label: L.total, value: total };
  let steps: Step[];
  if (backpay) {
    const rateStep =
      q.givenRate === undefined
        ? C.fundRate!
        : { label: L.fundRateGiven, value: givenRateText(q.givenRate, lang) };
    steps = [
      dateStep,
      C.mode.backpay,
      C.deadline.backpay,
      C.povertyLine,
      incomeStep,
      C.rate,
      grossStep,
      stateStep,
      localStep,
    ];
    steps.push(netStep, monthsStep, rateStep, C.method.backpay, totalStep);
  } else {
    const usedStep = { label: L.usedMonths, value: q.used };
    const supportedStep = { label: C.supportedMonthsLabel, value: supportedMonths };
    const head = [
      dateStep,
      C.mode[q.mode],
      C.deadline[q.mode],
      C.povertyLine,
      incomeStep,
      C.rate,
      grossStep,
      C.supportPct[best],
      stateStep,
    ];
    steps = topup
      ? [...head, topup.pctStep[lang][best], localStep, usedStep, supportedStep, netStep, monthsStep]
      : [...head, localStep, usedStep, supportedStep, netStep, monthsStep];
    if (q.mode === 'advance') {
      steps.push(
        q.givenRate === undefined
          ? C.fundRate!
          : { label: L.fundRateGiven, value: givenRateText(q.givenRate, lang) },
      );
    }
    steps.push(C.method[q.mode], totalStep);
  }

  return {
    ruleVersion: rules.id,
    months: q.months,
    grossMonthly: gross,
    stateSupportMonthly: state,
    localSupportMonthly: local,
    netMonthly,
    supportedMonths,
    total,
    steps,
  };
}
