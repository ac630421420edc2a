import { BENEFIT_ROWS } from './rules.seed.benefits.ts';
import { CONTRIBUTION_ROWS, TOPUP_ROWS } from './rules.seed.contributions.ts';
import type { RuleRow, TopupRow } from './rules.types.ts';

/**
 * The law as dated rows (RULES.md §1–§6), the seed for the database. Each row cites the text that sets
 * its number. Rows that change at 2025-07-01 (Law 41/2024 in force) are split there even when the number
 * stays, so an administrator can change the new law without rewriting the old.
 */
export const DEFAULT_RULE_ROWS: readonly RuleRow[] = Object.freeze(
  [...CONTRIBUTION_ROWS, ...BENEFIT_ROWS].map((r) => Object.freeze(r)),
);

/** Local top-ups by province, category and period (RULES.md §2). */
export const DEFAULT_TOPUP_ROWS: readonly TopupRow[] = Object.freeze(TOPUP_ROWS.map((r) => Object.freeze(r)));
