import { formatDate, formatVnd, type Lang } from './law.format.ts';

/**
 * Every error message of the law engine, Vietnamese and English, keyed by its stable code. A message says
 * what is wrong and what would be valid. Parameters are raw values; formatting happens here.
 */

export type MessageParams = Readonly<Record<string, string | number | undefined>>;
type Template = (p: MessageParams, lang: Lang) => string;

const vnd = (v: unknown, lang: Lang) => formatVnd(Number(v), lang);
const day = (v: unknown, lang: Lang) => formatDate(String(v), lang);
const period = (from: unknown, to: unknown, lang: Lang) =>
  `${day(from, lang)} – ${to ? day(to, lang) : lang === 'en' ? 'open' : 'không thời hạn'}`;
const scoped = (p: MessageParams) => (p.scope === undefined ? '' : ` [${p.scope}]`);

const CATALOGUE = {
  // Calculation input errors: { code, message, field }.
  'calc.unknown_kind': {
    vi: (p) => `Loại phép tính “${p.kind}” không tồn tại; chọn một trong: ${p.kinds}`,
    en: (p) => `Unknown calculation “${p.kind}”; choose one of: ${p.kinds}`,
  },
  'calc.invalid_json': {
    vi: () =>
      'Dữ liệu vào không phải JSON hợp lệ. Ví dụ: {"paymentDate":"2025-08-14","monthlyIncome":1500000,"mode":"monthly"}',
    en: () =>
      'The input is not valid JSON. Example: {"paymentDate":"2025-08-14","monthlyIncome":1500000,"mode":"monthly"}',
  },
  'calc.invalid_input': {
    vi: () => 'Dữ liệu vào phải là một đối tượng JSON, ví dụ {"paymentDate": "2025-08-14", ...}',
    en: () => 'The input must be a JSON object, e.g. {"paymentDate": "2025-08-14", ...}',
  },
  'calc.missing_field': {
    vi: (p) => `Thiếu trường “${p.field}”: cần ${p.expected}`,
    en: (p) => `Missing field “${p.field}”: expected ${p.expected}`,
  },
  'calc.invalid_type': {
    vi: (p) => `Trường “${p.field}” phải là ${p.expected}, không phải ${p.actual}`,
    en: (p) => `Field “${p.field}” must be ${p.expected}, not ${p.actual}`,
  },
  'calc.invalid_date': {
    vi: (p) =>
      `Ngày “${p.value}” ở trường “${p.field}” không hợp lệ: cần một ngày có thật dạng YYYY-MM-DD, ví dụ 2025-08-14`,
    en: (p) =>
      `Date “${p.value}” in “${p.field}” is not valid: expected a real day as YYYY-MM-DD, e.g. 2025-08-14`,
  },
  'calc.invalid_month': {
    vi: (p) => `Tháng “${p.value}” ở trường “${p.field}” không hợp lệ: cần dạng YYYY-MM, ví dụ 2026-04`,
    en: (p) => `Month “${p.value}” in “${p.field}” is not valid: expected YYYY-MM, e.g. 2026-04`,
  },
  'calc.date_out_of_range': {
    vi: (p, l) =>
      `Ngày ${day(p.date, l)} nằm ngoài mọi phiên bản quy tắc: chỉ tính được từ ngày ${day(p.first, l)}`,
    en: (p, l) => `${day(p.date, l)} is outside every rule version: calculations start on ${day(p.first, l)}`,
  },
  'calc.parameter_not_in_force': {
    vi: (p, l) =>
      p.from
        ? `Ngày ${day(p.date, l)} chưa có ${p.label}; tham số này chỉ có hiệu lực trong giai đoạn ${period(p.from, p.to, l)}`
        : `Ngày ${day(p.date, l)} chưa có ${p.label} trong bộ quy tắc`,
    en: (p, l) =>
      p.from
        ? `No ${p.label} is recorded for ${day(p.date, l)}; it is only in force for ${period(p.from, p.to, l)}`
        : `No ${p.label} is recorded for ${day(p.date, l)}`,
  },
  'calc.invalid_amount': {
    vi: (p) => `Trường “${p.field}” phải là số nguyên đồng không âm, không phải ${p.value}`,
    en: (p) => `Field “${p.field}” must be a non-negative whole number of đồng, not ${p.value}`,
  },
  'calc.invalid_integer': {
    vi: (p) => `Trường “${p.field}” phải là số nguyên từ ${p.min} đến ${p.max}, không phải ${p.value}`,
    en: (p) => `Field “${p.field}” must be a whole number from ${p.min} to ${p.max}, not ${p.value}`,
  },
  'calc.income_below_floor': {
    vi: (p, l) =>
      `Thu nhập ${vnd(p.income, l)} thấp hơn mức tối thiểu ${vnd(p.floor, l)} (chuẩn nghèo nông thôn) tại ngày ${day(p.date, l)}`,
    en: (p, l) =>
      `Income ${vnd(p.income, l)} is below the minimum ${vnd(p.floor, l)} (rural poverty line) on ${day(p.date, l)}`,
  },
  'calc.income_above_ceiling': {
    vi: (p, l) =>
      `Thu nhập ${vnd(p.income, l)} cao hơn mức tối đa ${vnd(p.ceiling, l)} (${p.multiplier} lần ${p.baseLabel}) tại ngày ${day(p.date, l)}`,
    en: (p, l) =>
      `Income ${vnd(p.income, l)} is above the maximum ${vnd(p.ceiling, l)} (${p.multiplier} × ${p.baseLabel}) on ${day(p.date, l)}`,
  },
  'calc.income_not_on_step': {
    vi: (p, l) =>
      `Thu nhập ${vnd(p.income, l)} không đúng bậc: phải bằng chuẩn nghèo nông thôn ${vnd(p.floor, l)} cộng bội số của ${vnd(p.step, l)} tại ngày ${day(p.date, l)}; gần nhất là ${vnd(p.lower, l)} hoặc ${vnd(p.upper, l)}`,
    en: (p, l) =>
      `Income ${vnd(p.income, l)} is not on a step: it must be the rural poverty line ${vnd(p.floor, l)} plus a multiple of ${vnd(p.step, l)} on ${day(p.date, l)}; the nearest are ${vnd(p.lower, l)} and ${vnd(p.upper, l)}`,
  },
  'calc.unknown_mode': {
    vi: (p) => `Phương thức đóng “${p.value}” không hợp lệ; chọn một trong: ${p.modes}`,
    en: (p) => `Unknown payment mode “${p.value}”; choose one of: ${p.modes}`,
  },
  'calc.months_out_of_range': {
    vi: (p) =>
      `Số tháng ${p.value} không hợp lệ cho ${p.modeName}: cần số nguyên từ ${p.min} đến ${p.max} tháng`,
    en: (p) =>
      `${p.value} months is not valid for ${p.modeName}: expected a whole number from ${p.min} to ${p.max}`,
  },
  'calc.months_mode_mismatch': {
    vi: (p) =>
      `Phương thức ${p.modeName} luôn là ${p.implied} tháng; bỏ “months” hoặc đặt bằng ${p.implied} (đang là ${p.value})`,
    en: (p) =>
      `Mode ${p.modeName} always covers ${p.implied} months; omit “months” or set it to ${p.implied} (got ${p.value})`,
  },
  'calc.backpay_over_cap': {
    vi: (p, l) =>
      `Số tháng đóng bù ${p.value} vượt giới hạn ${p.max} tháng theo quy định tại ngày ${day(p.date, l)}; chỉ được đóng bù từ 1 đến ${p.max} tháng`,
    en: (p, l) =>
      `${p.value} months of back payment exceed the cap of ${p.max} months in force on ${day(p.date, l)}; back payment covers 1 to ${p.max} months`,
  },
  'calc.unknown_category': {
    vi: (p) => `Đối tượng “${p.value}” không hợp lệ; chọn một trong: ${p.categories}`,
    en: (p) => `Unknown category “${p.value}”; choose any of: ${p.categories}`,
  },
  'calc.categories_empty': {
    vi: (p) =>
      `Danh sách đối tượng trống; cần ít nhất một trong: ${p.categories} (bỏ trường này để dùng “other”)`,
    en: (p) =>
      `The category list is empty; give at least one of: ${p.categories} (omit the field for “other”)`,
  },
  'calc.unknown_province': {
    vi: (p, l) =>
      `Mã tỉnh “${p.value}” không tồn tại tại ngày ${day(p.date, l)}; dùng mã 2 chữ số, ví dụ 01 (Hà Nội), 79 (TP. Hồ Chí Minh)`,
    en: (p, l) =>
      `Province code “${p.value}” does not exist on ${day(p.date, l)}; use a 2-digit code such as 01 (Hà Nội) or 79 (Ho Chi Minh City)`,
  },
  'calc.fund_rate_missing': {
    vi: (p, l) =>
      `Chưa có lãi suất đầu tư quỹ (r) cho năm ${p.year} (ngày đóng ${day(p.date, l)}); hãy nhập “fundRate” là lãi suất tháng, ví dụ 0.006583 cho 0,6583%/tháng`,
    en: (p, l) =>
      `No fund investment rate (r) is recorded for ${p.year} (payment date ${day(p.date, l)}); give “fundRate” as a monthly rate, e.g. 0.006583 for 0.6583% a month`,
  },
  'calc.invalid_fund_rate': {
    vi: (p) =>
      `“fundRate” phải là lãi suất tháng dạng thập phân từ 0 đến 0,1 (ví dụ 0.006583), không phải ${p.value}`,
    en: (p) =>
      `“fundRate” must be a monthly rate written as a decimal from 0 to 0.1 (e.g. 0.006583), not ${p.value}`,
  },
  'calc.unknown_sex': {
    vi: (p) => `Giới tính “${p.value}” ở trường “${p.field}” không hợp lệ; chỉ nhận M (nam) hoặc F (nữ)`,
    en: (p) => `Sex “${p.value}” in “${p.field}” is not valid; use M (male) or F (female)`,
  },
  'calc.members_out_of_range': {
    vi: (p) => `Số thành viên ${p.value} không hợp lệ: cần số nguyên từ 1 đến ${p.max}`,
    en: (p) => `${p.value} members is not valid: expected a whole number from 1 to ${p.max}`,
  },
  'calc.hhi_months_invalid': {
    vi: (p) => `Số tháng ${p.value} không hợp lệ cho BHYT hộ gia đình: chỉ đóng ${p.allowed} tháng`,
    en: (p) => `${p.value} months is not valid for household HI: pay for ${p.allowed} months`,
  },
  'calc.no_contributions': {
    vi: () => 'Tổng số tháng đóng bằng 0: cần ít nhất 1 tháng trong “monthsBefore2014” hoặc “monthsFrom2014”',
    en: () => 'No months of contributions: give at least 1 month in “monthsBefore2014” or “monthsFrom2014”',
  },
  // Problems in rule rows (validateRuleRows, validateTopupRows, setParameter, setTopup).
  'rules.unknown_key': {
    vi: (p) => `Tham số “${p.key}” không có trong danh mục quy tắc`,
    en: (p) => `Parameter “${p.key}” is not in the rule catalogue`,
  },
  'rules.invalid_date': {
    vi: (p) => `${p.label}${scoped(p)}: ngày “${p.value}” ở “${p.field}” không hợp lệ; cần dạng YYYY-MM-DD`,
    en: (p) => `${p.label}${scoped(p)}: “${p.value}” in “${p.field}” is not a valid YYYY-MM-DD date`,
  },
  'rules.inverted_period': {
    vi: (p, l) => `${p.label}${scoped(p)}: ngày bắt đầu ${day(p.from, l)} sau ngày kết thúc ${day(p.to, l)}`,
    en: (p, l) => `${p.label}${scoped(p)}: start ${day(p.from, l)} is after end ${day(p.to, l)}`,
  },
  'rules.missing_basis': {
    vi: (p, l) => `${p.label}${scoped(p)} từ ${day(p.from, l)}: thiếu căn cứ pháp lý`,
    en: (p, l) => `${p.label}${scoped(p)} from ${day(p.from, l)}: the legal basis is missing`,
  },
  'rules.invalid_confidence': {
    vi: (p) => `${p.label}${scoped(p)}: độ tin cậy “${p.value}” không hợp lệ; chỉ nhận H, M hoặc L`,
    en: (p) => `${p.label}${scoped(p)}: confidence “${p.value}” is not valid; use H, M or L`,
  },
  'rules.invalid_value': {
    vi: (p) => `${p.label}${scoped(p)}: giá trị ${p.value} không hợp lệ; cần ${p.expected}`,
    en: (p) => `${p.label}${scoped(p)}: value ${p.value} is not valid; expected ${p.expected}`,
  },
  'rules.invalid_scope': {
    vi: (p) => `${p.label}: phạm vi “${p.scope}” không hợp lệ; chọn một trong: ${p.allowed}`,
    en: (p) => `${p.label}: scope “${p.scope}” is not valid; choose one of: ${p.allowed}`,
  },
  'rules.unexpected_scope': {
    vi: (p) => `${p.label}: tham số này không có phạm vi; bỏ “${p.scope}”`,
    en: (p) => `${p.label}: this parameter takes no scope; remove “${p.scope}”`,
  },
  'rules.overlap': {
    vi: (p, l) =>
      `${p.label}${scoped(p)}: giai đoạn ${period(p.from, p.to, l)} chồng lên giai đoạn ${period(p.otherFrom, p.otherTo, l)}`,
    en: (p, l) =>
      `${p.label}${scoped(p)}: period ${period(p.from, p.to, l)} overlaps ${period(p.otherFrom, p.otherTo, l)}`,
  },
  'rules.gap': {
    vi: (p, l) => `${p.label}${scoped(p)}: không có giá trị từ ${day(p.from, l)} đến ${day(p.to, l)}`,
    en: (p, l) => `${p.label}${scoped(p)}: no value from ${day(p.from, l)} to ${day(p.to, l)}`,
  },
  'rules.missing_key': {
    vi: (p) => `Thiếu tham số bắt buộc: ${p.label} (${p.key})`,
    en: (p) => `Mandatory parameter missing: ${p.label} (${p.key})`,
  },
  'rules.missing_scope': {
    vi: (p) => `Thiếu ${p.label} cho phạm vi “${p.scope}”`,
    en: (p) => `${p.label} is missing for scope “${p.scope}”`,
  },
  'rules.no_open_end': {
    vi: (p, l) =>
      `${p.label}${scoped(p)} không có giá trị sau ngày ${day(p.to, l)}; phép tính cần tham số này sau ngày đó sẽ báo lỗi`,
    en: (p, l) =>
      `${p.label}${scoped(p)} has no value after ${day(p.to, l)}; calculations needing it after that day fail`,
  },
  'rules.unknown_province': {
    vi: (p) => `Mã tỉnh “${p.value}” không tồn tại; dùng mã 2 chữ số, ví dụ 01 (Hà Nội)`,
    en: (p) => `Province code “${p.value}” does not exist; use a 2-digit code such as 01 (Hà Nội)`,
  },
  'rules.unknown_category': {
    vi: (p) => `Đối tượng “${p.value}” không hợp lệ; chọn một trong: ${p.categories}`,
    en: (p) => `Unknown category “${p.value}”; choose one of: ${p.categories}`,
  },
  'rules.change_in_past': {
    vi: (p, l) =>
      `Không thể sửa giai đoạn đã qua: ngày hiệu lực ${day(p.from, l)} trước ngày hôm nay ${day(p.today, l)}; chọn ngày từ ${day(p.today, l)} trở đi`,
    en: (p, l) =>
      `Past periods cannot change: start ${day(p.from, l)} is before today ${day(p.today, l)}; pick ${day(p.today, l)} or later`,
  },
  // Problems inside a citizen-ID check result (valid: false).
  'citizen_id.length': {
    vi: (p) => `Số định danh phải có đúng 12 chữ số; số đã nhập có ${p.length} ký tự`,
    en: (p) => `A personal ID number has exactly 12 digits; this one has ${p.length} characters`,
  },
  'citizen_id.not_digits': {
    vi: (p) => `Số định danh chỉ gồm chữ số 0–9; ký tự “${p.char}” ở vị trí ${p.position} không hợp lệ`,
    en: (p) =>
      `A personal ID number has digits 0–9 only; “${p.char}” at position ${p.position} is not allowed`,
  },
  'citizen_id.unknown_province': {
    vi: (p) =>
      `Mã tỉnh đăng ký khai sinh “${p.code}” không thuộc 63 mã tỉnh (ví dụ 001 Hà Nội, 079 TP. Hồ Chí Minh)`,
    en: (p) =>
      `Birth-registration province code “${p.code}” is not one of the 63 province codes (e.g. 001 Hà Nội, 079 Ho Chi Minh City)`,
  },
  'citizen_id.sex_mismatch': {
    vi: (p) =>
      `Chữ số thế kỷ và giới tính ${p.digit} ứng với ${p.idSex}, nhưng giới tính đã khai là ${p.sex}`,
    en: (p) => `Century-and-sex digit ${p.digit} means ${p.idSex}, but the sex given is ${p.sex}`,
  },
  'citizen_id.century_mismatch': {
    vi: (p) =>
      `Chữ số thế kỷ ${p.digit} ứng với năm sinh ${p.from}–${p.to}, nhưng năm sinh đã khai là ${p.year}`,
    en: (p) =>
      `Century digit ${p.digit} means birth years ${p.from}–${p.to}, but the birth year given is ${p.year}`,
  },
  'citizen_id.birth_year_mismatch': {
    vi: (p) =>
      `Số định danh ghi năm sinh ${p.idYear} (hai chữ số ${p.yy}), nhưng năm sinh đã khai là ${p.year}`,
    en: (p) =>
      `The number encodes birth year ${p.idYear} (digits ${p.yy}), but the birth year given is ${p.year}`,
  },
  'citizen_id.birth_in_future': {
    vi: (p, l) => `Số định danh ghi năm sinh ${p.idYear}, sau ngày hôm nay ${day(p.today, l)}`,
    en: (p, l) => `The number encodes birth year ${p.idYear}, after today ${day(p.today, l)}`,
  },
} as const satisfies Record<string, { vi: Template; en: Template }>;

export type MessageCode = keyof typeof CATALOGUE;
export type CalcErrorCode = Extract<MessageCode, `calc.${string}`>;
export type RuleProblemCode = Extract<MessageCode, `rules.${string}`>;
export type CitizenIdProblemCode = Extract<MessageCode, `citizen_id.${string}`>;

export const MESSAGE_CODES = Object.keys(CATALOGUE) as MessageCode[];

export function message(code: MessageCode, lang: Lang, params: MessageParams = {}): string {
  const entry = CATALOGUE[code];
  const text = lang === 'en' ? entry.en(params, lang) : entry.vi(params, lang);
  // Rule messages may open with a parameter label written in lower case.
  return text.charAt(0).toUpperCase() + text.slice(1);
}
