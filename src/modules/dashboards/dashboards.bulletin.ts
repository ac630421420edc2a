import { type BulletinFigures, composeBulletin, coverageFigures } from '../../domain/campaigns/bulletin.ts';
import { type Clock, vietnamDate } from '../../platform/clock.ts';
import { AppError } from '../../server/errors.ts';
import type { Actor } from '../access/access.actor.ts';
import type { CoverageRepository } from './dashboards.coverage.repository.ts';
import { type Coverage, lastYearOf, sumOf, yearBefore } from './dashboards.coverage.ts';
import type { DashboardsRepository, Product } from './dashboards.repository.ts';
import type { DashboardScopes } from './dashboards.scope.ts';

const PRODUCTS: Product[] = ['vsi', 'hhi'];

/**
 * The press office's paragraph as of any day, for the country, a province or a unit below one, with
 * the figures it was written from. A unit's coverage is its province's; its campaign figures are
 * what its subtree collected, against its own targets.
 */
export function createBulletin({
  repo,
  dashboards,
  scopes,
  coverage,
  clock,
}: {
  repo: CoverageRepository;
  dashboards: DashboardsRepository;
  scopes: DashboardScopes;
  coverage: Coverage;
  clock: Clock;
}) {
  /**
   * What the campaign brought in and the targets it is measured against. For the country or a
   * province, by where people live up to the day, and the targets the dashboard's map uses (a
   * province's own, else those set on the former provinces that merged into it). For a unit, what
   * its subtree collected, from the roll-up per unit: it has no days, so it is the count to date.
   */
  async function progress(campaignId: number, asOf: string, province: string | null, unitId: number | null) {
    if (unitId !== null) {
      const unit = (await dashboards.unit(unitId))!;
      const [collected, targets] = await Promise.all([
        dashboards.collected(campaignId, PRODUCTS, { path: unit.path }),
        dashboards.targetOf(campaignId, PRODUCTS, { unitId }),
      ]);
      return {
        vsi: collected.get('vsi') ?? 0,
        hhi: collected.get('hhi') ?? 0,
        target: targets.get('vsi') || null,
        hhiTarget: targets.get('hhi') || null,
      };
    }
    const [counts, targets] = await Promise.all([
      repo.campaignCounts(campaignId, asOf, province),
      dashboards.areaTargets(campaignId, PRODUCTS),
    ]);
    const targetOf = (product: Product) =>
      targets
        .filter((t) => t.province === province && t.product === product)
        .reduce((sum, t) => sum + t.amount, 0) || null;
    return { ...counts, target: targetOf('vsi'), hhiTarget: targetOf('hhi') };
  }

  return async function bulletin(
    actor: Actor,
    input: {
      asOf?: string | undefined;
      scope?: string | undefined;
      unit?: number | undefined;
      campaignId?: number | undefined;
    },
  ) {
    const asOf = input.asOf ?? vietnamDate(clock);
    const lastYearAsOf = yearBefore(asOf);
    const { province, unit } = await scopes.bulletinScope(actor, input);
    const provinces = province === null ? null : [province];
    const [now, before, campaign] = await Promise.all([
      coverage.on(asOf, provinces).then((rows) => sumOf(rows.values())),
      coverage.on(lastYearAsOf, provinces).then((rows) => sumOf(rows.values())),
      repo.bulletinCampaign(asOf, input.campaignId),
    ]);
    if (input.campaignId !== undefined && !campaign)
      throw new AppError('campaign.not_found', { id: input.campaignId });
    const figuresOfCampaign =
      campaign && campaign.starts_on <= asOf
        ? {
            name: campaign.name,
            startsOn: campaign.starts_on,
            endsOn: campaign.ends_on,
            ...(await progress(campaign.id, asOf, province, unit?.id ?? null)),
          }
        : null;
    const lastYear = lastYearOf(before);
    const figures = {
      asOf,
      scopeName: province === null ? 'cả nước' : await scopes.provinceName(province),
      national: province === null,
      unitName: unit?.name ?? null,
      ...now,
      lastYear,
      campaign: figuresOfCampaign,
    } satisfies BulletinFigures;
    return {
      asOf,
      lastYearAsOf,
      scope: province,
      unit: unit ? { id: unit.id, name: unit.name, kind: unit.kind } : null,
      text: composeBulletin(figures),
      figures,
      coverage: coverageFigures(now, lastYear),
    };
  };
}
