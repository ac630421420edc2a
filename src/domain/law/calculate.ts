import { type CalcContext, type CalcError, type CalcOutcome, fail, langOf } from './calc.input.ts';
import { type CitizenIdResult, checkCitizenId } from './citizen-id.calc.ts';
import { type HhiQuoteResult, quoteHhi } from './hhi-quote.calc.ts';
import { computeLumpSum, type LumpSumResult } from './lump-sum.calc.ts';
import { computePension, type PensionResult } from './pension.calc.ts';
import { computeRetirementAge, type RetirementAgeResult } from './retirement-age.calc.ts';
import { quoteVsi, type VsiQuoteResult } from './vsi-quote.calc.ts';

/**
 * The one entry point of CALC_CONTRACT.md: the CLI and the HTTP route pass the kind and the parsed JSON
 * body here unchanged. Every calculator validates its own input, so `input` may be anything.
 */

export interface CalcResults {
  'vsi-quote': VsiQuoteResult;
  'hhi-quote': HhiQuoteResult;
  'retirement-age': RetirementAgeResult;
  pension: PensionResult;
  'lump-sum': LumpSumResult;
  'citizen-id': CitizenIdResult;
}

export type CalcKind = keyof CalcResults;

type Calculator = (input: never, ctx: CalcContext) => CalcOutcome<CalcResults[CalcKind]>;

const CALCULATORS: Readonly<Record<CalcKind, Calculator>> = {
  'vsi-quote': quoteVsi,
  'hhi-quote': quoteHhi,
  'retirement-age': computeRetirementAge,
  pension: computePension,
  'lump-sum': computeLumpSum,
  'citizen-id': checkCitizenId,
};

export const CALC_KINDS = Object.keys(CALCULATORS) as CalcKind[];

export function isCalcKind(kind: unknown): kind is CalcKind {
  return typeof kind === 'string' && Object.hasOwn(CALCULATORS, kind);
}

export function calculate<K extends CalcKind>(
  kind: K,
  input: unknown,
  ctx: CalcContext,
): CalcOutcome<CalcResults[K]>;
export function calculate(kind: string, input: unknown, ctx: CalcContext): CalcOutcome<CalcResults[CalcKind]>;
export function calculate(
  kind: string,
  input: unknown,
  ctx: CalcContext,
): CalcOutcome<CalcResults[CalcKind]> {
  if (!isCalcKind(kind))
    return fail('calc.unknown_kind', langOf(ctx), { kind, kinds: CALC_KINDS.join(', ') });
  return (CALCULATORS[kind] as (input: unknown, ctx: CalcContext) => CalcOutcome<CalcResults[CalcKind]>)(
    input,
    ctx,
  );
}

/** The same, from the JSON text as it arrived (CLI argument or HTTP body): bad JSON is calc.invalid_json. */
export function calculateJson(
  kind: string,
  text: string,
  ctx: CalcContext,
): CalcOutcome<CalcResults[CalcKind]> {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return fail('calc.invalid_json', langOf(ctx), {});
  }
  return calculate(kind, input, ctx);
}

/**
 * The contract's error object, `{"error":{"code","message","field"?}}`, the same from the CLI and HTTP;
 * `fields` lists every field at fault when there are several.
 */
export function calcErrorBody(error: CalcError) {
  const { code, message, field, details } = error;
  return {
    error: {
      code,
      message,
      ...(field ? { field } : {}),
      ...(details && details.length > 1
        ? { fields: details.map((d) => ({ field: d.field ?? '', message: d.message })) }
        : {}),
    },
  };
}
