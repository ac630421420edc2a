import type { Step } from './calc.input.ts';
import { LABELS } from './calc.labels.ts';
import { formatPpmPercent, type Lang } from './law.format.ts';
import { mulDivRound, PPM, toPpm } from './law.money.ts';
import { provincesAt } from './provinces.data.ts';
import { param } from './rules.book.ts';
import {
  CATEGORIES,
  type Category,
  PERIODIC_MODES,
  type PeriodicMode,
  type RuleSet,
  VSI_MODES,
  type VsiMode,
} from './rules.types.ts';

/**
 * The VSI parameters of one rule set, resolved once and cached per rule set: support amounts per category
 * (fixed whatever the income), the income range, modes, and the step texts that do not depend on the
 * person. This is what keeps a quote to a few map lookups and integer operations.
 */

/**
 * Steps whose label and value depend only on the rule set and language. They are frozen and shared by
 * every result of that rule set: a quote then allocates only the steps that carry the person's numbers.
 */
export interface VsiSteps {
  readonly mode: Readonly<Record<VsiMode, Step>>;
  readonly deadline: Readonly<Record<VsiMode, Step>>;
  readonly povertyLine: Step;
  readonly rate: Step;
  readonly supportPct: Readonly<Record<Category, Step>>;
  readonly method: Readonly<Record<VsiMode, Step>>;
  /** The recorded fund rate r, when one is in force. */
  readonly fundRate: Step | undefined;
  readonly supportedMonthsLabel: string;
}

export interface LocalTopup {
  /** The step showing the top-up rate, per language and category. */
  readonly pctStep: Readonly<Record<Lang, Readonly<Record<Category, Step>>>>;
  /** The top-up rate a category gets: its own row, else the province's "other" row, else 0. */
  readonly ppm: Readonly<Record<Category, number>>;
  readonly amount: Readonly<Record<Category, number>>;
}

export interface VsiRules {
  readonly missing?: undefined;
  readonly date: string;
  readonly povertyLine: number;
  readonly ratePpm: number;
  readonly step: number;
  readonly multiplier: number;
  readonly ceilingBase: 'reference' | 'salary';
  readonly ceiling: number;
  readonly supportPpm: Readonly<Record<Category, number>>;
  readonly supportAmount: Readonly<Record<Category, number>>;
  readonly capMonths: number;
  readonly advanceMax: number;
  readonly backpayMax: number;
  readonly modeMonths: Readonly<Record<PeriodicMode, number>>;
  readonly fundRate: number | undefined;
  readonly steps: Readonly<Record<Lang, VsiSteps>>;
  readonly local: Map<string, LocalTopup | null>;
}

export interface VsiMissing {
  readonly missing: { readonly key: string; readonly scope?: string };
}

const cache = new WeakMap<RuleSet, VsiRules | VsiMissing>();

class Missing extends Error {
  constructor(
    readonly key: string,
    readonly scope?: string,
  ) {
    super(key);
  }
}

function need(rules: RuleSet, key: string, scope?: string): number {
  const value = param(rules, key, scope);
  if (value === undefined) throw new Missing(key, scope);
  return value;
}

function perCategory<T>(fn: (c: Category) => T): Record<Category, T> {
  const out = {} as Record<Category, T>;
  for (const c of CATEGORIES) out[c] = fn(c);
  return out;
}

function step(label: string, value: number | string): Step {
  return Object.freeze({ label, value });
}

function constantSteps(
  lang: Lang,
  povertyLine: number,
  ratePpm: number,
  supportPpm: Record<Category, number>,
  modeMonths: Record<PeriodicMode, number>,
  deadlines: Record<PeriodicMode, number>,
  capMonths: number,
  fundRate: number | undefined,
): VsiSteps {
  const L = LABELS[lang];
  const deadline = {} as Record<VsiMode, Step>;
  const mode = {} as Record<VsiMode, Step>;
  const method = {} as Record<VsiMode, Step>;
  for (const m of PERIODIC_MODES) {
    const text =
      modeMonths[m] === 1 ? L.vsi.deadlineMonthly : L.vsi.deadlinePeriod(deadlines[m], modeMonths[m]);
    deadline[m] = step(L.vsi.deadline, text);
    method[m] = step(L.vsi.method, L.vsi.periodicMethod);
  }
  deadline.advance = step(L.vsi.deadline, L.vsi.deadlineRegistration);
  deadline.backpay = deadline.advance;
  method.advance = step(L.vsi.method, L.vsi.advanceMethod);
  method.backpay = step(L.vsi.method, L.vsi.backpayMethod);
  for (const m of VSI_MODES) mode[m] = step(L.vsi.mode, L.mode[m]);
  const fundPpm = fundRate === undefined ? Number.NaN : Math.round(fundRate * PPM);
  return Object.freeze({
    mode: Object.freeze(mode),
    deadline: Object.freeze(deadline),
    povertyLine: step(L.vsi.povertyLine, povertyLine),
    rate: step(L.vsi.rate, formatPpmPercent(ratePpm, lang)),
    supportPct: Object.freeze(
      perCategory((c) => step(L.vsi.supportPct(L.category[c]), formatPpmPercent(supportPpm[c], lang))),
    ),
    method: Object.freeze(method),
    fundRate: Number.isNaN(fundPpm) ? undefined : step(L.vsi.fundRate, formatPpmPercent(fundPpm, lang)),
    supportedMonthsLabel: L.vsi.supportedMonths(capMonths),
  });
}

