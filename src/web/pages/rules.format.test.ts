import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { formatRuleValue, fromApiValue, inForce, scopeLabel, toApiValue } from './rules.format.ts';

// Echo the key and its parameters, so the test sees what would be translated.
const t = ((key: string, params?: Record<string, unknown>) =>
  params ? `${key}${JSON.stringify(params)}` : key) as unknown as TFunction;

describe('rules on screen', () => {
  it('writes each unit the Vietnamese way', () => {
    expect(formatRuleValue(2_340_000, 'vnd', t)).toBe('2.340.000 đ');
    expect(formatRuleValue(0.22, 'rate', t)).toBe('22%');
    expect(formatRuleValue(0.006583, 'decimal', t)).toBe('rules.valuePerMonth{"rate":"0,6583%"}');
    expect(formatRuleValue(120, 'months', t)).toBe('rules.valueMonths{"n":"120"}');
    expect(formatRuleValue(20, 'count', t)).toBe('20');
  });

  it('names scopes: a category, a sex, a member order', () => {
    expect(scopeLabel('vsi.support_pct', 'near_poor', t)).toBe('calc.category.near_poor');
    expect(scopeLabel('retire.age_months', 'F', t)).toBe('calc.projection.sexes.F');
    expect(scopeLabel('hhi.member_factor', '5', t)).toBe('rules.memberFrom{"n":"5"}');
    expect(scopeLabel('pension.income_adjustment', '2019', t)).toBe('2019');
    expect(scopeLabel('salary.base', undefined, t)).toBe('');
  });

  it('takes rates in percent and sends decimals without float noise', () => {
    expect(toApiValue(22, 'rate')).toBe(0.22);
    expect(toApiValue(0.6583, 'decimal')).toBe(0.006583);
    expect(toApiValue(2_530_000, 'vnd')).toBe(2_530_000);
    expect(fromApiValue(0.006583, 'decimal')).toBe(0.6583);
    expect(fromApiValue(0.07, 'rate')).toBe(7);
  });

  it('knows the row in force on a day, an open end included', () => {
    const row = { validFrom: '2024-07-01', validTo: null };
    expect(inForce(row, '2024-06-30')).toBe(false);
    expect(inForce(row, '2030-01-01')).toBe(true);
    expect(inForce({ validFrom: '2022-01-01', validTo: '2026-12-31' }, '2026-12-31')).toBe(true);
  });
});
