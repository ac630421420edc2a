import { describe, expect, it } from 'vitest';
import { CALC_KINDS, calculate } from './calculate.ts';
import { createRuleBook } from './rules.book.ts';

const book = createRuleBook();

describe('calculate: the single entry point of CALC_CONTRACT.md', () => {
  it('knows the six kinds of the contract', () => {
    expect(CALC_KINDS).toEqual([
      'vsi-quote',
      'hhi-quote',
      'retirement-age',
      'pension',
      'lump-sum',
      'citizen-id',
    ]);
  });

  it.each([
    [
      'vsi-quote',
      { paymentDate: '2025-08-14', monthlyIncome: 1_500_000, mode: 'monthly', categories: ['poor'] },
      { total: 165_000 },
    ],
    ['hhi-quote', { paymentDate: '2025-01-10', members: 3, months: 12 }, { total: 2_906_280 }],
    ['retirement-age', { sex: 'M', birthMonth: '1966-03' }, { reachesAgeMonth: '2027-12' }],
    [
      'pension',
      { sex: 'M', contributionMonths: 292, retirementMonth: '2026-04', averageMonthlyIncome: 5_000_000 },
      { monthlyPension: 2_700_000 },
    ],
    [
      'lump-sum',
      { monthsBefore2014: 30, monthsFrom2014: 100, averageMonthlyIncome: 4_000_000 },
      { yearsFrom2014: 9 },
    ],
    ['citizen-id', { id: '001098012345' }, { valid: true }],
  ])('%s returns the contract result with steps', (kind, input, expected) => {
    const out = calculate(kind, input, { book });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.result).toMatchObject(expected);
    expect(out.result.steps.length).toBeGreaterThan(2);
    for (const step of out.result.steps) {
      expect(typeof step.label).toBe('string');
      expect(['string', 'number']).toContain(typeof step.value);
    }
    expect(JSON.parse(JSON.stringify(out.result))).toEqual(out.result);
  });

  it('refuses an unknown kind, in Vietnamese and English', () => {
    expect(calculate('pension-quote', {}, { book })).toEqual({
      ok: false,
      error: {
        code: 'calc.unknown_kind',
        message:
          'Loại phép tính “pension-quote” không tồn tại; chọn một trong: vsi-quote, hhi-quote, retirement-age, pension, lump-sum, citizen-id',
      },
    });
    const en = calculate('toString', {}, { book, lang: 'en' });
    expect(en.ok ? undefined : en.error.message).toBe(
      'Unknown calculation “toString”; choose one of: vsi-quote, hhi-quote, retirement-age, pension, lump-sum, citizen-id',
    );
  });

  it.each(CALC_KINDS)('%s refuses input that is not an object', (kind) => {
    for (const input of [undefined, null, 42, 'x', []]) {
      const out = calculate(kind, input, { book });
      expect(out.ok ? undefined : out.error.code).toBe('calc.invalid_input');
    }
  });
});
