import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Actor } from '../access/access.actor.ts';
import { inScope } from '../access/access.scope.ts';

/** The responsible agent's SQL: the agents a caller may name, their units' communes, the naming. */
export function createResponsibleAgentsRepository(db: Db) {
  /** Collection agents the caller may see: their unit lies in the caller's region or serves it. */
  const agents = (actor: Actor) =>
    db
      .selectFrom('app_user as u')
      .innerJoin('org_unit as o', 'o.id', 'u.org_unit_id')
      .where(inScope(actor, { orgPath: 'o.path', servingUnitId: 'o.id' }));

  const serves = (communeCode: string) =>
    sql<boolean>`exists (select 1 from org_unit_commune oc
                          where oc.org_unit_id = o.id and oc.commune_code = ${communeCode})`;

  return {
    /** A user the caller may see, with their unit and whether it serves the commune. */
    agent(actor: Actor, userId: number, communeCode: string) {
      return agents(actor)
        .select(['u.id', 'u.full_name', 'u.role', 'u.disabled_at', 'o.name as unit_name', 'o.closed_at'])
        .select(serves(communeCode).as('serves'))
        .where('u.id', '=', userId)
        .executeTakeFirst();
    },

    /** A user and their unit's name, whatever the caller's region. */
    user(userId: number) {
      return db
        .selectFrom('app_user as u')
        .innerJoin('org_unit as o', 'o.id', 'u.org_unit_id')
        .select(['u.id', 'u.full_name', 'u.username', 'u.disabled_at', 'o.name as unit_name'])
        .where('u.id', '=', userId)
        .executeTakeFirst();
    },

    async communeName(code: string): Promise<string | undefined> {
      const row = await db.selectFrom('commune').select('name').where('code', '=', code).executeTakeFirst();
      return row?.name;
    },

    /**
     * A page of the active collection agents of open units serving the commune, by name; `search`
     * is a part of the username (lower case) or of the name (normalised as the name index is).
     */
    async candidates(
      actor: Actor,
      communeCode: string,
      filter: { search?: { username: string; name: string }; limit: number; offset: number },
    ) {
      let query = agents(actor)
        .where('u.role', '=', 'collection_agent')
        .where('u.disabled_at', 'is', null)
        .where('o.closed_at', 'is', null)
        .where(serves(communeCode));
      const search = filter.search;
      if (search) {
        query = query.where((eb) =>
          eb.or([
            eb(sql`lower(u.username)`, 'like', `%${search.username}%`),
            eb('u.name_search', 'like', `%${search.name}%`),
          ]),
        );
      }
      const [items, count] = await Promise.all([
        query
          .select(['u.id', 'u.full_name', 'u.username', 'u.phone', 'o.name as unit_name'])
          .orderBy('u.full_name')
          .orderBy('u.id')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },

    /** Names the agent responsible for an enrollment or a household (null: nobody named). */
    async setCollector(
      tx: Tx,
      target: { table: 'vsi_enrollment' | 'household'; id: number },
      collectorUserId: number | null,
      at: Date,
    ): Promise<void> {
      await tx
        .updateTable(target.table)
        .set({ collector_user_id: collectorUserId, updated_at: at })
        .where('id', '=', target.id)
        .execute();
    },
  };
}
