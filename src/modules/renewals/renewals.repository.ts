import { type Insertable, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ReminderTable } from '../../db/schema.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Actor } from '../access/access.actor.ts';
import { inScope } from '../access/access.scope.ts';
import { monthDate } from '../participants/participants.repository.ts';

/**
 * Who has a deadline to pay, in the caller's region: running VSI enrollments and households HI.
 * The worklist reads both as one list; the win-back report walks the VSI one in chunks. `agent`
 * keeps the list to one collection agent's people: those a manager made them responsible for, and
 * those they enrolled that nobody was named for.
 */
export const REMINDER_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export const REMINDER_CHANNELS = ['sms', 'zalo'] as const;

/** Deadlines from `from` (null: from any time) to `to`, both included. */
export interface DueWindow {
  from: string | null;
  to: string;
}

export interface ReminderFilter {
  status?: (typeof REMINDER_STATUSES)[number];
  channel?: (typeof REMINDER_CHANNELS)[number];
  product?: 'vsi' | 'hhi';
  limit: number;
  offset: number;
}

/** The agent responsible for an enrollment or household: the expression its worklist index holds. */
export const responsible = (table: 'e' | 'h') =>
  sql<
    number | null
  >`coalesce(${sql.ref(`${table}.collector_user_id`)}, ${sql.ref(`${table}.agent_user_id`)})`;

/** Statuses with a deadline running, whose next period a reminder asks for (not a lapsed one). */
export const REMINDED_STATUSES = ['awaiting_first_payment', 'active', 'due', 'reactivated'] as const;

/** A reminder is for a VSI enrollment or for a household. */
export type ReminderOf =
  | { enrollmentId: number; householdId: null }
  | { enrollmentId: null; householdId: number };

const OUTBOX_COLUMNS = [
  'r.id',
  'r.channel',
  'r.period_month',
  'r.due_date',
  'r.amount',
  'r.body',
  'r.status',
  'r.created_at',
  'r.sent_at',
  'r.error',
  'r.attempts',
  'r.enrollment_id',
  'r.household_id',
  'p.id as participant_id',
  'p.full_name',
  'p.personal_id',
  'p.commune_code',
  'rq.id as requested_by_id',
  'rq.full_name as requested_by_name',
] as const;

export type OutboxRow = Awaited<ReturnType<ReturnType<typeof createRenewalsRepository>['reminder']>>;

