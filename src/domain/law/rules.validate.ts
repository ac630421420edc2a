import { addDays, isIsoDate } from './law.calendar.ts';
import type { Lang } from './law.format.ts';
import { type MessageParams, message, type RuleProblemCode } from './law.messages.ts';
import { toPpm } from './law.money.ts';
import { isKnownProvinceCode } from './provinces.data.ts';
import { RULE_KEYS, type RuleKeyInfo, ruleKeyInfo } from './rules.keys.ts';
import { CATEGORIES, type RuleProblem, type RuleRow, type TopupRow } from './rules.types.ts';

/**
 * Checks rows before they become a rule book: each row on its own, then each series (same key and scope)
 * for overlaps and, for mandatory keys, gaps. Returns problems; an empty list means the rows can be used.
 */

interface Dated {
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly index: number;
}

function problem(
  code: RuleProblemCode,
  lang: Lang,
  params: MessageParams,
  extra: { key?: string; scope?: string; index?: number; severity?: 'error' | 'warning' },
): RuleProblem {
  const out: { -readonly [K in keyof RuleProblem]: RuleProblem[K] } = {
    code,
    severity: extra.severity ?? 'error',
    message: message(code, lang, params),
  };
  if (extra.key !== undefined) out.key = extra.key;
  if (extra.scope !== undefined) out.scope = extra.scope;
  if (extra.index !== undefined) out.index = extra.index;
  return out;
}

const EXPECTED: Record<RuleKeyInfo['unit'], { vi: string; en: string }> = {
  vnd: { vi: 'số nguyên đồng không âm', en: 'a non-negative whole number of đồng' },
  months: { vi: 'số nguyên tháng không âm', en: 'a non-negative whole number of months' },
  years: { vi: 'số nguyên năm không âm', en: 'a non-negative whole number of years' },
  count: { vi: 'số nguyên không âm', en: 'a non-negative whole number' },
  rate: {
    vi: 'số thập phân không âm, tối đa 6 chữ số thập phân (0.22 = 22%)',
    en: 'a non-negative decimal with at most 6 decimals (0.22 = 22%)',
  },
  decimal: { vi: 'số thập phân từ 0 đến dưới 1', en: 'a decimal from 0 to below 1' },
};

function valueIsValid(unit: RuleKeyInfo['unit'], value: unknown): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return false;
  if (unit === 'rate') return !Number.isNaN(toPpm(value));
  if (unit === 'decimal') return value < 1;
  return Number.isSafeInteger(value);
}

/** Common checks of dates, basis and confidence; returns false when the dates are unusable. */
function checkPeriod(
  row: { validFrom: unknown; validTo: unknown; basis: unknown; confidence: unknown },
  params: MessageParams,
  at: { key?: string; scope?: string; index: number },
  lang: Lang,
  out: RuleProblem[],
): boolean {
  let datesOk = true;
  if (!isIsoDate(row.validFrom)) {
    out.push(
      problem(
        'rules.invalid_date',
        lang,
        { ...params, field: 'validFrom', value: String(row.validFrom) },
        at,
      ),
    );
    datesOk = false;
  }
  if (row.validTo !== null && !isIsoDate(row.validTo)) {
    out.push(
      problem('rules.invalid_date', lang, { ...params, field: 'validTo', value: String(row.validTo) }, at),
    );
    datesOk = false;
  }
  if (datesOk && row.validTo !== null && (row.validFrom as string) > (row.validTo as string)) {
    out.push(
      problem(
        'rules.inverted_period',
        lang,
        { ...params, from: row.validFrom as string, to: row.validTo as string },
        at,
      ),
    );
    datesOk = false;
  }
  if (typeof row.basis !== 'string' || row.basis.trim() === '') {
    out.push(problem('rules.missing_basis', lang, { ...params, from: String(row.validFrom) }, at));
  }
  if (row.confidence !== 'H' && row.confidence !== 'M' && row.confidence !== 'L') {
    out.push(problem('rules.invalid_confidence', lang, { ...params, value: String(row.confidence) }, at));
  }
  return datesOk;
}

/** Sorts a series by start and reports overlaps, and gaps when `contiguous`. */
function checkSeries(
  series: Dated[],
  contiguous: boolean,
  params: MessageParams,
  at: { key?: string; scope?: string },
  lang: Lang,
  out: RuleProblem[],
): void {
  series.sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0));
  for (let i = 1; i < series.length; i++) {
    const prev = series[i - 1]!;
    const cur = series[i]!;
    if (prev.validTo === null || cur.validFrom <= prev.validTo) {
      const p = { ...params, from: cur.validFrom, to: cur.validTo ?? undefined };
      out.push(
        problem(
          'rules.overlap',
          lang,
          { ...p, otherFrom: prev.validFrom, otherTo: prev.validTo ?? undefined },
          { ...at, index: cur.index },
        ),
      );
    } else if (contiguous && cur.validFrom > addDays(prev.validTo, 1)) {
      out.push(
        problem(
          'rules.gap',
          lang,
          { ...params, from: addDays(prev.validTo, 1), to: addDays(cur.validFrom, -1) },
          { ...at, index: cur.index },
        ),
      );
    }
  }
}

