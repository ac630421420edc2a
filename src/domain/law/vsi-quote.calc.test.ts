import { describe, expect, it } from 'vitest';
import { createRuleBook } from './rules.book.ts';
import { setParameter } from './rules.edit.ts';
import { DEFAULT_RULE_ROWS, DEFAULT_TOPUP_ROWS } from './rules.seed.ts';
import { quoteVsi, type VsiQuoteInput, type VsiQuoteResult } from './vsi-quote.calc.ts';

const book = createRuleBook();

function quote(input: Partial<VsiQuoteInput>, lang: 'vi' | 'en' = 'vi'): VsiQuoteResult {
  const out = quoteVsi({ mode: 'monthly', ...input } as VsiQuoteInput, { book, lang });
  if (!out.ok) throw new Error(`${out.error.code}: ${out.error.message}`);
  return out.result;
}

/** Exact Σ item_i / (1+r)^(i−1) or Σ g × (1+r)^i with BigInt rationals, rounded half up: an independent reference. */
function exactSum(items: number[], r: number, compound: boolean): number {
  const SCALE = 10n ** 40n;
  const rate = BigInt(Math.round(r * 1e9));
  const q = SCALE + (rate * SCALE) / 10n ** 9n;
  let sum = 0n;
  let factor = SCALE;
  items.forEach((item) => {
    if (compound) factor = (factor * q) / SCALE;
    sum += BigInt(item) * factor;
    if (!compound) factor = (factor * SCALE) / q;
  });
  return Number((sum + SCALE / 2n) / SCALE);
}

describe('vsi-quote: the contract example', () => {
  it('a poor participant paying monthly at the floor on 2025-08-14 pays 165,000 after 165,000 of support', () => {
    const r = quote({ paymentDate: '2025-08-14', monthlyIncome: 1_500_000, categories: ['poor'] });
    expect(r).toMatchObject({
      months: 1,
      grossMonthly: 330_000,
      stateSupportMonthly: 165_000,
      localSupportMonthly: 0,
      netMonthly: 165_000,
      supportedMonths: 1,
      total: 165_000,
    });
    expect(r.ruleVersion).toMatch(/^2025-07-01\.[0-9a-f]{8}$/);
    expect(r.steps.map((s) => s.label)).toEqual([
      'Ngày đóng',
      'Phương thức đóng',
      'Hạn nộp',
      'Chuẩn nghèo nông thôn (thu nhập tối thiểu)',
      'Thu nhập lựa chọn',
      'Tỷ lệ đóng',
      'Mức đóng mỗi tháng (tỷ lệ đóng × thu nhập)',
      'Tỷ lệ Nhà nước hỗ trợ theo đối tượng (hộ nghèo)',
      'Tiền Nhà nước hỗ trợ mỗi tháng (tỷ lệ hỗ trợ × tỷ lệ đóng × chuẩn nghèo)',
      'Tiền địa phương hỗ trợ mỗi tháng',
      'Số tháng đã được hỗ trợ trước đây',
      'Số tháng được hỗ trợ trong lần đóng này (tối đa 120 tháng cả đời)',
      'Số tiền phải đóng mỗi tháng',
      'Số tháng',
      'Cách tính',
      'Tổng số tiền phải đóng',
    ]);
    expect(r.steps.map((s) => s.value)).toEqual([
      '14/08/2025',
      'hằng tháng',
      'Trong tháng đóng',
      1_500_000,
      1_500_000,
      '22%',
      330_000,
      '50%',
      165_000,
      0,
      0,
      1,
      165_000,
      1,
      'Tổng các tháng, mỗi tháng đã làm tròn đến đồng',
      165_000,
    ]);
  });

  it('speaks English when asked', () => {
    const r = quote({ paymentDate: '2025-08-14', monthlyIncome: 1_500_000, categories: ['poor'] }, 'en');
    expect(r.steps[0]).toEqual({ label: 'Payment date', value: '2025-08-14' });
    expect(r.steps[7]).toEqual({
      label: 'State support rate for the category (poor household)',
      value: '50%',
    });
    expect(r.steps.at(-1)).toEqual({ label: 'Total to pay', value: 165_000 });
  });
});

