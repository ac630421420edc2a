import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { PaymentTable } from '../../db/schema.ts';
import { type Tx, transact } from '../../db/transaction.ts';
import {
  addDays,
  calculate,
  formatMonthVi,
  formatRatePercent,
  formatVnd,
  param,
  rulesAt,
  type VsiQuoteResult,
} from '../../domain/law/index.ts';
import { backpayAllowance } from '../../domain/registry/backpay.ts';
import {
  type CoveredPeriod,
  catchUpPeriod,
  coveredPeriod,
  type EnrollmentTime,
  FINAL_STATUSES,
  lastDayOfMonth,
  PERIODIC_MODES,
  type PeriodicMode,
  type Status,
  statusAfterPayment,
  statusOn,
} from '../../domain/registry/periods.ts';
import { type Clock, vietnamDate } from '../../platform/clock.ts';
import { AppError, DomainError } from '../../server/errors.ts';
import { type Actor, auditContext } from '../access/access.actor.ts';
import { createCampaignAttribution } from '../campaigns/campaigns.repository.ts';
import { month, monthDate } from '../participants/participants.repository.ts';
import type { ParticipantsService } from '../participants/participants.service.ts';
import {
  createReceiptsRepository,
  formatReceiptNumber,
  parseReceiptNumber,
} from '../receipts/receipts.repository.ts';
import type { RulesService } from '../rules/rules.service.ts';
import { createPaymentsRepository } from './payments.repository.ts';

export const PAYMENT_MODES = [...PERIODIC_MODES, 'advance', 'catch_up', 'backpay'] as const;
export type PaymentMode = (typeof PAYMENT_MODES)[number];
export const METHODS = ['cash', 'bank_transfer', 'vietqr'] as const;
export type Method = (typeof METHODS)[number];

/** How far back an offline payment may be recorded. */
const MAX_BACKDATE_DAYS = 60;

export interface PayInput {
  mode: PaymentMode;
  months?: number;
  method: Method;
  amount: number;
  paymentDate?: string;
  fundRate?: number;
  /** A number an offline device printed from its pre-allocated block. */
  receiptNumber?: string;
  campaignId?: number | null;
  eventId?: number | null;
}

export interface PaymentQuote {
  mode: PaymentMode;
  period: CoveredPeriod | null;
  quote: VsiQuoteResult;
  paymentDate: string;
  /** The fund rate the collector entered because none is recorded for the year; null otherwise. */
  fundRateEntered: number | null;
}

