import { describe, expect, it } from 'vitest';
import type { CalcError } from './calc.input.ts';
import { createRuleBook } from './rules.book.ts';
import { quoteVsi } from './vsi-quote.calc.ts';

const book = createRuleBook();

function error(input: unknown, lang: 'vi' | 'en' = 'vi'): CalcError {
  const out = quoteVsi(input as never, { book, lang });
  if (out.ok) throw new Error('expected an error');
  return out.error;
}

const base = { paymentDate: '2025-08-14', monthlyIncome: 1_500_000, mode: 'monthly' };

describe('vsi-quote: errors name the field, what is wrong and what is valid', () => {
  it.each([
    [
      'income below the floor',
      { ...base, paymentDate: '2022-03-01', monthlyIncome: 1_450_000 },
      'calc.income_below_floor',
      'monthlyIncome',
      'Thu nhập 1.450.000 đ thấp hơn mức tối thiểu 1.500.000 đ (chuẩn nghèo nông thôn) tại ngày 01/03/2022',
    ],
    [
      'income above the ceiling (reference level from 2025-07-01)',
      { ...base, monthlyIncome: 46_850_000 },
      'calc.income_above_ceiling',
      'monthlyIncome',
      'Thu nhập 46.850.000 đ cao hơn mức tối đa 46.800.000 đ (20 lần mức tham chiếu) tại ngày 14/08/2025',
    ],
    [
      'income above the ceiling (base salary before 2025-07-01)',
      { ...base, paymentDate: '2025-06-30', monthlyIncome: 46_850_000 },
      'calc.income_above_ceiling',
      'monthlyIncome',
      'Thu nhập 46.850.000 đ cao hơn mức tối đa 46.800.000 đ (20 lần lương cơ sở) tại ngày 30/06/2025',
    ],
    [
      'income off the 50,000 step',
      { ...base, monthlyIncome: 1_520_000 },
      'calc.income_not_on_step',
      'monthlyIncome',
      'Thu nhập 1.520.000 đ không đúng bậc: phải bằng chuẩn nghèo nông thôn 1.500.000 đ cộng bội số của 50.000 đ tại ngày 14/08/2025; gần nhất là 1.500.000 đ hoặc 1.550.000 đ',
    ],
    [
      'date before every rule version',
      { ...base, paymentDate: '2015-12-31' },
      'calc.date_out_of_range',
      'paymentDate',
      'Ngày 31/12/2015 nằm ngoài mọi phiên bản quy tắc: chỉ tính được từ ngày 01/01/2016',
    ],
    [
      'date after the last recorded poverty line',
      { ...base, paymentDate: '2031-01-01', monthlyIncome: 2_200_000 },
      'calc.parameter_not_in_force',
      'paymentDate',
      'Ngày 01/01/2031 chưa có chuẩn nghèo nông thôn; tham số này chỉ có hiệu lực trong giai đoạn 01/01/2016 – 31/12/2030',
    ],
    [
      'a day that does not exist',
      { ...base, paymentDate: '2025-02-29' },
      'calc.invalid_date',
      'paymentDate',
      'Ngày “2025-02-29” ở trường “paymentDate” không hợp lệ: cần một ngày có thật dạng YYYY-MM-DD, ví dụ 2025-08-14',
    ],
    [
      'a missing payment date',
      { monthlyIncome: 1_500_000, mode: 'monthly' },
      'calc.missing_field',
      'paymentDate',
      'Thiếu trường “paymentDate”: cần một ngày dạng "YYYY-MM-DD"',
    ],
    [
      'an income given as text',
      { ...base, monthlyIncome: '1500000' },
      'calc.invalid_type',
      'monthlyIncome',
      'Trường “monthlyIncome” phải là một số nguyên đồng, không phải chuỗi',
    ],
    [
      'an income with decimals',
      { ...base, monthlyIncome: 1_500_000.5 },
      'calc.invalid_amount',
      'monthlyIncome',
      'Trường “monthlyIncome” phải là số nguyên đồng không âm, không phải 1500000.5',
    ],
    [
      'an unknown mode',
      { ...base, mode: 'weekly' },
      'calc.unknown_mode',
      'mode',
      'Phương thức đóng “weekly” không hợp lệ; chọn một trong: monthly, quarterly, semiannual, annual, advance, backpay',
    ],
    [
      'an unknown category',
      { ...base, categories: ['poor', 'rich'] },
      'calc.unknown_category',
      'categories[1]',
      'Đối tượng “rich” không hợp lệ; chọn một trong: poor, near_poor, ethnic_minority, island_commune, other',
    ],
    [
      'an empty category list',
      { ...base, categories: [] },
      'calc.categories_empty',
      'categories',
      'Danh sách đối tượng trống; cần ít nhất một trong: poor, near_poor, ethnic_minority, island_commune, other (bỏ trường này để dùng “other”)',
    ],
    [
      'months that contradict the mode',
      { ...base, mode: 'quarterly', months: 4 },
      'calc.months_mode_mismatch',
      'months',
      'Phương thức 3 tháng một lần luôn là 3 tháng; bỏ “months” hoặc đặt bằng 3 (đang là 4)',
    ],
    [
      'an advance beyond 60 months',
      { ...base, mode: 'advance', months: 61, fundRate: 0.005 },
      'calc.months_out_of_range',
      'months',
      'Số tháng 61 không hợp lệ cho đóng trước nhiều năm: cần số nguyên từ 1 đến 60 tháng',
    ],
    [
      'an advance without months',
      { ...base, mode: 'advance', fundRate: 0.005 },
      'calc.missing_field',
      'months',
      'Thiếu trường “months”: cần một số nguyên',
    ],
    [
      'a back payment above the 60-month cap of the new law',
      { ...base, mode: 'backpay', months: 61, fundRate: 0.005 },
      'calc.backpay_over_cap',
      'months',
      'Số tháng đóng bù 61 vượt giới hạn 60 tháng theo quy định tại ngày 14/08/2025; chỉ được đóng bù từ 1 đến 60 tháng',
    ],
    [
      'a back payment above the 120-month cap of the old law',
      { ...base, paymentDate: '2025-06-30', mode: 'backpay', months: 121, fundRate: 0.005 },
      'calc.backpay_over_cap',
      'months',
      'Số tháng đóng bù 121 vượt giới hạn 120 tháng theo quy định tại ngày 30/06/2025; chỉ được đóng bù từ 1 đến 120 tháng',
    ],
    [
      'an advance when no fund rate is recorded for the year',
      { ...base, mode: 'advance', months: 12 },
      'calc.fund_rate_missing',
      'fundRate',
      'Chưa có lãi suất đầu tư quỹ (r) cho năm 2025 (ngày đóng 14/08/2025); hãy nhập “fundRate” là lãi suất tháng, ví dụ 0.006583 cho 0,6583%/tháng',
    ],
    [
      'a negative fund rate',
      { ...base, mode: 'advance', months: 12, fundRate: -0.01 },
      'calc.invalid_fund_rate',
      'fundRate',
      '“fundRate” phải là lãi suất tháng dạng thập phân từ 0 đến 0,1 (ví dụ 0.006583), không phải -0.01',
    ],
    [
      'a province code that no longer exists after the 2025 merger',
      { ...base, provinceCode: '02' },
      'calc.unknown_province',
      'provinceCode',
      'Mã tỉnh “02” không tồn tại tại ngày 14/08/2025; dùng mã 2 chữ số, ví dụ 01 (Hà Nội), 79 (TP. Hồ Chí Minh)',
    ],
    [
      'negative supported months',
      { ...base, supportedMonthsUsed: -1 },
      'calc.invalid_integer',
      'supportedMonthsUsed',
      'Trường “supportedMonthsUsed” phải là số nguyên từ 0 đến 1200, không phải -1',
    ],
  ])('%s', (_name, input, code, field, message) => {
    expect(error(input)).toEqual({ code, field, message });
  });

  it('refuses input that is not an object', () => {
    expect(error(null)).toEqual({
      code: 'calc.invalid_input',
      message: 'Dữ liệu vào phải là một đối tượng JSON, ví dụ {"paymentDate": "2025-08-14", ...}',
    });
    expect(error([base]).code).toBe('calc.invalid_input');
  });

  it('accepts a pre-2025 province code before the merger', () => {
    const out = quoteVsi({ ...base, paymentDate: '2024-01-10', provinceCode: '02' } as never, { book });
    expect(out.ok).toBe(true);
  });

  it('lists every field at fault in details, the first one on top', () => {
    const err = error({
      paymentDate: '2025-08-14',
      monthlyIncome: 1_000_000,
      mode: 'weekly',
      categories: ['x'],
    });
    expect(err.code).toBe('calc.income_below_floor');
    expect(err.details?.map((d) => [d.code, d.field])).toEqual([
      ['calc.income_below_floor', 'monthlyIncome'],
      ['calc.unknown_mode', 'mode'],
      ['calc.unknown_category', 'categories[0]'],
    ]);
  });

  it('writes English messages with English number formatting', () => {
    expect(error({ ...base, paymentDate: '2022-03-01', monthlyIncome: 1_450_000 }, 'en').message).toBe(
      'Income 1,450,000 VND is below the minimum 1,500,000 VND (rural poverty line) on 2022-03-01',
    );
    expect(error({ ...base, mode: 'advance', months: 12 }, 'en').message).toBe(
      'No fund investment rate (r) is recorded for 2025 (payment date 2025-08-14); give “fundRate” as a monthly rate, e.g. 0.006583 for 0.6583% a month',
    );
  });
});

