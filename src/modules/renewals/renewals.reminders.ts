import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { type Tx, transact } from '../../db/transaction.ts';
import {
  calculate,
  formatDateVi,
  formatMonthVi,
  formatVnd,
  type RuleBook,
  type VsiQuoteResult,
} from '../../domain/law/index.ts';
import { FINAL_STATUSES, nextUnpaidMonth, type Status } from '../../domain/registry/periods.ts';
import { type Clock, vietnamDate, vietnamTime } from '../../platform/clock.ts';
import { AppError, DomainError } from '../../server/errors.ts';
import { type Actor, auditContext } from '../access/access.actor.ts';
import type { HouseholdsService } from '../households/households.service.ts';
import { createParticipantsRepository, month, monthDate } from '../participants/participants.repository.ts';
import type { RulesService } from '../rules/rules.service.ts';
import { createRenewalsRepository, type ReminderOf } from './renewals.repository.ts';
import { presentReminder, windowOf } from './renewals.service.ts';
import type { ReminderTransport } from './renewals.transport.ts';

const MAX_SEND_ATTEMPTS = 5;
const CLAIM_STALE_MS = 10 * 60_000;

/** One reminder to make: whom, for which period, how much by when, and where to pay. */
export interface ReminderDraft {
  product: 'vsi' | 'hhi';
  participantId: number;
  of: ReminderOf;
  name: string;
  period: string;
  amount: number;
  dueDate: string;
  unit: string;
  /** Who sent it by hand; absent for the daily job. */
  requestedBy?: number | null;
}

type EnrollmentToPrice = Pick<
  NonNullable<Awaited<ReturnType<ReturnType<typeof createRenewalsRepository>['enrollmentToRemind']>>>,
  | 'payment_mode'
  | 'start_month'
  | 'paid_through'
  | 'monthly_income'
  | 'supported_months_used'
  | 'categories'
  | 'province_code'
>;

/**
 * The reminders outbox: one reminder per person and period, with the SMS or Zalo words, the amount
 * the law engine prices on the day it is made, the deadline and a pay link; then sent through the
 * transport. The daily job queues those whose deadline is 15, 7 or 0 days away; an agent or a
 * manager sends one person theirs now ("Nhắc đóng ngay"). Both go through `queue`, and the unique
 * index keeps either from reminding anyone twice for a period.
 */