export function createRenewalsRepository(db: Db) {
  /** A reminder with the person it reached and whoever sent it by hand. */
  const outbox = () =>
    db
      .selectFrom('reminder as r')
      .innerJoin('participant as p', 'p.id', 'r.participant_id')
      .leftJoin('app_user as rq', 'rq.id', 'r.requested_by_user_id');

  const enrollmentsToRemind = () =>
    db
      .selectFrom('vsi_enrollment as e')
      .innerJoin('participant as p', 'p.id', 'e.participant_id')
      .innerJoin('org_unit as o', 'o.id', 'e.org_unit_id')
      .select([
        'e.id',
        'e.participant_id',
        'e.payment_mode',
        'e.start_month',
        'e.paid_through',
        'e.status',
        'e.due_date',
        'e.monthly_income',
        'e.supported_months_used',
        'p.full_name',
        'p.categories',
        'p.province_code',
        'o.name as unit_name',
      ]);

  const vsi = (actor: Actor, agent: number | null | undefined) =>
    db
      .selectFrom('vsi_enrollment as e')
      .innerJoin('participant as p', 'p.id', 'e.participant_id')
      .innerJoin('org_unit as o', 'o.id', 'e.org_unit_id')
      .where(inScope(actor, { orgPath: 'o.path', commune: 'p.commune_code' }))
      .where('e.status', 'not in', ['retired', 'lump_sum_withdrawn', 'deceased'])
      .where('e.due_date', 'is not', null)
      .$if(agent !== undefined, (q) => q.where(responsible('e'), '=', agent!))
      .select([
        sql<string>`'vsi'`.as('product'),
        'e.id as ref_id',
        'p.id as participant_id',
        'p.full_name',
        'p.personal_id',
        'p.phone',
        'p.contact_consent',
        'p.commune_code',
        'p.province_code',
        'p.categories',
        'e.status',
        'e.due_date',
        'e.paid_through',
        sql<string | null>`e.start_month`.as('start_month'),
        sql<string>`e.payment_mode`.as('mode'),
        'e.monthly_income',
        'e.supported_months_used',
        sql<number>`0`.as('members'),
      ]);

  const hhi = (actor: Actor, agent: number | null | undefined) =>
    db
      .selectFrom('household as h')
      .innerJoin('participant as p', 'p.id', 'h.head_person_id')
      .innerJoin('org_unit as o', 'o.id', 'h.org_unit_id')
      .where(inScope(actor, { orgPath: 'o.path', commune: 'h.commune_code' }))
      .where('h.due_date', 'is not', null)
      .$if(agent !== undefined, (q) => q.where(responsible('h'), '=', agent!))
      .select([
        sql<string>`'hhi'`.as('product'),
        'h.id as ref_id',
        'p.id as participant_id',
        'p.full_name',
        'p.personal_id',
        'p.phone',
        'p.contact_consent',
        'h.commune_code',
        'h.province_code',
        'p.categories',
        // Households keep no status: the service derives it from the deadline (householdStatus).
        sql<string>`null::text`.as('status'),
        'h.due_date',
        'h.paid_through',
        'h.paid_through as start_month',
        sql<string>`h.payment_months::text`.as('mode'),
        sql<number>`0`.as('monthly_income'),
        sql<number>`0`.as('supported_months_used'),
        sql<number>`(select count(*) from household_member m where m.household_id = h.id
                     and m.to_month is null and not m.other_source)::int`.as('members'),
      ]);

  return {
    vsi,
    hhi,

    /**
     * Both lists as one (`agent`: one agent's people), the page of those due in `window` by
     * deadline then name, how many are, and how many fall in each of `buckets`.
     */
    async worklist<B extends string>(
      actor: Actor,
      agent: number | null | undefined,
      query: {
        window: DueWindow;
        buckets: readonly (DueWindow & { name: B })[];
        limit: number;
        offset: number;
      },
    ) {
      const { window } = query;
      const rows = db.selectFrom(vsi(actor, agent).unionAll(hhi(actor, agent)).as('w'));
      const inWindow = rows
        .where('w.due_date', '<=', window.to)
        .$if(window.from !== null, (q) => q.where('w.due_date', '>=', window.from!));
      const [items, total, counts] = await Promise.all([
        inWindow
          .selectAll()
          .orderBy('w.due_date')
          .orderBy('w.full_name')
          .limit(query.limit)
          .offset(query.offset)
          .execute(),
        inWindow.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        rows
          .select(
            query.buckets.map((w) => {
              const from = w.from === null ? sql`true` : sql`due_date >= ${w.from}`;
              return sql<number>`count(*) filter (where ${from} and due_date <= ${w.to})::int`.as(w.name);
            }),
          )
          .executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(total.n), counts };
    },

    /**
     * The outbox, newest first, in the caller's region (the person's commune); `agent` keeps it to
     * the reminders of one agent's people, as their worklist holds them.
     */
    async reminders(actor: Actor, agent: number | undefined, filter: ReminderFilter) {
      const query = outbox()
        .leftJoin('vsi_enrollment as e', 'e.id', 'r.enrollment_id')
        .leftJoin('household as h', 'h.id', 'r.household_id')
        .where(inScope(actor, { province: 'p.province_code', commune: 'p.commune_code' }))
        .$if(agent !== undefined, (q) =>
          q.where(sql`coalesce(${responsible('e')}, ${responsible('h')})`, '=', agent!),
        )
        .$if(filter.status !== undefined, (q) => q.where('r.status', '=', filter.status!))
        .$if(filter.channel !== undefined, (q) => q.where('r.channel', '=', filter.channel!))
        .$if(filter.product !== undefined, (q) =>
          q.where('r.enrollment_id', filter.product === 'vsi' ? 'is not' : 'is', null),
        );
      const [items, count] = await Promise.all([
        query
          .select(OUTBOX_COLUMNS)
          .orderBy('r.id', 'desc')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },

    /** One reminder as the outbox shows it. */
    reminder(id: number) {
      return outbox().select(OUTBOX_COLUMNS).where('r.id', '=', id).executeTakeFirstOrThrow();
    },

    /** One reminder, if its person lives in the caller's region. */
    reminderVisible(actor: Actor, id: number) {
      return outbox()
        .select(['r.id', 'r.status', 'r.household_id', 'p.id as participant_id', 'p.full_name'])
        .where('r.id', '=', id)
        .where(inScope(actor, { province: 'p.province_code', commune: 'p.commune_code' }))
        .executeTakeFirst();
    },

    /** The reminder already made for a person's VSI period or household period, if any. */
    reminderFor(participantId: number, of: ReminderOf, period: string) {
      return db
        .selectFrom('reminder')
        .select(['id', 'status', 'token', 'created_at', 'sent_at'])
        .where('participant_id', '=', participantId)
        .where(
          of.enrollmentId !== null ? 'enrollment_id' : 'household_id',
          '=',
          (of.enrollmentId ?? of.householdId)!,
        )
        .where('period_month', '=', monthDate(period))
        .orderBy('id', 'desc')
        .executeTakeFirst();
    },

    /** Queues a reminder; null when the person already has one for the period (the unique index). */
    async insertReminder(q: Db | Tx, values: Insertable<ReminderTable>) {
      const inserted = await q
        .insertInto('reminder')
        .values(values)
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      return inserted ? Number(inserted.id) : null;
    },

    /** A person's VSI enrollment as a reminder needs it: what to price, the deadline, the unit. */
    /**
     * Puts a failed reminder back in the queue, with today's words and amount and who asked: the
     * same row (one reminder per person and period), its tries counted afresh. False when it was
     * not failed any more (sent or queued again by someone else in between).
     */
    async requeue(
      q: Db | Tx,
      id: number,
      values: { body: string; amount: number; due_date: string; requested_by_user_id: number | null },
    ) {
      const updated = await q
        .updateTable('reminder')
        .set({ ...values, status: 'queued', attempts: 0, error: null, claimed_at: null })
        .where('id', '=', id)
        .where('status', '=', 'failed')
        .returning('id')
        .executeTakeFirst();
      return updated !== undefined;
    },

    enrollmentToRemind(participantId: number) {
      return enrollmentsToRemind().where('e.participant_id', '=', participantId).executeTakeFirst();
    },

    /** Running VSI enrollments of people who agreed to reminders, whose deadline is one of `dates`. */
    enrollmentsDueOn(dates: string[]) {
      return (
        enrollmentsToRemind()
          .where('p.contact_consent', '=', true)
          .where('p.phone', 'is not', null)
          .where('e.status', 'in', [...REMINDED_STATUSES])
          .where('e.due_date', 'in', dates)
          // In enrollment order, so the outbox's order (newest first) is the same on every run.
          .orderBy('e.id')
          .execute()
      );
    },

    /** Households whose head agreed to reminders, whose deadline is one of `dates`. */
    householdsDueOn(dates: string[]) {
      return db
        .selectFrom('household as h')
        .innerJoin('participant as p', 'p.id', 'h.head_person_id')
        .innerJoin('org_unit as o', 'o.id', 'h.org_unit_id')
        .select([
          'h.id',
          'h.paid_through',
          'h.payment_months',
          'h.due_date',
          'h.head_person_id',
          'p.full_name',
          'o.name as unit_name',
        ])
        .where('p.contact_consent', '=', true)
        .where('p.phone', 'is not', null)
        .where('h.due_date', 'in', dates)
        .orderBy('h.id')
        .execute();
    },

    /** Who a reminder would reach: the name, the phone and whether they agreed to be contacted. */
    recipient(participantId: number) {
      return db
        .selectFrom('participant')
        .select(['id', 'full_name', 'phone', 'contact_consent'])
        .where('id', '=', participantId)
        .executeTakeFirstOrThrow();
    },

    /**
     * Takes up to 500 queued reminders (or `id` alone) for sending, skipping those another worker
     * holds; a claim older than `stale` was abandoned by a crashed worker and is taken again.
     */
    claim(now: Date, stale: Date, id?: number) {
      return db
        .updateTable('reminder')
        .set({ status: 'sending', claimed_at: now })
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('reminder')
            .select('id')
            .where((w) =>
              w.or([
                w('status', '=', 'queued'),
                w.and([w('status', '=', 'sending'), w('claimed_at', '<', stale)]),
              ]),
            )
            .$if(id !== undefined, (q) => q.where('id', '=', id!))
            .orderBy('id')
            .limit(500)
            .forUpdate()
            .skipLocked(),
        )
        .returningAll()
        .execute();
    },

    /** Records how a send went: sent, or its error and whether it will be tried again. */
    async settle(
      id: number,
      outcome:
        | { status: 'sent'; at: Date; attempts: number }
        | { status: 'queued' | 'failed'; error: string; attempts: number },
    ) {
      await db
        .updateTable('reminder')
        .set(
          outcome.status === 'sent'
            ? { status: 'sent', sent_at: outcome.at, error: null, attempts: outcome.attempts }
            : { status: outcome.status, error: outcome.error, attempts: outcome.attempts },
        )
        .where('id', '=', id)
        .execute();
    },
  };
}
