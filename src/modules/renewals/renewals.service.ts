import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { seesFullPersonalIds } from '../../domain/access/roles.ts';
import { addDays, calculate, type HhiQuoteResult, type VsiQuoteResult } from '../../domain/law/index.ts';
import { nextUnpaidMonth } from '../../domain/registry/periods.ts';
import { maskPersonalId } from '../../domain/registry/personal-id.ts';
import { type Clock, vietnamDate } from '../../platform/clock.ts';
import type { Actor } from '../access/access.actor.ts';
import { inScope } from '../access/access.scope.ts';
import { month } from '../participants/participants.repository.ts';
import type { RulesService } from '../rules/rules.service.ts';

export const BUCKETS = ['upcoming', 'due_15', 'due_7', 'due_0', 'overdue', 'lapsed'] as const;
export type Bucket = (typeof BUCKETS)[number];

/** The deadline window of each bucket, in days from today (inclusive). */
function windowOf(bucket: Bucket | undefined, today: string): { from: string | null; to: string } {
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
  if (dueDate === today) return 'due_0';
  if (dueDate > today)
    return dueDate <= addDays(today, 7) ? 'due_7' : dueDate <= addDays(today, 15) ? 'due_15' : null;
  return dueDate >= addDays(today, -30) ? 'overdue' : 'lapsed';
}

/**
 * The renewal worklist: who is due in 15, 7 or 0 days, who is overdue (up to 30 days) and who
 * lapsed (win-back), for VSI and household HI alike, each with the amount to collect.
 */
export function createRenewalsService({ db, clock, rules }: { db: Db; clock: Clock; rules: RulesService }) {
  function base(actor: Actor, agentUserId: number | undefined) {
    // An agent sees their own list; a manager may pick an agent within their region.
    const agent = actor.role === 'collection_agent' ? actor.userId : agentUserId;
    const vsi = db
      .selectFrom('vsi_enrollment as e')
      .innerJoin('participant as p', 'p.id', 'e.participant_id')
      .innerJoin('org_unit as o', 'o.id', 'e.org_unit_id')
      .where(inScope(actor, { orgPath: 'o.path', commune: 'p.commune_code' }))
      .where('e.status', 'not in', ['retired', 'lump_sum_withdrawn', 'deceased'])
      .where('e.due_date', 'is not', null)
      .$if(agent !== undefined, (q) => q.where('e.agent_user_id', '=', agent!))
      .select([
        sql<string>`'vsi'`.as('product'),
        'e.id as ref_id',
        'p.id as participant_id',
        'p.full_name',
        'p.personal_id',
        'p.phone',
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
    const hhi = db
      .selectFrom('household as h')
      .innerJoin('participant as p', 'p.id', 'h.head_person_id')
      .innerJoin('org_unit as o', 'o.id', 'h.org_unit_id')
      .where(inScope(actor, { orgPath: 'o.path', commune: 'h.commune_code' }))
      .where('h.due_date', 'is not', null)
      .$if(agent !== undefined, (q) => q.where('h.agent_user_id', '=', agent!))
      .select([
        sql<string>`'hhi'`.as('product'),
        'h.id as ref_id',
        'p.id as participant_id',
        'p.full_name',
        'p.personal_id',
        'p.phone',
        'h.commune_code',
        'h.province_code',
        'p.categories',
        sql<string>`'due'`.as('status'),
        'h.due_date',
        'h.paid_through',
        'h.paid_through as start_month',
        sql<string>`h.payment_months::text`.as('mode'),
        sql<number>`0`.as('monthly_income'),
        sql<number>`0`.as('supported_months_used'),
        sql<number>`(select count(*) from household_member m where m.household_id = h.id
                     and m.to_month is null and not m.other_source)::int`.as('members'),
      ]);
    return vsi.unionAll(hhi);
  }

  return {
    async worklist(
      actor: Actor,
      filter: { bucket?: Bucket; agentUserId?: number; limit: number; offset: number },
    ) {
      const today = vietnamDate(clock);
      const window = windowOf(filter.bucket, today);
      const rows = db.selectFrom(base(actor, filter.agentUserId).as('w'));
      const inWindow = rows
        .where('w.due_date', '<=', window.to)
        .$if(window.from !== null, (q) => q.where('w.due_date', '>=', window.from!));
      const [items, total, counts] = await Promise.all([
        inWindow
          .selectAll()
          .orderBy('w.due_date')
          .orderBy('w.full_name')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        inWindow.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        rows
          .select([
            sql<number>`count(*) filter (where due_date between ${addDays(today, 8)} and ${addDays(today, 15)})::int`.as(
              'due_15',
            ),
            sql<number>`count(*) filter (where due_date between ${addDays(today, 1)} and ${addDays(today, 7)})::int`.as(
              'due_7',
            ),
            sql<number>`count(*) filter (where due_date = ${today})::int`.as('due_0'),
            sql<number>`count(*) filter (where due_date between ${addDays(today, -30)} and ${addDays(today, -1)})::int`.as(
              'overdue',
            ),
            sql<number>`count(*) filter (where due_date < ${addDays(today, -30)})::int`.as('lapsed'),
          ])
          .executeTakeFirstOrThrow(),
      ]);
      const book = await rules.book();
      const showId = seesFullPersonalIds(actor.role);
      return {
        total: Number(total.n),
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
            communeCode: r.commune_code,
            status: r.status,
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
  };
}

export type RenewalsService = ReturnType<typeof createRenewalsService>;
