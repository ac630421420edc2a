import type { Db } from '../../db/database.ts';
import type { FunnelCounts } from '../../domain/leads/funnel.ts';
import type { Actor } from '../access/access.actor.ts';
import { createLeadFunnelRepository } from './leads.funnel.repository.ts';

export const FUNNEL_BY = ['total', 'unit', 'agent', 'channel'] as const;
export type FunnelBy = (typeof FUNNEL_BY)[number];

export interface FunnelGroup extends FunnelCounts {
  key: string;
  label: string | null;
  /** The unit (for by=unit) or the agent's unit (for by=agent). */
  orgUnitName: string | null;
  provinceCode: string | null;
}

const counts = (r: {
  contacted: unknown;
  consulted: unknown;
  enrolled: unknown;
  first_paid: unknown;
  retained_12m: unknown;
}): FunnelCounts => ({
  contacted: Number(r.contacted),
  consulted: Number(r.consulted),
  enrolled: Number(r.enrolled),
  firstPaid: Number(r.first_paid),
  retained12m: Number(r.retained_12m),
});

/**
 * The campaign funnel from its roll-up (stat_funnel, kept by the lead, enrollment, payment and
 * retention triggers): a few rows per unit, agent and channel, never a scan of the base tables. The
 * caller sees the units of their subtree and those serving their communes (a post point in a VSS
 * officer's district), as everywhere else.
 */
export function createLeadFunnel(db: Db) {
  const repo = createLeadFunnelRepository(db);

  async function groups(
    actor: Actor,
    campaignId: number,
    query: { by: Exclude<FunnelBy, 'total'>; province?: string; limit: number; offset: number },
  ): Promise<{ items: FunnelGroup[]; total: number }> {
    const [items, total] = await Promise.all([
      repo.groups(actor, campaignId, query),
      repo.countGroups(actor, campaignId, query),
    ]);
    return {
      total,
      items: items.map((r) => ({
        key: r.key,
        label: r.label,
        orgUnitName: r.org_unit_name,
        provinceCode: r.province_code,
        ...counts(r),
      })),
    };
  }

  return {
    async read(
      actor: Actor,
      campaignId: number,
      query: { by: FunnelBy; province?: string; limit: number; offset: number },
    ) {
      const overall = await repo.overall(actor, campaignId, query.province);
      const breakdown =
        query.by === 'total'
          ? { items: [], total: 0 }
          : await groups(actor, campaignId, { ...query, by: query.by });
      return { by: query.by, overall: counts(overall), ...breakdown };
    },
  };
}
