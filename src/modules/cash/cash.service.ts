import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { transact } from '../../db/transaction.ts';
import { addDays, addMonths, formatVnd } from '../../domain/law/index.ts';
import { type Clock, vietnamDate } from '../../platform/clock.ts';
import { AppError } from '../../server/errors.ts';
import { type Actor, auditContext } from '../access/access.actor.ts';
import { inScope } from '../access/access.scope.ts';

/** Cash collected must reach the post office by the next working day. */
export const REMITTANCE_DAYS = 1;

/**
 * The agent's cash: what they collected (from receipts), what was voided, what they handed in.
 * The balance is what they hold; collections older than the remittance delay, beyond what was
 * handed in, are overdue (first in, first out).
 */
export function createCashService({ db, clock }: { db: Db; clock: Clock }) {
  /** The agent, if the caller may see them: themselves, or someone in their region. */
  async function agentInScope(actor: Actor, agentUserId: number) {
    const agent = await db
      .selectFrom('app_user as u')
      .innerJoin('org_unit as o', 'o.id', 'u.org_unit_id')
      .select(['u.id', 'u.full_name', 'u.username', 'u.org_unit_id', 'o.path', 'o.name as org_unit_name'])
      .where('u.id', '=', agentUserId)
      .where(inScope(actor, { orgPath: 'o.path', servingUnitId: 'o.id' }))
      .executeTakeFirst();
    if (!agent || (actor.role === 'collection_agent' && agent.id !== actor.userId)) {
      throw new AppError('user.not_found', { id: agentUserId });
    }
    return agent;
  }

  async function balanceOf(agentUserId: number) {
    const today = vietnamDate(clock);
    const row = await db
      .selectFrom('cash_entry')
      .select([
        sql<number>`coalesce(sum(amount), 0)::bigint`.as('balance'),
        sql<number>`coalesce(sum(amount) filter (where kind <> 'remittance'), 0)::bigint`.as('collected'),
        sql<number>`coalesce(-sum(amount) filter (where kind = 'remittance'), 0)::bigint`.as('remitted'),
        sql<number>`coalesce(sum(amount) filter (where kind <> 'remittance' and on_date < ${addDays(today, -REMITTANCE_DAYS)}), 0)::bigint`.as(
          'due_before',
        ),
        sql<string | null>`min(on_date) filter (where kind = 'collection')::text`.as('first_collection'),
      ])
      .where('agent_user_id', '=', agentUserId)
      .executeTakeFirstOrThrow();
    const balance = Number(row.balance);
    const overdue = Math.max(0, Number(row.due_before) - Number(row.remitted));
    return { balance, collected: Number(row.collected), remitted: Number(row.remitted), overdue };
  }

  return {
    balanceOf,

    async ledger(actor: Actor, agentUserId: number, page: { limit: number; offset: number }) {
      const agent = await agentInScope(actor, agentUserId);
      const base = db
        .selectFrom('cash_entry as c')
        .leftJoin('app_user as r', 'r.id', 'c.recorded_by')
        .where('c.agent_user_id', '=', agentUserId);
      const [items, count, balance] = await Promise.all([
        base
          .select([
            'c.id',
            'c.kind',
            'c.amount',
            'c.reference',
            'c.note',
            'c.at',
            'c.on_date',
            'r.full_name as recorded_by',
          ])
          .orderBy('c.id', 'desc')
          .limit(page.limit)
          .offset(page.offset)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        balanceOf(agentUserId),
      ]);
      return { agent, items, total: Number(count.n), ...balance };
    },

    /** Every agent of the caller's region with cash in hand, most overdue first. */
    async holders(actor: Actor, page: { limit: number; offset: number }) {
      const today = vietnamDate(clock);
      const cutoff = addDays(today, -REMITTANCE_DAYS);
      const base = db
        .selectFrom('cash_entry as c')
        .innerJoin('app_user as u', 'u.id', 'c.agent_user_id')
        .innerJoin('org_unit as o', 'o.id', 'u.org_unit_id')
        .where(inScope(actor, { orgPath: 'o.path', servingUnitId: 'o.id' }))
        .groupBy(['u.id', 'u.full_name', 'u.username', 'o.name'])
        .having(sql`sum(c.amount)`, '<>', 0);
      const [items, count] = await Promise.all([
        base
          .select([
            'u.id',
            'u.full_name',
            'u.username',
            'o.name as org_unit_name',
            sql<number>`sum(c.amount)::bigint`.as('balance'),
            sql<number>`greatest(0, coalesce(sum(c.amount) filter (where c.kind <> 'remittance' and c.on_date < ${cutoff}), 0)
                        + coalesce(sum(c.amount) filter (where c.kind = 'remittance'), 0))::bigint`.as(
              'overdue',
            ),
          ])
          .orderBy('overdue', 'desc')
          .orderBy('balance', 'desc')
          .limit(page.limit)
          .offset(page.offset)
          .execute(),
        db
          .selectFrom(base.select('u.id').as('h'))
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },

    /** The post-office manager records cash an agent handed in; never more than they hold. */
    async remit(
      actor: Actor,
      input: { agentUserId: number; amount: number; reference?: string; note?: string },
    ) {
      const agent = await agentInScope(actor, input.agentUserId);
      const { balance } = await balanceOf(agent.id);
      if (input.amount > balance) {
        throw new AppError(
          'cash.more_than_held',
          { amount: formatVnd(input.amount), balance: formatVnd(balance) },
          'amount',
        );
      }
      const at = clock.now();
      await transact(db, auditContext(actor, clock), (tx) =>
        tx
          .insertInto('cash_entry')
          .values({
            agent_user_id: agent.id,
            org_unit_id: agent.org_unit_id,
            kind: 'remittance',
            amount: -input.amount,
            payment_id: null,
            reference: input.reference?.trim() || null,
            note: input.note?.trim() || null,
            recorded_by: actor.userId,
            at,
            on_date: vietnamDate(clock),
          })
          .execute(),
      );
      return balanceOf(agent.id);
    },

    /**
     * A month's commission statement: for each agent (or organisation) and product, what was
     * collected on receipts not voided, and the commission at the rate in force on each payment day.
     */
    async commissions(actor: Actor, input: { month: string; groupBy: 'agent' | 'org' }) {
      const from = `${input.month}-01`;
      const to = `${addMonths(input.month, 1)}-01`;
      const key = input.groupBy === 'agent' ? ['u.id', 'u.full_name', 'o.name'] : ['o.id', 'o.name'];
      const rows = await db
        .selectFrom('payment as p')
        .innerJoin('org_unit as o', 'o.id', 'p.org_unit_id')
        .leftJoin('app_user as u', 'u.id', 'p.agent_user_id')
        .leftJoin('commission_rate as r', (join) =>
          join
            .onRef('r.product', '=', 'p.product')
            .onRef('r.valid_from', '<=', 'p.paid_on')
            .on((eb) => eb.or([eb('r.valid_to', 'is', null), eb('r.valid_to', '>=', eb.ref('p.paid_on'))])),
        )
        .where(inScope(actor, { orgPath: 'o.path', commune: 'p.commune_code' }))
        .where('p.paid_on', '>=', from)
        .where('p.paid_on', '<', to)
        .where('p.voided_at', 'is', null)
        .$if(actor.role === 'collection_agent', (q) => q.where('p.agent_user_id', '=', actor.userId!))
        .select([
          ...(input.groupBy === 'agent'
            ? (['u.id as id', 'u.full_name as name', 'o.name as org_unit_name'] as const)
            : (['o.id as id', 'o.name as name', 'o.name as org_unit_name'] as const)),
          'p.product',
          sql<number>`count(*)::int`.as('receipts'),
          sql<number>`sum(p.amount)::bigint`.as('collected'),
          sql<number>`round(sum(p.amount * coalesce(r.rate, 0)))::bigint`.as('commission'),
          sql<boolean>`bool_or(r.is_demo)`.as('demo_rate'),
        ])
        .groupBy([...key, 'p.product'] as never)
        .orderBy('name')
        .execute();
      return rows.map((r) => ({
        id: Number(r.id),
        name: r.name ?? '—',
        orgUnitName: r.org_unit_name,
        product: r.product,
        receipts: r.receipts,
        collected: Number(r.collected),
        commission: Number(r.commission),
        demoRate: r.demo_rate === true,
      }));
    },
  };
}

export type CashService = ReturnType<typeof createCashService>;
