/** The shapes of the law as data: dated rows, local top-ups, and the rule set in force on one day. */

export type Confidence = 'H' | 'M' | 'L';

export const CATEGORIES = ['poor', 'near_poor', 'ethnic_minority', 'island_commune', 'other'] as const;
/** Support categories for VSI state support (RULES.md §2). */
export type Category = (typeof CATEGORIES)[number];

export const SEXES = ['M', 'F'] as const;
export type Sex = (typeof SEXES)[number];

/** The periodic VSI payment modes, priced as a number of rounded monthly items (RULES.md §3). */
export const PERIODIC_MODES = ['monthly', 'quarterly', 'semiannual', 'annual'] as const;
export type PeriodicMode = (typeof PERIODIC_MODES)[number];
export const VSI_MODES = [...PERIODIC_MODES, 'advance', 'backpay'] as const;
export type VsiMode = (typeof VSI_MODES)[number];

/**
 * One dated law parameter. `value` is a plain number in the unit its key declares (see RULE_KEYS):
 * đồng, months, years, or a decimal rate (0.22 = 22%). `validTo` is inclusive; null means open-ended.
 */
export interface RuleRow {
  readonly key: string;
  /** Narrows a key: a category, a sex, a payment mode, a member order, a year. */
  readonly scope?: string;
  readonly value: number;
  readonly validFrom: string;
  readonly validTo: string | null;
  /** The legal article (or source) that sets this number. */
  readonly basis: string;
  readonly confidence: Confidence;
}

/**
 * A province's own VSI support on top of the State's, as a decimal share of the same base (22% × CN).
 * `provinceCode` is the 2-digit code in force at the time (post-2025 codes from 2025-07-01).
 */
export interface TopupRow {
  readonly provinceCode: string;
  readonly category: Category;
  readonly value: number;
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly basis: string;
  readonly confidence: Confidence;
}

/**
 * The parameters in force on every day of one segment between two change boundaries. Frozen.
 * `values` is keyed by `key` or `key:scope`; `topups` by province code, then category.
 */
export interface RuleSet {
  readonly id: string;
  readonly validFrom: string;
  /** Last day of the segment, or null when nothing changes after it. */
  readonly validTo: string | null;
  readonly values: Readonly<Record<string, number>>;
  readonly topups: Readonly<Record<string, Readonly<Partial<Record<Category, number>>>>>;
}

/** A problem found in rule rows; `message` follows the language asked for. */
export interface RuleProblem {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly key?: string;
  readonly scope?: string;
  /** Index of the row at fault in the array that was checked. */
  readonly index?: number;
}

/** An indexed, immutable collection of rows. Build with `createRuleBook`; query with `rulesAt`. */
export interface RuleBook {
  readonly rows: readonly RuleRow[];
  readonly topups: readonly TopupRow[];
  /** First day of the first rule version: every mandatory parameter is in force from here. */
  readonly firstDate: string;
  /** Start day of every version, ascending; version i runs until the day before start i+1. */
  readonly versionStarts: readonly string[];
}
