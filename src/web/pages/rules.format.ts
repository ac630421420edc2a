/**
 * How the law parameters read on screen: a value in its unit (đồng, months, %, r), a scope in words,
 * and which row of a series is in force on a day.
 */
import type { TFunction } from 'i18next';
import { CATEGORIES, PERIODIC_MODES, type RuleUnit, SEXES } from '../../domain/law/index.ts';
import { formatNumber, formatRate, formatVnd } from '../format.ts';

export function formatRuleValue(value: number, unit: RuleUnit, t: TFunction): string {
  switch (unit) {
    case 'vnd':
      return formatVnd(value);
    case 'months':
      return t('rules.valueMonths', { n: formatNumber(value) });
    case 'years':
      return t('rules.valueYears', { n: formatNumber(value) });
    case 'rate':
      return formatRate(value);
    case 'decimal':
      return t('rules.valuePerMonth', { rate: formatRate(value) });
    default:
      return String(value).replace('.', ',');
  }
}

const HHI_MODES = ['quarterly', 'semiannual', 'annual'];

export function scopeLabel(key: string, scope: string | undefined, t: TFunction): string {
  if (scope === undefined) return '';
  if ((CATEGORIES as readonly string[]).includes(scope)) return t(`calc.category.${scope}`);
  if ((SEXES as readonly string[]).includes(scope)) return t(`calc.projection.sexes.${scope}`);
  if ((PERIODIC_MODES as readonly string[]).includes(scope) || HHI_MODES.includes(scope)) {
    return t(`calc.modes.${scope}`);
  }
  if (key === 'hhi.member_factor') {
    return t(scope === '5' ? 'rules.memberFrom' : 'rules.member', { n: scope });
  }
  return scope;
}

export function inForce(row: { validFrom: string; validTo: string | null }, date: string): boolean {
  return row.validFrom <= date && (row.validTo === null || date <= row.validTo);
}

/** What an administrator types, in the unit people use (percent for rates), → the API's value. */
export function toApiValue(input: number, unit: RuleUnit): number {
  if (unit === 'rate' || unit === 'decimal') return Math.round(input * 1e8) / 1e10;
  return input;
}

/** The inverse of `toApiValue`, to show the value in force in the same unit as the input. */
export function fromApiValue(value: number, unit: RuleUnit): number {
  if (unit === 'rate' || unit === 'decimal') return Math.round(value * 1e10) / 1e8;
  return value;
}

/** The text of the input's unit, after the number. */
export function inputSuffix(unit: RuleUnit, t: TFunction): string | undefined {
  if (unit === 'vnd') return 'đ';
  if (unit === 'rate') return '%';
  if (unit === 'decimal') return t('rules.percentPerMonth');
  if (unit === 'months') return t('rules.unitMonths');
  if (unit === 'years') return t('rules.unitYears');
  return undefined;
}
