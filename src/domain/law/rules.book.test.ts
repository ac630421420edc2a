import { describe, expect, it } from 'vitest';
import {
  createRuleBook,
  LawError,
  latestRules,
  paramAt,
  paramCoverage,
  rulesAt,
  shortHash,
} from './rules.book.ts';
import { setParameter } from './rules.edit.ts';
import { DEFAULT_RULE_ROWS, DEFAULT_TOPUP_ROWS } from './rules.seed.ts';

const book = createRuleBook();

/**
 * RULES.md as a table of [key, scope, date, value], written by hand from the document, with the day
 * before and the day of every change. `undefined` means "not in force on that day".
 */
const LAW: [string, string | undefined, string, number | undefined][] = [
  ['vsi.poverty_line', undefined, '2016-01-01', 700_000],
  ['vsi.poverty_line', undefined, '2021-12-31', 700_000],
  ['vsi.poverty_line', undefined, '2022-01-01', 1_500_000],
  ['vsi.poverty_line', undefined, '2026-12-31', 1_500_000],
  ['vsi.poverty_line', undefined, '2027-01-01', 2_200_000],
  ['vsi.poverty_line', undefined, '2030-12-31', 2_200_000],
  ['vsi.poverty_line', undefined, '2031-01-01', undefined],
  ['salary.base', undefined, '2016-04-30', 1_150_000],
  ['salary.base', undefined, '2016-05-01', 1_210_000],
  ['salary.base', undefined, '2017-06-30', 1_210_000],
  ['salary.base', undefined, '2017-07-01', 1_300_000],
  ['salary.base', undefined, '2018-06-30', 1_300_000],
  ['salary.base', undefined, '2018-07-01', 1_390_000],
  ['salary.base', undefined, '2019-06-30', 1_390_000],
  ['salary.base', undefined, '2019-07-01', 1_490_000],
  ['salary.base', undefined, '2023-06-30', 1_490_000],
  ['salary.base', undefined, '2023-07-01', 1_800_000],
  ['salary.base', undefined, '2024-06-30', 1_800_000],
  ['salary.base', undefined, '2024-07-01', 2_340_000],
  ['salary.base', undefined, '2040-01-01', 2_340_000],
  ['salary.reference', undefined, '2025-06-30', undefined],
  ['salary.reference', undefined, '2025-07-01', 2_340_000],
  ['vsi.contribution_rate', undefined, '2016-01-01', 0.22],
  ['vsi.contribution_rate', undefined, '2025-07-01', 0.22],
  ['vsi.income_step', undefined, '2025-07-01', 50_000],
  ['vsi.max_income_multiplier', undefined, '2025-07-01', 20],
  ['vsi.support_pct', 'poor', '2017-12-31', 0],
  ['vsi.support_pct', 'poor', '2018-01-01', 0.3],
  ['vsi.support_pct', 'near_poor', '2018-01-01', 0.25],
  ['vsi.support_pct', 'ethnic_minority', '2018-01-01', 0.1],
  ['vsi.support_pct', 'island_commune', '2018-01-01', 0.1],
  ['vsi.support_pct', 'other', '2018-01-01', 0.1],
  ['vsi.support_pct', 'poor', '2025-06-30', 0.3],
  ['vsi.support_pct', 'poor', '2025-07-01', 0.5],
  ['vsi.support_pct', 'near_poor', '2025-07-01', 0.4],
  ['vsi.support_pct', 'ethnic_minority', '2025-07-01', 0.3],
  ['vsi.support_pct', 'island_commune', '2025-07-01', 0.5],
  ['vsi.support_pct', 'other', '2025-07-01', 0.2],
  ['vsi.support_cap_months', undefined, '2020-01-01', 120],
  ['vsi.support_cap_months', undefined, '2026-01-01', 120],
  ['vsi.mode_months', 'annual', '2025-07-01', 12],
  ['vsi.mode_deadline_months', 'semiannual', '2025-07-01', 4],
  ['vsi.mode_deadline_months', 'annual', '2024-01-01', 7],
  ['vsi.advance_max_months', undefined, '2025-07-01', 60],
  ['vsi.backpay_max_months', undefined, '2025-06-30', 120],
  ['vsi.backpay_max_months', undefined, '2025-07-01', 60],
  ['vsi.fund_rate', undefined, '2016-12-31', undefined],
  ['vsi.fund_rate', undefined, '2017-01-01', 0.006583],
  ['vsi.fund_rate', undefined, '2017-12-31', 0.006583],
  ['vsi.fund_rate', undefined, '2018-01-01', undefined],
  ['hhi.contribution_rate', undefined, '2018-11-30', 0.045],
  ['hhi.contribution_rate', undefined, '2018-12-01', 0.045],
  ['hhi.member_factor', '2', '2025-01-10', 0.7],
  ['hhi.member_factor', '5', '2025-01-10', 0.4],
  ['retire.age_months', 'M', '2020-12-31', 720],
  ['retire.age_months', 'M', '2021-01-01', 723],
  ['retire.age_months', 'M', '2022-06-01', 726],
  ['retire.age_months', 'M', '2027-12-31', 741],
  ['retire.age_months', 'M', '2028-01-01', 744],
  ['retire.age_months', 'M', '2060-01-01', 744],
  ['retire.age_months', 'F', '2020-12-31', 660],
  ['retire.age_months', 'F', '2021-01-01', 664],
  ['retire.age_months', 'F', '2022-06-01', 668],
  ['retire.age_months', 'F', '2034-12-31', 716],
  ['retire.age_months', 'F', '2035-01-01', 720],
  ['retire.transitional_age_months', 'M', '2025-06-30', undefined],
  ['retire.transitional_age_months', 'M', '2025-07-01', 720],
  ['pension.min_years', undefined, '2025-06-30', 20],
  ['pension.min_years', undefined, '2025-07-01', 15],
  ['pension.base_years', 'M', '2017-12-31', 15],
  ['pension.base_years', 'M', '2018-01-01', 16],
  ['pension.base_years', 'M', '2019-01-01', 17],
  ['pension.base_years', 'M', '2020-01-01', 18],
  ['pension.base_years', 'M', '2021-01-01', 19],
  ['pension.base_years', 'M', '2022-01-01', 20],
  ['pension.base_years', 'F', '2022-01-01', 15],
  ['pension.step_rate', 'F', '2017-12-31', 0.03],
  ['pension.step_rate', 'F', '2018-01-01', 0.02],
  ['pension.step_rate', 'M', '2017-12-31', 0.02],
  ['pension.low_base_rate', 'M', '2025-06-30', undefined],
  ['pension.low_base_rate', 'M', '2025-07-01', 0.4],
  ['pension.low_step_rate', 'M', '2025-07-01', 0.01],
  ['pension.max_rate', undefined, '2025-07-01', 0.75],
  ['pension.lump_threshold_years', 'M', '2025-07-01', 35],
  ['pension.lump_threshold_years', 'F', '2025-07-01', 30],
  ['pension.income_adjustment', '2008', '2026-01-01', 2.29],
  ['pension.income_adjustment', '2019', '2026-06-30', 1.2],
  ['pension.income_adjustment', '2025', '2026-12-31', 1],
  ['pension.income_adjustment', '2025', '2027-01-01', undefined],
  ['lump.multiplier_before_2014', undefined, '2025-07-01', 1.5],
  ['lump.multiplier_from_2014', undefined, '2020-01-01', 2],
  ['benefit.funeral_multiplier', undefined, '2025-07-01', 10],
  ['benefit.maternity_allowance', undefined, '2025-06-30', undefined],
  ['benefit.maternity_allowance', undefined, '2025-07-01', 2_000_000],
  ['benefit.social_pension', undefined, '2025-07-01', 500_000],
];

