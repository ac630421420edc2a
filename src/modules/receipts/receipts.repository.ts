import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Actor } from '../access/access.actor.ts';
import { inScope } from '../access/access.scope.ts';

/** Numbers handed out per block; a device working offline may ask for a bigger one. */
export const ONLINE_BLOCK = 100;
export const MAX_DEVICE_BLOCK = 1000;

export const formatReceiptNumber = (n: number) => `BL-${String(n).padStart(8, '0')}`;
export const parseReceiptNumber = (text: string) => {
  const match = /^BL-(\d{8,})$/.exec(text.trim().toUpperCase());
  return match ? Number(match[1]) : null;
};

export function createReceiptsRepository(db: Db) {
  async function allocate(tx: Db | Tx, agentUserId: number, size: number, device: string | null, at: Date) {
    const { rows } = await sql<{
      block: number;
    }>`select nextval('receipt_block_seq')::bigint as block`.execute(tx);
    const block = Number(rows[0]!.block);
    // Blocks are numbered in units of MAX_DEVICE_BLOCK so any block size fits without overlap.
    const first = (block - 1) * MAX_DEVICE_BLOCK + 1;
    const inserted = await tx
      .insertInto('receipt_series')
      .values({
        agent_user_id: agentUserId,
        device,
        first_number: first,
        last_number: first + size - 1,
        next_number: first,
        allocated_at: at,
      })
      .returning(['id', 'first_number', 'last_number'])
      .executeTakeFirstOrThrow();
    return {
      id: Number(inserted.id),
      first: Number(inserted.first_number),
      last: Number(inserted.last_number),
    };
  }

  return {
    allocate,

    /**
     * The next number of the agent's open online block, or of a fresh block. The row lock on the
     * series serialises an agent's concurrent payments; different agents never wait on each other.
     */
    async take(tx: Tx, agentUserId: number, at: Date): Promise<{ seriesId: number; number: number }> {
      for (let attempt = 0; attempt < 2; attempt++) {
        const taken = await sql<{ id: number; number: number }>`
          update receipt_series s set next_number = s.next_number + 1
          from (select id from receipt_series
                where agent_user_id = ${agentUserId} and device is null and next_number <= last_number
                order by id limit 1 for update) open
          where s.id = open.id
          returning s.id, s.next_number - 1 as number`.execute(tx);
        const row = taken.rows[0];
        if (row) return { seriesId: Number(row.id), number: Number(row.number) };
        await allocate(tx, agentUserId, ONLINE_BLOCK, null, at);
      }
      throw new Error('receipt series allocation failed');
    },

    /** A number an offline device already printed: it must lie in a block of that agent and be unused. */
    async claim(tx: Tx, agentUserId: number, number: number): Promise<{ seriesId: number } | null> {
      const series = await tx
        .selectFrom('receipt_series')
        .select(['id'])
        .where('agent_user_id', '=', agentUserId)
        .where('device', 'is not', null)
        .where('first_number', '<=', number)
        .where('last_number', '>=', number)
        .forUpdate()
        .executeTakeFirst();
      if (!series) return null;
      const used = await tx
        .selectFrom('receipt')
        .select('id')
        .where('number', '=', formatReceiptNumber(number))
        .executeTakeFirst();
      return used ? null : { seriesId: Number(series.id) };
    },

    insert(tx: Tx, row: { number: string; seriesId: number; paymentId: number; at: Date; amount: number }) {
      return tx
        .insertInto('receipt')
        .values({
          number: row.number,
          series_id: row.seriesId,
          payment_id: row.paymentId,
          issued_at: row.at,
          amount: row.amount,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    },

    /** A receipt with everything printed on it, if the caller's region covers its payment. */
    findVisible(actor: Actor, number: string) {
      return db
        .selectFrom('receipt as r')
        .innerJoin('payment as pay', 'pay.id', 'r.payment_id')
        .innerJoin('org_unit as o', 'o.id', 'pay.org_unit_id')
        .leftJoin('participant as p', 'p.id', 'pay.participant_id')
        .leftJoin('app_user as u', 'u.id', 'pay.agent_user_id')
        .leftJoin('app_user as vu', 'vu.id', 'pay.voided_by')
        .leftJoin('commune as c', 'c.code', 'pay.commune_code')
        .leftJoin('province as pr', 'pr.code', 'pay.province_code')
        .where(inScope(actor, { orgPath: 'o.path', commune: 'pay.commune_code' }))
        .where('r.number', '=', number)
        .select([
          'r.number',
          'r.issued_at',
          'r.amount',
          'r.voided_at',
          'r.void_reason',
          'pay.id as payment_id',
          'pay.product',
          'pay.mode',
          'pay.months',
          'pay.covered_from',
          'pay.covered_to',
          'pay.method',
          'pay.paid_on',
          'pay.rule_version',
          'pay.quote',
          'pay.fund_rate_entered',
          'pay.enrollment_id',
          'pay.household_id',
          'pay.is_demo',
          'p.id as participant_id',
          'p.full_name',
          'p.personal_id',
          'p.birth_date',
          'c.name as commune_name',
          'pr.name as province_name',
          'o.name as unit_name',
          'o.address as unit_address',
          'o.phone as unit_phone',
          'u.full_name as agent_name',
          'u.username as agent_username',
          'u.phone as agent_phone',
          'vu.full_name as voided_by_name',
        ])
        .executeTakeFirst();
    },

    series(agentUserId: number) {
      return db
        .selectFrom('receipt_series')
        .selectAll()
        .where('agent_user_id', '=', agentUserId)
        .orderBy('id', 'desc')
        .limit(50)
        .execute();
    },

    /** What the next amount due of an enrollment is priced on: its period, income and the person's categories. */
    enrollmentToPrice(enrollmentId: number) {
      return db
        .selectFrom('vsi_enrollment as e')
        .innerJoin('participant as p', 'p.id', 'e.participant_id')
        .select([
          'e.payment_mode',
          'e.start_month',
          'e.paid_through',
          'e.status',
          'e.monthly_income',
          'e.supported_months_used',
          'p.categories',
          'p.province_code',
        ])
        .where('e.id', '=', enrollmentId)
        .executeTakeFirst();
    },

    household(householdId: number) {
      return db.selectFrom('household').selectAll().where('id', '=', householdId).executeTakeFirst();
    },

    /** The names and personal IDs of these people. */
    people(ids: readonly number[]) {
      return db
        .selectFrom('participant')
        .select(['id', 'full_name', 'personal_id'])
        .where('id', 'in', ids)
        .execute();
    },

    /** Stores the secret of the share links, unless one is stored already (the first one stays). */
    async storeShareSecret(secret: string): Promise<void> {
      await db
        .insertInto('system_setting')
        .values({ key: 'receipt_share_secret', value: JSON.stringify(secret) })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },

    /** A reminder by its link's token: what it asks for, and how far the enrollment or household is paid. */
    reminderByToken(token: string) {
      return db
        .selectFrom('reminder as r')
        .innerJoin('participant as p', 'p.id', 'r.participant_id')
        .leftJoin('vsi_enrollment as e', 'e.id', 'r.enrollment_id')
        .leftJoin('household as h', 'h.id', 'r.household_id')
        .select([
          'r.period_month',
          'r.due_date',
          'r.amount',
          'r.channel',
          'r.enrollment_id',
          'r.household_id',
          'p.full_name',
          'e.paid_through as enrollment_paid_through',
          'h.paid_through as household_paid_through',
        ])
        .where('r.token', '=', token)
        .executeTakeFirst();
    },
  };
}

export type ReceiptsRepository = ReturnType<typeof createReceiptsRepository>;
