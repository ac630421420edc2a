/**
 * Who may join voluntary SI (RULES.md §7): a Vietnamese citizen aged 15 or over, not covered by
 * compulsory SI, and from 2025-07-01 not already receiving a pension or a monthly SI benefit.
 * There is no upper age limit. The exclusions are declared by the person and recorded.
 */
export interface EligibilityInput {
  birthDate: string;
  onDate: string;
  declaresNotCompulsory: boolean;
  declaresNoPension: boolean;
}

export type EligibilityProblem = 'too_young' | 'compulsory_covered' | 'receives_pension';

export const MIN_AGE = 15;
export const PENSION_EXCLUSION_FROM = '2025-07-01';

/** Whole years between a birth date and a day. */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function eligibilityProblems(input: EligibilityInput): EligibilityProblem[] {
  const problems: EligibilityProblem[] = [];
  if (ageOn(input.birthDate, input.onDate) < MIN_AGE) problems.push('too_young');
  if (!input.declaresNotCompulsory) problems.push('compulsory_covered');
  if (input.onDate >= PENSION_EXCLUSION_FROM && !input.declaresNoPension) problems.push('receives_pension');
  return problems;
}
