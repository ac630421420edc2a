import { describe, expect, it } from 'vitest';
import { createRuleBook, retirementAgeOf } from '../law/index.ts';
import { conversionRates } from './funnel.ts';
import { nearPensionBirthMonths } from './sources.ts';
import { canTake, undoOf } from './steps.ts';

const book = createRuleBook();

describe('people within five years of pension eligibility', () => {
  it('in March 2026 are men born from October 1964 to February 1969', () => {
    // Born September 1964, a man reached 61 years 3 months in December 2025: already eligible.
    expect(nearPensionBirthMonths(book, 'M', '2026-03')).toEqual({ from: '1964-10', to: '1969-02' });
    const first = retirementAgeOf(book, 'M', '1964-10');
    expect('error' in first ? null : first.reachesAgeMonth).toBe('2026-04');
    // 62 from 2028: born March 1969, he reaches it in March 2031, five years and a month away.
    const after = retirementAgeOf(book, 'M', '1969-03');
    expect('error' in after ? null : after.reachesAgeMonth).toBe('2031-03');
  });

  it('in March 2026 are women born from May 1969 to August 1972', () => {
    expect(nearPensionBirthMonths(book, 'F', '2026-03')).toEqual({ from: '1969-05', to: '1972-08' });
  });

  it('moves with the month asked about', () => {
    expect(nearPensionBirthMonths(book, 'M', '2027-03')?.from).toBe('1965-07');
  });
});

describe('following a lead up', () => {
  it.each([
    ['new', 'contacted', true],
    ['contacted', 'contacted', false],
    ['new', 'consulted', true],
    ['consulted', 'consulted', false],
    ['consulted', 'lost', true],
    ['enrolled', 'lost', false],
    ['lost', 'contacted', false],
  ] as const)('a %s lead can be marked %s: %s', (status, step, allowed) => {
    expect(canTake(status, step)).toBe(allowed);
  });

  const none = { contactedAt: null, consultedAt: null, lostAt: null, enrolledAt: null, paidAt: null };
  it('takes back the last step only', () => {
    const at = '2026-03-02T01:00:00.000Z';
    const later = '2026-03-03T01:00:00.000Z';
    expect(undoOf({ ...none, contactedAt: at, consultedAt: later, lostAt: later })).toEqual({
      ok: true,
      clear: ['lostAt'],
    });
    expect(undoOf({ ...none, contactedAt: at, consultedAt: later })).toEqual({
      ok: true,
      clear: ['consultedAt'],
    });
    // Consulted in one tap from new: back to new.
    expect(undoOf({ ...none, contactedAt: at, consultedAt: at })).toEqual({
      ok: true,
      clear: ['consultedAt', 'contactedAt'],
    });
    expect(undoOf({ ...none, contactedAt: at })).toEqual({ ok: true, clear: ['contactedAt'] });
  });

  it('never undoes an enrollment or a payment, nor a lead nobody touched', () => {
    expect(undoOf({ ...none, contactedAt: 'x', enrolledAt: 'y' })).toEqual({
      ok: false,
      reason: 'converted',
    });
    expect(undoOf(none)).toEqual({ ok: false, reason: 'nothing' });
  });
});

describe('conversion between the funnel steps', () => {
  it('is each step as a share of the one before', () => {
    expect(
      conversionRates({ contacted: 200, consulted: 120, enrolled: 30, firstPaid: 27, retained12m: 0 }),
    ).toEqual({ consulted: 0.6, enrolled: 0.25, firstPaid: 0.9, retained12m: 0 });
  });

  it('has no share after an empty step, and none above 100% when walk-ins enroll', () => {
    expect(
      conversionRates({ contacted: 0, consulted: 0, enrolled: 12, firstPaid: 10, retained12m: 3 }),
    ).toEqual({ consulted: null, enrolled: null, firstPaid: 0.8333, retained12m: 0.3 });
    expect(
      conversionRates({ contacted: 10, consulted: 4, enrolled: 9, firstPaid: 9, retained12m: 0 }).enrolled,
    ).toBe(1);
  });
});