export function createPaymentsService({
  db,
  clock,
  rules,
  participants,
}: {
  db: Db;
  clock: Clock;
  rules: RulesService;
  participants: ParticipantsService;
}) {
  const repo = createPaymentsRepository(db);
  const receipts = createReceiptsRepository(db);
  const attribution = createCampaignAttribution(db);

  function checkDate(date: string | undefined): string {
    const today = vietnamDate(clock);
    const from = addDays(today, -MAX_BACKDATE_DAYS);
    const chosen = date ?? today;
    if (chosen > today || chosen < from) {
      throw new AppError('payment.date_out_of_range', { date: chosen, from, to: today }, 'paymentDate');
    }
    return chosen;
  }

  async function loadEnrollment(actor: Actor, participantId: number) {
    const participant = await participants.load(actor, participantId);
    const enrollment = await participants.repo.enrollmentOf(participantId);
    if (!enrollment) throw new AppError('payment.no_enrollment');
    if (FINAL_STATUSES.includes(enrollment.status as Status)) {
      throw new AppError('payment.enrollment_ended', { status: enrollment.status });
    }
    return { participant, enrollment };
  }

  const timeOf = (e: {
    payment_mode: string;
    start_month: string;
    paid_through: string | null;
    status: string;
  }) =>
    ({
      mode: e.payment_mode as PeriodicMode,
      startMonth: month(e.start_month)!,
      paidThrough: month(e.paid_through),
      status: e.status as Status,
    }) satisfies EnrollmentTime;

  /** Prices a payment exactly as it will be taken: covered months, quote, rule version. */
  async function price(
    actor: Actor,
    participantId: number,
    input: Omit<PayInput, 'method' | 'amount'>,
  ): Promise<PaymentQuote & Awaited<ReturnType<typeof loadEnrollment>>> {
    const loaded = await loadEnrollment(actor, participantId);
    const { participant, enrollment } = loaded;
    const paymentDate = checkDate(input.paymentDate);
    const book = await rules.book();
    const time = timeOf(enrollment);
    let period: CoveredPeriod | null;
    let engineMode: string = input.mode;
    let months = input.months;
    if (input.mode === 'catch_up') {
      // Skipped months are caught up, with interest, only once the person has stopped paying; a
      // payer still inside the deadline pays the ordinary amount, with state support.
      if (statusOn(book, time, paymentDate).status !== 'lapsed') {
        throw new AppError('payment.catch_up_not_lapsed', { status: enrollment.status });
      }
      period = catchUpPeriod(time, paymentDate);
      if (!period)
        throw new AppError('payment.nothing_to_catch_up', { paidThrough: time.paidThrough ?? '—' });
      engineMode = 'backpay';
      months = period.months;
    } else if (input.mode === 'backpay') {
      const allowance = backpayAllowance(
        book,
        {
          sex: participant.sex as 'M' | 'F',
          birthDate: participant.birth_date,
          monthsPaid: enrollment.months_paid,
        },
        paymentDate,
      );
      if (!allowance.ok) {
        if (allowance.problem === 'before_retirement')
          throw new AppError('payment.backpay_before_retirement', {
            month: formatMonthVi(allowance.reachesAgeMonth),
          });
        if (allowance.problem === 'nothing_missing')
          throw new AppError('payment.backpay_nothing_missing', { years: allowance.minYears });
        throw new AppError('payment.backpay_nothing_missing', { years: '—' });
      }
      months = input.months ?? allowance.missingMonths;
      if (months > allowance.missingMonths) {
        throw new AppError(
          'payment.backpay_too_many',
          { months, missing: allowance.missingMonths, years: allowance.minYears },
          'months',
        );
      }
      // Missing years are not calendar months: nothing is "covered", the count of months grows.
      period = null;
    } else {
      const perMode = (PERIODIC_MODES as readonly string[]).includes(input.mode)
        ? param(rulesAt(book, paymentDate), 'vsi.mode_months', input.mode)
        : undefined;
      const count = perMode ?? input.months ?? 0;
      period = count > 0 ? coveredPeriod(book, time, paymentDate, count) : null;
      if (perMode !== undefined) months = undefined;
    }
    const fundRateEntered = enteredFundRate(book, engineMode, paymentDate, input.fundRate);
    const outcome = calculate(
      'vsi-quote',
      {
        paymentDate,
        monthlyIncome: Number(enrollment.monthly_income),
        mode: engineMode,
        ...(months !== undefined ? { months } : {}),
        categories: participant.categories.length ? participant.categories : ['other'],
        provinceCode: participant.province_code,
        supportedMonthsUsed: enrollment.supported_months_used,
        ...(fundRateEntered !== null ? { fundRate: fundRateEntered } : {}),
      },
      { book, today: vietnamDate(clock) },
    );
    if (!outcome.ok) throw new DomainError(outcome.error.code, outcome.error.message, outcome.error.field);
    const quote = outcome.result as VsiQuoteResult;
    if (period && period.months !== quote.months) period = { ...period, months: quote.months };
    return { ...loaded, mode: input.mode, period, quote, paymentDate, fundRateEntered };
  }

  /**
   * The fund rate r a collector may enter: only for a year the rule book records none. A recorded
   * rate is the law and is never overridden at the counter (the calculator's public contract still
   * accepts an override, for what-ifs). Null when the payment uses no rate or the recorded one.
   */
  function enteredFundRate(
    book: Awaited<ReturnType<RulesService['book']>>,
    engineMode: string,
    paymentDate: string,
    given: number | undefined,
  ): number | null {
    if (given === undefined || (engineMode !== 'advance' && engineMode !== 'backpay')) return null;
    const recorded = param(rulesAt(book, paymentDate), 'vsi.fund_rate');
    if (recorded === undefined) return given;
    if (Math.round(given * 1e6) !== Math.round(recorded * 1e6)) {
      throw new AppError(
        'payment.fund_rate_recorded',
        {
          year: paymentDate.slice(0, 4),
          recorded: formatRatePercent(recorded),
          given: formatRatePercent(given),
        },
        'fundRate',
      );
    }
    return null;
  }

  async function receiptNumberFor(tx: Tx, agentUserId: number, requested: string | undefined, at: Date) {
    if (!requested) {
      const taken = await receipts.take(tx, agentUserId, at);
      return { ...taken, text: formatReceiptNumber(taken.number) };
    }
    const number = parseReceiptNumber(requested);
    const claimed = number === null ? null : await receipts.claim(tx, agentUserId, number);
    if (!claimed || number === null) {
      throw new AppError('payment.receipt_number_unavailable', { number: requested }, 'receiptNumber');
    }
    return { seriesId: claimed.seriesId, number, text: formatReceiptNumber(number) };
  }

  /**
   * The part every payment shares, VSI or household HI: the payment row, its receipt number from
   * the agent's series, the receipt, and for cash the amount the agent now holds. Runs inside the
   * caller's transaction.
   */
  async function recordPayment(
    tx: Tx,
    actor: Actor,
    values: Omit<Insertable<PaymentTable>, 'agent_user_id' | 'created_at'>,
    requestedNumber?: string,
  ): Promise<{ paymentId: number; receiptNumber: string }> {
    if (!actor.userId) throw new AppError('payment.no_agent');
    const at = clock.now();
    const paymentId = await repo.insertPayment(tx, {
      ...values,
      agent_user_id: actor.userId,
      created_at: at,
    });
    const receipt = await receiptNumberFor(tx, actor.userId, requestedNumber, at);
    await receipts.insert(tx, {
      number: receipt.text,
      seriesId: receipt.seriesId,
      paymentId,
      at,
      amount: values.amount,
    });
    if (values.method === 'cash') {
      await repo.insertCashEntry(tx, {
        agent_user_id: actor.userId,
        org_unit_id: values.org_unit_id,
        kind: 'collection',
        amount: values.amount,
        payment_id: paymentId,
        reference: receipt.text,
        note: null,
        recorded_by: actor.userId,
        at,
        on_date: values.paid_on,
      });
    }
    return { paymentId, receiptNumber: receipt.text };
  }

  return {
    price,
    recordPayment,
    checkDate,

    /**
     * Takes a VSI payment. In one transaction: the payment with its rule version, the next receipt
     * number, the covered months and paid-through month, the lifetime count of supported months,
     * the status, and the cash the agent now holds. All of it or none of it.
     */
    async pay(actor: Actor, participantId: number, input: PayInput) {
      if (!actor.userId) throw new AppError('payment.no_agent');
      const priced = await price(actor, participantId, input);
      const { participant, enrollment, quote, period, paymentDate } = priced;
      if (input.amount !== quote.total) {
        throw new AppError(
          'payment.amount_mismatch',
          {
            given: formatVnd(input.amount),
            expected: formatVnd(quote.total),
            ruleVersion: quote.ruleVersion,
          },
          'amount',
        );
      }
      const campaignId = input.campaignId ?? (await attribution.during(enrollment.campaign_id, paymentDate));
      if (input.campaignId != null || input.eventId != null) {
        await attribution.checkNamed(input, campaignId);
      }
      const book = await rules.book();
      const at = clock.now();
      const result = await transact(db, auditContext(actor, clock), async (tx) => {
        // Re-read under a lock: two payments for one person must not both extend the same months.
        const locked = await repo.lockEnrollment(tx, enrollment.id);
        if (locked.paid_through !== enrollment.paid_through || locked.status !== enrollment.status) {
          // Someone paid in between: the quote no longer describes these months.
          throw new AppError('payment.amount_mismatch', {
            given: formatVnd(input.amount),
            expected: 'một số tiền mới (hồ sơ vừa được cập nhật, hãy tính lại)',
            ruleVersion: quote.ruleVersion,
          });
        }
        const { paymentId, receiptNumber } = await recordPayment(
          tx,
          actor,
          {
            product: 'vsi',
            participant_id: participantId,
            enrollment_id: enrollment.id,
            household_id: null,
            mode: input.mode,
            months: quote.months,
            covered_from: period ? monthDate(period.from) : null,
            covered_to: period ? monthDate(period.to) : null,
            amount: quote.total,
            supported_months: quote.supportedMonths,
            rule_version: quote.ruleVersion,
            quote: JSON.stringify({
              monthlyIncome: Number(enrollment.monthly_income),
              categories: participant.categories,
              provinceCode: participant.province_code,
              grossMonthly: quote.grossMonthly,
              stateSupportMonthly: quote.stateSupportMonthly,
              localSupportMonthly: quote.localSupportMonthly,
              netMonthly: quote.netMonthly,
              gap: period?.gap ?? 0,
              ...(priced.fundRateEntered !== null ? { fundRate: priced.fundRateEntered } : {}),
            }),
            fund_rate_entered: priced.fundRateEntered,
            method: input.method,
            paid_on: paymentDate,
            org_unit_id: actor.orgUnitId ?? participant.org_unit_id,
            province_code: participant.province_code,
            commune_code: participant.commune_code,
            channel: enrollment.channel,
            campaign_id: campaignId,
            event_id: input.eventId ?? enrollment.event_id,
            is_demo: participant.is_demo,
          },
          input.receiptNumber,
        );
        const covers = period !== null && input.mode !== 'backpay';
        const paidThrough = covers ? period!.to : month(locked.paid_through);
        const mode = (PERIODIC_MODES as readonly string[]).includes(input.mode)
          ? (input.mode as PeriodicMode)
          : (locked.payment_mode as PeriodicMode);
        const next = statusAfterPayment(book, timeOf(locked), paymentDate, { mode, paidThrough });
        await repo.updateEnrollment(tx, enrollment.id, {
          paid_through: paidThrough ? monthDate(paidThrough) : null,
          due_date: next.dueDate,
          payment_mode: mode,
          months_paid: locked.months_paid + quote.months,
          supported_months_used: locked.supported_months_used + quote.supportedMonths,
          status: next.status,
          ...(next.status !== locked.status ? { status_since: paymentDate } : {}),
          updated_at: at,
        });
        if (next.status !== locked.status) {
          await repo.insertStatusChange(tx, {
            enrollment_id: enrollment.id,
            from_status: locked.status,
            to_status: next.status,
            on_date: paymentDate,
            reason: `Thu tiền, biên lai ${receiptNumber}`,
            at,
          });
        }
        return { paymentId, receiptNumber, paidThrough, status: next.status, dueDate: next.dueDate };
      });
      await rules.remember([rulesAt(book, paymentDate)]);
      return { ...result, quote, period, participantId, paymentDate, method: input.method, mode: input.mode };
    },

    /**
     * Voids a receipt: never deleted, marked with who, when and why, and its effects reversed
     * (covered months, supported months, status, the agent's cash). Only the latest receipt of a
     * person can be voided, so the months left paid are always one unbroken run.
     */
    async void(actor: Actor, number: string, reason: string) {
      const receipt = await receipts.findVisible(actor, number);
      if (!receipt) throw new AppError('payment.not_found', { number });
      if (receipt.voided_at) {
        throw new AppError('payment.already_voided', { number, at: receipt.voided_at.toISOString() });
      }
      const at = clock.now();
      const book = await rules.book();
      await transact(db, auditContext(actor, clock), async (tx) => {
        const payment = await repo.lockPayment(tx, receipt.payment_id);
        const latest = await repo.latestPayment(
          tx,
          payment.enrollment_id
            ? { enrollmentId: payment.enrollment_id }
            : { householdId: payment.household_id! },
        );
        if (Number(latest.id) !== Number(payment.id)) {
          throw new AppError('payment.void_not_latest', { latest: latest.number });
        }
        await repo.voidPayment(tx, payment.id, { at, reason, by: actor.userId });
        await repo.voidReceipt(tx, number, { at, reason });
        if (payment.method === 'cash' && payment.agent_user_id) {
          await repo.insertCashEntry(tx, {
            agent_user_id: payment.agent_user_id,
            org_unit_id: payment.org_unit_id,
            kind: 'void',
            amount: -Number(payment.amount),
            payment_id: payment.id,
            reference: number,
            note: reason,
            recorded_by: actor.userId,
            at,
            on_date: vietnamDate(clock),
          });
        }
        if (payment.enrollment_id) await reverseEnrollment(tx, payment, number, at, book);
        if (payment.household_id) await reverseHousehold(tx, payment.household_id, at);
      });
      return receipts.findVisible(actor, number);
    },
  };

  async function reverseEnrollment(
    tx: Tx,
    payment: { enrollment_id: number | null; months: number; supported_months: number },
    number: string,
    at: Date,
    book: Awaited<ReturnType<RulesService['book']>>,
  ) {
    const enrollment = await repo.lockEnrollment(tx, payment.enrollment_id!);
    const paidThrough = month(await repo.lastCovered(tx, { enrollmentId: enrollment.id }));
    const today = vietnamDate(clock);
    // A void takes back the payment, not what happened to the person: an enrollment that ended
    // (retired, withdrawn, deceased) stays ended, from the same date.
    const ended = FINAL_STATUSES.includes(enrollment.status as Status);
    const next = statusOn(
      book,
      {
        mode: enrollment.payment_mode,
        startMonth: month(enrollment.start_month)!,
        paidThrough,
        status: ended ? (enrollment.status as Status) : paidThrough ? 'active' : 'awaiting_first_payment',
      },
      today,
    );
    await repo.updateEnrollment(tx, enrollment.id, {
      paid_through: paidThrough ? monthDate(paidThrough) : null,
      due_date: next.dueDate,
      months_paid: Math.max(0, enrollment.months_paid - payment.months),
      supported_months_used: Math.max(0, enrollment.supported_months_used - payment.supported_months),
      status: next.status,
      ...(next.status !== enrollment.status ? { status_since: today } : {}),
      updated_at: at,
    });
    if (next.status !== enrollment.status) {
      await repo.insertStatusChange(tx, {
        enrollment_id: enrollment.id,
        from_status: enrollment.status,
        to_status: next.status,
        on_date: today,
        reason: `Hủy biên lai ${number}`,
        at,
      });
    }
  }

  async function reverseHousehold(tx: Tx, householdId: number, at: Date) {
    const paidThrough = await repo.lastCovered(tx, { householdId });
    await repo.setHouseholdPaidThrough(tx, householdId, {
      paidThrough,
      dueDate: paidThrough ? lastDayOfMonth(paidThrough.slice(0, 7)) : null,
      at,
    });
  }
}

export type PaymentsService = ReturnType<typeof createPaymentsService>;
