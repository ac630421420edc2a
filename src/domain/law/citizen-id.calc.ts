import { LEGACY_PROVINCES } from '../units/legacy-provinces.ts';
import {
  type CalcContext,
  type CalcError,
  type CalcOutcome,
  fail,
  failure,
  isFields,
  langOf,
  readDate,
  readSex,
  type Step,
  typeError,
} from './calc.input.ts';
import { LABELS } from './calc.labels.ts';
import { isIsoDate, yearOf } from './law.calendar.ts';
import { type CitizenIdProblemCode, type MessageParams, message } from './law.messages.ts';
import { findRulesAt, latestRules } from './rules.book.ts';
import type { Sex } from './rules.types.ts';

/**
 * Checks a personal identification number, PPP G YY RRRRRR (RULES.md §8; Circular 07/2016/TT-BCA
 * Art. 7): PPP one of the 63 pre-2025 province codes, G the century and sex (0/1 = 1900s, 2/3 = 2000s,
 * 4/5 = 2100s, 6/7 = 2200s, 8/9 = 2300s; even = male), YY the birth year. A bad number is a successful
 * check with valid: false and one problem per mismatch.
 */

export interface CitizenIdInput {
  readonly id: string;
  readonly birthDate?: string;
  readonly sex?: Sex;
}

export interface CitizenIdProblem {
  readonly code: CitizenIdProblemCode;
  readonly message: string;
}

export interface CitizenIdResult {
  /** The rule version in force today: the check itself reads no dated parameter. */
  readonly ruleVersion: string;
  readonly valid: boolean;
  readonly birthProvinceCode: string | null;
  readonly birthProvinceName: string | null;
  readonly century: number | null;
  readonly sex: Sex | null;
  readonly birthYear: number | null;
  readonly errors: CitizenIdProblem[];
  readonly steps: Step[];
}

export function checkCitizenId(input: CitizenIdInput, ctx: CalcContext): CalcOutcome<CitizenIdResult> {
  const lang = langOf(ctx);
  if (!isFields(input)) return fail('calc.invalid_input', lang, {});
  const errors: CalcError[] = [];
  const idErr = typeError(input.id, 'string', 'id', 'string', lang);
  if (idErr) errors.push(idErr);
  const birthDate = input.birthDate === undefined ? undefined : readDate(input, 'birthDate', lang, errors);
  const givenSex = readSex(input, 'sex', lang, errors, true);
  if (errors.length > 0) return failure(errors);

  const L = LABELS[lang];
  const C = L.citizen;
  const ruleVersion = (
    (ctx.today !== undefined && isIsoDate(ctx.today) && findRulesAt(ctx.book, ctx.today)) ||
    latestRules(ctx.book)
  ).id;
  // People write the number in groups ("001 098 012345"); spaces carry no meaning.
  const id = (input.id as string).replace(/\s+/g, '');
  const problems: CitizenIdProblem[] = [];
  const add = (code: CitizenIdProblemCode, params: MessageParams) =>
    problems.push({ code, message: message(code, lang, params) });
  const steps: Step[] = [{ label: C.number, value: id }];

  if (id.length !== 12) add('citizen_id.length', { length: id.length });
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c < 48 || c > 57) {
      add('citizen_id.not_digits', { char: id.charAt(i), position: i + 1 });
      break;
    }
  }
  if (problems.length > 0) {
    steps.push({ label: C.result, value: C.invalid(problems.length) });
    const result = {
      ruleVersion,
      valid: false,
      birthProvinceCode: null,
      birthProvinceName: null,
      century: null,
      sex: null,
      birthYear: null,
    };
    return { ok: true, result: { ...result, errors: problems, steps } };
  }

  const code = id.slice(0, 3);
  const name = Object.hasOwn(LEGACY_PROVINCES, code) ? LEGACY_PROVINCES[code]! : null;
  if (name === null) add('citizen_id.unknown_province', { code });
  const digit = id.charCodeAt(3) - 48;
  const century = 1900 + Math.floor(digit / 2) * 100;
  const sex: Sex = digit % 2 === 0 ? 'M' : 'F';
  const yy = id.slice(4, 6);
  const birthYear = century + Number(yy);

  if (birthDate !== undefined) {
    const year = yearOf(birthDate);
    // Each mismatch on its own (RULES.md §8): a wrong century digit and wrong year digits are two.
    if (Math.floor(year / 100) * 100 !== century) {
      add('citizen_id.century_mismatch', { digit, from: century, to: century + 99, year });
    }
    if (year % 100 !== Number(yy)) add('citizen_id.birth_year_mismatch', { idYear: birthYear, yy, year });
  }
  if (givenSex !== undefined && givenSex !== sex) {
    add('citizen_id.sex_mismatch', { digit, idSex: L.sex[sex], sex: L.sex[givenSex] });
  }
  if (ctx.today !== undefined && isIsoDate(ctx.today) && birthYear > yearOf(ctx.today)) {
    add('citizen_id.birth_in_future', { idYear: birthYear, today: ctx.today });
  }

  steps.push(
    { label: C.province, value: name === null ? code : `${code} (${name})` },
    { label: C.centurySex, value: C.centurySexValue(digit, L.sex[sex], century) },
    { label: C.birthYear, value: birthYear },
    { label: C.random, value: id.slice(6) },
    { label: C.result, value: problems.length === 0 ? C.valid : C.invalid(problems.length) },
  );
  return {
    ok: true,
    result: {
      ruleVersion,
      valid: problems.length === 0,
      birthProvinceCode: code,
      birthProvinceName: name,
      century,
      sex,
      birthYear,
      errors: problems,
      steps,
    },
  };
}
