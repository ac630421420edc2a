import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';
import type { DenominatorRow, ProvinceCodes } from './denominators.csv.ts';

export function createDenominatorsRepository(db: Db) {
  return {
    /** For each province, the latest figures on or before a date. */
    asOf(date: string) {
      return db
        .selectFrom('province as p')
        .leftJoinLateral(
          (eb) =>
            eb
              .selectFrom('denominator as d')
              .selectAll()
              .whereRef('d.province_code', '=', 'p.code')
              .where('d.as_of', '<=', date)
              .orderBy('d.as_of', 'desc')
              .limit(1)
              .as('d'),
          (join) => join.onTrue(),
        )
        .select([
          'p.code as province_code',
          'p.name as province_name',
          'd.as_of',
          'd.labour_force',
          'd.compulsory_participants',
          'd.voluntary_outside',
          'd.source',
          'd.is_demo',
        ])
        .orderBy('p.code')
        .execute();
    },

    async upsert(tx: Tx, rows: DenominatorRow[], isDemo: boolean): Promise<void> {
      if (rows.length === 0) return;
      await tx
        .insertInto('denominator')
        .values(
          rows.map((r) => ({
            province_code: r.provinceCode,
            as_of: r.asOf,
            labour_force: r.labourForce,
            compulsory_participants: r.compulsoryParticipants,
            voluntary_outside: r.voluntaryOutside ?? 0,
            source: r.source,
            is_demo: isDemo,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['province_code', 'as_of']).doUpdateSet((eb) => ({
            labour_force: eb.ref('excluded.labour_force'),
            compulsory_participants: eb.ref('excluded.compulsory_participants'),
            voluntary_outside: eb.ref('excluded.voluntary_outside'),
            source: eb.ref('excluded.source'),
            is_demo: eb.ref('excluded.is_demo'),
          })),
        )
        .execute();
    },

    async provinceCodes(): Promise<ProvinceCodes> {
      const [current, former] = await Promise.all([
        db.selectFrom('province').select('code').execute(),
        db
          .selectFrom('legacy_unit')
          .select(['code', 'province_code'])
          .where('level', '=', 'province')
          .execute(),
      ]);
      return {
        current: new Set(current.map((r) => r.code)),
        former: new Map(former.map((r) => [r.code, r.province_code])),
      };
    },

    dates() {
      return db
        .selectFrom('denominator')
        .select([sql<string>`as_of::text`.as('as_of'), (eb) => eb.fn.countAll<number>().as('provinces')])
        .groupBy('as_of')
        .orderBy('as_of', 'desc')
        .execute();
    },
  };
}
