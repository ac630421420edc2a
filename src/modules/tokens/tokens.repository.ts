import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';

export function createTokensRepository(db: Db) {
  return {
    list(page: { limit: number; offset: number; id?: number }) {
      let base = db.selectFrom('api_token as t').innerJoin('app_user as u', 'u.id', 't.user_id');
      if (page.id) base = base.where('t.id', '=', page.id);
      return Promise.all([
        base
          .select([
            't.id',
            't.name',
            't.prefix',
            't.created_at',
            't.last_used_at',
            't.expires_at',
            't.revoked_at',
            'u.id as user_id',
            'u.username',
          ])
          .orderBy('t.id', 'desc')
          .limit(page.limit)
          .offset(page.offset)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]).then(([items, count]) => ({ items, total: Number(count.n) }));
    },

    insert(
      tx: Tx,
      row: {
        userId: number;
        name: string;
        tokenHash: string;
        prefix: string;
        at: Date;
        expiresAt: Date | null;
      },
    ) {
      return tx
        .insertInto('api_token')
        .values({
          user_id: row.userId,
          name: row.name,
          token_hash: row.tokenHash,
          prefix: row.prefix,
          created_at: row.at,
          expires_at: row.expiresAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
        .then((r) => r.id);
    },

    revoke(tx: Tx, id: number, at: Date) {
      return tx
        .updateTable('api_token')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
    },

    exists(id: number) {
      return db.selectFrom('api_token').select('id').where('id', '=', id).executeTakeFirst();
    },
  };
}

export type TokenRow = Awaited<
  ReturnType<ReturnType<typeof createTokensRepository>['list']>
>['items'][number];
