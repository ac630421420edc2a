import type { Db } from '../../db/database.ts';
import { paceOf } from '../../domain/campaigns/targets.ts';
import { PROVINCE_TILES } from '../../domain/campaigns/tile-map.ts';
import { type Clock, vietnamDate } from '../../platform/clock.ts';
import type { Actor } from '../access/access.actor.ts';
import type { CampaignsService } from '../campaigns/campaigns.service.ts';
import { createBulletin } from './dashboards.bulletin.ts';
import { createCoverageRepository } from './dashboards.coverage.repository.ts';
import { createCoverage } from './dashboards.coverage.ts';
import {
  type Area,
  createDashboardsRepository,
  type LeaderFilter,
  type Product,
} from './dashboards.repository.ts';
import { createDashboardScopes, type Place, type PlaceRequest } from './dashboards.scope.ts';

export interface DashboardInput extends PlaceRequest {
  campaignId: number;
  product?: Product | undefined;
  /** 'live': only the figures that move each second (totals, target and pace, trend); 'full' adds the rest. */
  view?: 'full' | 'live' | undefined;
}

/** A target's progress: the products it is set for, their target and what counts against it. */
interface Progress {
  target: number;
  actual: number;
  targeted: Product[];
}

/** Only the products with a target count, so household HI sign-ups never make a VSI-only target look met. */
function progressOf(
  wanted: readonly Product[],
  target: (p: Product) => number,
  actual: (p: Product) => number,
) {
  const targeted = wanted.filter((p) => target(p) > 0);
  const sum = (pick: (p: Product) => number) => targeted.reduce((s, p) => s + pick(p), 0);
  return { target: sum(target), actual: sum(actual), targeted };
}

const NO_TARGET: Progress = { target: 0, actual: 0, targeted: [] };
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
const key = (code: string | null, product: string) => `${code ?? ''}|${product}`;

/**
 * The live dashboard of a campaign at every level: the country, a province, a unit (grassroots
 * office, post office, post point or collection agent unit), a commune, an agent. Every figure
 * comes from the roll-up tables the enrollment and payment transactions keep (stat_*), never from
 * a scan of the base tables, so a page load costs a few index reads however large the country's data.
 */
