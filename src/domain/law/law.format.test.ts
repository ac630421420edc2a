import { describe, expect, it } from 'vitest';
import {
  amountInWords,
  formatDateVi,
  formatMonthVi,
  formatPpmPercent,
  formatVnd,
  groupThousands,
} from './law.format.ts';

describe('formatting', () => {
  it.each([
    [0, '0 đ'],
    [999, '999 đ'],
    [1_000, '1.000 đ'],
    [330_000, '330.000 đ'],
    [46_800_000, '46.800.000 đ'],
    [-1_234_567, '-1.234.567 đ'],
  ])('formatVnd(%i) is "%s"', (amount, text) => {
    expect(formatVnd(amount)).toBe(text);
  });

  it('writes English amounts with commas', () => {
    expect(formatVnd(10_296_000, 'en')).toBe('10,296,000 VND');
    expect(groupThousands(1_234_567_890, ',')).toBe('1,234,567,890');
  });

  it('writes dates and months the Vietnamese way', () => {
    expect(formatDateVi('2022-03-01')).toBe('01/03/2022');
    expect(formatMonthVi('2027-12')).toBe('12/2027');
  });

  it('writes rates as percentages with the decimal mark of the language', () => {
    expect(formatPpmPercent(220_000)).toBe('22%');
    expect(formatPpmPercent(6_583)).toBe('0,6583%');
    expect(formatPpmPercent(45_000, 'en')).toBe('4.5%');
  });

  it.each([
    [330_000, 'Ba trăm ba mươi nghìn đồng'],
    [165_000, 'Một trăm sáu mươi lăm nghìn đồng'],
    [2_906_280, 'Hai triệu chín trăm lẻ sáu nghìn hai trăm tám mươi đồng'],
    [0, 'Không đồng'],
  ])('amountInWords(%i) is "%s"', (amount, words) => {
    expect(amountInWords(amount)).toBe(words);
  });

  it('refuses to spell a fraction of a đồng', () => {
    expect(() => amountInWords(1.5)).toThrow(RangeError);
  });
});
