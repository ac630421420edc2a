import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../access/access.actor.ts';
import { inScope } from '../access/access.scope.ts';

/** How the funnel is broken down, besides its total. */
export type FunnelGrouping = 'unit' | 'agent' | 'channel';

const SUMS = [
  sql<number>`coalesce(sum(f.contacted), 0)`.as('contacted'),
  sql<number>`coalesce(sum(f.consulted), 0)`.as('consulted'),
  sql<number>`coalesce(sum(f.enrolled), 0)`.as('enrolled'),
  sql<number>`coalesce(sum(f.first_paid), 0)`.as('first_paid'),
  sql<number>`coalesce(sum(f.retained_12m), 0)`.as('retained_12m'),
] as const;

/**
 * The funnel's SQL, over its roll-up (stat_funnel): a campaign's rows on the units of the caller's
 * region (and those serving their communes), of a province if asked, summed or grouped.
 */
export function createLeadFunnelRepository(db: Db) {
  const rows = (actor: Actor, campaignId: number, province: string | undefined) =>
    db
      .selectFrom('stat_funnel as f')
      .innerJoin('org_unit as o', 'o.id', 'f.org_unit_id')
      .where('f.campaign_id', '=', campaignId)
      .where(inScope(actor, { orgPath: 'o.path', servingUnitId: 'o.id' }))
      .$if(province !== undefined, (q) => q.where('o.province_code', '=', province!));

  /** One row per unit, agent or channel, keyed, labelled and with its unit, and its sums. */
  const grouped = (actor: Actor, campaignId: number, by: FunnelGrouping, province: string | undefined) => {
    const base = rows(actor, campaignId, province);
    return by === 'channel'
      ? base
          .select([
            sql<string>`f.channel`.as('key'),
            sql<string | null>`null`.as('label'),
            sql<string | null>`null`.as('org_unit_name'),
            sql<string | null>`null`.as('province_code'),
            ...SUMS,
          ])
          .groupBy('f.channel')
      : by === 'unit'
        ? base
            .select([
              sql<string>`o.id::text`.as('key'),
              'o.name as label',
              'o.name as org_unit_name',
              'o.province_code',
              ...SUMS,
            ])
            .groupBy(['o.id', 'o.name', 'o.province_code'])
        : base
            .leftJoin('app_user as u', 'u.id', 'f.agent_user_id')
            .leftJoin('org_unit as uo', 'uo.id', 'u.org_unit_id')
            .select([
              sql<string>`f.agent_user_id::text`.as('key'),
              'u.full_name as label',
              'uo.name as org_unit_name',
              'uo.province_code',
              ...SUMS,
            ])
            .groupBy(['f.agent_user_id', 'u.full_name', 'uo.name', 'uo.province_code']);
  };

  return {
    /** The funnel's sums over every row the caller may see. */
    overall(actor: Actor, campaignId: number, province: string | undefined) {
      return rows(actor, campaignId, province).select(SUMS).executeTakeFirstOrThrow();
    },

    /** A page of the groups, most enrolled first, then most contacted, then by key. */
    groups(
      actor: Actor,
      campaignId: number,
      query: { by: FunnelGrouping; province?: string | undefined; limit: number; offset: number },
    ) {
      return db
        .selectFrom(grouped(actor, campaignId, query.by, query.province).as('g'))
        .selectAll()
        .orderBy('g.enrolled', 'desc')
        .orderBy('g.contacted', 'desc')
        .orderBy('g.key')
        .limit(query.limit)
        .offset(query.offset)
        .execute();
    },

    async countGroups(
      actor: Actor,
      campaignId: number,
      query: { by: FunnelGrouping; province?: string | undefined },
    ): Promise<number> {
      const count = await db
        .selectFrom(grouped(actor, campaignId, query.by, query.province).as('g'))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(count.n);
    },
  };
}