describe('the seed rows say what RULES.md says', () => {
  it.each(LAW)('%s [%s] on %s is %s', (key, scope, date, value) => {
    expect(paramAt(book, key, date, scope)).toBe(value);
  });

  it('Hà Nội top-ups start on 2026-01-01', () => {
    expect(rulesAt(book, '2025-12-31').topups['01']).toBeUndefined();
    expect(rulesAt(book, '2026-01-01').topups['01']).toEqual({ poor: 0.5, near_poor: 0.6, other: 0.1 });
  });

  it('cites a legal basis on every row', () => {
    for (const row of [...DEFAULT_RULE_ROWS, ...DEFAULT_TOPUP_ROWS])
      expect(row.basis.length).toBeGreaterThan(5);
  });
});

describe('rulesAt', () => {
  it('starts on 2016-01-01, when every mandatory parameter is in force', () => {
    expect(book.firstDate).toBe('2016-01-01');
    expect(() => rulesAt(book, '2015-12-31')).toThrow(LawError);
    try {
      rulesAt(book, '2015-12-31');
    } catch (err) {
      expect((err as LawError).code).toBe('calc.date_out_of_range');
    }
  });

  it('refuses a date that does not exist', () => {
    expect(() => rulesAt(book, '2025-13-01')).toThrow(expect.objectContaining({ code: 'calc.invalid_date' }));
  });

  it('returns one frozen set per version, with a stable id', () => {
    const a = rulesAt(book, '2025-08-14');
    const b = rulesAt(book, '2025-12-31');
    expect(a).toBe(b);
    expect(Object.isFrozen(a) && Object.isFrozen(a.values) && Object.isFrozen(a.topups)).toBe(true);
    expect(a.id).toMatch(/^2025-07-01\.[0-9a-f]{8}$/);
    expect([a.validFrom, a.validTo]).toEqual(['2025-07-01', '2025-12-31']);
    expect(rulesAt(book, '2026-01-01').id).not.toBe(a.id);
    expect(rulesAt(createRuleBook(), '2025-08-14').id).toBe(a.id);
  });

  it('has an open-ended last version', () => {
    expect(latestRules(book).validTo).toBeNull();
    expect(rulesAt(book, '2099-01-01')).toBe(latestRules(book));
  });

  it('changes ids only from the date a future value takes effect', () => {
    const edited = setParameter(
      DEFAULT_RULE_ROWS,
      {
        key: 'salary.base',
        value: 2_530_000,
        validFrom: '2026-07-01',
        basis: 'Decree (test)',
        confidence: 'M',
      },
      { today: '2026-01-15' },
    );
    if (!edited.ok) throw new Error(edited.problems[0]?.message);
    const next = createRuleBook(edited.rows, DEFAULT_TOPUP_ROWS);
    for (const date of ['2016-01-01', '2024-07-01', '2026-03-01', '2026-06-30']) {
      expect(rulesAt(next, date).id).toBe(rulesAt(book, date).id);
    }
    expect(rulesAt(next, '2026-07-01').id).not.toBe(rulesAt(book, '2026-07-01').id);
    expect(paramAt(next, 'salary.base', '2026-07-01')).toBe(2_530_000);
  });

  it('refuses to build a book from overlapping rows', () => {
    const bad = [...DEFAULT_RULE_ROWS, { ...DEFAULT_RULE_ROWS[0]!, value: 800_000 }];
    expect(() => createRuleBook(bad)).toThrow(expect.objectContaining({ code: 'rules.invalid' }));
  });
});

describe('helpers', () => {
  it('shortHash is 32-bit FNV-1a', () => {
    expect(shortHash('')).toBe('811c9dc5');
    expect(shortHash('a')).toBe('e40c292c');
  });

  it('paramCoverage spans a parameter from its first start to its last end', () => {
    expect(paramCoverage(book, 'vsi.poverty_line')).toEqual({ from: '2016-01-01', to: '2030-12-31' });
    expect(paramCoverage(book, 'salary.base')).toEqual({ from: '2013-07-01', to: null });
    expect(paramCoverage(book, 'nothing')).toBeUndefined();
  });
});
