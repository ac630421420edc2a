import { addDays, isIsoDate } from './law.calendar.ts';
import type { MessageParams } from './law.messages.ts';
import { RULE_KEYS, type RuleKeyInfo, valueKey } from './rules.keys.ts';
import { DEFAULT_RULE_ROWS, DEFAULT_TOPUP_ROWS } from './rules.seed.ts';
import type { Category, RuleBook, RuleProblem, RuleRow, RuleSet, TopupRow } from './rules.types.ts';
import { hasErrors, validateRuleRows, validateTopupRows } from './rules.validate.ts';

/**
 * The rule book: rows indexed into versions. A version is a segment between two change boundaries (any
 * row's validFrom, or the day after its validTo). Its id is the segment start plus a hash of the values
 * in force, so editing a future value only changes the ids of the dates it affects.
 */

/** A failure of the rule book itself (bad rows) or of a date lookup; `code` is stable. */
export class LawError extends Error {
  readonly code: string;
  readonly params: MessageParams;
  readonly problems: readonly RuleProblem[];
  constructor(
    code: string,
    detail: string,
    params: MessageParams = {},
    problems: readonly RuleProblem[] = [],
  ) {
    super(detail);
    this.name = 'LawError';
    this.code = code;
    this.params = params;
    this.problems = problems;
  }
}

interface Segment {
  readonly from: string;
  readonly to: string | null;
  set: RuleSet | undefined;
}

interface BookInternals extends RuleBook {
  readonly segments: readonly Segment[];
  readonly cache: Map<string, RuleSet>;
}

const CACHE_LIMIT = 20_000;

/** FNV-1a, 32 bits, as 8 hex digits: short, deterministic, the same in Node and browsers. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

function inForce(row: { validFrom: string; validTo: string | null }, date: string): boolean {
  return row.validFrom <= date && (row.validTo === null || date <= row.validTo);
}

/** Where rule versions start: the day from which every mandatory parameter (and scope) has a value. */
function firstDateOf(rows: readonly RuleRow[]): string {
  const first = new Map<string, string>();
  for (const row of rows) {
    const id = valueKey(row.key, row.scope);
    const seen = first.get(id);
    if (seen === undefined || row.validFrom < seen) first.set(id, row.validFrom);
  }
  let start = '';
  for (const [key, info] of Object.entries(RULE_KEYS) as [string, RuleKeyInfo][]) {
    if (!info.mandatory) continue;
    for (const scope of info.scopes ?? [undefined]) {
      const from = first.get(valueKey(key, scope));
      if (from !== undefined && from > start) start = from;
    }
  }
  return start;
}

/**
 * Builds a book from any rows (the seed, or rows loaded from the database). Throws a LawError with code
 * `rules.invalid` and the problems when a row is wrong; warnings do not stop it.
 */
export function createRuleBook(
  rows: readonly RuleRow[] = DEFAULT_RULE_ROWS,
  topups: readonly TopupRow[] = DEFAULT_TOPUP_ROWS,
): RuleBook {
  const problems = [...validateRuleRows(rows), ...validateTopupRows(topups)];
  if (hasErrors(problems)) {
    const errors = problems.filter((p) => p.severity === 'error');
    throw new LawError('rules.invalid', errors.map((p) => p.message).join('; '), {}, errors);
  }
  const frozenRows = Object.freeze(rows.map((r) => Object.freeze({ ...r })));
  const frozenTopups = Object.freeze(topups.map((t) => Object.freeze({ ...t })));
  const firstDate = firstDateOf(frozenRows);

  const boundaries = new Set<string>([firstDate]);
  for (const r of [...frozenRows, ...frozenTopups]) {
    if (r.validFrom > firstDate) boundaries.add(r.validFrom);
    if (r.validTo !== null && r.validTo >= firstDate) boundaries.add(addDays(r.validTo, 1));
  }
  const starts = [...boundaries].sort();
  const segments: Segment[] = starts.map((from, i) => ({
    from,
    to: i + 1 < starts.length ? addDays(starts[i + 1]!, -1) : null,
    set: undefined,
  }));
  const book: BookInternals = {
    rows: frozenRows,
    topups: frozenTopups,
    firstDate,
    versionStarts: Object.freeze(starts),
    segments,
    cache: new Map(),
  };
  return book;
}

