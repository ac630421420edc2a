import { sql, type Transaction } from 'kysely';
import type { Db } from './database.ts';
import type { DB } from './schema.ts';

/** Who is acting, from where: what the audit trigger records with every change. */
export interface AuditContext {
  userId: number | null;
  username: string | null;
  orgUnitId: number | null;
  ip?: string | null;
  requestId?: string | null;
  at: Date;
}

export type Tx = Transaction<DB>;

/**
 * The one way to change data. It opens a transaction and hands the audit trigger its context, so
 * every insert, update and delete on an audited table is logged in the same transaction.
 */
export async function transact<T>(db: Db, context: AuditContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`select
        set_config('diemtua.actor_id', ${context.userId?.toString() ?? ''}, true),
        set_config('diemtua.actor_username', ${context.username ?? ''}, true),
        set_config('diemtua.actor_org_unit_id', ${context.orgUnitId?.toString() ?? ''}, true),
        set_config('diemtua.ip', ${context.ip ?? ''}, true),
        set_config('diemtua.request_id', ${context.requestId ?? ''}, true),
        set_config('diemtua.at', ${context.at.toISOString()}, true)`.execute(tx);
    const result = await work(tx);
    // A request holding an Idempotency-Key: its claim is marked in the same commit as its writes,
    // so a retry never runs a write twice (server/idempotency.ts).
    if (context.requestId) {
      await tx
        .updateTable('idempotency_key')
        .set({ committed_at: context.at })
        .where('request_id', '=', context.requestId)
        .where('committed_at', 'is', null)
        .execute();
    }
    return result;
  });
}