export function createDashboardsService({
  db,
  clock,
  campaigns,
}: {
  db: Db;
  clock: Clock;
  campaigns: CampaignsService;
}) {
  const repo = createDashboardsRepository(db);
  const scopes = createDashboardScopes(repo);
  const coverageRepo = createCoverageRepository(db);
  const coverage = createCoverage({ repo: coverageRepo, scopes, clock });

  /** Registrations by where people live. An agent has no area: their own counters, and no daily trend. */
  const areaOf = (place: Exclude<Place, { level: 'agent' }>): Area => {
    switch (place.level) {
      case 'national':
        return { kind: 'country' };
      case 'province':
        return { kind: 'province', code: place.province };
      case 'unit':
        return { kind: 'unit', path: place.unit.path };
      case 'commune':
        return { kind: 'commune', code: place.commune.code };
    }
  };

  /**
   * Below the province a target is measured by what the unit's subtree or the agent collected, as
   * the Targets tab measures it. An agent without a target of their own sees their unit's, with
   * the unit's progress.
   */
  async function collectedProgress(campaignId: number, wanted: readonly Product[], place: Place) {
    if (place.level === 'unit') {
      const [target, collected] = await Promise.all([
        repo.targetOf(campaignId, wanted, { unitId: place.unit.id }),
        repo.collected(campaignId, wanted, { path: place.unit.path }),
      ]);
      return {
        ...progressOf(
          wanted,
          (p) => target.get(p) ?? 0,
          (p) => collected.get(p) ?? 0,
        ),
        ofUnit: null,
      };
    }
    if (place.level !== 'agent') return null;
    const { agent } = place;
    const own = await repo.targetOf(campaignId, wanted, { agentId: agent.id });
    if ([...own.values()].some((amount) => amount > 0)) {
      const collected = await repo.collected(campaignId, wanted, { agentId: agent.id });
      return {
        ...progressOf(
          wanted,
          (p) => own.get(p) ?? 0,
          (p) => collected.get(p) ?? 0,
        ),
        ofUnit: null,
      };
    }
    const [target, collected] = await Promise.all([
      repo.targetOf(campaignId, wanted, { unitId: agent.unit_id }),
      repo.collected(campaignId, wanted, { path: agent.unit_path }),
    ]);
    return {
      ...progressOf(
        wanted,
        (p) => target.get(p) ?? 0,
        (p) => collected.get(p) ?? 0,
      ),
      ofUnit: { id: agent.unit_id, name: agent.unit_name },
    };
  }

  /** The leaderboards' place: nobody is ranked at an agent's own level. */
  const leadersOf = (place: Place): LeaderFilter | null => {
    switch (place.level) {
      case 'national':
        return {};
      case 'province':
        return { province: place.province };
      case 'unit':
        return { under: place.unit.path };
      case 'commune':
        return { serving: place.commune.code };
      case 'agent':
        return null;
    }
  };

  /** The funnel counts units and agents, so a commune, where people live, has none. */
  const funnelOf = (campaignId: number, place: Place) => {
    switch (place.level) {
      case 'national':
        return repo.funnel(campaignId, {});
      case 'province':
        return repo.funnel(campaignId, { province: place.province });
      case 'unit':
        return repo.funnel(campaignId, { under: place.unit.path });
      case 'agent':
        return repo.funnel(campaignId, { agentId: place.agent.id });
      case 'commune':
        return Promise.resolve(null);
    }
  };

  /** What was done on the ground; activities are logged by units, so an agent has none of their own. */
  const kpisOf = (actor: Actor, campaignId: number, place: Place) => {
    switch (place.level) {
      case 'national':
        return campaigns.kpis(actor, campaignId);
      case 'province':
        return campaigns.kpis(actor, campaignId, place.province);
      case 'unit':
        return campaigns.kpis(actor, campaignId, null, { unitPath: place.unit.path });
      case 'commune':
        return campaigns.kpis(actor, campaignId, place.commune.province_code, {
          commune: place.commune.code,
        });
      case 'agent':
        return Promise.resolve(null);
    }
  };

  return {
    bulletin: createBulletin({ repo: coverageRepo, dashboards: repo, scopes, coverage, clock }),

    coverage: coverage.coverage,

    async campaign(actor: Actor, input: DashboardInput) {
      const [campaign, place] = await Promise.all([
        campaigns.get(input.campaignId),
        scopes.resolve(actor, input),
      ]);
      const wanted = (input.product ? [input.product] : (['vsi', 'hhi'] as Product[])).filter((p) =>
        campaign.products.includes(p),
      );
      const queried: Product[] = wanted.length ? wanted : ['vsi'];
      const today = vietnamDate(clock);
      const until = [today, campaign.endsOn].sort()[0]!;
      const full = input.view !== 'live';
      const id = input.campaignId;
      const province = place.level === 'province' ? place.province : null;
      // The map shows every province to a national caller, and to anyone else the provinces they serve whole.
      const mapProvinces = actor.national ? null : actor.provinces;
      const byArea = full || place.level === 'national' || place.level === 'province';

      const [scope, names, totals, trend, counts, areaTargets, below] = await Promise.all([
        scopes.view(actor, place),
        scopes.provinceNames(),
        place.level === 'agent'
          ? repo.agentTotals(id, queried, place.agent.id)
          : repo.totals(id, queried, areaOf(place)),
        place.level === 'agent' ? Promise.resolve([]) : repo.trend(id, queried, areaOf(place)),
        byArea ? repo.byProvince(id, queried, full ? mapProvinces : province ? [province] : null) : [],
        byArea ? repo.areaTargets(id, queried) : [],
        collectedProgress(id, wanted, place),
      ]);

      const actualOf = new Map(counts.map((c) => [key(c.province, c.product), c.enrollments]));
      const targetOf = new Map(areaTargets.map((t) => [key(t.province, t.product), t.amount]));
      const actualIn = (code: string | null, p: Product) =>
        code === null
          ? counts.filter((c) => c.product === p).reduce((sum, c) => sum + c.enrollments, 0)
          : (actualOf.get(key(code, p)) ?? 0);
      const progressIn = (code: string | null): Progress =>
        progressOf(
          wanted,
          (p) => targetOf.get(key(code, p)) ?? 0,
          (p) => actualIn(code, p),
        );
      // A commune has no target: targets are set on units and agents.
      const progress: Progress & { ofUnit?: { id: number; name: string } | null } =
        below ??
        (place.level === 'national' || place.level === 'province' ? progressIn(province) : NO_TARGET);
      const pace = paceOf({
        target: progress.target,
        actual: progress.actual,
        start: campaign.startsOn,
        end: campaign.endsOn,
        today,
      });

      const live = {
        asOf: clock.now().toISOString(),
        until,
        campaign: {
          id: campaign.id,
          name: campaign.name,
          startsOn: campaign.startsOn,
          endsOn: campaign.endsOn,
        },
        scope,
        products: wanted,
        totals,
        target:
          progress.target > 0
            ? {
                amount: progress.target,
                products: progress.targeted,
                actual: progress.actual,
                reached: round4(pace.reached),
                elapsed: round4(pace.elapsed),
                forecast: pace.forecast,
                behind: pace.behind,
                measure: below ? ('collected' as const) : ('area' as const),
                ofUnit: progress.ofUnit ?? null,
              }
            : null,
        trend,
      };
      if (!full) return live;

      const tiles = PROVINCE_TILES.filter((t) => mapProvinces === null || mapProvinces.includes(t.code)).map(
        (t) => {
          const { target, actual: counted } = progressIn(t.code);
          return {
            code: t.code,
            name: names.get(t.code) ?? t.short,
            short: t.short,
            row: t.row,
            col: t.col,
            enrollments: wanted.reduce((sum, p) => sum + actualIn(t.code, p), 0),
            target,
            reached: target > 0 ? round4(counted / target) : null,
          };
        },
      );
      const filter = leadersOf(place);
      const [postOffices, agents, funnel, kpis, rank] = await Promise.all([
        filter ? repo.postOffices(actor, id, queried, filter) : [],
        filter ? repo.agents(actor, id, queried, filter) : [],
        funnelOf(id, place),
        kpisOf(actor, id, place),
        place.level === 'agent' && place.agent.province_code
          ? repo.agentRank(id, queried, place.agent.id, place.agent.province_code)
          : null,
      ]);
      return {
        ...live,
        provinces: tiles,
        leaders: {
          provinces:
            place.level === 'national' || place.level === 'province'
              ? tiles
                  .filter((t) => t.enrollments > 0 && (province === null || t.code === province))
                  .sort((a, b) => (b.reached ?? -1) - (a.reached ?? -1) || b.enrollments - a.enrollments)
                  .slice(0, 10)
              : [],
          postOffices,
          agents,
        },
        funnel,
        kpis,
        rank:
          rank && place.level === 'agent'
            ? {
                ...rank,
                provinceCode: place.agent.province_code!,
                provinceName: names.get(place.agent.province_code!) ?? place.agent.province_code!,
              }
            : null,
      };
    },
  };
}

export type DashboardsService = ReturnType<typeof createDashboardsService>;