export function validateRuleRows(rows: readonly RuleRow[], lang: Lang = 'vi'): RuleProblem[] {
  const out: RuleProblem[] = [];
  const series = new Map<string, { key: string; scope?: string; rows: Dated[] }>();
  rows.forEach((row, index) => {
    const info = ruleKeyInfo(row.key);
    if (!info) {
      out.push(problem('rules.unknown_key', lang, { key: String(row.key) }, { key: row.key, index }));
      return;
    }
    const label = info.label[lang];
    const at = { key: row.key, scope: row.scope, index };
    const params = { label, scope: row.scope };
    if (info.scopes) {
      if (row.scope === undefined || !info.scopes.includes(row.scope)) {
        out.push(
          problem(
            'rules.invalid_scope',
            lang,
            { label, scope: String(row.scope), allowed: info.scopes.join(', ') },
            at,
          ),
        );
        return;
      }
    } else if (info.yearScope) {
      if (row.scope === undefined || !/^\d{4}$/.test(row.scope)) {
        out.push(
          problem('rules.invalid_scope', lang, { label, scope: String(row.scope), allowed: 'YYYY' }, at),
        );
        return;
      }
    } else if (row.scope !== undefined) {
      out.push(problem('rules.unexpected_scope', lang, { label, scope: row.scope }, at));
      return;
    }
    if (!valueIsValid(info.unit, row.value)) {
      out.push(
        problem(
          'rules.invalid_value',
          lang,
          { ...params, value: String(row.value), expected: EXPECTED[info.unit][lang] },
          at,
        ),
      );
    }
    if (!checkPeriod(row, params, at, lang, out)) return;
    const id = row.scope === undefined ? row.key : `${row.key}:${row.scope}`;
    let entry = series.get(id);
    if (!entry) {
      entry =
        row.scope === undefined ? { key: row.key, rows: [] } : { key: row.key, scope: row.scope, rows: [] };
      series.set(id, entry);
    }
    entry.rows.push({ validFrom: row.validFrom, validTo: row.validTo, index });
  });

  for (const entry of series.values()) {
    const info = ruleKeyInfo(entry.key)!;
    const params = { label: info.label[lang], scope: entry.scope };
    const at = { key: entry.key, scope: entry.scope };
    checkSeries(entry.rows, info.mandatory, params, at, lang, out);
    const last = entry.rows[entry.rows.length - 1]!;
    if (info.mandatory && last.validTo !== null) {
      out.push(
        problem('rules.no_open_end', lang, { ...params, to: last.validTo }, { ...at, severity: 'warning' }),
      );
    }
  }

  for (const [key, info] of Object.entries(RULE_KEYS) as [string, RuleKeyInfo][]) {
    if (!info.mandatory) continue;
    const label = info.label[lang];
    if (!info.scopes) {
      if (!series.has(key)) out.push(problem('rules.missing_key', lang, { key, label }, { key }));
      continue;
    }
    for (const scope of info.scopes) {
      if (!series.has(`${key}:${scope}`))
        out.push(problem('rules.missing_scope', lang, { label, scope }, { key, scope }));
    }
  }
  return out;
}

const CATEGORY_LIST = CATEGORIES.join(', ');

export function validateTopupRows(topups: readonly TopupRow[], lang: Lang = 'vi'): RuleProblem[] {
  const out: RuleProblem[] = [];
  const series = new Map<string, Dated[]>();
  const label = lang === 'en' ? 'Local top-up' : 'Hỗ trợ địa phương';
  topups.forEach((row, index) => {
    const scope = `${row.provinceCode}:${row.category}`;
    const at = { key: 'topup', scope, index };
    const params = { label, scope };
    let ok = true;
    if (typeof row.provinceCode !== 'string' || !isKnownProvinceCode(row.provinceCode)) {
      out.push(problem('rules.unknown_province', lang, { value: String(row.provinceCode) }, at));
      ok = false;
    }
    if (!(CATEGORIES as readonly string[]).includes(row.category)) {
      out.push(
        problem(
          'rules.unknown_category',
          lang,
          { value: String(row.category), categories: CATEGORY_LIST },
          at,
        ),
      );
      ok = false;
    }
    if (!valueIsValid('rate', row.value) || row.value > 1) {
      out.push(
        problem(
          'rules.invalid_value',
          lang,
          { ...params, value: String(row.value), expected: EXPECTED.rate[lang] },
          at,
        ),
      );
    }
    if (!checkPeriod(row, params, at, lang, out) || !ok) return;
    const list = series.get(scope) ?? [];
    list.push({ validFrom: row.validFrom, validTo: row.validTo, index });
    series.set(scope, list);
  });
  for (const [scope, list] of series) {
    checkSeries(list, false, { label, scope }, { key: 'topup', scope }, lang, out);
  }
  return out;
}

export function hasErrors(problems: readonly RuleProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
