import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { PaymentTable } from '../../db/schema.ts';
import { type Tx, transact } from '../../db/transaction.ts';
import {
  addDays,
  calculate,
  formatVnd,
  param,
  rulesAt,
  type VsiQuoteResult,
} from '../../domain/law/index.ts';
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
  statusOn,
} from '../../domain/registry/periods.ts';
import { type Clock, vietnamDate } from '../../platform/clock.ts';
import { AppError, DomainError } from '../../server/errors.ts';
import { type Actor, auditContext } from '../access/access.actor.ts';
import { month, monthDate } from '../participants/participants.repository.ts';
import type { ParticipantsService } from '../participants/participants.service.ts';
import {
  createReceiptsRepository,
  formatReceiptNumber,
  parseReceiptNumber,
} from '../receipts/receipts.repository.ts';
import type { RulesService } from '../rules/rules.service.ts';

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
  const receipts = createReceiptsRepository(db);

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
      period = catchUpPeriod(time, paymentDate);
      if (!period)
        throw new AppError('payment.nothing_to_catch_up', { paidThrough: time.paidThrough ?? '—' });
      engineMode = 'backpay';
      months = period.months;
    } else if (input.mode === 'backpay') {
      period = null;
    } else {
      const perMode = (PERIODIC_MODES as readonly string[]).includes(input.mode)
        ? param(rulesAt(book, paymentDate), 'vsi.mode_months', input.mode)
        : undefined;
      const count = perMode ?? input.months ?? 0;
      period = count > 0 ? coveredPeriod(book, time, paymentDate, count) : null;
      if (perMode !== undefined) months = undefined;
    }
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
        ...(input.fundRate !== undefined ? { fundRate: input.fundRate } : {}),
      },
      { book, today: vietnamDate(clock) },
    );
    if (!outcome.ok) throw new DomainError(outcome.error.code, outcome.error.message, outcome.error.field);
    const quote = outcome.result as VsiQuoteResult;
    if (period && period.months !== quote.months) period = { ...period, months: quote.months };
    return { ...loaded, mode: input.mode, period, quote, paymentDate };
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
    const payment = await tx
      .insertInto('payment')
      .values({ ...values, agent_user_id: actor.userId, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const paymentId = Number(payment.id);
    const receipt = await receiptNumberFor(tx, actor.userId, requestedNumber, at);
    await receipts.insert(tx, {
      number: receipt.text,
      seriesId: receipt.seriesId,
      paymentId,
      at,
      amount: values.amount,
    });
    if (values.method === 'cash') {
      await tx
        .insertInto('cash_entry')
        .values({
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
        })
        .execute();
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
      const book = await rules.book();
      const at = clock.now();
      const result = await transact(db, auditContext(actor, clock), async (tx) => {
        // Re-read under a lock: two payments for one person must not both extend the same months.
        const locked = await tx
          .selectFrom('vsi_enrollment')
          .selectAll()
          .where('id', '=', enrollment.id)
          .forUpdate()
          .executeTakeFirstOrThrow();
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
              ...(input.fundRate !== undefined ? { fundRate: input.fundRate } : {}),
            }),
            method: input.method,
            paid_on: paymentDate,
            org_unit_id: actor.orgUnitId ?? participant.org_unit_id,
            province_code: participant.province_code,
            commune_code: participant.commune_code,
            channel: enrollment.channel,
            campaign_id: input.campaignId ?? enrollment.campaign_id,
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
        const next = statusOn(
          book,
          {
            mode,
            startMonth: month(locked.start_month)!,
            paidThrough,
            // Coming back after a lapse, over a gap of unpaid months, is a reactivation.
            status: (period?.gap ?? 0) > 0 ? 'reactivated' : 'active',
          },
          paymentDate,
        );
        await tx
          .updateTable('vsi_enrollment')
          .set({
            paid_through: paidThrough ? monthDate(paidThrough) : null,
            due_date: next.dueDate,
            payment_mode: mode,
            months_paid: locked.months_paid + quote.months,
            supported_months_used: locked.supported_months_used + quote.supportedMonths,
            status: next.status,
            ...(next.status !== locked.status ? { status_since: paymentDate } : {}),
            updated_at: at,
          })
          .where('id', '=', enrollment.id)
          .execute();
        if (next.status !== locked.status) {
          await tx
            .insertInto('status_change')
            .values({
              enrollment_id: enrollment.id,
              from_status: locked.status,
              to_status: next.status,
              on_date: paymentDate,
              reason: `Thu tiền, biên lai ${receiptNumber}`,
              at,
            })
            .onConflict((oc) => oc.doNothing())
            .execute();
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
        const payment = await tx
          .selectFrom('payment')
          .selectAll()
          .where('id', '=', receipt.payment_id)
          .forUpdate()
          .executeTakeFirstOrThrow();
        const owner = payment.enrollment_id
          ? tx.selectFrom('payment').where('enrollment_id', '=', payment.enrollment_id)
          : tx.selectFrom('payment').where('household_id', '=', payment.household_id!);
        const latest = await owner
          .innerJoin('receipt', 'receipt.payment_id', 'payment.id')
          .select(['payment.id', 'receipt.number'])
          .where('payment.voided_at', 'is', null)
          .orderBy('payment.id', 'desc')
          .limit(1)
          .executeTakeFirstOrThrow();
        if (Number(latest.id) !== Number(payment.id)) {
          throw new AppError('payment.void_not_latest', { latest: latest.number });
        }
        await tx
          .updateTable('payment')
          .set({ voided_at: at, void_reason: reason, voided_by: actor.userId })
          .where('id', '=', payment.id)
          .execute();
        await tx
          .updateTable('receipt')
          .set({ voided_at: at, void_reason: reason })
          .where('number', '=', number)
          .execute();
        if (payment.method === 'cash' && payment.agent_user_id) {
          await tx
            .insertInto('cash_entry')
            .values({
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
            })
            .execute();
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
    const enrollment = await tx
      .selectFrom('vsi_enrollment')
      .selectAll()
      .where('id', '=', payment.enrollment_id!)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const remaining = await tx
      .selectFrom('payment')
      .select((eb) => eb.fn.max('covered_to').as('to'))
      .where('enrollment_id', '=', enrollment.id)
      .where('voided_at', 'is', null)
      .executeTakeFirstOrThrow();
    const paidThrough = month((remaining.to as string | null) ?? null);
    const today = vietnamDate(clock);
    const next = statusOn(
      book,
      {
        mode: enrollment.payment_mode,
        startMonth: month(enrollment.start_month)!,
        paidThrough,
        status: paidThrough ? 'active' : 'awaiting_first_payment',
      },
      today,
    );
    await tx
      .updateTable('vsi_enrollment')
      .set({
        paid_through: paidThrough ? monthDate(paidThrough) : null,
        due_date: next.dueDate,
        months_paid: Math.max(0, enrollment.months_paid - payment.months),
        supported_months_used: Math.max(0, enrollment.supported_months_used - payment.supported_months),
        status: next.status,
        ...(next.status !== enrollment.status ? { status_since: today } : {}),
        updated_at: at,
      })
      .where('id', '=', enrollment.id)
      .execute();
    if (next.status !== enrollment.status) {
      await tx
        .insertInto('status_change')
        .values({
          enrollment_id: enrollment.id,
          from_status: enrollment.status,
          to_status: next.status,
          on_date: today,
          reason: `Hủy biên lai ${number}`,
          at,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  }

  async function reverseHousehold(tx: Tx, householdId: number, at: Date) {
    const remaining = await tx
      .selectFrom('payment')
      .select((eb) => eb.fn.max('covered_to').as('to'))
      .where('household_id', '=', householdId)
      .where('voided_at', 'is', null)
      .executeTakeFirstOrThrow();
    const paidThrough = (remaining.to as string | null) ?? null;
    await tx
      .updateTable('household')
      .set({
        paid_through: paidThrough,
        due_date: paidThrough ? lastDayOfMonth(paidThrough.slice(0, 7)) : null,
        updated_at: at,
      })
      .where('id', '=', householdId)
      .execute();
  }
}

export type PaymentsService = ReturnType<typeof createPaymentsService>;
