import { addMonths, monthOfDate, monthsBetween, param, type RuleBook, rulesAt } from '../law/index.ts';
import { daysInMonth } from '../law/law.calendar.ts';

/**
 * The life of a VSI enrollment in time: which months a payment covers, when the next one is due
 * (RULES.md §3: within the month, the 3-month period, the first 4 or first 7 months of the period),
 * and the status on any day. Months are 'YYYY-MM', dates 'YYYY-MM-DD'.
 */
export const PERIODIC_MODES = ['monthly', 'quarterly', 'semiannual', 'annual'] as const;
export type PeriodicMode = (typeof PERIODIC_MODES)[number];

export const STATUSES = [
  'awaiting_first_payment',
  'active',
  'due',
  'lapsed',
  'reactivated',
  'retired',
  'lump_sum_withdrawn',
  'deceased',
] as const;
export type Status = (typeof STATUSES)[number];

/** Statuses the daily job never moves: they end the enrollment. */
export const FINAL_STATUSES: readonly Status[] = ['retired', 'lump_sum_withdrawn', 'deceased'];

export interface EnrollmentTime {
  mode: PeriodicMode;
  startMonth: string;
  paidThrough: string | null;
  status: Status;
}

export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
}

/** The first month not yet paid for. */
export function nextUnpaidMonth(e: Pick<EnrollmentTime, 'startMonth' | 'paidThrough'>): string {
  return e.paidThrough ? addMonths(e.paidThrough, 1) : e.startMonth;
}

/** The last day to pay for a period starting in `periodStart`, by the rules in force then. */
export function deadlineOf(book: RuleBook, mode: PeriodicMode, periodStart: string): string {
  const rules = rulesAt(book, `${periodStart}-01`);
  const months = param(rules, 'vsi.mode_deadline_months', mode) ?? 1;
  return lastDayOfMonth(addMonths(periodStart, months - 1));
}

/** The status of an enrollment on a day, and the deadline it is working against. */
export function statusOn(
  book: RuleBook,
  e: EnrollmentTime,
  date: string,
): { status: Status; dueDate: string | null } {
  if (FINAL_STATUSES.includes(e.status)) return { status: e.status, dueDate: null };
  const next = nextUnpaidMonth(e);
  const dueDate = deadlineOf(book, e.mode, next);
  if (!e.paidThrough) return { status: date <= dueDate ? 'awaiting_first_payment' : 'lapsed', dueDate };
  const back = e.status === 'reactivated';
  if (monthOfDate(date) <= e.paidThrough) return { status: back ? 'reactivated' : 'active', dueDate };
  if (date > dueDate) return { status: 'lapsed', dueDate };
  // Someone back from a lapse stays reactivated inside the next deadline (a catch-up pays only the
  // months before this one): an on-time payment makes them active again, a missed deadline lapsed.
  return { status: back ? 'reactivated' : 'due', dueDate };
}

/**
 * The status after a payment on `paidOn` that leaves the enrollment paid through `paidThrough`.
 * A person who had lapsed and pays (resuming over the gap, or catching the skipped months up) is
 * reactivated (the lifecycle: awaiting first payment → active → due → lapsed → reactivated);
 * anyone else who pays is active (or due, when the payment covers no month).
 */
export function statusAfterPayment(
  book: RuleBook,
  before: EnrollmentTime,
  paidOn: string,
  after: { mode: PeriodicMode; paidThrough: string | null },
): { status: Status; dueDate: string | null } {
  const lapsed = statusOn(book, before, paidOn).status === 'lapsed';
  // Missing years paid back cover no month: they leave a reactivation as it was.
  const stillBack = before.status === 'reactivated' && after.paidThrough === before.paidThrough;
  return statusOn(
    book,
    { ...before, ...after, status: lapsed || stillBack ? 'reactivated' : 'active' },
    paidOn,
  );
}

export interface CoveredPeriod {
  from: string;
  to: string;
  months: number;
  /** Months skipped between the last covered month and this period (a lapse not caught up). */
  gap: number;
}

/**
 * The months an ordinary or advance payment on `paidOn` covers. After a lapse the person restarts
 * from the current month (the skipped months stay unpaid unless caught up with interest).
 */
export function coveredPeriod(
  book: RuleBook,
  e: EnrollmentTime,
  paidOn: string,
  months: number,
): CoveredPeriod {
  const next = nextUnpaidMonth(e);
  const lapsed = statusOn(book, e, paidOn).status === 'lapsed';
  const current = monthOfDate(paidOn);
  const from = lapsed && current > next ? current : next;
  const gap = from === next ? 0 : monthsBetween(next, from);
  return { from, to: addMonths(from, months - 1), months, gap };
}

/** The skipped months a lapsed person can catch up: from the first unpaid month to last month. */
export function catchUpPeriod(e: EnrollmentTime, paidOn: string): CoveredPeriod | null {
  const next = nextUnpaidMonth(e);
  const last = addMonths(monthOfDate(paidOn), -1);
  if (last < next) return null;
  const months = monthsBetween(next, last) + 1;
  return { from: next, to: last, months, gap: 0 };
}