function buildSet(book: BookInternals, segment: Segment): RuleSet {
  const values: Record<string, number> = {};
  const lines: string[] = [];
  for (const row of book.rows) {
    if (!inForce(row, segment.from)) continue;
    const id = valueKey(row.key, row.scope);
    values[id] = row.value;
    lines.push(`${id}=${row.value}`);
  }
  const topups: Record<string, Partial<Record<Category, number>>> = {};
  for (const t of book.topups) {
    if (!inForce(t, segment.from)) continue;
    const province = topups[t.provinceCode] ?? {};
    province[t.category] = t.value;
    topups[t.provinceCode] = province;
    lines.push(`topup:${t.provinceCode}:${t.category}=${t.value}`);
  }
  lines.sort();
  for (const code of Object.keys(topups)) Object.freeze(topups[code]);
  return Object.freeze({
    id: `${segment.from}.${shortHash(lines.join('\n'))}`,
    validFrom: segment.from,
    validTo: segment.to,
    values: Object.freeze(values),
    topups: Object.freeze(topups),
  });
}

function segmentIndex(book: BookInternals, date: string): number {
  let lo = 0;
  let hi = book.segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (book.segments[mid]!.from <= date) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function setOf(book: BookInternals, index: number): RuleSet {
  const segment = book.segments[index]!;
  segment.set ??= buildSet(book, segment);
  return segment.set;
}

/** The rule set in force on an ISO date, or undefined when the date is invalid or before every version. */
export function findRulesAt(ruleBook: RuleBook, date: string): RuleSet | undefined {
  const book = ruleBook as BookInternals;
  const hit = book.cache.get(date);
  if (hit !== undefined) return hit;
  if (!isIsoDate(date) || date < book.firstDate) return undefined;
  const set = setOf(book, segmentIndex(book, date));
  if (book.cache.size >= CACHE_LIMIT) book.cache.clear();
  book.cache.set(date, set);
  return set;
}

/** The rule set in force on an ISO date. Throws `calc.invalid_date` or `calc.date_out_of_range`. */
export function rulesAt(book: RuleBook, date: string): RuleSet {
  const set = findRulesAt(book, date);
  if (set) return set;
  if (!isIsoDate(date))
    throw new LawError('calc.invalid_date', `Invalid date ${date}`, { field: 'date', value: date });
  throw new LawError('calc.date_out_of_range', `${date} is before ${book.firstDate}`, {
    date,
    first: book.firstDate,
  });
}

/** The rule set of the last version (open-ended): used when a calculation has no date at all. */
export function latestRules(ruleBook: RuleBook): RuleSet {
  const book = ruleBook as BookInternals;
  return setOf(book, book.segments.length - 1);
}

/** One parameter in force on a day, or undefined. */
export function paramAt(book: RuleBook, key: string, date: string, scope?: string): number | undefined {
  return findRulesAt(book, date)?.values[valueKey(key, scope)];
}

/** The span a parameter covers in the book: its first start and last end (null when open). */
export function paramCoverage(
  book: RuleBook,
  key: string,
  scope?: string,
): { from: string; to: string | null } | undefined {
  let from: string | undefined;
  let to: string | null = '';
  for (const row of book.rows) {
    if (row.key !== key || row.scope !== scope) continue;
    if (from === undefined || row.validFrom < from) from = row.validFrom;
    if (to !== null && (row.validTo === null || row.validTo > to)) to = row.validTo;
  }
  return from === undefined ? undefined : { from, to };
}

/** A parameter of a rule set, by key and optional scope. */
export function param(rules: RuleSet, key: string, scope?: string): number | undefined {
  return rules.values[valueKey(key, scope)];
}
