import { doReadNumber, ReadingConfig } from 'read-vietnamese-number';

export type Lang = 'vi' | 'en';

/**
 * Thousands grouping by hand: `Intl.NumberFormat` is slow to build and its output (narrow no-break spaces,
 * locale data) differs between Node and browsers. Vietnamese groups with '.', English with ','.
 */
export function groupThousands(value: number, separator = '.'): string {
  const negative = value < 0;
  const digits = String(Math.abs(Math.trunc(value)));
  let out = '';
  let i = digits.length;
  while (i > 3) {
    out = `${separator}${digits.slice(i - 3, i)}${out}`;
    i -= 3;
  }
  out = digits.slice(0, i) + out;
  return negative ? `-${out}` : out;
}

/** `formatVnd(330000)` → "330.000 đ"; in English "330,000 VND". */
export function formatVnd(amount: number, lang: Lang = 'vi'): string {
  return lang === 'en' ? `${groupThousands(amount, ',')} VND` : `${groupThousands(amount, '.')} đ`;
}

/** Plain number with grouping, no unit: 46800000 → "46.800.000". */
export function formatNumber(value: number, lang: Lang = 'vi'): string {
  return groupThousands(value, lang === 'en' ? ',' : '.');
}

/** `formatDateVi('2022-03-01')` → "01/03/2022". */
export function formatDateVi(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/** '2027-12' → "12/2027". */
export function formatMonthVi(month: string): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}

/** The way each language writes a day: Vietnamese dd/mm/yyyy, English keeps ISO. */
export function formatDate(date: string, lang: Lang = 'vi'): string {
  return lang === 'en' ? date : formatDateVi(date);
}

export function formatMonth(month: string, lang: Lang = 'vi'): string {
  return lang === 'en' ? month : formatMonthVi(month);
}

/** A decimal written with the language's decimal mark, trailing zeros dropped: 24.5 → "24,5". */
export function formatDecimal(value: number, lang: Lang = 'vi', maxDecimals = 6): string {
  const fixed = value.toFixed(maxDecimals).replace(/\.?0+$/, '');
  return lang === 'en' ? fixed : fixed.replace('.', ',');
}

/** A rate in parts per million as a percentage: 220000 → "22%", 6583 → "0,6583%". */
export function formatPpmPercent(ppm: number, lang: Lang = 'vi'): string {
  return `${formatDecimal(ppm / 10_000, lang, 4)}%`;
}

/** A decimal rate as a percentage: 0.54 → "54%". */
export function formatRatePercent(rate: number, lang: Lang = 'vi'): string {
  return `${formatDecimal(rate * 100, lang, 4)}%`;
}

let wordsConfig: ReadingConfig | undefined;

/** `amountInWords(330000)` → "Ba trăm ba mươi nghìn đồng" (integer đồng only). */
export function amountInWords(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`amountInWords needs an integer, got ${amount}`);
  if (!wordsConfig) {
    wordsConfig = new ReadingConfig();
    wordsConfig.unit = ['đồng'];
  }
  const text = doReadNumber(String(amount), wordsConfig);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
