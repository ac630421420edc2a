import {
  type CalcContext,
  type CalcError,
  type CalcOutcome,
  calcError,
  fail,
  failure,
  isFields,
  langOf,
  readDate,
  type Step,
  typeError,
} from './calc.input.ts';
import { LABELS } from './calc.labels.ts';
import { isIsoDate } from './law.calendar.ts';
import { formatDate, formatPpmPercent } from './law.format.ts';
import { mulDivRound, PPM, toPpm } from './law.money.ts';
import { findRulesAt, param, paramCoverage } from './rules.book.ts';
import { ruleKeyInfo } from './rules.keys.ts';

/**
 * Household health insurance (RULES.md §4): each member pays 4.5% × LCS × f(k) a month, k being the
 * member's order in the household (members whose HI is paid from elsewhere are not counted).
 */

export interface HhiQuoteInput {
  readonly paymentDate: string;
  readonly members: number;
  readonly months: number;
}

export interface HhiMember {
  readonly order: number;
  readonly monthly: number;
  readonly total: number;
}

export interface HhiQuoteResult {
  readonly ruleVersion: string;
  readonly baseSalary: number;
  readonly members: HhiMember[];
  readonly monthlyTotal: number;
  readonly total: number;
  readonly steps: Step[];
}

/** An engine limit, not a legal one: keeps a single quote's output small. */
export const MAX_HHI_MEMBERS = 100;
const ORDERS = ['1', '2', '3', '4', '5'] as const;
const HHI_MODES = ['quarterly', 'semiannual', 'annual'] as const;

export function quoteHhi(input: HhiQuoteInput, ctx: CalcContext): CalcOutcome<HhiQuoteResult> {
  const lang = langOf(ctx);
  if (!isFields(input)) return fail('calc.invalid_input', lang, {});
  const errors: CalcError[] = [];
  const date = readDate(input, 'paymentDate', lang, errors);
  const rules = date === undefined ? undefined : findRulesAt(ctx.book, date);
  if (date !== undefined && !rules) {
    errors.push(
      calcError('calc.date_out_of_range', lang, { date, first: ctx.book.firstDate }, 'paymentDate'),
    );
  }

  const members = input.members;
  const membersErr = typeError(members, 'number', 'members', 'integer', lang);
  if (membersErr) errors.push(membersErr);
  else if (!Number.isInteger(members) || (members as number) < 1 || (members as number) > MAX_HHI_MEMBERS) {
    errors.push(
      calcError(
        'calc.members_out_of_range',
        lang,
        { value: members as number, max: MAX_HHI_MEMBERS },
        'members',
      ),
    );
  }

  let allowed: number[] = [];
  if (rules) {
    allowed = HHI_MODES.map((m) => param(rules, 'hhi.payment_months', m)).filter(
      (n): n is number => n !== undefined,
    );
  }
  const months = input.months;
  const monthsErr = typeError(months, 'number', 'months', 'integer', lang);
  if (monthsErr) errors.push(monthsErr);
  else if (rules && !allowed.includes(months as number)) {
    errors.push(
      calcError(
        'calc.hhi_months_invalid',
        lang,
        { value: months as number, allowed: allowed.join(', ') },
        'months',
      ),
    );
  }

  if (rules) {
    for (const key of ['salary.base', 'hhi.contribution_rate'] as const) {
      if (param(rules, key) === undefined) {
        const coverage = paramCoverage(ctx.book, key);
        const label = ruleKeyInfo(key)?.label[lang] ?? key;
        errors.push(
          calcError(
            'calc.parameter_not_in_force',
            lang,
            { date, label, from: coverage?.from, to: coverage?.to ?? undefined },
            'paymentDate',
          ),
        );
      }
    }
  }
  if (errors.length > 0 || !rules || !date || !isIsoDate(date)) return failure(errors);

  const L = LABELS[lang].hhi;
  const baseSalary = param(rules, 'salary.base')!;
  const ratePpm = toPpm(param(rules, 'hhi.contribution_rate')!);
  const n = members as number;
  const m = months as number;
  const steps: Step[] = [
    { label: L.paymentDate, value: formatDate(date, lang) },
    { label: L.baseSalary, value: baseSalary },
    { label: L.rate, value: formatPpmPercent(ratePpm, lang) },
  ];
  const list: HhiMember[] = [];
  let monthlyTotal = 0;
  for (let order = 1; order <= n; order++) {
    const scope = ORDERS[Math.min(order, ORDERS.length) - 1]!;
    const factorPpm = toPpm(param(rules, 'hhi.member_factor', scope) ?? 0);
    const monthly = mulDivRound(ratePpm, factorPpm, baseSalary, PPM * PPM);
    list.push({ order, monthly, total: monthly * m });
    monthlyTotal += monthly;
    steps.push({ label: L.member(order, formatPpmPercent(factorPpm, lang)), value: monthly });
  }
  const total = monthlyTotal * m;
  steps.push(
    { label: L.monthlyTotal, value: monthlyTotal },
    { label: L.months, value: m },
    { label: L.total, value: total },
  );
  return {
    ok: true,
    result: { ruleVersion: rules.id, baseSalary, members: list, monthlyTotal, total, steps },
  };
}
