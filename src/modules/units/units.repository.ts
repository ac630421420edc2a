import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { normalizeSearch } from '../../domain/units/normalize.ts';

export interface UnitFilter {
  search?: string;
  province?: string;
  limit: number;
  offset: number;
}

/**
 * Matches a name ignoring diacritics, case and spaces ("hanoi" finds Hà Nội), with "tp" read as
 * "thành phố", or a code by its prefix.
 */
function searchTerm(search: string | undefined) {
  const raw = search?.trim() ?? '';
  if (!raw) return null;
  const text = normalizeSearch(raw).replace(/^tp\b/, 'thanh pho');
  return { text, compact: text.replace(/ /g, ''), code: /^\d+$/.test(raw) ? raw : null };
}

/** A name column against a term, with or without its spaces (3,321 communes at most: no index needed). */
const nameMatches = (column: string, term: { text: string; compact: string }) =>
  sql<boolean>`(${sql.ref(column)} like ${`%${term.text}%`} or replace(${sql.ref(column)}, ' ', '') like ${`%${term.compact}%`})`;

export function createUnitsRepository(db: Db) {
  return {
    async listProvinces(filter: UnitFilter) {
      const term = searchTerm(filter.search);
      let query = db.selectFrom('province').where('valid_to', 'is', null);
      if (term) {
        query = query.where((eb) =>
          eb.or([
            nameMatches('name_search', term),
            ...(term.code ? [eb('code', 'like', `${term.code}%`)] : []),
          ]),
        );
      }
      if (filter.province) query = query.where('code', '=', filter.province);
      const [items, count] = await Promise.all([
        query
          .select(['code', 'name', 'kind'])
          .orderBy('code')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        items: items.map((p) => ({
          code: p.code,
          name: p.name,
          level: 'province' as const,
          kind: p.kind,
          provinceCode: p.code,
          provinceName: p.name,
        })),
        total: Number(count.n),
      };
    },

    async listCommunes(filter: UnitFilter) {
      const term = searchTerm(filter.search);
      let query = db
        .selectFrom('commune as c')
        .innerJoin('province as p', 'p.code', 'c.province_code')
        .where('c.valid_to', 'is', null);
      if (term) {
        query = query.where((eb) =>
          eb.or([
            nameMatches('c.name_search', term),
            ...(term.code ? [eb('c.code', 'like', `${term.code}%`)] : []),
          ]),
        );
      }
      if (filter.province) query = query.where('c.province_code', '=', filter.province);
      const ordered = term
        ? query.orderBy(sql`position(${term.text} in c.name_search)`).orderBy('c.name_search')
        : query.orderBy('c.province_code').orderBy('c.name_search');
      const [items, count] = await Promise.all([
        ordered
          .select(['c.code', 'c.name', 'c.kind', 'c.province_code', 'p.name as province_name'])
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        items: items.map((c) => ({
          code: c.code,
          name: c.name,
          level: 'commune' as const,
          kind: c.kind,
          provinceCode: c.province_code,
          provinceName: c.province_name,
        })),
        total: Number(count.n),
      };
    },

    findProvince(code: string) {
      return db.selectFrom('province').selectAll().where('code', '=', code).executeTakeFirst();
    },

    findCommune(code: string) {
      return db
        .selectFrom('commune as c')
        .innerJoin('province as p', 'p.code', 'c.province_code')
        .select(['c.code', 'c.name', 'c.kind', 'c.province_code', 'p.name as province_name'])
        .where('c.code', '=', code)
        .executeTakeFirst();
    },

    /** The org units whose service area includes a commune, most local first. */
    servedBy(communeCode: string) {
      return db
        .selectFrom('org_unit_commune as oc')
        .innerJoin('org_unit as o', 'o.id', 'oc.org_unit_id')
        .select(['o.id', 'o.code', 'o.name', 'o.kind', 'o.network', 'o.address', 'o.phone'])
        .where('oc.commune_code', '=', communeCode)
        .where('o.closed_at', 'is', null)
        .orderBy('o.network', 'desc')
        .orderBy(sql`length(o.path)`, 'desc')
        .execute();
    },

    /** The pre-2025 communes merged into a commune of today. */
    formerUnits(communeCode: string) {
      return db
        .selectFrom('legacy_lineage as l')
        .innerJoin('legacy_unit as c', 'c.id', 'l.legacy_unit_id')
        .leftJoin('legacy_unit as d', 'd.id', 'c.parent_id')
        .leftJoin('legacy_unit as p', 'p.id', 'd.parent_id')
        .select(['c.code', 'c.name', 'c.level', 'd.name as district_name', 'p.name as province_name'])
        .where('l.commune_code', '=', communeCode)
        .orderBy('c.name')
        .execute();
    },

    /** Pre-2025 units by name, each with the province of today it rolls up into. */
    async listLegacy(filter: UnitFilter & { level?: 'province' | 'district' | 'commune' }) {
      const term = searchTerm(filter.search);
      let query = db
        .selectFrom('legacy_unit as u')
        .innerJoin('province as p', 'p.code', 'u.province_code')
        .leftJoin('legacy_unit as parent', 'parent.id', 'u.parent_id');
      if (term) query = query.where('u.name_search', 'like', `%${term.text}%`);
      if (filter.level) query = query.where('u.level', '=', filter.level);
      if (filter.province) query = query.where('u.province_code', '=', filter.province);
      const [items, count] = await Promise.all([
        query
          .select([
            'u.id',
            'u.level',
            'u.code',
            'u.name',
            'u.valid_to',
            'parent.name as parent_name',
            'u.province_code',
            'p.name as province_name',
          ])
          .orderBy('u.name_search')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },

    /**
     * Rolls counts recorded against pre-2025 units up into today's provinces, through the lineage.
     * Reports and year-on-year comparisons use this for data captured before the 2025 reform.
     */
    async rollUpLegacyCounts(
      counts: { level: 'province' | 'district' | 'commune'; code: string; count: number }[],
    ) {
      if (counts.length === 0) return [];
      const rows = await db
        .selectFrom(
          sql<{ level: string; code: string; count: number }>`(select * from unnest(
            ${counts.map((c) => c.level)}::text[], ${counts.map((c) => c.code)}::text[], ${counts.map((c) => c.count)}::bigint[]
          ) as t(level, code, count))`.as('t'),
        )
        .innerJoin('legacy_unit as u', (join) =>
          join.onRef('u.level', '=', 't.level').onRef('u.code', '=', 't.code'),
        )
        .innerJoin('province as p', 'p.code', 'u.province_code')
        .select(['p.code', 'p.name', (eb) => eb.fn.sum<number>('t.count').as('count')])
        .groupBy(['p.code', 'p.name'])
        .orderBy('p.code')
        .execute();
      return rows.map((r) => ({ provinceCode: r.code, provinceName: r.name, count: Number(r.count) }));
    },

    async provincesOfCommunes(codes: string[]): Promise<number> {
      if (codes.length === 0) return 0;
      const row = await db
        .selectFrom('commune')
        .select(sql<number>`count(distinct province_code)::int`.as('n'))
        .where('code', '=', sql<string>`any(${codes}::text[])`)
        .executeTakeFirstOrThrow();
      return row.n;
    },

    async counts() {
      const row = await db
        .selectNoFrom((eb) => [
          eb.selectFrom('province').select(eb.fn.countAll<number>().as('n')).as('provinces'),
          eb.selectFrom('commune').select(eb.fn.countAll<number>().as('n')).as('communes'),
          eb.selectFrom('legacy_unit').select(eb.fn.countAll<number>().as('n')).as('legacy'),
        ])
        .executeTakeFirstOrThrow();
      return { provinces: Number(row.provinces), communes: Number(row.communes), legacy: Number(row.legacy) };
    },
  };
}

export type UnitsRepository = ReturnType<typeof createUnitsRepository>;
