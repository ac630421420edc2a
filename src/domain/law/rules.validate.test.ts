import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_ROWS, DEFAULT_TOPUP_ROWS } from './rules.seed.ts';
import type { RuleRow, TopupRow } from './rules.types.ts';
import { validateRuleRows, validateTopupRows } from './rules.validate.ts';

const errorsOf = (rows: readonly RuleRow[], lang: 'vi' | 'en' = 'vi') =>
  validateRuleRows(rows, lang).filter((p) => p.severity === 'error');

const cn = DEFAULT_RULE_ROWS.filter((r) => r.key === 'vsi.poverty_line');
const others = DEFAULT_RULE_ROWS.filter((r) => r.key !== 'vsi.poverty_line');

describe('validateRuleRows', () => {
  it('finds no error in the seed, and warns that CN ends on 2030-12-31', () => {
    const problems = validateRuleRows(DEFAULT_RULE_ROWS);
    expect(problems).toEqual([
      {
        code: 'rules.no_open_end',
        severity: 'warning',
        key: 'vsi.poverty_line',
        message:
          'Chuẩn nghèo nông thôn không có giá trị sau ngày 31/12/2030; phép tính cần tham số này sau ngày đó sẽ báo lỗi',
      },
    ]);
  });

  it('reports overlapping periods of the same key', () => {
    const rows = [...others, cn[0]!, { ...cn[1]!, validFrom: '2021-07-01' }, cn[2]!];
    expect(errorsOf(rows)).toEqual([
      {
        code: 'rules.overlap',
        severity: 'error',
        key: 'vsi.poverty_line',
        index: others.length + 1,
        message:
          'Chuẩn nghèo nông thôn: giai đoạn 01/07/2021 – 31/12/2026 chồng lên giai đoạn 01/01/2016 – 31/12/2021',
      },
    ]);
  });

  it('reports a gap in a mandatory parameter', () => {
    const rows = [...others, cn[0]!, { ...cn[1]!, validFrom: '2022-02-01' }, cn[2]!];
    expect(errorsOf(rows).map((p) => p.message)).toEqual([
      'Chuẩn nghèo nông thôn: không có giá trị từ 01/01/2022 đến 31/01/2022',
    ]);
  });

  it('allows gaps in optional parameters such as the fund rate', () => {
    const rows = [
      ...DEFAULT_RULE_ROWS,
      {
        key: 'vsi.fund_rate',
        value: 0.0055,
        validFrom: '2020-01-01',
        validTo: '2020-12-31',
        basis: 'VSS 2020',
        confidence: 'H' as const,
      },
    ];
    expect(errorsOf(rows)).toEqual([]);
  });

  it('reports an inverted period, a missing basis, a bad confidence and a bad value', () => {
    const rows: RuleRow[] = [
      ...others,
      { ...cn[0]!, validTo: '2015-12-31' },
      { ...cn[1]!, basis: ' ' },
      { ...cn[2]!, confidence: 'X' as never, value: 2_200_000.5 },
    ];
    expect(errorsOf(rows).map((p) => [p.code, p.message])).toEqual([
      [
        'rules.inverted_period',
        'Chuẩn nghèo nông thôn: ngày bắt đầu 01/01/2016 sau ngày kết thúc 31/12/2015',
      ],
      ['rules.missing_basis', 'Chuẩn nghèo nông thôn từ 01/01/2022: thiếu căn cứ pháp lý'],
      [
        'rules.invalid_value',
        'Chuẩn nghèo nông thôn: giá trị 2200000.5 không hợp lệ; cần số nguyên đồng không âm',
      ],
      [
        'rules.invalid_confidence',
        'Chuẩn nghèo nông thôn: độ tin cậy “X” không hợp lệ; chỉ nhận H, M hoặc L',
      ],
    ]);
  });

  it('reports unknown keys, bad scopes and rates with too many decimals', () => {
    const row = { value: 1, validFrom: '2030-01-01', validTo: null, basis: 'x', confidence: 'H' as const };
    const problems = errorsOf([
      ...DEFAULT_RULE_ROWS,
      { ...row, key: 'vsi.magic' },
      { ...row, key: 'vsi.support_pct', scope: 'rich' },
      { ...row, key: 'vsi.income_step', scope: 'poor' },
      { ...row, key: 'vsi.fund_rate', validFrom: '2031-01-01', value: 0.0065831 },
      { ...row, key: 'hhi.contribution_rate', validFrom: '2040-01-01', value: 0.0450001 },
    ]);
    expect(problems.map((p) => [p.code, p.message])).toEqual([
      ['rules.unknown_key', 'Tham số “vsi.magic” không có trong danh mục quy tắc'],
      [
        'rules.invalid_scope',
        'Tỷ lệ Nhà nước hỗ trợ: phạm vi “rich” không hợp lệ; chọn một trong: poor, near_poor, ethnic_minority, island_commune, other',
      ],
      ['rules.unexpected_scope', 'Bậc thu nhập trên chuẩn nghèo: tham số này không có phạm vi; bỏ “poor”'],
      [
        'rules.invalid_value',
        'Tỷ lệ đóng BHYT hộ gia đình: giá trị 0.0450001 không hợp lệ; cần số thập phân không âm, tối đa 6 chữ số thập phân (0.22 = 22%)',
      ],
      [
        'rules.overlap',
        'Tỷ lệ đóng BHYT hộ gia đình: giai đoạn 01/01/2040 – không thời hạn chồng lên giai đoạn 01/12/2018 – không thời hạn',
      ],
    ]);
  });

  it('reports missing mandatory parameters and scopes', () => {
    const rows = DEFAULT_RULE_ROWS.filter(
      (r) => r.key !== 'salary.base' && !(r.key === 'vsi.support_pct' && r.scope === 'other'),
    );
    expect(errorsOf(rows).map((p) => p.message)).toEqual([
      'Thiếu tham số bắt buộc: lương cơ sở (salary.base)',
      'Thiếu tỷ lệ Nhà nước hỗ trợ cho phạm vi “other”',
    ]);
  });

  it('speaks English when asked', () => {
    const rows = [...others, cn[0]!, { ...cn[1]!, validFrom: '2022-02-01' }, cn[2]!];
    expect(errorsOf(rows, 'en').map((p) => p.message)).toEqual([
      'Rural poverty line: no value from 2022-01-01 to 2022-01-31',
    ]);
  });
});

