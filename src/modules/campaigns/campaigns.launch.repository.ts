import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

const n = (v: unknown) => Number(v ?? 0);

export type Product = 'vsi' | 'hhi';
export const PRODUCTS: readonly Product[] = ['vsi', 'hhi'];

/** A place's count of one product: 'HN|vsi'. */
export const placeKey = (place: string, product: string) => `${place}|${product}`;

/** Registrations per province and per commune (of those asked for), each per product (placeKey). */
export interface PlaceCounts {
  byProvince: Map<string, number>;
  byCommune: Map<string, number>;
}

/** The launch wall's queries: its sites and checklists, and the registrations since the ceremony began. */
export function createLaunchRepository(db: Db) {
  return {
    sites(campaignId: number) {
      return db
        .selectFrom('bridge_point as b')
        .innerJoin('org_unit as o', 'o.id', 'b.org_unit_id')
        .leftJoin('app_user as u', 'u.id', 'b.checked_in_by')
        .selectAll('b')
        .select(['o.name as org_unit_name', 'o.path', 'o.province_code', 'u.full_name as checked_in_by_name'])
        .where('b.campaign_id', '=', campaignId)
        .orderBy('b.id')
        .execute();
    },

    checklists(bridgeIds: readonly number[]) {
      if (bridgeIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('compliance_item as c')
        .leftJoin('app_user as u', 'u.id', 'c.confirmed_by')
        .select(['c.id', 'c.bridge_id', 'c.label', 'c.confirmed_at', 'c.note', 'u.full_name as confirmed_by'])
        .where('c.bridge_id', 'in', bridgeIds)
        .orderBy('c.id')
        .execute();
    },

    /** The communes each unit serves. */
    async communesOf(unitIds: readonly number[]): Promise<Map<number, string[]>> {
      const rows = unitIds.length
        ? await db
            .selectFrom('org_unit_commune')
            .select(['org_unit_id', 'commune_code'])
            .where('org_unit_id', 'in', unitIds)
            .execute()
        : [];
      const out = new Map<number, string[]>();
      for (const r of rows) out.set(r.org_unit_id, [...(out.get(r.org_unit_id) ?? []), r.commune_code]);
      return out;
    },

    /**
     * A campaign's registrations per province from `from` to `until`, from the roll-up by province
     * and day, with two totals apart: the first day's, and the days up to `pastEnd`'s.
     */
    async byProvince(campaignId: number, from: string, until: string, pastEnd: string) {
      const rows = await db
        .selectFrom('stat_province_day')
        .select([
          'province_code',
          'product',
          sql<string>`sum(enrollments)`.as('n'),
          sql<string>`coalesce(sum(enrollments) filter (where day = ${from}), 0)`.as('first'),
          sql<string>`coalesce(sum(enrollments) filter (where day <= ${pastEnd}), 0)`.as('past'),
        ])
        .where('campaign_id', '=', campaignId)
        .where('day', '>=', from)
        .where('day', '<=', until)
        .groupBy(['province_code', 'product'])
        .execute();
      return {
        byProvince: new Map(rows.map((p) => [placeKey(p.province_code, p.product), n(p.n)])),
        firstDay: rows.reduce((sum, p) => sum + n(p.first), 0),
        past: rows.reduce((sum, p) => sum + n(p.past), 0),
      };
    },

    /** A campaign's registrations per commune from `from` to `until`: of the communes asked for, or all (null). */
    async byCommune(
      campaignId: number,
      from: string,
      until: string,
      communes: readonly string[] | null,
    ): Promise<Map<string, number>> {
      if (communes !== null && communes.length === 0) return new Map();
      const rows = await db
        .selectFrom('stat_commune_day')
        .select(['commune_code', 'product', sql<string>`sum(enrollments)`.as('n')])
        .where('campaign_id', '=', campaignId)
        .$if(communes !== null, (q) =>
          q.where('commune_code', '=', sql<string>`any(${communes as string[]}::text[])`),
        )
        .where('day', '>=', from)
        .where('day', '<=', until)
        .groupBy(['commune_code', 'product'])
        .having(sql`sum(enrollments)`, '>', 0)
        .execute();
      return new Map(rows.map((c) => [placeKey(c.commune_code, c.product), n(c.n)]));
    },

    /**
     * A campaign's registrations (VSI enrollments and household HI members) made between two
     * instants, per province and commune where people live, as the roll-ups count them: through
     * the created_at indexes, for a part of one day.
     */
    async between(campaignId: number, from: Date, to: Date): Promise<PlaceCounts> {
      const { rows } = await sql<{ province_code: string; commune_code: string; product: string; n: string }>`
        select province_code, commune_code, product, count(*) as n from (
          select p.province_code, p.commune_code, 'vsi' as product
          from vsi_enrollment e join participant p on p.id = e.participant_id
          where e.created_at >= ${from} and e.created_at < ${to} and e.campaign_id = ${campaignId}
          union all
          select h.province_code, h.commune_code, 'hhi' as product
          from household_member m join household h on h.id = m.household_id
          where m.created_at >= ${from} and m.created_at < ${to} and h.campaign_id = ${campaignId}
        ) made
        group by province_code, commune_code, product`.execute(db);
      const byProvince = new Map<string, number>();
      const byCommune = new Map<string, number>();
      for (const r of rows) {
        const province = placeKey(r.province_code, r.product);
        const commune = placeKey(r.commune_code, r.product);
        byProvince.set(province, (byProvince.get(province) ?? 0) + n(r.n));
        byCommune.set(commune, (byCommune.get(commune) ?? 0) + n(r.n));
      }
      return { byProvince, byCommune };
    },
  };
}
