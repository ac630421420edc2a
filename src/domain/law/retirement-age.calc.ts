import {
  type CalcContext,
  type CalcError,
  type CalcOutcome,
  calcError,
  fail,
  failure,
  isFields,
  langOf,
  readMonth,
  readSex,
  type Step,
} from './calc.input.ts';
import { LABELS } from './calc.labels.ts';
import { monthIndex, monthOfIndex, yearOf } from './law.calendar.ts';
import { formatMonth, type Lang } from './law.format.ts';
import { findRulesAt, param, paramCoverage } from './rules.book.ts';
import { ruleKeyInfo } from './rules.keys.ts';
import type { RuleBook, Sex } from './rules.types.ts';

/**
 * Normal retirement age (Labour Code 2019 Art. 169; Decree 135/2020). The age depends on the calendar
 * year of retirement: a person retires at the age in force in the year they reach it; when that year's
 * age is only reached in a later year, the later year's age applies. The pension starts the month after.
 */

export interface RetirementAgeInput {
  readonly sex: Sex;
  readonly birthMonth: string;
}

export interface RetirementAgeResult {
  readonly ruleVersion: string;
  readonly years: number;
  readonly months: number;
  readonly reachesAgeMonth: string;
  readonly pensionStartMonth: string;
  readonly steps: Step[];
}

export interface RetirementAge {
  readonly ruleVersion: string;
  readonly ageMonths: number;
  readonly reachesAgeMonth: string;
  readonly pensionStartMonth: string;
  /** Years whose age was only reached the year after, in order. */
  readonly skipped: readonly { year: number; ageMonths: number }[];
  readonly year: number;
}

const MAX_YEARS_SEARCHED = 200;

function ageRules(book: RuleBook, year: number) {
  const jan1 = `${year}-01-01`;
  return findRulesAt(book, jan1 < book.firstDate ? book.firstDate : jan1);
}

/** The retirement age of a person, or the error code that prevents computing it. */
export function retirementAgeOf(
  book: RuleBook,
  sex: Sex,
  birthMonth: string,
): RetirementAge | { error: 'calc.parameter_not_in_force'; year: number } {
  const born = monthIndex(birthMonth);
  const firstYear = yearOf(book.firstDate);
  const firstRules = ageRules(book, firstYear);
  const firstAge = firstRules && param(firstRules, 'retire.age_months', sex);
  if (!firstRules || firstAge === undefined || firstAge === null)
    return { error: 'calc.parameter_not_in_force', year: firstYear };
  let year = Math.floor((born + firstAge) / 12);
  if (year < firstYear) {
    // Reached before the first rule version: the ages were 60 and 55 until 2020 (Labour Codes 1994
    // and 2012; RULES.md §5), which is what the first version holds.
    const reach = born + firstAge;
    return {
      ruleVersion: firstRules.id,
      ageMonths: firstAge,
      reachesAgeMonth: monthOfIndex(reach),
      pensionStartMonth: monthOfIndex(reach + 1),
      skipped: [],
      year,
    };
  }
  const skipped: { year: number; ageMonths: number }[] = [];
  for (let i = 0; i < MAX_YEARS_SEARCHED; i++, year++) {
    const rules = ageRules(book, year);
    const age = rules && param(rules, 'retire.age_months', sex);
    if (!rules || age === undefined) return { error: 'calc.parameter_not_in_force', year };
    const reach = born + age;
    // Reached in this year (or, with unusual data where ages fall, earlier): this year's age applies.
    if (Math.floor(reach / 12) <= year) {
      return {
        ruleVersion: rules.id,
        ageMonths: age,
        reachesAgeMonth: monthOfIndex(reach),
        pensionStartMonth: monthOfIndex(reach + 1),
        skipped,
        year,
      };
    }
    skipped.push({ year, ageMonths: age });
  }
  return { error: 'calc.parameter_not_in_force', year };
}

export function retirementSteps(age: RetirementAge, lang: Lang): Step[] {
  const L = LABELS[lang].retire;
  const steps: Step[] = [];
  for (const s of age.skipped) {
    steps.push({
      label: L.reachedLater(s.year),
      value: L.age(Math.floor(s.ageMonths / 12), s.ageMonths % 12),
    });
  }
  steps.push(
    { label: L.ageInYear(age.year), value: L.age(Math.floor(age.ageMonths / 12), age.ageMonths % 12) },
    { label: L.reaches, value: formatMonth(age.reachesAgeMonth, lang) },
    { label: L.pensionStart, value: formatMonth(age.pensionStartMonth, lang) },
  );
  return steps;
}

export function retirementAgeError(
  book: RuleBook,
  failed: { error: 'calc.parameter_not_in_force'; year: number },
  sex: Sex,
  lang: Lang,
  field: string,
): CalcError {
  const coverage = paramCoverage(book, 'retire.age_months', sex);
  const label = ruleKeyInfo('retire.age_months')!.label[lang];
  const params = { date: `${failed.year}-01-01`, label, from: coverage?.from, to: coverage?.to ?? undefined };
  return calcError('calc.parameter_not_in_force', lang, params, field);
}

export function computeRetirementAge(
  input: RetirementAgeInput,
  ctx: CalcContext,
): CalcOutcome<RetirementAgeResult> {
  const lang = langOf(ctx);
  if (!isFields(input)) return fail('calc.invalid_input', lang, {});
  const errors: CalcError[] = [];
  const sex = readSex(input, 'sex', lang, errors);
  const birthMonth = readMonth(input, 'birthMonth', lang, errors);
  if (errors.length > 0 || !sex || !birthMonth) return failure(errors);

  const age = retirementAgeOf(ctx.book, sex, birthMonth);
  if ('error' in age) return failure([retirementAgeError(ctx.book, age, sex, lang, 'birthMonth')]);
  const L = LABELS[lang];
  const steps: Step[] = [
    { label: L.retire.birthMonth, value: formatMonth(birthMonth, lang) },
    { label: L.retire.sex, value: L.sex[sex] },
    ...retirementSteps(age, lang),
  ];
  return {
    ok: true,
    result: {
      ruleVersion: age.ruleVersion,
      years: Math.floor(age.ageMonths / 12),
      months: age.ageMonths % 12,
      reachesAgeMonth: age.reachesAgeMonth,
      pensionStartMonth: age.pensionStartMonth,
      steps,
    },
  };
}
