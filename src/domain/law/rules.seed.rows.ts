import type { Confidence, RuleRow } from './rules.types.ts';

/** Shared helpers and citations of the seed rows (rules.seed.*.ts). */

export const OLD_LAW_END = '2025-06-30';
export const NEW_LAW = '2025-07-01';
export const START = '2016-01-01';

export function row(
  key: string,
  scope: string | undefined,
  value: number,
  validFrom: string,
  validTo: string | null,
  confidence: Confidence,
  basis: string,
): RuleRow {
  return scope === undefined
    ? { key, value, validFrom, validTo, basis, confidence }
    : { key, scope, value, validFrom, validTo, basis, confidence };
}

export function perScope(
  key: string,
  values: Record<string, number>,
  from: string,
  to: string | null,
  confidence: Confidence,
  basis: string,
): RuleRow[] {
  return Object.entries(values).map(([scope, value]) => row(key, scope, value, from, to, confidence, basis));
}

export const D134 = 'Decree 134/2015/NĐ-CP';
export const D159 = 'Decree 159/2025/NĐ-CP';
export const L58 = 'Law 58/2014/QH13';
export const L41 = 'Law 41/2024/QH15';
