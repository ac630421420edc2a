import { findRulesAt, monthOfDate, param, type RuleBook, retirementAgeOf, type Sex } from '../law/index.ts';

/**
 * Back payment for missing years (RULES.md §3): allowed only at or after retirement age, and only for
 * the months still missing to the minimum years of a pension (20 years before 2025-07-01, 15 after;
 * the engine caps the months at 120 / 60). The months counted as paid are this enrollment's VSI months;
 * compulsory-SI months recorded elsewhere are not known here.
 */
export type BackpayAllowance =
  | { ok: true; missingMonths: number; minYears: number }
  | { ok: false; problem: 'before_retirement'; reachesAgeMonth: string }
  | { ok: false; problem: 'nothing_missing'; minYears: number }
  | { ok: false; problem: 'no_rules' };

export function backpayAllowance(
  book: RuleBook,
  person: { sex: Sex; birthDate: string; monthsPaid: number },
  paymentDate: string,
): BackpayAllowance {
  const age = retirementAgeOf(book, person.sex, person.birthDate.slice(0, 7));
  const rules = findRulesAt(book, paymentDate);
  const minYears = rules && param(rules, 'pension.min_years');
  if ('error' in age || minYears === undefined) return { ok: false, problem: 'no_rules' };
  if (age.reachesAgeMonth > monthOfDate(paymentDate)) {
    return { ok: false, problem: 'before_retirement', reachesAgeMonth: age.reachesAgeMonth };
  }
  const missingMonths = minYears * 12 - person.monthsPaid;
  if (missingMonths <= 0) return { ok: false, problem: 'nothing_missing', minYears };
  return { ok: true, missingMonths, minYears };
}