function build(rules: RuleSet): VsiRules {
  const povertyLine = need(rules, 'vsi.poverty_line');
  const ratePpm = toPpm(need(rules, 'vsi.contribution_rate'));
  const multiplier = need(rules, 'vsi.max_income_multiplier');
  const reference = param(rules, 'salary.reference');
  const base = reference ?? need(rules, 'salary.base');
  const supportPpm = perCategory((c) => toPpm(need(rules, 'vsi.support_pct', c)));
  const modeMonths = {} as Record<PeriodicMode, number>;
  const deadlines = {} as Record<PeriodicMode, number>;
  for (const mode of PERIODIC_MODES) {
    modeMonths[mode] = need(rules, 'vsi.mode_months', mode);
    deadlines[mode] = need(rules, 'vsi.mode_deadline_months', mode);
  }
  const capMonths = need(rules, 'vsi.support_cap_months');
  const fundRate = param(rules, 'vsi.fund_rate');
  return {
    date: rules.validFrom,
    povertyLine,
    ratePpm,
    step: need(rules, 'vsi.income_step'),
    multiplier,
    ceilingBase: reference === undefined ? 'salary' : 'reference',
    ceiling: multiplier * base,
    supportPpm: Object.freeze(supportPpm),
    supportAmount: Object.freeze(
      perCategory((c) => mulDivRound(supportPpm[c], ratePpm, povertyLine, PPM * PPM)),
    ),
    capMonths,
    advanceMax: need(rules, 'vsi.advance_max_months'),
    backpayMax: need(rules, 'vsi.backpay_max_months'),
    modeMonths: Object.freeze(modeMonths),
    fundRate,
    steps: {
      vi: constantSteps('vi', povertyLine, ratePpm, supportPpm, modeMonths, deadlines, capMonths, fundRate),
      en: constantSteps('en', povertyLine, ratePpm, supportPpm, modeMonths, deadlines, capMonths, fundRate),
    },
    local: new Map(),
  };
}

/** The VSI view of a rule set, or which parameter is missing on that day. */
export function vsiRules(rules: RuleSet): VsiRules | VsiMissing {
  let v = cache.get(rules);
  if (v === undefined) {
    try {
      v = build(rules);
    } catch (err) {
      if (!(err instanceof Missing)) throw err;
      v = { missing: err.scope === undefined ? { key: err.key } : { key: err.key, scope: err.scope } };
    }
    cache.set(rules, v);
  }
  return v;
}

/** The local top-up of a province in a rule set, or null when it has none in force. */
export function localTopup(rules: RuleSet, v: VsiRules, provinceCode: string): LocalTopup | null {
  let t = v.local.get(provinceCode);
  if (t !== undefined) return t;
  const rows = rules.topups[provinceCode];
  if (!rows) t = null;
  else {
    const ppm = perCategory((c) => toPpm(rows[c] ?? rows.other ?? 0));
    const name = provincesAt(rules.validFrom)[provinceCode] ?? provinceCode;
    const pctSteps = (lang: Lang) =>
      Object.freeze(
        perCategory((c) => step(LABELS[lang].vsi.localPct(name), formatPpmPercent(ppm[c], lang))),
      );
    t = Object.freeze({
      pctStep: Object.freeze({ vi: pctSteps('vi'), en: pctSteps('en') }),
      ppm: Object.freeze(ppm),
      amount: Object.freeze(perCategory((c) => mulDivRound(ppm[c], v.ratePpm, v.povertyLine, PPM * PPM))),
    });
  }
  v.local.set(provinceCode, t);
  return t;
}