export function createReminderOutbox({
  db,
  clock,
  rules,
  transport,
  publicUrl,
  households,
}: {
  db: Db;
  clock: Clock;
  rules: RulesService;
  transport: ReminderTransport;
  publicUrl: string;
  /** Loads a household in the caller's region and prices its renewal. */
  households: Pick<HouseholdsService, 'load' | 'quoteFor'>;
}) {
  const repo = createRenewalsRepository(db);
  const participants = createParticipantsRepository(db);
  const channel = transport.channels[0] ?? 'sms';

  /** A VSI enrollment's next period and what it costs if paid on `date`, or the law engine's refusal. */
  function priceEnrollment(book: RuleBook, e: EnrollmentToPrice, date: string) {
    const outcome = calculate(
      'vsi-quote',
      {
        paymentDate: date,
        monthlyIncome: Number(e.monthly_income),
        mode: e.payment_mode,
        categories: e.categories.length ? e.categories : ['other'],
        provinceCode: e.province_code,
        supportedMonthsUsed: e.supported_months_used,
      },
      { book, today: date },
    );
    if (!outcome.ok) return outcome;
    return {
      ok: true as const,
      period: nextUnpaidMonth({ startMonth: month(e.start_month)!, paidThrough: month(e.paid_through) }),
      amount: (outcome.result as VsiQuoteResult).total,
    };
  }

  /** A household's next period and what it costs if paid on `date`; null when nobody is left to pay for. */
  async function priceHousehold(
    h: { id: number | string; paid_through: string | null; payment_months: number },
    date: string,
  ) {
    const priced = await households
      .quoteFor(
        { id: Number(h.id), paid_through: h.paid_through, payment_months: h.payment_months },
        {
          paymentDate: date,
        },
      )
      .catch(() => null);
    return priced && { period: priced.period.from, amount: priced.quote.total };
  }

  /** The words a reminder carries, its pay link on `token`. */
  function words(draft: ReminderDraft, token: string) {
    return template(channel, draft.product, {
      name: draft.name,
      month: formatMonthVi(draft.period),
      amount: formatVnd(draft.amount),
      dueDate: formatDateVi(draft.dueDate),
      unit: draft.unit,
      link: `${publicUrl}/api/v1/pay/${token}`,
    });
  }

  /** Queues a reminder; null when the person already has one for this period. */
  function queue(draft: ReminderDraft, q: Db | Tx = db): Promise<number | null> {
    const token = randomBytes(12).toString('base64url');
    return repo.insertReminder(q, {
      participant_id: draft.participantId,
      enrollment_id: draft.of.enrollmentId,
      household_id: draft.of.householdId,
      channel,
      period_month: monthDate(draft.period),
      due_date: draft.dueDate,
      amount: draft.amount,
      body: words(draft, token),
      token,
      status: 'queued',
      created_at: clock.now(),
      requested_by_user_id: draft.requestedBy ?? null,
    });
  }

  /**
   * Sends whatever is queued (or the one reminder `only`). Each batch is claimed first (skip
   * locked), so two servers never send one reminder twice; a claim left by a crashed worker is
   * taken again after a few minutes. A failure is kept with its error and retried, up to
   * MAX_SEND_ATTEMPTS, then marked failed.
   */
  async function deliver(only?: number) {
    let sent = 0;
    let failed = 0;
    for (;;) {
      const now = clock.now();
      const claimed = await repo.claim(now, new Date(now.getTime() - CLAIM_STALE_MS), only);
      if (claimed.length === 0) break;
      for (const reminder of claimed) {
        const attempts = reminder.attempts + 1;
        try {
          await transport.send(reminder);
          await repo.settle(reminder.id, { status: 'sent', at: clock.now(), attempts });
          sent++;
        } catch (error) {
          const status = attempts >= MAX_SEND_ATTEMPTS ? 'failed' : 'queued';
          await repo.settle(reminder.id, { status, error: (error as Error).message, attempts });
          failed++;
        }
      }
      // A transport that keeps failing: the rest waits for the next run rather than spinning now.
      if (failed > 0 || only !== undefined) break;
    }
    return { sent, failed };
  }

  /** Only people who agreed to be contacted (Decree 13/2023), and who have a phone to reach. */
  function checkContactable(person: { full_name: string; phone: string | null; contact_consent: boolean }) {
    if (!person.contact_consent) throw new AppError('reminder.no_consent', { name: person.full_name });
    if (!person.phone) throw new AppError('reminder.no_phone', { name: person.full_name });
  }

  /**
   * A reminder asks for the next period before its deadline. Past it the person has lapsed: the
   * words ("hạn nộp …") no longer fit, and a win-back needs a call or a visit. Further ahead than
   * the worklist looks (62 days), it is too soon: the daily job will remind them in time.
   */
  function checkDeadline(name: string, dueDate: string | null, today: string, lapsed = false) {
    if (dueDate === null) throw new AppError('reminder.nothing_due', { name });
    if (lapsed || dueDate < today)
      throw new AppError('reminder.overdue', { name, dueDate: formatDateVi(dueDate) });
    if (dueDate > windowOf('upcoming', today).to)
      throw new AppError('reminder.not_due_yet', { name, dueDate: formatDateVi(dueDate) });
  }

  /**
   * Queues the reminder for the caller, sends it at once, and answers with it as sent (or not). A
   * period's reminder that failed every try is sent again, with today's amount and the same link;
   * one that went, or is on its way, is not.
   */
  async function sendNow(actor: Actor, draft: ReminderDraft) {
    const refuse = (existing: { created_at: Date; sent_at: Date | null } | undefined) =>
      new AppError('reminder.already_sent', {
        name: draft.name,
        month: formatMonthVi(draft.period),
        at: existing ? vietnamTime(existing.sent_at ?? existing.created_at) : '',
      });
    const existing = await repo.reminderFor(draft.participantId, draft.of, draft.period);
    let id: number | null;
    if (existing?.status === 'failed') {
      const requeued = await transact(db, auditContext(actor, clock), (tx) =>
        repo.requeue(tx, Number(existing.id), {
          body: words(draft, existing.token),
          amount: draft.amount,
          due_date: draft.dueDate,
          requested_by_user_id: actor.userId,
        }),
      );
      id = requeued ? Number(existing.id) : null;
    } else if (existing) {
      throw refuse(existing);
    } else {
      id = await transact(db, auditContext(actor, clock), (tx) =>
        queue({ ...draft, requestedBy: actor.userId }, tx),
      );
    }
    // Another request (or the daily job) made it, or sent it again, in between.
    if (id === null) throw refuse(await repo.reminderFor(draft.participantId, draft.of, draft.period));
    await deliver(id);
    return presentReminder(await repo.reminder(id));
  }

  const outbox = {
    priceEnrollment,
    priceHousehold,
    queue,
    deliver,

    /** "Nhắc đóng ngay" for a VSI payer in the caller's region: their next period, now. */
    async remindParticipant(actor: Actor, participantId: number) {
      const person = await participants.findVisible(actor, participantId);
      if (!person) throw new AppError('participant.not_found', { id: participantId });
      checkContactable(person);
      const e = await repo.enrollmentToRemind(participantId);
      if (!e) throw new AppError('reminder.no_enrollment', { name: person.full_name });
      if (FINAL_STATUSES.includes(e.status as Status))
        throw new AppError('reminder.ended', { name: person.full_name });
      const today = vietnamDate(clock);
      checkDeadline(person.full_name, e.due_date, today, e.status === 'lapsed');
      const priced = priceEnrollment(await rules.book(), e, today);
      if (!priced.ok) throw new DomainError(priced.error.code, priced.error.message, priced.error.field, 409);
      return sendNow(actor, {
        product: 'vsi',
        participantId,
        of: { enrollmentId: Number(e.id), householdId: null },
        name: person.full_name,
        period: priced.period,
        amount: priced.amount,
        dueDate: e.due_date!,
        unit: e.unit_name,
      });
    },

    /** "Nhắc đóng ngay" for a household in the caller's region: to its head, for the renewal. */
    async remindHousehold(actor: Actor, householdId: number) {
      const h = await households.load(actor, householdId);
      const head = await repo.recipient(Number(h.head_person_id));
      checkContactable(head);
      const today = vietnamDate(clock);
      checkDeadline(head.full_name, h.due_date, today);
      const priced = await priceHousehold(h, today);
      if (!priced) throw new AppError('reminder.nothing_due', { name: head.full_name });
      return sendNow(actor, {
        product: 'hhi',
        participantId: Number(head.id),
        of: { enrollmentId: null, householdId: Number(h.id) },
        name: head.full_name,
        period: priced.period,
        amount: priced.amount,
        dueDate: h.due_date!,
        unit: h.org_unit_name,
      });
    },

    /**
     * "Gửi lại" on the outbox: a reminder that failed every try, sent again to the person it was
     * for, as "Nhắc đóng ngay" would (their consent, phone and deadline checked again, today's
     * amount). Their next period may have moved on since; then that period is the one reminded.
     */
    async resend(actor: Actor, reminderId: number) {
      const reminder = await repo.reminderVisible(actor, reminderId);
      if (!reminder) throw new AppError('reminder.not_found', { id: reminderId });
      if (reminder.status !== 'failed')
        throw new AppError('reminder.not_failed', { name: reminder.full_name });
      return reminder.household_id !== null
        ? outbox.remindHousehold(actor, Number(reminder.household_id))
        : outbox.remindParticipant(actor, Number(reminder.participant_id));
    },
  };
  return outbox;
}

