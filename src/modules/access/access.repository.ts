import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';

/** All the SQL of sign-in, sessions, tokens and scope resolution. */
export function createAccessRepository(db: Db) {
  const userWithUnit = (q: Db | Tx) =>
    q
      .selectFrom('app_user as u')
      .innerJoin('org_unit as o', 'o.id', 'u.org_unit_id')
      .select([
        'u.id',
        'u.username',
        'u.full_name',
        'u.role',
        'u.password_hash',
        'u.failed_logins',
        'u.locked_until',
        'u.disabled_at',
        'o.id as org_unit_id',
        'o.code as org_code',
        'o.name as org_name',
        'o.kind as org_kind',
        'o.network as org_network',
        'o.path as org_path',
        'o.province_code as org_province_code',
      ]);

  return {
    findUserByUsername(username: string) {
      return userWithUnit(db).where(sql`lower(u.username)`, '=', username.toLowerCase()).executeTakeFirst();
    },

    findUserById(id: number) {
      return userWithUnit(db).where('u.id', '=', id).executeTakeFirst();
    },

    recordFailedLogin(tx: Tx, userId: number, failedLogins: number, lockedUntil: Date | null) {
      return tx
        .updateTable('app_user')
        .set({ failed_logins: failedLogins, locked_until: lockedUntil })
        .where('id', '=', userId)
        .execute();
    },

    recordLogin(tx: Tx, userId: number, at: Date) {
      return tx
        .updateTable('app_user')
        .set({ failed_logins: 0, locked_until: null, last_login_at: at })
        .where('id', '=', userId)
        .execute();
    },

    insertSession(
      tx: Tx,
      row: { id: string; userId: number; csrfToken: string; at: Date; expiresAt: Date; ip: string | null },
    ) {
      return tx
        .insertInto('user_session')
        .values({
          id: row.id,
          user_id: row.userId,
          csrf_token: row.csrfToken,
          created_at: row.at,
          expires_at: row.expiresAt,
          last_seen_at: row.at,
          ip: row.ip,
        })
        .execute();
    },

    findSession(id: string) {
      return db.selectFrom('user_session').selectAll().where('id', '=', id).executeTakeFirst();
    },

    touchSession(id: string, at: Date, expiresAt: Date) {
      return db
        .updateTable('user_session')
        .set({ last_seen_at: at, expires_at: expiresAt })
        .where('id', '=', id)
        .execute();
    },

    deleteSession(id: string) {
      return db.deleteFrom('user_session').where('id', '=', id).execute();
    },

    deleteSessionsOfUser(tx: Tx, userId: number) {
      return tx.deleteFrom('user_session').where('user_id', '=', userId).execute();
    },

    deleteExpiredSessions(now: Date) {
      return db.deleteFrom('user_session').where('expires_at', '<', now).execute();
    },

    findApiToken(tokenHash: string) {
      return db.selectFrom('api_token').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    },

    touchApiToken(id: number, at: Date) {
      return db.updateTable('api_token').set({ last_used_at: at }).where('id', '=', id).execute();
    },

    async orgIdsOfSubtree(path: string): Promise<number[]> {
      const rows = await db.selectFrom('org_unit').select('id').where('path', 'like', `${path}%`).execute();
      return rows.map((r) => r.id);
    },

    async communeProvinces(): Promise<{ code: string; province_code: string }[]> {
      return db.selectFrom('commune').select(['code', 'province_code']).execute();
    },

    /** The communes served by every unit in a subtree: the region its members may see. */
    async communesOfSubtree(path: string): Promise<string[]> {
      const rows = await db
        .selectFrom('org_unit_commune as oc')
        .innerJoin('org_unit as o', 'o.id', 'oc.org_unit_id')
        .select('oc.commune_code')
        .distinct()
        .where('o.path', 'like', `${path}%`)
        .execute();
      return rows.map((r) => r.commune_code);
    },
  };
}

export type AccessRepository = ReturnType<typeof createAccessRepository>;
