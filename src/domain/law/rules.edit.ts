import { addDays, isIsoDate } from './law.calendar.ts';
import type { Lang } from './law.format.ts';
import { message } from './law.messages.ts';
import type { Category, Confidence, RuleProblem, RuleRow, TopupRow } from './rules.types.ts';
import { validateRuleRows, validateTopupRows } from './rules.validate.ts';

/**
 * Admin edits as pure functions: a new value from a date "paints" its period over the series (same key
 * and scope). The row in force the day before is closed then; nothing before the change date is touched;
 * a change that starts before `today` is refused. Inputs are never mutated.
 */

export interface ParameterChange {
  readonly key: string;
  readonly scope?: string;
  readonly value: number;
  readonly validFrom: string;
  /** Inclusive end; omit or null for "from this date on". A bounded change keeps later values. */
  readonly validTo?: string | null;
  readonly basis: string;
  readonly confidence: Confidence;
}

export interface TopupChange {
  readonly provinceCode: string;
  readonly category: Category;
  readonly value: number;
  readonly validFrom: string;
  readonly validTo?: string | null;
  readonly basis: string;
  readonly confidence: Confidence;
}

export interface EditOptions {
  /** Today's date (ISO), from the injected clock: periods before it are history. */
  readonly today: string;
  readonly lang?: Lang;
}

export type EditResult<T> =
  | { ok: true; rows: T[]; warnings: RuleProblem[] }
  | { ok: false; problems: RuleProblem[] };

interface Period {
  readonly validFrom: string;
  readonly validTo: string | null;
}

function paint<T extends Period>(rows: readonly T[], added: T, sameSeries: (row: T) => boolean): T[] {
  const from = added.validFrom;
  const to = added.validTo;
  const out: T[] = [];
  let inserted = false;
  for (const row of rows) {
    if (!sameSeries(row)) {
      out.push(row);
      continue;
    }
    const endsBefore = row.validTo !== null && row.validTo < from;
    const startsAfter = to !== null && row.validFrom > to;
    if (endsBefore || startsAfter) {
      if (startsAfter && !inserted) {
        out.push(added);
        inserted = true;
      }
      out.push(row);
      continue;
    }
    if (row.validFrom < from) out.push({ ...row, validTo: addDays(from, -1) });
    if (!inserted) {
      out.push(added);
      inserted = true;
    }
    if (to !== null && (row.validTo === null || row.validTo > to))
      out.push({ ...row, validFrom: addDays(to, 1) });
  }
  if (!inserted) out.push(added);
  return out;
}

function refuseOutOfTime(
  change: { validFrom: string; validTo?: string | null },
  options: EditOptions,
): RuleProblem | undefined {
  const lang = options.lang ?? 'vi';
  if (!isIsoDate(options.today)) {
    return {
      code: 'rules.invalid_date',
      severity: 'error',
      message: message('rules.invalid_date', lang, {
        label: 'today',
        field: 'today',
        value: String(options.today),
      }),
    };
  }
  for (const field of ['validFrom', 'validTo'] as const) {
    const value = change[field];
    if (field === 'validTo' && (value === null || value === undefined)) continue;
    if (!isIsoDate(value)) {
      return {
        code: 'rules.invalid_date',
        severity: 'error',
        message: message('rules.invalid_date', lang, { label: 'change', field, value: String(value) }),
      };
    }
  }
  if (change.validFrom < options.today) {
    return {
      code: 'rules.change_in_past',
      severity: 'error',
      message: message('rules.change_in_past', lang, { from: change.validFrom, today: options.today }),
    };
  }
  return undefined;
}

function finish<T>(rows: T[], problems: RuleProblem[]): EditResult<T> {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) return { ok: false, problems: errors };
  return { ok: true, rows, warnings: problems };
}

/** Records a parameter value from `change.validFrom`; returns the new rows or the problems. */
export function setParameter(
  rows: readonly RuleRow[],
  change: ParameterChange,
  options: EditOptions,
): EditResult<RuleRow> {
  const refused = refuseOutOfTime(change, options);
  if (refused) return { ok: false, problems: [refused] };
  const base = {
    key: change.key,
    value: change.value,
    validFrom: change.validFrom,
    validTo: change.validTo ?? null,
    basis: change.basis,
    confidence: change.confidence,
  };
  const added: RuleRow = change.scope === undefined ? base : { ...base, scope: change.scope };
  const next = paint(rows, added, (r) => r.key === change.key && r.scope === change.scope);
  return finish(next, validateRuleRows(next, options.lang ?? 'vi'));
}

/** Records a local top-up from `change.validFrom` for one province and category. */
export function setTopup(
  topups: readonly TopupRow[],
  change: TopupChange,
  options: EditOptions,
): EditResult<TopupRow> {
  const refused = refuseOutOfTime(change, options);
  if (refused) return { ok: false, problems: [refused] };
  const added: TopupRow = {
    provinceCode: change.provinceCode,
    category: change.category,
    value: change.value,
    validFrom: change.validFrom,
    validTo: change.validTo ?? null,
    basis: change.basis,
    confidence: change.confidence,
  };
  const next = paint(
    topups,
    added,
    (t) => t.provinceCode === change.provinceCode && t.category === change.category,
  );
  return finish(next, validateTopupRows(next, options.lang ?? 'vi'));
}
