import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';
import { normalizeSearch } from '../../domain/units/normalize.ts';
import type { Actor } from '../access/access.actor.ts';
import { inScope } from '../access/access.scope.ts';

export interface UserFilter {
  search?: string;
  role?: string;
  orgUnitId?: number;
  limit: number;
  offset: number;
}

export interface NewUser {
  username: string;
  fullName: string;
  role: string;
  orgUnitId: number;
  passwordHash: string;
  phone?: string | null;
  isDemo?: boolean;
}

const toRow = (user: NewUser) => ({
  username: user.username,
  full_name: user.fullName,
  name_search: normalizeSearch(user.fullName),
  role: user.role,
  org_unit_id: user.orgUnitId,
  password_hash: user.passwordHash,
  phone: user.phone ?? null,
  is_demo: user.isDemo ?? false,
});

export function createUsersRepository(db: Db) {
  const visible = (actor: Actor) =>
    db
      .selectFrom('app_user as u')
      .innerJoin('org_unit as o', 'o.id', 'u.org_unit_id')
      .where(inScope(actor, { orgPath: 'o.path', servingUnitId: 'o.id' }));

  const columns = [
    'u.id',
    'u.username',
    'u.full_name',
    'u.role',
    'u.phone',
    'u.disabled_at',
    'u.locked_until',
    'u.last_login_at',
    'u.is_demo',
    'o.id as org_unit_id',
    'o.name as org_unit_name',
    'o.path as org_path',
  ] as const;

  return {
    async list(actor: Actor, filter: UserFilter) {
      let query = visible(actor);
      if (filter.role) query = query.where('u.role', '=', filter.role);
      if (filter.orgUnitId) query = query.where('u.org_unit_id', '=', filter.orgUnitId);
      const search = filter.search?.trim();
      if (search) {
        const text = normalizeSearch(search);
        query = query.where((eb) =>
          eb.or([
            eb(sql`lower(u.username)`, 'like', `%${search.toLowerCase()}%`),
            eb('u.name_search', 'like', `%${text}%`),
          ]),
        );
      }
      const [items, count] = await Promise.all([
        query.select(columns).orderBy('u.username').limit(filter.limit).offset(filter.offset).execute(),
        query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },

    find(actor: Actor, id: number) {
      return visible(actor).select(columns).where('u.id', '=', id).executeTakeFirst();
    },

    usernameTaken(username: string, q: Db | Tx = db) {
      return q
        .selectFrom('app_user')
        .select('id')
        .where(sql`lower(username)`, '=', username.toLowerCase())
        .executeTakeFirst();
    },

    async insertMany(tx: Tx, users: NewUser[]): Promise<void> {
      for (let i = 0; i < users.length; i += 1000) {
        await tx
          .insertInto('app_user')
          .values(users.slice(i, i + 1000).map(toRow))
          .execute();
      }
    },

    async insert(tx: Tx, user: NewUser) {
      const row = await tx
        .insertInto('app_user')
        .values(toRow(user))
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    update(
      tx: Tx,
      id: number,
      changes: Partial<{
        full_name: string;
        role: string;
        org_unit_id: number;
        phone: string | null;
        disabled_at: Date | null;
        password_hash: string;
        failed_logins: number;
        locked_until: Date | null;
      }>,
    ) {
      const search = changes.full_name ? { name_search: normalizeSearch(changes.full_name) } : {};
      return tx
        .updateTable('app_user')
        .set({ ...changes, ...search })
        .where('id', '=', id)
        .execute();
    },

    countUsers() {
      return db
        .selectFrom('app_user')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    },

    async countVisible(actor: Actor) {
      const row = await visible(actor)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

export type UserRow = NonNullable<Awaited<ReturnType<ReturnType<typeof createUsersRepository>['find']>>>;
