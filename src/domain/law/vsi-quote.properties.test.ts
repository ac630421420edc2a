import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOfDayNumber, dayNumber } from './law.calendar.ts';
import { createRuleBook, paramAt } from './rules.book.ts';
import { CATEGORIES, type Category, PERIODIC_MODES } from './rules.types.ts';
import { quoteVsi, type VsiQuoteInput, type VsiQuoteResult } from './vsi-quote.calc.ts';

const book = createRuleBook();
const FIRST = dayNumber('2016-01-01');
const LAST = dayNumber('2030-12-31');

const date = fc.integer({ min: FIRST, max: LAST }).map(dateOfDayNumber);
const categories = fc.subarray([...CATEGORIES], { minLength: 1 }) as fc.Arbitrary<Category[]>;

/** A valid income on the 50,000 step for a date, picked by a fraction of the allowed range. */
function incomeAt(day: string, fraction: number): number {
  const floor = paramAt(book, 'vsi.poverty_line', day)!;
  const base = paramAt(book, 'salary.reference', day) ?? paramAt(book, 'salary.base', day)!;
  const steps = Math.floor((20 * base - floor) / 50_000);
  return floor + Math.floor(fraction * steps) * 50_000;
}

function quote(input: VsiQuoteInput): VsiQuoteResult {
  const out = quoteVsi(input, { book });
  if (!out.ok) throw new Error(`${out.error.code}: ${out.error.message}`);
  return out.result;
}

const periodicInput = fc
  .record({
    day: date,
    fraction: fc.double({ min: 0, max: 1, noNaN: true }),
    mode: fc.constantFrom(...PERIODIC_MODES),
    categories,
    used: fc.integer({ min: 0, max: 130 }),
    province: fc.constantFrom(undefined, '01', '79'),
  })
  .map(
    ({ day, fraction, mode, categories, used, province }): VsiQuoteInput => ({
      paymentDate: day,
      monthlyIncome: incomeAt(day, fraction),
      mode,
      categories,
      supportedMonthsUsed: used,
      ...(province ? { provinceCode: province } : {}),
    }),
  );

describe('vsi-quote properties', () => {
  it('net is never above gross nor below 0, and supports add up', () => {
    fc.assert(
      fc.property(periodicInput, (input) => {
        const r = quote(input);
        expect(r.netMonthly).toBeLessThanOrEqual(r.grossMonthly);
        expect(r.netMonthly).toBeGreaterThanOrEqual(0);
        if (r.supportedMonths > 0) {
          expect(r.netMonthly).toBe(r.grossMonthly - r.stateSupportMonthly - r.localSupportMonthly);
        }
      }),
    );
  });

  it('state support does not depend on the chosen income', () => {
    fc.assert(
      fc.property(periodicInput, fc.double({ min: 0, max: 1, noNaN: true }), (input, other) => {
        const a = quote(input);
        const b = quote({ ...input, monthlyIncome: incomeAt(input.paymentDate, other) });
        expect(b.stateSupportMonthly).toBe(a.stateSupportMonthly);
        expect(b.localSupportMonthly).toBe(a.localSupportMonthly);
      }),
    );
  });

  it('a periodic total is the sum of its rounded monthly items', () => {
    fc.assert(
      fc.property(periodicInput, (input) => {
        const r = quote(input);
        const items = Array.from({ length: r.months }, (_, i) =>
          i < r.supportedMonths ? r.netMonthly : r.grossMonthly,
        );
        expect(r.total).toBe(items.reduce((a, b) => a + b, 0));
      }),
    );
  });

  it('successive quotes never support more than 120 months in a lifetime', () => {
    const payment = fc.record({
      mode: fc.constantFrom(...PERIODIC_MODES, 'advance' as const),
      months: fc.integer({ min: 1, max: 60 }),
      day: fc.integer({ min: dayNumber('2018-01-01'), max: LAST }).map(dateOfDayNumber),
    });
    fc.assert(
      fc.property(fc.array(payment, { minLength: 1, maxLength: 40 }), categories, (payments, cats) => {
        let used = 0;
        for (const p of payments) {
          const input: VsiQuoteInput = {
            paymentDate: p.day,
            monthlyIncome: incomeAt(p.day, 0),
            mode: p.mode,
            categories: cats,
            supportedMonthsUsed: used,
            ...(p.mode === 'advance' ? { months: p.months, fundRate: 0.005 } : {}),
          };
          const r = quote(input);
          expect(r.supportedMonths).toBeLessThanOrEqual(r.months);
          used += r.supportedMonths;
          expect(used).toBeLessThanOrEqual(120);
        }
      }),
    );
  });

  it('an advance with r = 0 costs exactly the sum of its monthly items', () => {
    fc.assert(
      fc.property(periodicInput, fc.integer({ min: 1, max: 60 }), (input, months) => {
        const r = quote({ ...input, mode: 'advance', months, fundRate: 0 });
        expect(r.total).toBe(
          r.supportedMonths * r.netMonthly + (months - r.supportedMonths) * r.grossMonthly,
        );
      }),
    );
  });
});