describe('vsi-quote: support', () => {
  it('the highest pct among several categories applies', () => {
    const r = quote({
      paymentDate: '2025-08-14',
      monthlyIncome: 1_500_000,
      categories: ['other', 'ethnic_minority', 'near_poor'],
    });
    expect(r.stateSupportMonthly).toBe(132_000);
  });

  it('support is the same amount whatever income is chosen', () => {
    const low = quote({ paymentDate: '2025-08-14', monthlyIncome: 1_500_000, categories: ['near_poor'] });
    const high = quote({ paymentDate: '2025-08-14', monthlyIncome: 20_000_000, categories: ['near_poor'] });
    expect([low.stateSupportMonthly, high.stateSupportMonthly]).toEqual([132_000, 132_000]);
    expect(high.netMonthly).toBe(4_400_000 - 132_000);
  });

  it('no support before 2018: a poor participant paid the full 154,000 in 2017', () => {
    const r = quote({ paymentDate: '2017-12-31', monthlyIncome: 700_000, categories: ['poor'] });
    expect([r.stateSupportMonthly, r.netMonthly, r.supportedMonths]).toEqual([0, 154_000, 0]);
  });

  it('an annual payment with 5 supported months left is supported for 5 months only', () => {
    const r = quote({
      paymentDate: '2025-08-14',
      monthlyIncome: 1_500_000,
      mode: 'annual',
      supportedMonthsUsed: 115,
    });
    expect(r).toMatchObject({
      months: 12,
      supportedMonths: 5,
      stateSupportMonthly: 66_000,
      netMonthly: 264_000,
    });
    expect(r.total).toBe(5 * 264_000 + 7 * 330_000);
  });

  it('after 120 supported months the participant pays the full amount', () => {
    const r = quote({
      paymentDate: '2025-08-14',
      monthlyIncome: 1_500_000,
      mode: 'quarterly',
      supportedMonthsUsed: 120,
      categories: ['poor'],
    });
    expect(r).toMatchObject({
      supportedMonths: 0,
      stateSupportMonthly: 0,
      netMonthly: 330_000,
      total: 990_000,
    });
  });
});

describe('vsi-quote: Hà Nội local top-up from 2026-01-01 (same base 22% × CN)', () => {
  const at = (date: string, categories: VsiQuoteInput['categories'], monthlyIncome = 1_500_000) =>
    quote({ paymentDate: date, monthlyIncome, categories, provinceCode: '01' });

  it.each([
    ['poor', 165_000, 165_000, 0],
    ['near_poor', 132_000, 198_000, 0],
    ['other', 66_000, 33_000, 231_000],
    ['ethnic_minority', 99_000, 33_000, 198_000],
  ] as const)('%s pays the floor after state %i and local %i: %i', (category, state, local, net) => {
    const r = at('2026-03-01', [category]);
    expect([r.stateSupportMonthly, r.localSupportMonthly, r.netMonthly]).toEqual([state, local, net]);
  });

  it('supports a person under one category: the highest state one, and the province follows it', () => {
    const r = at('2026-03-01', ['near_poor', 'poor']);
    expect([r.stateSupportMonthly, r.localSupportMonthly, r.netMonthly]).toEqual([165_000, 165_000, 0]);
    expect(at('2026-03-01', ['near_poor', 'poor'], 3_000_000).localSupportMonthly).toBe(165_000);
  });

  it('the top-up shows its rate as a step', () => {
    const r = at('2026-03-01', ['near_poor']);
    expect(r.steps).toContainEqual({ label: 'Tỷ lệ hỗ trợ thêm của địa phương (Hà Nội)', value: '60%' });
  });

  it('does not apply the day before 2026-01-01 and applies on that day', () => {
    expect(at('2025-12-31', ['poor']).localSupportMonthly).toBe(0);
    expect(at('2026-01-01', ['poor']).localSupportMonthly).toBe(165_000);
  });

  it('stays a fixed amount above the floor: a poor participant at 3,000,000 pays 330,000', () => {
    expect(at('2026-03-01', ['poor'], 3_000_000).netMonthly).toBe(330_000);
  });

  it('a province without a top-up adds nothing', () => {
    const r = quote({
      paymentDate: '2026-03-01',
      monthlyIncome: 1_500_000,
      categories: ['poor'],
      provinceCode: '79',
    });
    expect(r.localSupportMonthly).toBe(0);
  });
});

describe('vsi-quote: periodic modes are sums of rounded monthly items', () => {
  it.each([
    ['monthly', 1],
    ['quarterly', 3],
    ['semiannual', 6],
    ['annual', 12],
  ] as const)('%s covers %i months', (mode, months) => {
    const r = quote({ paymentDate: '2025-08-14', monthlyIncome: 2_000_000, mode });
    expect([r.months, r.grossMonthly, r.netMonthly, r.total]).toEqual([
      months,
      440_000,
      374_000,
      374_000 * months,
    ]);
  });

  it('semiannual shows its deadline: the first 4 months of the period', () => {
    const r = quote({ paymentDate: '2025-08-14', monthlyIncome: 2_000_000, mode: 'semiannual' });
    expect(r.steps).toContainEqual({ label: 'Hạn nộp', value: 'Trong 4 tháng đầu của kỳ 6 tháng' });
  });

  it('rounds each monthly amount half up to the đồng (income step set to 0 by an administrator)', () => {
    const edited = setParameter(
      DEFAULT_RULE_ROWS,
      {
        key: 'vsi.income_step',
        value: 0,
        validFrom: '2026-01-01',
        basis: 'test: any whole income',
        confidence: 'M',
      },
      { today: '2026-01-01' },
    );
    if (!edited.ok) throw new Error(edited.problems[0]?.message);
    const free = createRuleBook(edited.rows, DEFAULT_TOPUP_ROWS);
    const at = (monthlyIncome: number) => {
      const out = quoteVsi({ paymentDate: '2026-02-01', monthlyIncome, mode: 'quarterly' }, { book: free });
      return out.ok ? [out.result.grossMonthly, out.result.total] : out.error.code;
    };
    expect(at(1_502_275)).toEqual([330_501, 3 * (330_501 - 66_000)]); // 330,500.5 rounds up
    expect(at(1_502_272)).toEqual([330_500, 3 * (330_500 - 66_000)]); // 330,499.84 rounds up
    expect(at(1_502_270)).toEqual([330_499, 3 * (330_499 - 66_000)]); // 330,499.4 rounds down
  });
});

