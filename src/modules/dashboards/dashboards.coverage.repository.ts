import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

const n = (v: unknown) => Number(v ?? 0);

/** The coverage figures' and the bulletin's queries: dated denominators, the coverage roll-up, a campaign's count. */
export function createCoverageRepository(db: Db) {
  return {
    /**
     * The dated denominators in force on a day (the latest recorded on or before it), per
     * province: labour force, compulsory participants, voluntary participants recorded outside.
     */
    async denominatorsOn(date: string, provinces: readonly string[] | null) {
      const { rows } = await sql<{
        province_code: string;
        labour: string;
        compulsory: string;
        outside: string;
      }>`
        select distinct on (province_code) province_code, labour_force as labour,
               compulsory_participants as compulsory, voluntary_outside as outside
        from denominator
        where as_of <= ${date} ${provinces === null ? sql`` : sql`and province_code = any(${provinces as string[]}::text[])`}
        order by province_code, as_of desc`.execute(db);
      return rows.map((r) => ({
        province: r.province_code,
        labourForce: n(r.labour),
        compulsory: n(r.compulsory),
        outside: n(r.outside),
      }));
    },

    /** Voluntary and household participants covered in a month, per province (the coverage roll-up). */
    async coveredIn(month: string, provinces: readonly string[] | null) {
      const rows = await db
        .selectFrom('stat_coverage_month')
        .select(['province_code', 'vsi', 'hhi'])
        .where('month', '=', month)
        .$if(provinces !== null, (q) => q.where('province_code', 'in', provinces!.length ? provinces! : ['']))
        .execute();
      return rows.map((r) => ({ province: r.province_code, vsi: n(r.vsi), hhi: n(r.hhi) }));
    },

    /** The campaign asked for, else the latest one begun by that day. */
    bulletinCampaign(asOf: string, campaignId: number | undefined) {
      return db
        .selectFrom('campaign')
        .select(['id', 'name', 'starts_on', 'ends_on'])
        .$if(campaignId !== undefined, (q) => q.where('id', '=', campaignId!))
        .$if(campaignId === undefined, (q) => q.where('starts_on', '<=', asOf))
        .orderBy('starts_on', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirst();
    },

    /** A campaign's VSI and HHI sign-ups up to a day, for the country or a province (where people live). */
    async campaignCounts(campaignId: number, asOf: string, province: string | null) {
      const counts = await db
        .selectFrom('stat_province_day')
        .select([
          sql<string>`coalesce(sum(enrollments) filter (where product = 'vsi'), 0)`.as('vsi'),
          sql<string>`coalesce(sum(enrollments) filter (where product = 'hhi'), 0)`.as('hhi'),
        ])
        .where('campaign_id', '=', campaignId)
        .where('day', '<=', asOf)
        .$if(province !== null, (q) => q.where('province_code', '=', province!))
        .executeTakeFirstOrThrow();
      return { vsi: n(counts.vsi), hhi: n(counts.hhi) };
    },
  };
}

export type CoverageRepository = ReturnType<typeof createCoverageRepository>;
