import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { fieldsOf, toParams } from './reports.model.ts';

describe('the parameters of an export', () => {
  it('progress by province takes the campaign, product and period, dates as YYYY-MM-DD', () => {
    expect(
      toParams({
        kind: 'progress',
        campaignId: 7,
        product: 'vsi',
        period: [dayjs('2026-05-01'), dayjs('2026-05-31')],
      }),
    ).toEqual({ groupBy: 'province', campaignId: 7, product: 'vsi', from: '2026-05-01', to: '2026-05-31' });
  });

  it('progress by unit drops a period left in the form: its figures are campaign totals', () => {
    expect(fieldsOf('progress', 'unit')).not.toContain('period');
    expect(
      toParams({ kind: 'progress', groupBy: 'unit', campaignId: 7, period: [dayjs('2026-05-01'), null] }),
    ).toEqual({ groupBy: 'unit', campaignId: 7 });
  });

  it('the win-back list takes a deadline range and a unit, never a campaign or a grouping', () => {
    expect(
      toParams({
        kind: 'lapsed',
        groupBy: 'agent',
        campaignId: 7,
        period: [null, dayjs('2026-01-31')],
        scopeUnitId: 12,
      }),
    ).toEqual({ to: '2026-01-31', scopeUnitId: 12 });
  });

  it('coverage takes its as-of day only', () => {
    expect(toParams({ kind: 'coverage', asOf: dayjs('2026-03-31'), product: 'hhi' })).toEqual({
      asOf: '2026-03-31',
    });
  });
});
