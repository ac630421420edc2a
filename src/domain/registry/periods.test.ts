import { describe, expect, it } from 'vitest';
import { createRuleBook } from '../law/index.ts';
import { ageOn, eligibilityProblems } from './eligibility.ts';
import {
  catchUpPeriod,
  coveredPeriod,
  deadlineOf,
  type EnrollmentTime,
  statusAfterPayment,
  statusOn,
} from './periods.ts';
import { classifySearch, maskPersonalId, normalizePhone } from './personal-id.ts';

const book = createRuleBook();
const monthly = (
  paidThrough: string | null,
  status: EnrollmentTime['status'] = 'active',
): EnrollmentTime => ({
  mode: 'monthly',
  startMonth: '2026-01',
  paidThrough,
  status,
});

describe('deadlines (RULES.md §3)', () => {
  it.each([
    ['monthly', '2026-04', '2026-04-30'],
    ['quarterly', '2026-04', '2026-06-30'],
    ['semiannual', '2026-04', '2026-07-31'],
    ['annual', '2026-01', '2026-07-31'],
  ] as const)('a %s period starting %s must be paid by %s', (mode, start, deadline) => {
    expect(deadlineOf(book, mode, start)).toBe(deadline);
  });

  it('gives February its own last day', () => {
    expect(deadlineOf(book, 'monthly', '2028-02')).toBe('2028-02-29');
  });
});

describe('status on a day', () => {
  it('waits for the first payment until the first deadline, then lapses', () => {
    expect(statusOn(book, monthly(null, 'awaiting_first_payment'), '2026-01-31').status).toBe(
      'awaiting_first_payment',
    );
    expect(statusOn(book, monthly(null, 'awaiting_first_payment'), '2026-02-01').status).toBe('lapsed');
  });

  it('is active while covered, due inside the next deadline, lapsed after it', () => {
    expect(statusOn(book, monthly('2026-03'), '2026-03-15')).toEqual({
      status: 'active',
      dueDate: '2026-04-30',
    });
    expect(statusOn(book, monthly('2026-03'), '2026-04-30').status).toBe('due');
    expect(statusOn(book, monthly('2026-03'), '2026-05-01').status).toBe('lapsed');
  });

  it('keeps a quarterly payer due through the whole next quarter', () => {
    const e: EnrollmentTime = {
      mode: 'quarterly',
      startMonth: '2026-01',
      paidThrough: '2026-03',
      status: 'active',
    };
    expect(statusOn(book, e, '2026-06-30').status).toBe('due');
    expect(statusOn(book, e, '2026-07-01').status).toBe('lapsed');
  });

  it('never moves a final status', () => {
    expect(statusOn(book, monthly('2020-01', 'deceased'), '2026-05-01')).toEqual({
      status: 'deceased',
      dueDate: null,
    });
  });
});

describe('status after a payment', () => {
  it('reactivates a lapsed person who catches up the skipped months, until the next deadline', () => {
    // Paid through January, lapsed since 1 March; on 20 May they catch up February to April.
    const after = statusAfterPayment(book, monthly('2026-01', 'lapsed'), '2026-05-20', {
      mode: 'monthly',
      paidThrough: '2026-04',
    });
    expect(after).toEqual({ status: 'reactivated', dueDate: '2026-05-31' });
    expect(statusOn(book, monthly('2026-04', 'reactivated'), '2026-05-31').status).toBe('reactivated');
    expect(statusOn(book, monthly('2026-04', 'reactivated'), '2026-06-01').status).toBe('lapsed');
  });

  it('reactivates a lapsed person who resumes from this month, leaving the gap', () => {
    expect(
      statusAfterPayment(book, monthly('2026-01', 'lapsed'), '2026-05-20', {
        mode: 'monthly',
        paidThrough: '2026-05',
      }).status,
    ).toBe('reactivated');
  });

  it('makes a reactivated person who pays the next period on time active again', () => {
    expect(
      statusAfterPayment(book, monthly('2026-04', 'reactivated'), '2026-05-25', {
        mode: 'monthly',
        paidThrough: '2026-05',
      }),
    ).toEqual({ status: 'active', dueDate: '2026-06-30' });
  });

  it('keeps an on-time payer active', () => {
    expect(
      statusAfterPayment(book, monthly('2026-04', 'due'), '2026-05-10', {
        mode: 'monthly',
        paidThrough: '2026-05',
      }).status,
    ).toBe('active');
  });
});

describe('covered months', () => {
  it('continues from the last covered month', () => {
    expect(coveredPeriod(book, monthly('2026-03'), '2026-04-10', 3)).toEqual({
      from: '2026-04',
      to: '2026-06',
      months: 3,
      gap: 0,
    });
  });

  it('restarts from the current month after a lapse, leaving the gap unpaid', () => {
    expect(coveredPeriod(book, monthly('2026-01', 'lapsed'), '2026-05-20', 1)).toEqual({
      from: '2026-05',
      to: '2026-05',
      months: 1,
      gap: 3,
    });
  });

  it('offers the skipped months for catching up with interest', () => {
    expect(catchUpPeriod(monthly('2026-01', 'lapsed'), '2026-05-20')).toEqual({
      from: '2026-02',
      to: '2026-04',
      months: 3,
      gap: 0,
    });
    expect(catchUpPeriod(monthly('2026-04'), '2026-05-20')).toBeNull();
  });
});

describe('eligibility (RULES.md §7)', () => {
  it('counts whole years', () => {
    expect(ageOn('2011-05-02', '2026-05-01')).toBe(14);
    expect(ageOn('2011-05-02', '2026-05-02')).toBe(15);
  });

  it('refuses a 14-year-old and records each declared exclusion', () => {
    expect(
      eligibilityProblems({
        birthDate: '2012-01-01',
        onDate: '2026-05-01',
        declaresNotCompulsory: true,
        declaresNoPension: true,
      }),
    ).toEqual(['too_young']);
    expect(
      eligibilityProblems({
        birthDate: '1960-01-01',
        onDate: '2026-05-01',
        declaresNotCompulsory: false,
        declaresNoPension: false,
      }),
    ).toEqual(['compulsory_covered', 'receives_pension']);
    expect(
      eligibilityProblems({
        birthDate: '1960-01-01',
        onDate: '2025-06-30',
        declaresNotCompulsory: true,
        declaresNoPension: false,
      }),
    ).toEqual([]);
  });
});

describe('personal IDs and search terms', () => {
  it('masks all but the province code and the last three digits', () => {
    expect(maskPersonalId('001098012345')).toBe('001******345');
  });

  it.each([
    ['001098012345', 'personal_id', '001098012345'],
    ['0912 345 678', 'phone', '0912345678'],
    ['+84912345678', 'phone', '0912345678'],
    ['Nguyễn Văn An', 'name', 'Nguyễn Văn An'],
  ])('reads "%s" as a %s', (term, kind, value) => {
    expect(classifySearch(term)).toEqual({ kind, value });
  });

  it('normalises phone numbers', () => {
    expect(normalizePhone('84 912-345-678')).toBe('0912345678');
  });
});
