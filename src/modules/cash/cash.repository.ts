import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Actor } from '../access/access.actor.ts';
import { inScope } from '../access/access.scope.ts';

export interface CashEntryInsert {
  agentUserId: number;
  orgUnitId: number;
  kind: 'remittance';
  amount: number;
  reference: string | null;
  note: string | null;
  recordedBy: number | null;
  at: Date;
  onDate: string;
}

/** The cash ledger's SQL: agents, their entries and balances, commissions and their rates. */
export function createCashRepository(db: Db) {
  const entriesOf = (agentUserId: number) =>
    db
      .selectFrom('cash_entry as c')
      .leftJoin('app_user as r', 'r.id', 'c.recorded_by')
      .where('c.agent_user_id', '=', agentUserId);

  /** Agents of the caller's region holding cash, one group per agent. */
  const holding = (actor: Actor) =>
    db
      .selectFrom('cash_entry as c')
      .innerJoin('app_user as u', 'u.id', 'c.agent_user_id')
      .innerJoin('org_unit as o', 'o.id', 'u.org_unit_id')
      .where(inScope(actor, { orgPath: 'o.path', servingUnitId: 'o.id' }))
      .groupBy(['u.id', 'u.full_name', 'u.username', 'o.name'])
      .having(sql`sum(c.amount)`, '<>', 0);

  return {
    /** A user and their unit, if they lie in the caller's region. */
    agentInScope(actor: Actor, agentUserId: number) {
      return db
        .selectFrom('app_user as u')
        .innerJoin('org_unit as o', 'o.id', 'u.org_unit_id')
        .select(['u.id', 'u.full_name', 'u.username', 'u.org_unit_id', 'o.path', 'o.name as org_unit_name'])
        .where('u.id', '=', agentUserId)
        .where(inScope(actor, { orgPath: 'o.path', servingUnitId: 'o.id' }))
        .executeTakeFirst();
    },

    /** An agent's totals: held, collected, remitted, collected before `dueBefore`, first collection. */
    totals(agentUserId: number, dueBefore: string, q: Db | Tx = db) {
      return q
        .selectFrom('cash_entry')
        .select([
          sql<number>`coalesce(sum(amount), 0)::bigint`.as('balance'),
          sql<number>`coalesce(sum(amount) filter (where kind <> 'remittance'), 0)::bigint`.as('collected'),
          sql<number>`coalesce(-sum(amount) filter (where kind = 'remittance'), 0)::bigint`.as('remitted'),
          sql<number>`coalesce(sum(amount) filter (where kind <> 'remittance' and on_date < ${dueBefore}), 0)::bigint`.as(
            'due_before',
          ),
          sql<string | null>`min(on_date) filter (where kind = 'collection')::text`.as('first_collection'),
        ])
        .where('agent_user_id', '=', agentUserId)
        .executeTakeFirstOrThrow();
    },

    /** A page of an agent's entries, newest first. */
    entries(agentUserId: number, page: { limit: number; offset: number }) {
      return entriesOf(agentUserId)
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
        .execute();
    },

    async countEntries(agentUserId: number): Promise<number> {
      const count = await entriesOf(agentUserId)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(count.n);
    },

    /** A page of the region's agents holding cash, most overdue (collected before `cutoff`) first. */
    holders(actor: Actor, cutoff: string, page: { limit: number; offset: number }) {
      return holding(actor)
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
        .execute();
    },

    async countHolders(actor: Actor): Promise<number> {
      const count = await db
        .selectFrom(holding(actor).select('u.id').as('h'))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(count.n);
    },

    /** Locks the agent's row until the transaction ends. */
    async lockAgent(tx: Tx, agentUserId: number): Promise<void> {
      await tx.selectFrom('app_user').select('id').where('id', '=', agentUserId).forUpdate().execute();
    },

    async insertEntry(tx: Tx, entry: CashEntryInsert): Promise<void> {
      await tx
        .insertInto('cash_entry')
        .values({
          agent_user_id: entry.agentUserId,
          org_unit_id: entry.orgUnitId,
          kind: entry.kind,
          amount: entry.amount,
          payment_id: null,
          reference: entry.reference,
          note: entry.note,
          recorded_by: entry.recordedBy,
          at: entry.at,
          on_date: entry.onDate,
        })
        .execute();
    },

    /**
     * Receipts not voided paid in [from, to) in the caller's region (only their own for an agent),
     * per agent or organisation and product, with the commission at the rate in force each day.
     */
    commissions(actor: Actor, input: { from: string; to: string; groupBy: 'agent' | 'org' }) {
      const key = input.groupBy === 'agent' ? ['u.id', 'u.full_name', 'o.name'] : ['o.id', 'o.name'];
      return db
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
        .where('p.paid_on', '>=', input.from)
        .where('p.paid_on', '<', input.to)
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
    },

    /** Every commission rate, per product, newest first. */
    rates() {
      return db
        .selectFrom('commission_rate')
        .selectAll()
        .orderBy('product')
        .orderBy('valid_from', 'desc')
        .execute();
    },

    /** One change at a time per table: two writers cannot open overlapping periods. */
    async lockRates(tx: Tx): Promise<void> {
      await sql`lock table commission_rate in share row exclusive mode`.execute(tx);
    },

    /** A product's rate starting on or after a date, if any. */
    rateFrom(tx: Tx, product: 'vsi' | 'hhi', validFrom: string) {
      return tx
        .selectFrom('commission_rate')
        .select('valid_from')
        .where('product', '=', product)
        .where('valid_from', '>=', validFrom)
        .executeTakeFirst();
    },

    /** Closes on `validTo` the product's rates begun before `validFrom` and still open on it. */
    async closeRatesBefore(
      tx: Tx,
      product: 'vsi' | 'hhi',
      validFrom: string,
      validTo: string,
    ): Promise<void> {
      await tx
        .updateTable('commission_rate')
        .set({ valid_to: validTo })
        .where('product', '=', product)
        .where('valid_from', '<', validFrom)
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', validFrom)]))
        .execute();
    },

    async insertRate(
      tx: Tx,
      rate: { product: 'vsi' | 'hhi'; rate: number; validFrom: string; basis: string },
    ): Promise<void> {
      await tx
        .insertInto('commission_rate')
        .values({
          product: rate.product,
          rate: rate.rate,
          valid_from: rate.validFrom,
          valid_to: null,
          basis: rate.basis,
          is_demo: false,
        })
        .execute();
    },
  };
}

export type CashRepository = ReturnType<typeof createCashRepository>;
