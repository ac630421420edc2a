import type { Db } from '../../db/database.ts';
import { seesFullPersonalIds } from '../../domain/access/roles.ts';
import { addDays, calculate, type HhiQuoteResult, type VsiQuoteResult } from '../../domain/law/index.ts';
import { lastDayOfMonth, nextUnpaidMonth } from '../../domain/registry/periods.ts';
import { maskPersonalId } from '../../domain/registry/personal-id.ts';
import { type Clock, vietnamDate } from '../../platform/clock.ts';
import type { Actor } from '../access/access.actor.ts';
import { month } from '../participants/participants.repository.ts';
import type { RulesService } from '../rules/rules.service.ts';
import {
  createRenewalsRepository,
  type DueWindow,
  type OutboxRow,
  type ReminderFilter,
} from './renewals.repository.ts';

export const BUCKETS = ['upcoming', 'due_15', 'due_7', 'due_0', 'overdue', 'lapsed'] as const;
export type Bucket = (typeof BUCKETS)[number];

/** The deadline window of each bucket, in days from today (inclusive). */
export function windowOf(bucket: Bucket | undefined, today: string): DueWindow {
  switch (bucket) {
    case 'upcoming':
      return { from: addDays(today, 16), to: addDays(today, 62) };
    case 'due_15':
      return { from: addDays(today, 8), to: addDays(today, 15) };
    case 'due_7':
      return { from: addDays(today, 1), to: addDays(today, 7) };
    case 'due_0':
      return { from: today, to: today };
    case 'overdue':
      return { from: addDays(today, -30), to: addDays(today, -1) };
    case 'lapsed':
      return { from: null, to: addDays(today, -31) };
    default:
      return { from: addDays(today, -30), to: addDays(today, 15) };
  }
}

export function bucketOf(dueDate: string, today: string): Bucket | null {
  for (const bucket of BUCKETS) {
    const w = windowOf(bucket, today);
    if ((w.from === null || dueDate >= w.from) && dueDate <= w.to) return bucket;
  }
  return null;
}

/**
 * A household's status on the worklist, by the windows the VSI rows are listed by: its deadline is
 * the last day of the paid-through month (the card must not run out), or the first period's deadline
 * before any payment; due until then, overdue up to 30 days after, lapsed beyond.
 */
export function householdStatus(
  h: { paidThrough: string | null; dueDate: string },
  today: string,
): 'due' | 'overdue' | 'lapsed' {
  const deadline = h.paidThrough ? lastDayOfMonth(h.paidThrough) : h.dueDate;
  const bucket = bucketOf(deadline, today);
  return bucket === 'overdue' || bucket === 'lapsed' ? bucket : 'due';
}

/**
 * The renewal worklist: who is due in 15, 7 or 0 days, who is overdue (up to 30 days) and who
 * lapsed (win-back), for VSI and household HI alike, each with the amount to collect.
 */
export function createRenewalsService({ db, clock, rules }: { db: Db; clock: Clock; rules: RulesService }) {
  const repo = createRenewalsRepository(db);

  return {
    async worklist(
      actor: Actor,
      filter: { bucket?: Bucket; agentUserId?: number; limit: number; offset: number },
    ) {
      const today = vietnamDate(clock);
      // An agent sees their own list; a manager may pick an agent within their region.
      const agent = actor.role === 'collection_agent' ? actor.userId : filter.agentUserId;
      const { items, total, counts } = await repo.worklist(actor, agent, {
        window: windowOf(filter.bucket, today),
        buckets: BUCKETS.map((name) => ({ name, ...windowOf(name, today) })),
        limit: filter.limit,
        offset: filter.offset,
      });
      const book = await rules.book();
      const showId = seesFullPersonalIds(actor.role);
      return {
        total,
        counts,
        items: items.map((r) => {
          const outcome =
            r.product === 'vsi'
              ? calculate(
                  'vsi-quote',
                  {
                    paymentDate: today,
                    monthlyIncome: Number(r.monthly_income),
                    mode: r.mode,
                    categories: r.categories.length ? r.categories : ['other'],
                    provinceCode: r.province_code,
                    supportedMonthsUsed: r.supported_months_used,
                  },
                  { book, today },
                )
              : r.members > 0
                ? calculate(
                    'hhi-quote',
                    { paymentDate: today, members: r.members, months: Number(r.mode) },
                    { book, today },
                  )
                : null;
          const amount = outcome?.ok ? (outcome.result as VsiQuoteResult | HhiQuoteResult).total : null;
          return {
            product: r.product as 'vsi' | 'hhi',
            id: Number(r.ref_id),
            participantId: Number(r.participant_id),
            fullName: r.full_name,
            personalId: showId ? r.personal_id : maskPersonalId(r.personal_id),
            phone: r.phone,
            contactConsent: r.contact_consent,
            communeCode: r.commune_code,
            status:
              r.product === 'hhi'
                ? householdStatus({ paidThrough: month(r.paid_through), dueDate: r.due_date! }, today)
                : r.status,
            bucket: bucketOf(r.due_date!, today)!,
            dueDate: r.due_date!,
            paidThrough: month(r.paid_through),
            nextMonth:
              r.product === 'vsi'
                ? nextUnpaidMonth({ startMonth: month(r.start_month)!, paidThrough: month(r.paid_through) })
                : null,
            mode: r.mode,
            amount,
          };
        }),
      };
    },

    /** The reminders sent or waiting, for the outbox screen: an agent sees their own people's. */
    async reminders(actor: Actor, filter: ReminderFilter & { agentUserId?: number }) {
      const agent = actor.role === 'collection_agent' ? actor.userId! : filter.agentUserId;
      const { items, total } = await repo.reminders(actor, agent, filter);
      return { total, items: items.map(presentReminder) };
    },
  };
}

/** A reminder as the outbox shows it, and as "Nhắc đóng ngay" answers it. */
export function presentReminder(r: OutboxRow) {
  return {
    id: Number(r.id),
    product: (r.enrollment_id === null ? 'hhi' : 'vsi') as 'vsi' | 'hhi',
    householdId: r.household_id === null ? null : Number(r.household_id),
    channel: r.channel,
    period: month(r.period_month)!,
    dueDate: r.due_date,
    amount: Number(r.amount),
    body: r.body,
    status: r.status,
    createdAt: r.created_at.toISOString(),
    sentAt: r.sent_at?.toISOString() ?? null,
    error: r.error,
    attempts: r.attempts,
    participant: {
      id: Number(r.participant_id),
      fullName: r.full_name,
      // A list of messages sent needs no one's full ID: masked for every role.
      maskedId: maskPersonalId(r.personal_id),
      communeCode: r.commune_code,
    },
    requestedBy:
      r.requested_by_id === null ? null : { id: r.requested_by_id, fullName: r.requested_by_name! },
  };
}

export type RenewalsService = ReturnType<typeof createRenewalsService>;
