import { type Insertable, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { StatusChangeTable } from '../../db/schema.ts';
import type { Tx } from '../../db/transaction.ts';
import { createJobRunsRepository } from '../system/system.repository.ts';

/** A status an enrollment moves to, from the one it was read with. */
export interface StatusMove {
  id: number;
  from: string;
  to: string;
  /** The new deadline (YYYY-MM-DD), none for a final status. */
  due: string | null;
  /** As read (YYYY-MM-DD): a payment taken since moved it on. */
  paidThrough: string | null;
}

/** The daily status job's SQL: its run in job_run, the enrollments it walks, the moves it writes. */
export function createRenewalJobsRepository(db: Db) {
  return {
    ...createJobRunsRepository(db),
    /**
     * The next `limit` enrollments after `afterId` whose status may change on `date`: for
     * `deadlines`, only those whose covered months ran out or whose deadline passed; for `all`,
     * every one not in a final status.
     */
    enrollmentsToMove(input: { date: string; afterId: number; scope: 'deadlines' | 'all'; limit: number }) {
      const { date, afterId, scope, limit } = input;
      const monthStart = `${date.slice(0, 7)}-01`;
      return db
        .selectFrom('vsi_enrollment')
        .select(['id', 'payment_mode', 'start_month', 'paid_through', 'status', 'due_date'])
        .where('id', '>', afterId)
        .where((eb) =>
          scope === 'all'
            ? eb('status', 'not in', ['retired', 'lump_sum_withdrawn', 'deceased'])
            : eb.or([
                eb.and([eb('status', 'in', ['active', 'reactivated']), eb('paid_through', '<', monthStart)]),
                eb.and([eb('status', 'in', ['due', 'awaiting_first_payment']), eb('due_date', '<', date)]),
              ]),
        )
        .orderBy('id')
        .limit(limit)
        .execute();
    },

    /**
     * Moves each enrollment still as it was read (same status, same paid-through month) to its new
     * status and deadline; returns the ids moved. A payment taken meanwhile moved the others on.
     */
    async moveEnrollments(tx: Tx, moves: StatusMove[], on: { date: string; at: Date }): Promise<Set<number>> {
      const { date, at } = on;
      const updated = await sql<{ id: string }>`update vsi_enrollment e set status = c.to_status,
                      status_since = case when e.status = c.to_status then e.status_since else ${date}::date end,
                      due_date = c.due::date, updated_at = ${at}
                    from unnest(${moves.map((c) => c.id)}::bigint[], ${moves.map((c) => c.to)}::text[],
                                ${moves.map((c) => c.due)}::text[], ${moves.map((c) => c.from)}::text[],
                                ${moves.map((c) => c.paidThrough)}::text[])
                      as c(id, to_status, due, from_status, paid_through)
                    where e.id = c.id and e.status = c.from_status
                      and e.paid_through is not distinct from c.paid_through::date
                    returning e.id`.execute(tx);
      return new Set(updated.rows.map((r) => Number(r.id)));
    },

    /** Records status moves in the history, once each. */
    async insertStatusChanges(tx: Tx, rows: Insertable<StatusChangeTable>[]): Promise<void> {
      await tx
        .insertInto('status_change')
        .values(rows)
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
  };
}
