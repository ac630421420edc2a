import { type Insertable, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { TargetTable } from '../../db/schema.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Product } from './targets.repository.ts';

export type Level = 'province' | 'district';

/** The SQL of the targets on the pre-2025 units: the list under the national target, and its progress. */
export function createLegacyTargetsRepository(db: Db) {
  return {
    /** The campaign's national target of a product: its id, amount and period. */
    national(campaignId: number, product: Product) {
      return db
        .selectFrom('target as t')
        .select(['t.id', 't.amount', 't.period_start', 't.period_end'])
        .where('t.campaign_id', '=', campaignId)
        .where('t.product', '=', product)
        .where('t.parent_id', 'is', null)
        .executeTakeFirst();
    },

    /** The former units of a level with these codes. */
    async units(level: Level, codes: readonly string[]) {
      return codes.length
        ? await db
            .selectFrom('legacy_unit')
            .select(['id', 'code'])
            .where('level', '=', level)
            .where('code', 'in', codes)
            .execute()
        : [];
    },

    /** Deletes the campaign's targets of a product on the former units of one level. */
    async deleteLevel(tx: Tx, campaignId: number, product: Product, level: Level): Promise<void> {
      await tx
        .deleteFrom('target')
        .where('campaign_id', '=', campaignId)
        .where('product', '=', product)
        .where('legacy_unit_id', 'in', (eb) =>
          eb.selectFrom('legacy_unit').select('id').where('level', '=', level),
        )
        .execute();
    },

    async insert(tx: Tx, rows: Insertable<TargetTable>[]): Promise<void> {
      await tx.insertInto('target').values(rows).execute();
    },

    /** A former province whose districts were given more than the province itself, if any. */
    async districtsOverProvince(tx: Tx, nationalId: number) {
      const { rows } = await sql<{ amount: number; districts: string }>`
      select pt.amount, sum(dt.amount) as districts
      from target dt
      join legacy_unit d on d.id = dt.legacy_unit_id and d.level = 'district'
      join target pt on pt.parent_id = ${nationalId} and pt.legacy_unit_id = d.parent_id
      where dt.parent_id = ${nationalId}
      group by pt.id, pt.amount
      having sum(dt.amount) > pt.amount
      order by pt.id
      limit 1`.execute(tx);
      return rows[0] ? { amount: rows[0].amount, districts: Number(rows[0].districts) } : null;
    },

    /** The campaign's targets of a product on former units, each with its registrations through the lineage. */
    async list(campaignId: number, product: Product) {
      const rows = await sql<{
        id: string;
        level: Level;
        code: string;
        name: string;
        province_code: string;
        province_name: string;
        amount: number;
        actual: string;
      }>`
        with wanted as (
          select t.id, t.amount, u.id as unit_id, u.level, u.code, u.name, u.province_code
          from target t join legacy_unit u on u.id = t.legacy_unit_id
          where t.campaign_id = ${campaignId} and t.product = ${product}
        ),
        -- Today's communes continuing each wanted unit's old communes.
        continued as (
          select distinct w.id, l.commune_code
          from wanted w
          join legacy_unit c on c.level = 'commune'
          join legacy_unit d on d.id = c.parent_id
          join legacy_lineage l on l.legacy_unit_id = c.id
          where (w.level = 'district' and d.id = w.unit_id) or (w.level = 'province' and d.parent_id = w.unit_id)
        )
        select w.id, w.level, w.code, w.name, w.province_code, p.name as province_name, w.amount,
               coalesce((select sum(s.enrollments) from stat_commune_day s join continued k on k.commune_code = s.commune_code
                         where k.id = w.id and s.campaign_id = ${campaignId} and s.product = ${product}), 0) as actual
        from wanted w join province p on p.code = w.province_code
        order by w.province_code, w.code`.execute(db);
      return rows.rows;
    },
  };
}

export type LegacyTargetsRepository = ReturnType<typeof createLegacyTargetsRepository>;
