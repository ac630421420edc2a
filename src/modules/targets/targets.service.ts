import type { Db } from '../../db/database.ts';
import { type Tx, transact } from '../../db/transaction.ts';
import { paceOf, proposeSplit, rebalance, type SplitCandidate } from '../../domain/campaigns/targets.ts';
import { addDays } from '../../domain/law/index.ts';
import { type Clock, vietnamDate } from '../../platform/clock.ts';
import { AppError } from '../../server/errors.ts';
import { type Actor, auditContext } from '../access/access.actor.ts';
import { VSS_CENTRAL_CODE } from '../orgs/orgs.seed.ts';
import {
  createTargetsRepository,
  type Period,
  type Product,
  type TargetRow,
  type TargetsRepository,
} from './targets.repository.ts';

const NATIONAL_KINDS = new Set(['vss_central', 'post_central']);
const PROVINCIAL_KINDS = new Set(['vss_province', 'post_province']);

/** A period asked for: either end may be left out, and falls back to `fallback`'s. */
export interface PeriodInput {
  periodStart?: string | undefined;
  periodEnd?: string | undefined;
}

export interface NationalInput extends PeriodInput {
  product: Product;
  amount: number;
}

export interface CascadeInput extends PeriodInput {
  apply: boolean;
}

/**
 * After a target's amount changes, its children that were not overridden share what the
 * overridden ones (and, under the national target, the list on the pre-2025 units) leave, in
 * proportion to their proposal; and so on down. Refuses (and the transaction rolls back) when
 * those fixed figures alone exceed the parent: children never silently exceed it.
 */
export async function rebalanceBelow(
  tx: Tx,
  repo: TargetsRepository,
  parent: { id: number; amount: number },
  /** A child being re-balanced in turn: only a national target has a list on the pre-2025 units. */
  nested = false,
): Promise<void> {
  const held = nested ? 0 : await repo.heldByFormerUnits(parent.id, tx);
  const children = await repo.childrenOf(parent.id, tx);
  const proposals = new Map(children.map((c) => [String(c.id), c.proposed ?? c.amount]));
  const shares =
    held > parent.amount
      ? null
      : rebalance(
          parent.amount - held,
          children.map((c) => ({ id: String(c.id), amount: c.amount, overridden: c.overridden })),
          proposals,
        );
  if (!shares) {
    const fixed = children.filter((c) => c.overridden).reduce((sum, c) => sum + c.amount, held);
    throw new AppError('target.children_exceed_parent', {
      fixed: vnNumber(fixed),
      parent: vnNumber(parent.amount),
    });
  }
  for (const child of children) {
    const amount = shares.get(String(child.id))!;
    if (amount !== child.amount) {
      await repo.update(tx, child.id, { amount });
      await rebalanceBelow(tx, repo, { id: child.id, amount }, true);
    }
  }
}

/** The period asked for, each end defaulting to `fallback`'s, checked to lie within `outer`. */
function periodWithin(
  input: PeriodInput,
  fallback: Period,
  outer: Period,
  outside: (p: Period) => AppError,
): Period {
  const period = { start: input.periodStart ?? fallback.start, end: input.periodEnd ?? fallback.end };
  if (period.end < period.start) {
    throw new AppError(
      'target.invalid_period',
      { start: period.start, end: period.end },
      input.periodEnd !== undefined ? 'periodEnd' : 'periodStart',
    );
  }
  if (period.start < outer.start || period.end > outer.end) throw outside(period);
  return period;
}

const asked = (input: PeriodInput) => input.periodStart !== undefined || input.periodEnd !== undefined;
const samePeriod = (a: Period, b: Period) => a.start === b.start && a.end === b.end;
const periodOf = (t: Pick<TargetRow, 'period_start' | 'period_end'>): Period => ({
  start: t.period_start,
  end: t.period_end,
});

