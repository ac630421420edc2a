import { LEGACY_PROVINCES } from '../units/legacy-provinces.ts';

/**
 * The 34 provinces in force from 2025-07-01 (Resolution 202/2025/QH15), by 2-digit code. Local VSI
 * top-ups are recorded against these codes; before that day the 63 legacy codes apply.
 */
export const PROVINCES_2025: Readonly<Record<string, string>> = Object.freeze({
  '01': 'Hà Nội',
  '04': 'Cao Bằng',
  '08': 'Tuyên Quang',
  '11': 'Điện Biên',
  '12': 'Lai Châu',
  '14': 'Sơn La',
  '15': 'Lào Cai',
  '19': 'Thái Nguyên',
  '20': 'Lạng Sơn',
  '22': 'Quảng Ninh',
  '24': 'Bắc Ninh',
  '25': 'Phú Thọ',
  '31': 'Hải Phòng',
  '33': 'Hưng Yên',
  '37': 'Ninh Bình',
  '38': 'Thanh Hóa',
  '40': 'Nghệ An',
  '42': 'Hà Tĩnh',
  '44': 'Quảng Trị',
  '46': 'Huế',
  '48': 'Đà Nẵng',
  '51': 'Quảng Ngãi',
  '52': 'Gia Lai',
  '56': 'Khánh Hòa',
  '66': 'Đắk Lắk',
  '68': 'Lâm Đồng',
  '75': 'Đồng Nai',
  '79': 'TP. Hồ Chí Minh',
  '80': 'Tây Ninh',
  '82': 'Đồng Tháp',
  '86': 'Vĩnh Long',
  '91': 'An Giang',
  '92': 'Cần Thơ',
  '96': 'Cà Mau',
});

/** The day the 34-province map took effect. */
export const PROVINCES_2025_FROM = '2025-07-01';

/** The 63 pre-2025 provinces by 2-digit code: the 3-digit citizen-ID code without its leading zero. */
export const LEGACY_PROVINCES_2DIGIT: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(Object.entries(LEGACY_PROVINCES).map(([code, name]) => [code.slice(1), name])),
);

/** The province map in force on a day (ISO date). */
export function provincesAt(date: string): Readonly<Record<string, string>> {
  return date >= PROVINCES_2025_FROM ? PROVINCES_2025 : LEGACY_PROVINCES_2DIGIT;
}

/** Every 2-digit code that was ever valid, for checking top-up rows whatever their period. */
export function isKnownProvinceCode(code: string): boolean {
  return Object.hasOwn(PROVINCES_2025, code) || Object.hasOwn(LEGACY_PROVINCES_2DIGIT, code);
}