export type ReminderOutbox = ReturnType<typeof createReminderOutbox>;

const TEMPLATES = {
  vsi: {
    sms: 'BHXH: Kinh gui {name}, ky dong BHXH tu nguyen tu thang {month}: {amount}, han nop {dueDate}. Dong tai {unit} hoac quet QR: {link}. Tong dai 1900 9068.',
    zalo: 'Kính gửi {name},\nKỳ đóng BHXH tự nguyện từ tháng {month} của anh/chị là {amount}, hạn nộp {dueDate}.\nAnh/chị có thể đóng tại {unit} hoặc quét mã VietQR tại: {link}\nĐóng đều đặn để giữ quyền lương hưu và được Nhà nước hỗ trợ. Hỏi đáp: 1900 9068.',
  },
  hhi: {
    sms: 'BHXH: Kinh gui {name}, BHYT ho gia dinh can gia han tu thang {month}: {amount}, han nop {dueDate}. Dong tai {unit} hoac quet QR: {link}. Tong dai 1900 9068.',
    zalo: 'Kính gửi {name},\nBảo hiểm y tế hộ gia đình của anh/chị cần gia hạn từ tháng {month}: {amount}, hạn nộp {dueDate}.\nAnh/chị có thể đóng tại {unit} hoặc quét mã VietQR tại: {link}\nGia hạn đúng hạn để thẻ BHYT không bị gián đoạn. Hỏi đáp: 1900 9068.',
  },
};

/** SMS go out without diacritics: a Vietnamese text with them costs three times as many messages. */
export function template(
  channel: 'sms' | 'zalo',
  product: 'vsi' | 'hhi',
  values: Record<string, string>,
): string {
  const text = TEMPLATES[product][channel].replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
  return channel === 'sms' ? stripDiacritics(text) : text;
}

function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}