describe('validateTopupRows', () => {
  const row: TopupRow = DEFAULT_TOPUP_ROWS[0]!;

  it('accepts the seed', () => {
    expect(validateTopupRows(DEFAULT_TOPUP_ROWS)).toEqual([]);
  });

  it('reports unknown provinces and categories, bad values and overlaps', () => {
    const problems = validateTopupRows([
      row,
      { ...row, provinceCode: '99' },
      { ...row, category: 'rich' as never },
      { ...row, category: 'other', value: 1.5 },
      { ...row, validFrom: '2027-01-01' },
    ]);
    expect(problems.map((p) => [p.code, p.message])).toEqual([
      ['rules.unknown_province', 'Mã tỉnh “99” không tồn tại; dùng mã 2 chữ số, ví dụ 01 (Hà Nội)'],
      [
        'rules.unknown_category',
        'Đối tượng “rich” không hợp lệ; chọn một trong: poor, near_poor, ethnic_minority, island_commune, other',
      ],
      [
        'rules.invalid_value',
        'Hỗ trợ địa phương [01:other]: giá trị 1.5 không hợp lệ; cần số thập phân không âm, tối đa 6 chữ số thập phân (0.22 = 22%)',
      ],
      [
        'rules.overlap',
        'Hỗ trợ địa phương [01:poor]: giai đoạn 01/01/2027 – không thời hạn chồng lên giai đoạn 01/01/2026 – không thời hạn',
      ],
    ]);
  });
});
