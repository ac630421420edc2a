import { describe, expect, it } from 'vitest';
import { calculate, createRuleBook, LABELS } from '../../domain/law/index.ts';
import {
  incomeRange,
  pctToRate,
  placeErrors,
  projectionInput,
  snapIncome,
  stepText,
  type VsiForm,
  vsiInput,
} from './calculator.model.ts';

const book = createRuleBook();
const FORM: VsiForm = {
  paymentDate: '2026-11-25',
  income: 1_500_000,
  categories: ['near_poor'],
  provinceCode: undefined,
  mode: 'monthly',
  months: 12,
  supportedMonthsUsed: null,
  fundRatePct: null,
};

describe('the calculator form and the engine', () => {
  it('sends only what a periodic quote needs', () => {
    expect(JSON.parse(JSON.stringify(vsiInput(FORM)))).toEqual({
      paymentDate: '2026-11-25',
      monthlyIncome: 1_500_000,
      mode: 'monthly',
      categories: ['near_poor'],
    });
  });

  it('sends months and r (as a decimal) for an advance payment', () => {
    const input = vsiInput({ ...FORM, mode: 'advance', months: 24, fundRatePct: 0.6583 });
    expect(input).toMatchObject({ months: 24, fundRate: 0.006583 });
    expect(pctToRate(0.6583)).toBe(0.006583);
  });

  it('near-poor at the floor in 11/2026 pays 198,000', () => {
    const out = calculate('vsi-quote', vsiInput(FORM), { book });
    expect(out.ok && out.result.total).toBe(198_000);
  });

  it('puts each engine error under the field it names, the rest in a general list', () => {
    const out = calculate(
      'vsi-quote',
      vsiInput({ ...FORM, income: 1_000_000, categories: ['poor', 'x' as never] }),
      {
        book,
      },
    );
    expect(out.ok).toBe(false);
    const placed = placeErrors(out.ok ? undefined : out.error);
    expect(placed.byField.monthlyIncome).toMatch(/thấp hơn mức tối thiểu 1\.500\.000 đ/);
    expect(placed.byField.categories).toBeDefined();
    expect(placed.general).toEqual([]);
  });

  it('asks for r when an advance payment has no recorded fund rate', () => {
    const out = calculate('vsi-quote', vsiInput({ ...FORM, mode: 'advance', months: 12 }), { book });
    const placed = placeErrors(out.ok ? undefined : out.error);
    expect(placed.byField.fundRate).toMatch(/Chưa có lãi suất đầu tư quỹ \(r\) cho năm 2026/);
  });

  it('reads the income range of the day: 1,500,000 to 46,800,000 now, from 2,200,000 in 2027', () => {
    expect(incomeRange(book, '2026-11-25')).toEqual({
      min: 1_500_000,
      max: 46_800_000,
      step: 50_000,
      multiplier: 20,
      base: 'reference',
      rate: 0.22,
    });
    expect(incomeRange(book, '2027-01-01')?.min).toBe(2_200_000);
    expect(incomeRange(book, '2024-01-01')).toMatchObject({ max: 36_000_000, base: 'salary' });
    expect(incomeRange(book, '2010-01-01')).toBeNull();
  });

  it('snaps the slider to the legal steps inside the range', () => {
    const range = incomeRange(book, '2026-11-25')!;
    expect(snapIncome(1_520_000, range)).toBe(1_500_000);
    expect(snapIncome(1_530_000, range)).toBe(1_550_000);
    expect(snapIncome(100_000_000, range)).toBe(46_800_000);
  });

  it('writes step values in đồng, except the counts of months', () => {
    const L = LABELS.vi.vsi;
    expect(stepText({ label: L.gross, value: 330_000 }, 'vi')).toBe('330.000 đ');
    expect(stepText({ label: L.months, value: 12 }, 'vi')).toBe('12');
    expect(stepText({ label: L.supportedMonths(120), value: 1 }, 'vi')).toBe('1');
    expect(stepText({ label: L.rate, value: '22%' }, 'vi')).toBe('22%');
  });

  it('projects only once the birth month and the sex are known', () => {
    expect(projectionInput(FORM, { birthMonth: undefined, sex: 'M', contributedMonths: 0 })).toBeNull();
    expect(projectionInput(FORM, { birthMonth: '1980-05', sex: 'F', contributedMonths: null })).toMatchObject(
      {
        sex: 'F',
        birthMonth: '1980-05',
        contributedMonths: 0,
        monthlyIncome: 1_500_000,
      },
    );
  });
});
