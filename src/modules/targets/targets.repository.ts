import { type Insertable, sql, type Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { TargetTable } from '../../db/schema.ts';
import type { Tx } from '../../db/transaction.ts';

export type Product = 'vsi' | 'hhi';

/** The days a target is set for: within its campaign, and within its parent's. */
export interface Period {
  start: string;
  end: string;
}

export interface TargetRow {
  id: number;
  campaign_id: number;
  product: Product;
  org_unit_id: number | null;
  agent_user_id: number | null;
  parent_id: number | null;
  amount: number;
  proposed: number | null;
  overridden: boolean;
  period_start: string;
  period_end: string;
}

/** A target left outside the period it must lie within: its parent's, or its campaign's for a root. */
export interface PeriodConflict {
  name: string;
  product: Product;
  start: string;
  end: string;
  outerStart: string;
  outerEnd: string;
}

const columns = [
  't.id',
  't.campaign_id',
  't.product',
  't.org_unit_id',
  't.agent_user_id',
  't.parent_id',
  't.amount',
  't.proposed',
  't.overridden',
  't.period_start',
  't.period_end',
] as const;

/**
 * The target tree's SQL: targets and their chain up, children, the share held by the former units'
 * list, periods; and what a split and a target's progress are measured on (units, agents,
 * potential, registrations).
 */
export function createTargetsRepository(db: Db) {
  return {
    columns,

    /** A target's children among today's units and agents, in the order they were made. */
    async childrenOf(parentId: number, q: Db | Tx = db): Promise<TargetRow[]> {
      const rows = await q
        .selectFrom('target as t')
        .select([...columns])
        .where('t.parent_id', '=', parentId)
        // Targets on pre-2025 units are a list of their own (targets.legacy.ts), not today's tree.
        .where('t.legacy_unit_id', 'is', null)
        .orderBy('t.id')
        .execute();
      return rows.map((r) => ({ ...r, id: Number(r.id), parent_id: Number(r.parent_id) }));
    },

    /**
     * What a target's list on the pre-2025 units takes of it (only the national target has one):
     * every former province's figure, and a former district's where its province has none, since a
     * province's figure already holds its districts'.
     */
    async heldByFormerUnits(parentId: number, q: Db | Tx = db): Promise<number> {
      const { rows } = await sql<{ n: string }>`
        select coalesce(sum(t.amount), 0) as n
        from target t join legacy_unit u on u.id = t.legacy_unit_id
        where t.parent_id = ${parentId}
          and (u.level = 'province' or not exists (
            select 1 from target pt join legacy_unit pu on pu.id = pt.legacy_unit_id
            where pt.parent_id = ${parentId} and pu.level = 'province' and pu.id = u.parent_id))`.execute(q);
      return Number(rows[0]?.n ?? 0);
    },

    /**
     * Moves targets to a new period, and with each its children that spanned its whole period (and
     * theirs, on down). Other children stay: `periodConflict` then finds any the move left outside.
     */
    async movePeriod(q: Db | Tx, ids: readonly number[], next: Period): Promise<void> {
      if (ids.length === 0) return;
      await sql`
        with recursive moving as (
          select id, period_start, period_end from target where id = any(${ids as number[]}::bigint[])
          union all
          select c.id, c.period_start, c.period_end from target c join moving m on c.parent_id = m.id
          where c.period_start = m.period_start and c.period_end = m.period_end
        )
        update target t set period_start = ${next.start}, period_end = ${next.end}
        from moving where t.id = moving.id`.execute(q);
    },

    /**
     * A campaign's dates change: the targets that spanned the whole campaign follow them. Any other
     * target lies within those, and so do all its ancestors: none of them moves.
     */
    async followCampaign(q: Db | Tx, campaignId: number, from: Period, to: Period): Promise<void> {
      await q
        .updateTable('target')
        .set({ period_start: to.start, period_end: to.end })
        .where('campaign_id', '=', campaignId)
        .where('period_start', '=', from.start)
        .where('period_end', '=', from.end)
        .execute();
    },

    /** The first of a campaign's targets whose period is not within its parent's (a root's: the campaign's). */
    async periodConflict(q: Db | Tx, campaignId: number): Promise<PeriodConflict | null> {
      const { rows } = await sql<{
        name: string | null;
        product: Product;
        period_start: string;
        period_end: string;
        outer_start: string;
        outer_end: string;
      }>`
        select coalesce(o.name, u.full_name, l.name) as name, t.product, t.period_start, t.period_end,
               coalesce(p.period_start, c.starts_on) as outer_start, coalesce(p.period_end, c.ends_on) as outer_end
        from target t
        join campaign c on c.id = t.campaign_id
        left join target p on p.id = t.parent_id
        left join org_unit o on o.id = t.org_unit_id
        left join app_user u on u.id = t.agent_user_id
        left join legacy_unit l on l.id = t.legacy_unit_id
        where t.campaign_id = ${campaignId}
          and (t.period_start < coalesce(p.period_start, c.starts_on) or t.period_end > coalesce(p.period_end, c.ends_on))
        order by t.id
        limit 1`.execute(q);
      const r = rows[0];
      return r
        ? {
            name: r.name ?? '',
            product: r.product,
            start: r.period_start,
            end: r.period_end,
            outerStart: r.outer_start,
            outerEnd: r.outer_end,
          }
        : null;
    },

    /** A campaign by id. */
    campaign(campaignId: number) {
      return db.selectFrom('campaign').selectAll().where('id', '=', campaignId).executeTakeFirst();
    },

    /**
     * A target and the targets above it, nearest first (depth 0 is the target), each with the path
     * of the unit it is set on (an agent's: their unit's).
     */
    async chainUp(id: number, q: Db | Tx = db): Promise<(TargetRow & { path: string; depth: number })[]> {
      const chain = await sql<TargetRow & { path: string; depth: number }>`
      with recursive up as (
        select t.*, 0 as depth from target t where t.id = ${id}
        union all
        select p.*, up.depth + 1 from target p join up on p.id = up.parent_id where up.depth < 10
      )
      select up.id, up.campaign_id, up.product, up.org_unit_id, up.agent_user_id, up.parent_id, up.amount,
             up.proposed, up.overridden, up.period_start, up.period_end, o.path, up.depth
      from up left join app_user u on u.id = up.agent_user_id
      join org_unit o on o.id = coalesce(up.org_unit_id, u.org_unit_id)
      order by up.depth`.execute(q);
      return chain.rows;
    },

    /** The campaign's root target of a product: its id and period. */
    root(q: Db | Tx, campaignId: number, product: Product) {
      return q
        .selectFrom('target')
        .select(['id', 'period_start', 'period_end'])
        .where('campaign_id', '=', campaignId)
        .where('product', '=', product)
        .where('parent_id', 'is', null)
        .executeTakeFirst();
    },

    /** The campaign's root target id of a product. */
    rootId(campaignId: number, product: Product) {
      return db
        .selectFrom('target')
        .select('id')
        .where('campaign_id', '=', campaignId)
        .where('product', '=', product)
        .where('parent_id', 'is', null)
        .executeTakeFirst();
    },

    /** The name of a target's unit or agent, and the unit's kind. */
    /** Targets' units (name, kind, province) or agents, by target id. */
    async describe(targetIds: readonly number[]) {
      const rows = targetIds.length
        ? await db
            .selectFrom('target as t')
            .leftJoin('org_unit as o', 'o.id', 't.org_unit_id')
            .leftJoin('app_user as u', 'u.id', 't.agent_user_id')
            .select(['t.id', 'o.name as unit_name', 'o.kind', 'o.province_code', 'u.full_name as agent_name'])
            .where('t.id', 'in', [...targetIds])
            .execute()
        : [];
      return new Map(rows.map((r) => [Number(r.id), r]));
    },

    async amountOf(tx: Tx, id: number): Promise<number> {
      const row = await tx
        .selectFrom('target')
        .select('amount')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return row.amount;
    },

    async insertRoot(tx: Tx, values: Insertable<TargetTable>): Promise<number> {
      const row = await tx.insertInto('target').values(values).returning('id').executeTakeFirstOrThrow();
      return Number(row.id);
    },

    async insertChild(tx: Tx, values: Insertable<TargetTable>): Promise<void> {
      await tx.insertInto('target').values(values).execute();
    },

    async update(tx: Tx, id: number, values: Updateable<TargetTable>): Promise<void> {
      await tx.updateTable('target').set(values).where('id', '=', id).execute();
    },

    /** An org unit's id by its code. */
    async unitIdByCode(code: string): Promise<number> {
      const unit = await db
        .selectFrom('org_unit')
        .select('id')
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
      return unit.id;
    },

    /** The unit a target splits, as a split needs it. */
    unitToSplit(id: number) {
      return db
        .selectFrom('org_unit')
        .select(['id', 'name', 'kind', 'province_code'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    },

    /**
     * The open units a unit's target splits into, by name, each with the count of communes it
     * serves: a VSS province's own offices and the province's post network; elsewhere its children.
     */
    splitUnits(unit: { id: number; kind: string; province_code: string | null }) {
      return db
        .selectFrom('org_unit as o')
        .select([
          'o.id',
          'o.name',
          'o.kind',
          'o.province_code',
          (eb) =>
            eb
              .selectFrom('org_unit_commune as oc')
              .select((e) => e.fn.countAll<number>().as('n'))
              .whereRef('oc.org_unit_id', '=', 'o.id')
              .as('communes'),
        ])
        .where((eb) =>
          unit.kind === 'vss_province'
            ? eb.or([
                eb('o.parent_id', '=', unit.id),
                eb.and([eb('o.kind', '=', 'post_province'), eb('o.province_code', '=', unit.province_code)]),
              ])
            : eb('o.parent_id', '=', unit.id),
        )
        .where('o.closed_at', 'is', null)
        .orderBy('o.name')
        .execute();
    },

    /** The number of communes per province. */
    async communesPerProvince(): Promise<Map<string, number>> {
      const rows = await db
        .selectFrom('commune')
        .select(['province_code', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('province_code')
        .execute();
      return new Map(rows.map((r) => [r.province_code, Number(r.n)]));
    },

    /** Registrations of a product in the communes each unit serves, on days in [since, before). */
    async pastByUnit(
      unitIds: readonly number[],
      product: Product,
      since: string,
      before: string,
    ): Promise<Map<number, number>> {
      const past = await sql<{ id: number; n: string }>`
        select oc.org_unit_id as id, coalesce(sum(s.enrollments), 0)::bigint as n
        from org_unit_commune oc join stat_commune_day s on s.commune_code = oc.commune_code
        where oc.org_unit_id = any(${unitIds as number[]}::int[]) and s.product = ${product}
          and s.day >= ${since} and s.day < ${before}
        group by oc.org_unit_id`.execute(db);
      return new Map(past.rows.map((r) => [Number(r.id), Number(r.n)]));
    },

    /** A unit's active collection agents, by name. */
    agentsOf(unitId: number) {
      return db
        .selectFrom('app_user as u')
        .select(['u.id', 'u.full_name'])
        .where('u.org_unit_id', '=', unitId)
        .where('u.role', '=', 'collection_agent')
        .where('u.disabled_at', 'is', null)
        .orderBy('u.full_name')
        .execute();
    },

    /** Registrations of a product each agent collected in campaigns other than this one. */
    async pastByAgent(
      agentIds: readonly number[],
      product: Product,
      otherThanCampaignId: number,
    ): Promise<Map<number, number>> {
      const past = await db
        .selectFrom('stat_agent')
        .select(['agent_user_id', (eb) => eb.fn.sum<number>('enrollments').as('n')])
        .where('agent_user_id', 'in', agentIds.length ? agentIds : [0])
        .where('product', '=', product)
        .where('campaign_id', '<>', otherThanCampaignId)
        .groupBy('agent_user_id')
        .execute();
      return new Map(past.map((r) => [r.agent_user_id, Number(r.n)]));
    },

    /** People of working age not yet covered, per province, from the latest denominators on or before a date. */
    async provincePotential(asOf: string): Promise<Map<string, number>> {
      const rows = await sql<{ province_code: string; potential: string }>`
      select d.province_code,
             greatest(0, d.labour_force - d.compulsory_participants - d.voluntary_outside
               - coalesce((select count(*) from participant p where p.province_code = d.province_code), 0))::bigint as potential
      from denominator d
      where d.as_of = (select max(as_of) from denominator x where x.province_code = d.province_code and x.as_of <= ${asOf})`.execute(
        db,
      );
      return new Map(rows.rows.map((r) => [r.province_code, Number(r.potential)]));
    },

    /** The unit a target is set on, as its progress is counted. */
    /** Registrations each agent collected in a campaign, from the roll-up per agent. */
    async agentRegistrationsOf(
      campaignId: number,
      product: Product,
      agentUserIds: readonly number[],
    ): Promise<Map<number, number>> {
      if (agentUserIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('stat_agent')
        .select(['agent_user_id', 'enrollments'])
        .where('campaign_id', '=', campaignId)
        .where('product', '=', product)
        .where('agent_user_id', 'in', [...agentUserIds])
        .execute();
      return new Map(rows.map((r) => [r.agent_user_id, Number(r.enrollments)]));
    },

    /**
     * Registrations in a campaign on days in each area's [from, until], country-wide (province
     * null) or of one province (where people live), by the area's key: one query for them all.
     */
    async areaRegistrationsOf(
      campaignId: number,
      product: Product,
      areas: readonly { id: number; from: string; until: string; province: string | null }[],
    ): Promise<Map<number, number>> {
      if (areas.length === 0) return new Map();
      const { rows } = await sql<{ id: number; n: string }>`
        select k.id, coalesce(sum(s.enrollments), 0) as n
        from unnest(${areas.map((a) => a.id)}::int[], ${areas.map((a) => a.from)}::date[],
                    ${areas.map((a) => a.until)}::date[], ${areas.map((a) => a.province)}::text[])
             as k(id, from_day, until_day, province)
        left join stat_province_day s
          on s.campaign_id = ${campaignId} and s.product = ${product}
         and s.day between k.from_day and k.until_day
         and (k.province is null or s.province_code = k.province)
        group by k.id`.execute(db);
      return new Map(rows.map((r) => [Number(r.id), Number(r.n)]));
    },

    /**
     * Registrations in a campaign collected by each unit's subtree, from the roll-up per unit: each
     * collecting unit counts toward every ancestor its path names ('/3/18/402/'), an equality join.
     */
    async subtreeRegistrationsOf(
      campaignId: number,
      product: Product,
      unitIds: readonly number[],
    ): Promise<Map<number, number>> {
      if (unitIds.length === 0) return new Map();
      const { rows } = await sql<{ id: number; n: string }>`
        select a.id, sum(s.enrollments) as n
        from stat_unit s
        join org_unit o on o.id = s.org_unit_id
        cross join lateral unnest(string_to_array(trim(both '/' from o.path), '/')::int[]) as a(id)
        where s.campaign_id = ${campaignId} and s.product = ${product}
          and a.id = any(${[...unitIds]}::int[])
        group by a.id`.execute(db);
      return new Map(rows.map((r) => [Number(r.id), Number(r.n)]));
    },
  };
}

export type TargetsRepository = ReturnType<typeof createTargetsRepository>;