describe('vsi-quote: the range of incomes moves on each change date (day before, day of)', () => {
  const ok = (paymentDate: string, monthlyIncome: number) =>
    quoteVsi({ paymentDate, monthlyIncome, mode: 'monthly' }, { book }).ok;

  it.each([
    // [day before, day of, income accepted only from the day of]
    ['2016-04-30', '2016-05-01', 24_200_000], // LCS 1,150,000 → 1,210,000
    ['2017-06-30', '2017-07-01', 26_000_000], // LCS → 1,300,000
    ['2018-06-30', '2018-07-01', 27_800_000], // LCS → 1,390,000
    ['2019-06-30', '2019-07-01', 29_800_000], // LCS → 1,490,000
    ['2023-06-30', '2023-07-01', 36_000_000], // LCS → 1,800,000
    ['2024-06-30', '2024-07-01', 46_800_000], // LCS → 2,340,000
  ])('the ceiling rises on %s → %s: %i', (before, on, income) => {
    expect([ok(before, income), ok(on, income)]).toEqual([false, true]);
    expect(ok(on, income + 50_000)).toBe(false);
  });

  it.each([
    ['2021-12-31', '2022-01-01', 700_000, 1_500_000],
    ['2026-12-31', '2027-01-01', 1_500_000, 2_200_000],
  ])('the floor rises on %s → %s: %i → %i', (before, on, oldFloor, newFloor) => {
    expect([ok(before, oldFloor), ok(on, oldFloor), ok(on, newFloor)]).toEqual([true, false, true]);
  });

  it('2016-01-01 is the first day that can be priced', () => {
    expect([ok('2015-12-31', 700_000), ok('2016-01-01', 700_000)]).toEqual([false, true]);
  });
});
