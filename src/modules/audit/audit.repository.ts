import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export interface AuditFilter {
  userId?: number;
  orgUnitId?: number;
  entity?: string;
  entityId?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export function createAuditRepository(db: Db) {
  return {
    async list(filter: AuditFilter) {
      let query = db.selectFrom('audit_log');
      if (filter.userId) query = query.where('actor_user_id', '=', filter.userId);
      if (filter.orgUnitId) {
        const unit = filter.orgUnitId;
        query = query.where((eb) =>
          eb.or([eb('org_unit_id', '=', unit), eb('actor_org_unit_id', '=', unit)]),
        );
      }
      if (filter.entity) query = query.where('entity', '=', filter.entity);
      if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
      // Dates are Vietnam calendar days (UTC+7, no daylight saving).
      if (filter.from) query = query.where('at', '>=', new Date(`${filter.from}T00:00:00+07:00`));
      if (filter.to)
        query = query.where(
          'at',
          '<',
          new Date(new Date(`${filter.to}T00:00:00+07:00`).getTime() + 86_400_000),
        );
      const [items, count] = await Promise.all([
        query.selectAll().orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute(),
        query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },

    /** Recomputes every hash and link of the chain in one pass; reports the first broken row. */
    async verify() {
      const { rows } = await sql<{ checked: number; first_broken: number | null }>`
        with chain as (
          select id,
                 prev_hash <> coalesce(lag(hash) over (order by id), 'genesis')
                 or hash <> audit_digest(prev_hash, id, at, actor_user_id, action, entity, entity_id, changes) as broken
          from audit_log
        )
        select count(*)::int as checked, min(id) filter (where broken) as first_broken from chain`.execute(
        db,
      );
      const row = rows[0]!;
      return { ok: row.first_broken === null, checked: row.checked, firstBrokenId: row.first_broken };
    },

    entities() {
      return db.selectFrom('audit_log').select('entity').distinct().orderBy('entity').execute();
    },
  };
}
