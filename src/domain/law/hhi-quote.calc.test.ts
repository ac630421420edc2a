import { describe, expect, it } from 'vitest';
import { quoteHhi } from './hhi-quote.calc.ts';
import { createRuleBook } from './rules.book.ts';

const book = createRuleBook();
const run = (input: unknown, lang: 'vi' | 'en' = 'vi') => quoteHhi(input as never, { book, lang });

describe('hhi-quote', () => {
  it('the contract example: 3 members for 12 months at LCS 2,340,000 cost 2,906,280', () => {
    const out = run({ paymentDate: '2025-01-10', members: 3, months: 12 });
    expect(out.ok && out.result).toMatchObject({
      baseSalary: 2_340_000,
      members: [
        { order: 1, monthly: 105_300, total: 1_263_600 },
        { order: 2, monthly: 73_710, total: 884_520 },
        { order: 3, monthly: 63_180, total: 758_160 },
      ],
      monthlyTotal: 242_190,
      total: 2_906_280,
    });
  });

  it('members from the fifth on pay 40%: 105,300 / 73,710 / 63,180 / 52,650 / 42,120 / 42,120', () => {
    const out = run({ paymentDate: '2025-01-10', members: 6, months: 3 });
    expect(out.ok && out.result.members.map((m) => m.monthly)).toEqual([
      105_300, 73_710, 63_180, 52_650, 42_120, 42_120,
    ]);
    expect(out.ok && out.result.total).toBe(3 * (105_300 + 73_710 + 63_180 + 52_650 + 2 * 42_120));
  });

  it('follows the base salary on the payment date: 1,490,000 on 2023-06-30, 1,800,000 on 2023-07-01', () => {
    const before = run({ paymentDate: '2023-06-30', members: 1, months: 6 });
    const after = run({ paymentDate: '2023-07-01', members: 1, months: 6 });
    expect(before.ok && before.result.members[0]?.monthly).toBe(67_050);
    expect(after.ok && after.result.members[0]?.monthly).toBe(81_000);
  });

  it('explains each member as a step', () => {
    const out = run({ paymentDate: '2025-01-10', members: 2, months: 3 });
    expect(out.ok && out.result.steps).toEqual([
      { label: 'Ngày đóng', value: '10/01/2025' },
      { label: 'Lương cơ sở', value: 2_340_000 },
      { label: 'Tỷ lệ đóng BHYT hộ gia đình', value: '4,5%' },
      { label: 'Thành viên thứ 1 (100% mức của người thứ nhất)', value: 105_300 },
      { label: 'Thành viên thứ 2 (70% mức của người thứ nhất)', value: 73_710 },
      { label: 'Tổng mỗi tháng của hộ', value: 179_010 },
      { label: 'Số tháng', value: 3 },
      { label: 'Tổng số tiền phải đóng', value: 537_030 },
    ]);
  });

  it.each([
    [
      { paymentDate: '2025-01-10', members: 3, months: 4 },
      'calc.hhi_months_invalid',
      'months',
      'Số tháng 4 không hợp lệ cho BHYT hộ gia đình: chỉ đóng 3, 6, 12 tháng',
    ],
    [
      { paymentDate: '2025-01-10', members: 0, months: 3 },
      'calc.members_out_of_range',
      'members',
      'Số thành viên 0 không hợp lệ: cần số nguyên từ 1 đến 100',
    ],
    [
      { paymentDate: '2015-01-10', members: 1, months: 3 },
      'calc.date_out_of_range',
      'paymentDate',
      'Ngày 10/01/2015 nằm ngoài mọi phiên bản quy tắc: chỉ tính được từ ngày 01/01/2016',
    ],
    [
      { paymentDate: '2025-01-10', members: '3', months: 3 },
      'calc.invalid_type',
      'members',
      'Trường “members” phải là một số nguyên, không phải chuỗi',
    ],
  ])('refuses %j with %s', (input, code, field, message) => {
    const out = run(input);
    expect(out.ok ? undefined : out.error).toEqual({ code, field, message });
  });
});
