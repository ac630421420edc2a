import { describe, expect, it } from 'vitest';
import { setParameter, setTopup } from './rules.edit.ts';
import { DEFAULT_RULE_ROWS, DEFAULT_TOPUP_ROWS } from './rules.seed.ts';
import type { RuleRow } from './rules.types.ts';

const lcs = (rows: readonly RuleRow[]) =>
  rows.filter((r) => r.key === 'salary.base').map((r) => [r.value, r.validFrom, r.validTo]);

describe('setParameter', () => {
  it('closes the open row the day before and adds the new value from the date', () => {
    const out = setParameter(
      DEFAULT_RULE_ROWS,
      {
        key: 'salary.base',
        value: 2_530_000,
        validFrom: '2026-07-01',
        basis: 'Decree (test)',
        confidence: 'H',
      },
      { today: '2026-05-01' },
    );
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(lcs(out.rows).slice(-2)).toEqual([
      [2_340_000, '2024-07-01', '2026-06-30'],
      [2_530_000, '2026-07-01', null],
    ]);
    expect(lcs(out.rows).slice(0, -2)).toEqual(lcs(DEFAULT_RULE_ROWS).slice(0, -1));
    expect(out.rows.length).toBe(DEFAULT_RULE_ROWS.length + 1);
  });

  it('never mutates the rows it was given', () => {
    const before = JSON.stringify(DEFAULT_RULE_ROWS);
    setParameter(
      DEFAULT_RULE_ROWS,
      { key: 'salary.base', value: 2_530_000, validFrom: '2026-07-01', basis: 'x', confidence: 'H' },
      { today: '2026-05-01' },
    );
    expect(JSON.stringify(DEFAULT_RULE_ROWS)).toBe(before);
  });

  it('refuses to change a period before today', () => {
    const out = setParameter(
      DEFAULT_RULE_ROWS,
      { key: 'salary.base', value: 2_530_000, validFrom: '2026-01-01', basis: 'x', confidence: 'H' },
      { today: '2026-05-01' },
    );
    expect(out).toEqual({
      ok: false,
      problems: [
        {
          code: 'rules.change_in_past',
          severity: 'error',
          message:
            'Không thể sửa giai đoạn đã qua: ngày hiệu lực 01/01/2026 trước ngày hôm nay 01/05/2026; chọn ngày từ 01/05/2026 trở đi',
        },
      ],
    });
  });

  it('a bounded change keeps the value that follows it', () => {
    const out = setParameter(
      DEFAULT_RULE_ROWS,
      {
        key: 'vsi.poverty_line',
        value: 1_800_000,
        validFrom: '2026-07-01',
        validTo: '2026-09-30',
        basis: 'x',
        confidence: 'M',
      },
      { today: '2026-05-01' },
    );
    if (!out.ok) throw new Error(out.problems[0]?.message);
    expect(
      out.rows.filter((r) => r.key === 'vsi.poverty_line').map((r) => [r.value, r.validFrom, r.validTo]),
    ).toEqual([
      [700_000, '2016-01-01', '2021-12-31'],
      [1_500_000, '2022-01-01', '2026-06-30'],
      [1_800_000, '2026-07-01', '2026-09-30'],
      [1_500_000, '2026-10-01', '2026-12-31'],
      [2_200_000, '2027-01-01', '2030-12-31'],
    ]);
  });

  it('an open change replaces the future values after it', () => {
    const out = setParameter(
      DEFAULT_RULE_ROWS,
      { key: 'vsi.poverty_line', value: 2_000_000, validFrom: '2026-07-01', basis: 'x', confidence: 'M' },
      { today: '2026-05-01' },
    );
    if (!out.ok) throw new Error(out.problems[0]?.message);
    expect(
      out.rows.filter((r) => r.key === 'vsi.poverty_line').map((r) => [r.value, r.validFrom, r.validTo]),
    ).toEqual([
      [700_000, '2016-01-01', '2021-12-31'],
      [1_500_000, '2022-01-01', '2026-06-30'],
      [2_000_000, '2026-07-01', null],
    ]);
    expect(out.warnings).toEqual([]);
  });

  it('records a fund rate for a year', () => {
    const out = setParameter(
      DEFAULT_RULE_ROWS,
      {
        key: 'vsi.fund_rate',
        value: 0.0052,
        validFrom: '2026-01-01',
        validTo: '2026-12-31',
        basis: 'VSS 2026',
        confidence: 'H',
      },
      { today: '2026-01-01' },
    );
    expect(out.ok && out.rows.at(-1)).toEqual({
      key: 'vsi.fund_rate',
      value: 0.0052,
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      basis: 'VSS 2026',
      confidence: 'H',
    });
  });

  it('refuses values the key cannot hold', () => {
    const out = setParameter(
      DEFAULT_RULE_ROWS,
      { key: 'vsi.poverty_line', value: -1, validFrom: '2027-01-01', basis: 'x', confidence: 'M' },
      { today: '2026-05-01' },
    );
    expect(out.ok ? [] : out.problems.map((p) => p.code)).toEqual(['rules.invalid_value']);
  });

  it('refuses an invalid date', () => {
    const out = setParameter(
      DEFAULT_RULE_ROWS,
      { key: 'vsi.poverty_line', value: 1, validFrom: '2027-02-30', basis: 'x', confidence: 'M' },
      { today: '2026-05-01' },
    );
    expect(out.ok ? [] : out.problems.map((p) => p.code)).toEqual(['rules.invalid_date']);
  });
});

describe('setTopup', () => {
  it('adds a province top-up and closes the previous one the day before', () => {
    const out = setTopup(
      DEFAULT_TOPUP_ROWS,
      {
        provinceCode: '01',
        category: 'poor',
        value: 0.3,
        validFrom: '2027-01-01',
        basis: 'Resolution (test)',
        confidence: 'H',
      },
      { today: '2026-06-01' },
    );
    if (!out.ok) throw new Error(out.problems[0]?.message);
    expect(
      out.rows.filter((t) => t.category === 'poor').map((t) => [t.value, t.validFrom, t.validTo]),
    ).toEqual([
      [0.5, '2026-01-01', '2026-12-31'],
      [0.3, '2027-01-01', null],
    ]);
  });

  it('refuses an unknown province', () => {
    const out = setTopup(
      DEFAULT_TOPUP_ROWS,
      {
        provinceCode: '99',
        category: 'poor',
        value: 0.3,
        validFrom: '2027-01-01',
        basis: 'x',
        confidence: 'H',
      },
      { today: '2026-06-01' },
    );
    expect(out.ok ? [] : out.problems.map((p) => p.code)).toEqual(['rules.unknown_province']);
  });

  it('refuses a change in the past', () => {
    const out = setTopup(
      DEFAULT_TOPUP_ROWS,
      {
        provinceCode: '79',
        category: 'poor',
        value: 0.3,
        validFrom: '2026-01-01',
        basis: 'x',
        confidence: 'H',
      },
      { today: '2026-06-01' },
    );
    expect(out.ok ? [] : out.problems.map((p) => p.code)).toEqual(['rules.change_in_past']);
  });
});
