import { isIsoDate, isIsoMonth } from './law.calendar.ts';
import type { Lang } from './law.format.ts';
import { type CalcErrorCode, type MessageParams, message } from './law.messages.ts';
import type { RuleBook, Sex } from './rules.types.ts';

/** Shared types of the calculators and the readers that validate their JSON input field by field. */

export interface Step {
  readonly label: string;
  readonly value: number | string;
}

export interface CalcContext {
  readonly book: RuleBook;
  readonly lang?: Lang;
  /** Today's ISO date from the caller's clock; used only where an input has no date of its own. */
  readonly today?: string;
}

export interface CalcError {
  readonly code: CalcErrorCode;
  readonly message: string;
  /** JSON path of the field at fault, e.g. `monthlyIncome` or `categories[1]`. */
  readonly field?: string;
  /** Every error found, when there is more than one (the first is repeated at the top level). */
  readonly details?: readonly CalcError[];
}

export type CalcOutcome<T> =
  | { readonly ok: true; readonly result: T }
  | { readonly ok: false; readonly error: CalcError };

export type Fields = Readonly<Record<string, unknown>>;

export function calcError(code: CalcErrorCode, lang: Lang, params: MessageParams, field?: string): CalcError {
  const text = message(code, lang, params);
  return field === undefined ? { code, message: text } : { code, message: text, field };
}

export function failure<T>(errors: readonly CalcError[]): CalcOutcome<T> {
  const first = errors[0]!;
  return { ok: false, error: errors.length === 1 ? first : { ...first, details: errors } };
}

export function fail<T>(
  code: CalcErrorCode,
  lang: Lang,
  params: MessageParams,
  field?: string,
): CalcOutcome<T> {
  return { ok: false, error: calcError(code, lang, params, field) };
}

export function isFields(input: unknown): input is Fields {
  return typeof input === 'object' && input !== null && !Array.isArray(input);
}

const TYPE_NAMES: Record<Lang, Record<string, string>> = {
  vi: {
    string: 'chuỗi',
    number: 'số',
    boolean: 'true/false',
    array: 'danh sách',
    object: 'đối tượng',
    null: 'null',
  },
  en: {
    string: 'a string',
    number: 'a number',
    boolean: 'a boolean',
    array: 'a list',
    object: 'an object',
    null: 'null',
  },
};

export const EXPECT: Record<Lang, Record<string, string>> = {
  vi: {
    date: 'một ngày dạng "YYYY-MM-DD"',
    month: 'một tháng dạng "YYYY-MM"',
    amount: 'một số nguyên đồng',
    integer: 'một số nguyên',
    number: 'một số',
    boolean: 'true hoặc false',
    string: 'một chuỗi',
    sex: '"M" hoặc "F"',
    list: 'một danh sách chuỗi',
  },
  en: {
    date: 'a date "YYYY-MM-DD"',
    month: 'a month "YYYY-MM"',
    amount: 'a whole number of đồng',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
    string: 'a string',
    sex: '"M" or "F"',
    list: 'a list of strings',
  },
};

function typeName(value: unknown, lang: Lang): string {
  const t = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  return TYPE_NAMES[lang][t] ?? t;
}

export function invalidType(value: unknown, field: string, expected: string, lang: Lang): CalcError {
  return calcError(
    'calc.invalid_type',
    lang,
    { field, expected: EXPECT[lang][expected], actual: typeName(value, lang) },
    field,
  );
}

/** A missing-field or wrong-type error, or undefined when `value` has the JS type wanted. */
export function typeError(
  value: unknown,
  jsType: 'string' | 'number' | 'boolean',
  field: string,
  expected: string,
  lang: Lang,
): CalcError | undefined {
  if (value === undefined)
    return calcError('calc.missing_field', lang, { field, expected: EXPECT[lang][expected] }, field);
  if (typeof value !== jsType || (jsType === 'number' && !Number.isFinite(value))) {
    return invalidType(value, field, expected, lang);
  }
  return undefined;
}

/** Reads a required ISO date; pushes an error and returns undefined when absent or invalid. */
export function readDate(input: Fields, field: string, lang: Lang, errors: CalcError[]): string | undefined {
  const value = input[field];
  const err = typeError(value, 'string', field, 'date', lang);
  if (err) errors.push(err);
  else if (!isIsoDate(value))
    errors.push(calcError('calc.invalid_date', lang, { field, value: value as string }, field));
  else return value;
  return undefined;
}

export function readMonth(input: Fields, field: string, lang: Lang, errors: CalcError[]): string | undefined {
  const value = input[field];
  const err = typeError(value, 'string', field, 'month', lang);
  if (err) errors.push(err);
  else if (!isIsoMonth(value))
    errors.push(calcError('calc.invalid_month', lang, { field, value: value as string }, field));
  else return value;
  return undefined;
}

/** A non-negative whole number of đồng. */
export function readAmount(
  input: Fields,
  field: string,
  lang: Lang,
  errors: CalcError[],
): number | undefined {
  const value = input[field];
  const err = typeError(value, 'number', field, 'amount', lang);
  if (err) errors.push(err);
  else if (!Number.isSafeInteger(value) || (value as number) < 0) {
    errors.push(calcError('calc.invalid_amount', lang, { field, value: value as number }, field));
  } else return value as number;
  return undefined;
}

/** A whole number in [min, max]; `fallback` when the field is absent and a fallback is given. */
export function readInteger(
  input: Fields,
  field: string,
  min: number,
  max: number,
  lang: Lang,
  errors: CalcError[],
  fallback?: number,
): number | undefined {
  const value = input[field];
  if (value === undefined && fallback !== undefined) return fallback;
  const err = typeError(value, 'number', field, 'integer', lang);
  if (err) errors.push(err);
  else if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    errors.push(calcError('calc.invalid_integer', lang, { field, value: value as number, min, max }, field));
  } else return value as number;
  return undefined;
}

export function readBoolean(
  input: Fields,
  field: string,
  fallback: boolean,
  lang: Lang,
  errors: CalcError[],
): boolean {
  const value = input[field];
  if (value === undefined) return fallback;
  const err = typeError(value, 'boolean', field, 'boolean', lang);
  if (err) {
    errors.push(err);
    return fallback;
  }
  return value as boolean;
}

export function readSex(
  input: Fields,
  field: string,
  lang: Lang,
  errors: CalcError[],
  optional = false,
): Sex | undefined {
  const value = input[field];
  if (optional && value === undefined) return undefined;
  const err = typeError(value, 'string', field, 'sex', lang);
  if (err) errors.push(err);
  else if (value !== 'M' && value !== 'F')
    errors.push(calcError('calc.unknown_sex', lang, { field, value: value as string }, field));
  else return value;
  return undefined;
}

/** The language of a context: English only when asked. */
export function langOf(ctx: CalcContext): Lang {
  return ctx.lang === 'en' ? 'en' : 'vi';
}