describe('vsi-quote: advance payment', () => {
  it('discounts each month by (1+r)^(i−1) and rounds once', () => {
    const r = quote({
      paymentDate: '2025-08-14',
      monthlyIncome: 1_500_000,
      categories: ['poor'],
      mode: 'advance',
      months: 24,
      fundRate: 0.005,
    });
    expect(r.total).toBe(3_741_487);
    expect(r.total).toBe(exactSum(Array(24).fill(165_000), 0.005, false));
    expect(r.supportedMonths).toBe(24);
  });

  it('carries support only while the 120-month cap lasts', () => {
    const r = quote({
      paymentDate: '2025-08-14',
      monthlyIncome: 1_500_000,
      categories: ['poor'],
      mode: 'advance',
      months: 24,
      fundRate: 0.005,
      supportedMonthsUsed: 110,
    });
    expect(r.supportedMonths).toBe(10);
    expect(r.total).toBe(5_869_429);
    expect(r.total).toBe(exactSum([...Array(10).fill(165_000), ...Array(14).fill(330_000)], 0.005, false));
  });

  it('uses the recorded 2017 rate r = 0.6583% when no fundRate is given', () => {
    const r = quote({ paymentDate: '2017-03-01', monthlyIncome: 1_350_000, mode: 'advance', months: 12 });
    expect(r.total).toBe(3_438_558);
    expect(r.steps).toContainEqual({ label: 'Lãi suất đầu tư quỹ bình quân tháng (r)', value: '0,6583%' });
  });

  it('a given fundRate overrides the recorded one and is shown as given', () => {
    const r = quote({
      paymentDate: '2017-03-01',
      monthlyIncome: 1_350_000,
      mode: 'advance',
      months: 12,
      fundRate: 0,
    });
    expect(r.total).toBe(12 * 297_000);
    expect(r.steps).toContainEqual({
      label: 'Lãi suất đầu tư quỹ bình quân tháng (r, nhập vào)',
      value: '0%',
    });
  });
});

describe('vsi-quote: back payment', () => {
  // The VSS example "12,000,000 × 66 months at r = 0.6583%": 12,000,000 is the chosen monthly income, not
  // the contribution. A contribution of 12,000,000 is impossible (the most ever was 10,296,000), while an
  // income of 12,000,000 was within the 2017 range (700,000 to 26,000,000). Gross = 2,640,000.
  it('reproduces the VSS example: income 12,000,000, 66 months at r = 0.6583% in 2017', () => {
    const r = quote({ paymentDate: '2017-06-15', monthlyIncome: 12_000_000, mode: 'backpay', months: 66 });
    const reference = exactSum(Array(66).fill(2_640_000), 0.006583, true);
    expect(Math.abs(r.total - reference)).toBeLessThanOrEqual(2);
    expect(r.total).toBe(218_774_491);
    expect(r).toMatchObject({
      grossMonthly: 2_640_000,
      stateSupportMonthly: 0,
      localSupportMonthly: 0,
      netMonthly: 2_640_000,
      supportedMonths: 0,
    });
  });

  it('never applies support, even for the poor in Hà Nội', () => {
    const r = quote({
      paymentDate: '2026-03-01',
      monthlyIncome: 1_500_000,
      mode: 'backpay',
      months: 12,
      categories: ['poor'],
      provinceCode: '01',
      fundRate: 0,
    });
    expect([r.stateSupportMonthly, r.localSupportMonthly, r.total]).toEqual([0, 0, 12 * 330_000]);
  });

  it('allows 120 months under the old law and 60 from 2025-07-01', () => {
    expect(
      quote({
        paymentDate: '2025-06-30',
        monthlyIncome: 1_500_000,
        mode: 'backpay',
        months: 120,
        fundRate: 0,
      }).total,
    ).toBe(120 * 330_000);
    expect(
      quote({ paymentDate: '2025-07-01', monthlyIncome: 1_500_000, mode: 'backpay', months: 60, fundRate: 0 })
        .total,
    ).toBe(60 * 330_000);
  });
});