/**
 * Targets per campaign × product × unit, cascaded down the hierarchy: the national figure to the
 * provinces, a province's to its offices, an office's to its agents. The proposal follows potential
 * (the labour force not yet covered) and past conversion; an officer may override any child, the
 * others absorb the difference, and children never add up to more than their parent.
 */
export function createTargetsService({ db, clock }: { db: Db; clock: Clock }) {
  const repo = createTargetsRepository(db);

  /** After a period moved: any target left outside its parent's period undoes the whole change. */
  async function refuseOutside(tx: Tx, campaignId: number) {
    const conflict = await repo.periodConflict(tx, campaignId);
    if (conflict) {
      throw new AppError('target.child_outside_period', {
        name: conflict.name,
        start: conflict.start,
        end: conflict.end,
        outerStart: conflict.outerStart,
        outerEnd: conflict.outerEnd,
      });
    }
  }

  async function campaignOf(campaignId: number, product: Product) {
    const campaign = await repo.campaign(campaignId);
    if (!campaign) throw new AppError('campaign.not_found', { id: campaignId });
    if (!campaign.products.includes(product)) {
      throw new AppError('target.product_not_in_campaign', { product: productLabel(product) }, 'product');
    }
    return campaign;
  }

  /**
   * A target the caller may see: one set on a unit of their region or below a target that was (a
   * province's officer follows what they gave the provincial post), and the targets above their own.
   * `governed` says whether they set it: their region holds it or one of the targets it came from.
   */
  async function targetRow(
    actor: Actor,
    id: number,
    q: Db | Tx = db,
  ): Promise<TargetRow & { path: string; governed: boolean }> {
    const chain = await repo.chainUp(id, q);
    const row = chain[0];
    if (!row) throw new AppError('target.not_found', { id });
    const governed = actor.national || chain.some((r) => r.path.startsWith(actor.orgPath));
    if (!governed && !actor.orgPath.startsWith(row.path)) throw new AppError('target.not_found', { id });
    return {
      ...row,
      id: Number(row.id),
      campaign_id: Number(row.campaign_id),
      parent_id: row.parent_id === null ? null : Number(row.parent_id),
      governed,
    };
  }

  /** The units (or, at the bottom, the agents) a target splits into, with their potential and conversion. */
  async function candidatesFor(target: TargetRow, startsOn: string) {
    if (target.agent_user_id) return { unitName: '', candidates: [] as Candidate[] };
    const unit = await repo.unitToSplit(target.org_unit_id!);
    // A VSS province splits between its own offices and the province's post network, which
    // collects most registrations; elsewhere a unit splits between the units under it.
    const units = await repo.splitUnits(unit);
    const since = addDays(startsOn, -365);
    if (units.length > 0) {
      const provinces = await repo.provincePotential(startsOn);
      const provinceCommunes = await repo.communesPerProvince();
      const pastOf = await repo.pastByUnit(
        units.map((u) => u.id),
        target.product,
        since,
        startsOn,
      );
      const candidates: Candidate[] = units.map((u) => {
        // In a province, the post network and the VSS offices each start from half the province's
        // potential (the offices' half shared by the communes they serve), so it is not counted twice.
        const province =
          (provinces.get(u.province_code ?? '') ?? 0) * (unit.kind === 'vss_province' ? 0.5 : 1);
        const potential = Math.round(
          PROVINCIAL_KINDS.has(u.kind)
            ? province
            : (province * Number(u.communes ?? 0)) /
                Math.max(1, provinceCommunes.get(u.province_code ?? '') ?? 1),
        );
        return { id: String(u.id), name: u.name, kind: 'unit', potential, past: pastOf.get(u.id) ?? 0 };
      });
      return { unitName: unit.name, candidates: withConversion(candidates) };
    }
    const agents = await repo.agentsOf(unit.id);
    const pastOf = await repo.pastByAgent(
      agents.map((a) => a.id),
      target.product,
      target.campaign_id,
    );
    const candidates: Candidate[] = agents.map((a) => ({
      id: `agent:${a.id}`,
      name: a.full_name,
      kind: 'agent',
      potential: 1,
      past: pastOf.get(a.id) ?? 0,
    }));
    return { unitName: unit.name, candidates: withConversion(candidates) };
  }

  /**
   * Registrations counted against targets: the whole country for a national unit, the province
   * (where people live) for a provincial VSS office, the agent's own for an agent, and for every
   * other unit what its own subtree collected. A VSS province's target splits between its offices
   * and the post network: counting each child by what it collected partitions the province, so the
   * children's figures add up to the parent's instead of counting a post office's sign-ups again in
   * the VSS office whose communes they live in. Counted by area, registrations fall within the
   * target's own period; what units and agents collected is rolled up per campaign, without days,
   * so it counts the whole campaign to date. A tree's targets share one campaign and product, and
   * are counted together: a query per kind, not three per target.
   */
  async function actualsOf(
    targets: TargetRow[],
    described: Awaited<ReturnType<typeof repo.describe>>,
    until: string,
  ): Promise<Map<number, number>> {
    const areas: { id: number; from: string; until: string; province: string | null }[] = [];
    const subtrees: { id: number; unitId: number }[] = [];
    const agents: { id: number; agentUserId: number }[] = [];
    for (const t of targets) {
      const unit = described.get(t.id);
      if (t.agent_user_id) agents.push({ id: t.id, agentUserId: t.agent_user_id });
      else if (unit && (NATIONAL_KINDS.has(unit.kind!) || unit.kind === 'vss_province'))
        areas.push({
          id: t.id,
          from: t.period_start,
          until: [until, t.period_end].sort()[0]!,
          province: unit.kind === 'vss_province' ? unit.province_code : null,
        });
      else if (t.org_unit_id) subtrees.push({ id: t.id, unitId: t.org_unit_id });
    }
    const first = targets[0];
    if (!first) return new Map();
    const [byArea, bySubtree, byAgent] = await Promise.all([
      repo.areaRegistrationsOf(first.campaign_id, first.product, areas),
      repo.subtreeRegistrationsOf(
        first.campaign_id,
        first.product,
        subtrees.map((s) => s.unitId),
      ),
      repo.agentRegistrationsOf(
        first.campaign_id,
        first.product,
        agents.map((a) => a.agentUserId),
      ),
    ]);
    return new Map([
      ...areas.map((a) => [a.id, byArea.get(a.id) ?? 0] as const),
      ...subtrees.map((s) => [s.id, bySubtree.get(s.unitId) ?? 0] as const),
      ...agents.map((a) => [a.id, byAgent.get(a.agentUserId) ?? 0] as const),
    ]);
  }

  async function presentAll(targets: TargetRow[]) {
    const today = vietnamDate(clock);
    const names = await repo.describe(targets.map((t) => t.id));
    const actuals = await actualsOf(targets, names, today);
    return targets.map((target) => {
      const actual = actuals.get(target.id) ?? 0;
      const name = names.get(target.id);
      const pace = paceOf({
        target: target.amount,
        actual,
        start: target.period_start,
        end: target.period_end,
        today,
      });
      return {
        id: target.id,
        parentId: target.parent_id,
        product: target.product,
        orgUnitId: target.org_unit_id,
        agentUserId: target.agent_user_id,
        name: name?.unit_name ?? name?.agent_name ?? '',
        unitKind: name?.kind ?? null,
        amount: target.amount,
        proposed: target.proposed,
        overridden: target.overridden,
        periodStart: target.period_start,
        periodEnd: target.period_end,
        actual,
        reached: round4(pace.reached),
        elapsed: round4(pace.elapsed),
        forecast: pace.forecast,
        behind: pace.behind,
      };
    });
  }

  return {
    /**
     * The national target of a campaign and product, set by the central office, for the campaign's
     * period or part of it (a new target takes the whole campaign; an existing one keeps its period
     * unless another is asked for). Its children that spanned its period move with it.
     */
    async setNational(actor: Actor, campaignId: number, input: NationalInput) {
      const { product, amount } = input;
      const campaign = await campaignOf(campaignId, product);
      const whole = { start: campaign.starts_on, end: campaign.ends_on };
      const centralId = await repo.unitIdByCode(VSS_CENTRAL_CODE);
      const id = await transact(db, auditContext(actor, clock), async (tx) => {
        const existing = await repo.root(tx, campaignId, product);
        const period = periodWithin(
          input,
          existing ? periodOf(existing) : whole,
          whole,
          (p) =>
            new AppError(
              'target.period_outside_campaign',
              { start: p.start, end: p.end, startsOn: whole.start, endsOn: whole.end },
              'periodStart',
            ),
        );
        let targetId: number;
        if (existing) {
          targetId = Number(existing.id);
          // A split over the pre-2025 units may not be left above the new national figure either.
          const held = await repo.heldByFormerUnits(targetId, tx);
          if (held > amount) {
            throw new AppError('target.below_children', {
              amount: vnNumber(amount),
              children: vnNumber(held),
            });
          }
          await repo.update(tx, targetId, { amount, set_by: actor.userId, set_at: clock.now() });
          if (!samePeriod(period, periodOf(existing))) {
            await repo.movePeriod(tx, [targetId], period);
            await refuseOutside(tx, campaignId);
          }
        } else {
          targetId = await repo.insertRoot(tx, {
            campaign_id: campaignId,
            product,
            org_unit_id: centralId,
            period_start: period.start,
            period_end: period.end,
            amount,
            set_by: actor.userId,
            set_at: clock.now(),
          });
        }
        await rebalanceBelow(tx, repo, { id: targetId, amount });
        return targetId;
      });
      return this.node(actor, id);
    },

    /**
     * The proposed split of a target between the units (or agents) under it. With `apply`, the
     * children are created or updated: the ones overridden keep their figure, the others take their
     * proposal re-balanced so the children add up to the target exactly. The children are set for
     * the period asked for, within the target's own; new children default to the target's period,
     * existing ones keep theirs unless a period is asked for.
     */
    async cascade(actor: Actor, targetId: number, input: CascadeInput) {
      const target = await targetRow(actor, targetId);
      const campaign = await campaignOf(target.campaign_id, target.product);
      const own = periodOf(target);
      const period = periodWithin(
        input,
        own,
        own,
        (p) =>
          new AppError(
            'target.period_outside_parent',
            { start: p.start, end: p.end, parentStart: own.start, parentEnd: own.end },
            'periodStart',
          ),
      );
      const { unitName, candidates } = await candidatesFor(target, campaign.starts_on);
      if (candidates.length === 0) throw new AppError('target.cannot_split', { unit: unitName });
      // Under the national target, what the list on the pre-2025 units holds is not for today's units.
      const held = await repo.heldByFormerUnits(targetId);
      const proposal = proposeSplit(Math.max(0, target.amount - held), candidates);
      const items = candidates.map((c) => ({
        key: c.id,
        name: c.name,
        kind: c.kind,
        potential: c.potential,
        pastRegistrations: c.past,
        proposed: proposal.get(c.id) ?? 0,
      }));
      const answer = { targetId, amount: target.amount, periodStart: period.start, periodEnd: period.end };
      if (!input.apply) return { ...answer, applied: false, items };
      if (!target.governed) throw new AppError('target.not_found', { id: targetId });
      await transact(db, auditContext(actor, clock), async (tx) => {
        const existing = await repo.childrenOf(targetId, tx);
        const keyOf = (c: TargetRow) =>
          c.agent_user_id ? `agent:${c.agent_user_id}` : String(c.org_unit_id);
        const byKey = new Map(existing.map((c) => [keyOf(c), c]));
        const moved: number[] = [];
        for (const item of items) {
          const current = byKey.get(item.key);
          if (current) {
            await repo.update(tx, current.id, {
              proposed: item.proposed,
              ...(current.overridden ? {} : { amount: item.proposed }),
            });
            if (asked(input) && !samePeriod(period, periodOf(current))) moved.push(current.id);
            continue;
          }
          const agent = item.key.startsWith('agent:') ? Number(item.key.slice(6)) : null;
          await repo.insertChild(tx, {
            campaign_id: target.campaign_id,
            product: target.product,
            org_unit_id: agent ? null : Number(item.key),
            agent_user_id: agent,
            parent_id: targetId,
            period_start: period.start,
            period_end: period.end,
            amount: item.proposed,
            proposed: item.proposed,
            set_by: actor.userId,
            set_at: clock.now(),
          });
        }
        if (moved.length > 0) {
          await repo.movePeriod(tx, moved, period);
          await refuseOutside(tx, target.campaign_id);
        }
        await rebalanceBelow(tx, repo, { id: targetId, amount: target.amount });
      });
      return { ...answer, applied: true, items };
    },

    /** An officer's own figure for a child (`amount`), or back to the proposal (`overridden: false`). */
    async override(actor: Actor, targetId: number, change: { amount?: number; overridden?: boolean }) {
      const target = await targetRow(actor, targetId);
      if (target.parent_id === null) throw new AppError('target.root_override', {});
      const parent = await targetRow(actor, target.parent_id);
      if (!parent.governed) throw new AppError('target.not_found', { id: targetId });
      await transact(db, auditContext(actor, clock), async (tx) => {
        if (change.overridden === false) {
          await repo.update(tx, targetId, { overridden: false });
        } else if (change.amount !== undefined) {
          const below = (await repo.childrenOf(targetId, tx))
            .filter((c) => c.overridden)
            .reduce((sum, c) => sum + c.amount, 0);
          if (change.amount < below) {
            throw new AppError(
              'target.below_children',
              { amount: vnNumber(change.amount), children: vnNumber(below) },
              'amount',
            );
          }
          await repo.update(tx, targetId, {
            amount: change.amount,
            overridden: true,
            set_by: actor.userId,
            set_at: clock.now(),
          });
        }
        // The siblings absorb the change; then this target's own children follow its new figure.
        await rebalanceBelow(tx, repo, { id: parent.id, amount: parent.amount });
        await rebalanceBelow(tx, repo, { id: targetId, amount: await repo.amountOf(tx, targetId) });
      });
      return this.node(actor, targetId);
    },

    /** A target with its children, each with its actual, % reached against % of time, and forecast. */
    async node(actor: Actor, targetId: number) {
      const target = await targetRow(actor, targetId);
      const children = await repo.childrenOf(targetId);
      const [self, ...rest] = await presentAll([target, ...children]);
      return { ...self!, children: rest };
    },

    async national(actor: Actor, campaignId: number, product: Product) {
      await campaignOf(campaignId, product);
      const root = await repo.rootId(campaignId, product);
      return root ? this.node(actor, Number(root.id)) : null;
    },
  };
}

interface Candidate extends SplitCandidate {
  name: string;
  kind: 'unit' | 'agent';
  past: number;
}

/**
 * Half by potential, half by potential weighted by the candidate's conversion relative to the
 * average: a unit that converted twice as well as the rest is asked for a third more. The weight is
 * capped at three times the potential's, so one unit's past alone never takes most of a split.
 */
export const MAX_CONVERSION_WEIGHT = 3;
function withConversion(candidates: Candidate[]): Candidate[] {
  const rates = candidates.map((c) => (c.potential > 0 ? c.past / c.potential : 0));
  const mean = rates.reduce((a, b) => a + b, 0) / Math.max(1, rates.length);
  return candidates.map((c, i) => ({
    ...c,
    conversion: mean > 0 ? Math.min(MAX_CONVERSION_WEIGHT, 1 + rates[i]! / mean) : 1,
  }));
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
export const vnNumber = (n: number) => n.toLocaleString('vi-VN');
const productLabel = (p: Product) => (p === 'vsi' ? 'BHXH tự nguyện' : 'BHYT hộ gia đình');

export type TargetsService = ReturnType<typeof createTargetsService>;
