import { type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../access/access.actor.ts';
import { inScope } from '../access/access.scope.ts';

export type Product = 'vsi' | 'hhi';

/**
 * Where registrations are counted, by where people live: the country or a province from the
 * province roll-up; the communes a unit's subtree serves, or one commune, from the commune roll-up
 * (through its campaign × commune × day index, migration 0013).
 */
export type Area =
  | { kind: 'country' }
  | { kind: 'province'; code: string }
  | { kind: 'unit'; path: string }
  | { kind: 'commune'; code: string };

/** Whose leaderboard: the post offices and agents of a province, under a unit, or serving a commune. */
export type LeaderFilter = { province?: string; under?: string; serving?: string };

export interface Counters {
  enrollments: number;
  firstPayments: number;
  payments: number;
  amount: number;
}

const LEADERS = 10;
const n = (v: unknown) => Number(v ?? 0);
const texts = (values: readonly string[]) => sql`${values as string[]}::text[]`;

/** The communes a subtree serves: its units' service areas. */
const servedBy = (path: string) =>
  sql`(select oc.commune_code from org_unit_commune oc join org_unit o on o.id = oc.org_unit_id
       where o.path like ${`${path}%`})`;

function source(campaignId: number, products: readonly Product[], area: Area): RawBuilder<unknown> {
  const base = sql`campaign_id = ${campaignId} and product = any(${texts(products)})`;
  switch (area.kind) {
    case 'country':
      return sql`stat_province_day where ${base}`;
    case 'province':
      return sql`stat_province_day where ${base} and province_code = ${area.code}`;
    case 'unit':
      return sql`stat_commune_day where ${base} and commune_code in ${servedBy(area.path)}`;
    case 'commune':
      return sql`stat_commune_day where ${base} and commune_code = ${area.code}`;
  }
}

/**
 * Who lies in the caller's region for a leaderboard, on the unit they work in (`o`): a unit of the
 * caller's subtree (the shared filter), or any unit of a province the caller serves whole. The
 * same rule as `mayOpen` in dashboards.scope.ts, in SQL.
 */
function inRegion(actor: Actor) {
  return (eb: ExpressionBuilder<DB & { o: DB['org_unit'] }, 'o'>): Expression<SqlBool> =>
    actor.national
      ? sql<SqlBool>`true`
      : eb.or([
          inScope(actor, { orgUnitId: 'o.id' })(eb),
          eb('o.province_code', '=', eb.fn.any(sql<string[]>`${actor.provinces as string[]}::text[]`)),
        ]);
}

/** A leaderboard's units (`o`) below a unit's path, or serving a commune, when the filter says so. */
function underOrServing(f: LeaderFilter) {
  return (eb: ExpressionBuilder<DB & { o: DB['org_unit'] }, 'o'>): Expression<SqlBool> => {
    const conditions: Expression<SqlBool>[] = [];
    if (f.under !== undefined) conditions.push(eb('o.path', 'like', `${f.under}%`));
    if (f.serving !== undefined)
      conditions.push(
        eb.exists(
          eb
            .selectFrom('org_unit_commune as oc')
            .select(sql`1`.as('one'))
            .whereRef('oc.org_unit_id', '=', 'o.id')
            .where('oc.commune_code', '=', f.serving),
        ),
      );
    return eb.and(conditions);
  };
}

/** Every query the dashboards make: the roll-up tables (stat_*), the targets and the names to show. */
export function createDashboardsRepository(db: Db) {
  return {
    async totals(campaignId: number, products: readonly Product[], area: Area): Promise<Counters> {
      const { rows } = await sql<Record<string, string>>`
        select coalesce(sum(enrollments), 0) as enrollments, coalesce(sum(first_payments), 0) as first_payments,
               coalesce(sum(payments), 0) as payments, coalesce(sum(amount), 0) as amount
        from ${source(campaignId, products, area)}`.execute(db);
      const r = rows[0]!;
      return {
        enrollments: n(r.enrollments),
        firstPayments: n(r.first_payments),
        payments: n(r.payments),
        amount: n(r.amount),
      };
    },

    async trend(campaignId: number, products: readonly Product[], area: Area) {
      const { rows } = await sql<{ day: string; enrollments: string; payments: string; amount: string }>`
        select day, sum(enrollments) as enrollments, sum(payments) as payments, sum(amount) as amount
        from ${source(campaignId, products, area)}
        group by day order by day`.execute(db);
      return rows.map((d) => ({
        day: d.day,
        enrollments: n(d.enrollments),
        payments: n(d.payments),
        amount: n(d.amount),
      }));
    },

    /** Registrations per province and product: the map, and each province's progress. */
    async byProvince(campaignId: number, products: readonly Product[], provinces: readonly string[] | null) {
      const rows = await db
        .selectFrom('stat_province_day')
        .select(['province_code', 'product', sql<string>`sum(enrollments)`.as('enrollments')])
        .where('campaign_id', '=', campaignId)
        .where('product', 'in', products)
        .$if(provinces !== null, (q) => q.where('province_code', 'in', provinces!.length ? provinces! : ['']))
        .groupBy(['province_code', 'product'])
        .execute();
      return rows.map((r) => ({
        province: r.province_code,
        product: r.product,
        enrollments: n(r.enrollments),
      }));
    },

    /**
     * The national and provincial VSS targets, per product. A campaign planned on the pre-2025 units
     * (a 2022 one) has its targets on old provinces or districts: each counts toward the province it
     * merged into, through the lineage, wherever that province has no target of its own.
     */
    async areaTargets(campaignId: number, products: readonly Product[]) {
      const [rows, legacy] = await Promise.all([
        db
          .selectFrom('target as t')
          .innerJoin('org_unit as o', 'o.id', 't.org_unit_id')
          .select(['o.kind', 'o.province_code', 't.product', sql<string>`sum(t.amount)`.as('amount')])
          .where('t.campaign_id', '=', campaignId)
          .where('t.product', 'in', products)
          .where('o.kind', 'in', ['vss_central', 'vss_province'])
          .groupBy(['o.kind', 'o.province_code', 't.product'])
          .execute(),
        db
          .selectFrom('target as t')
          .innerJoin('legacy_unit as u', 'u.id', 't.legacy_unit_id')
          .select(['u.province_code', 't.product', sql<string>`sum(t.amount)`.as('amount')])
          .where('t.campaign_id', '=', campaignId)
          .where('t.product', 'in', products)
          // A former district's figure is already in its former province's, when that has one.
          .where((eb) =>
            eb.or([
              eb('u.level', '=', 'province'),
              eb.not(
                eb.exists(
                  eb
                    .selectFrom('target as pt')
                    .select(sql`1`.as('one'))
                    .whereRef('pt.parent_id', '=', 't.parent_id')
                    .whereRef('pt.legacy_unit_id', '=', 'u.parent_id'),
                ),
              ),
            ]),
          )
          .groupBy(['u.province_code', 't.product'])
          .execute(),
      ]);
      const direct = rows.map((t) => ({
        province: t.kind === 'vss_central' ? null : t.province_code,
        product: t.product,
        amount: n(t.amount),
      }));
      const has = new Set(direct.map((t) => `${t.province}|${t.product}`));
      const inherited = legacy
        .filter((t) => !has.has(`${t.province_code}|${t.product}`))
        .map((t) => ({
          province: t.province_code as string | null,
          product: t.product,
          amount: n(t.amount),
        }));
      return [...direct, ...inherited];
    },

    /** The target of one unit or one agent, per product. */
    async targetOf(
      campaignId: number,
      products: readonly Product[],
      who: { unitId: number } | { agentId: number },
    ) {
      const rows = await db
        .selectFrom('target')
        .select(['product', sql<string>`sum(amount)`.as('amount')])
        .where('campaign_id', '=', campaignId)
        .where('product', 'in', products)
        .where((eb) =>
          'unitId' in who ? eb('org_unit_id', '=', who.unitId) : eb('agent_user_id', '=', who.agentId),
        )
        .groupBy('product')
        .execute();
      return new Map(rows.map((r) => [r.product as Product, n(r.amount)]));
    },

    /**
     * What a unit's subtree or one agent collected, per product: what a target below the province
     * is measured against, as the Targets tab measures it (targets.service.ts, actualOf).
     */
    async collected(
      campaignId: number,
      products: readonly Product[],
      who: { path: string } | { agentId: number },
    ) {
      const rows =
        'path' in who
          ? await db
              .selectFrom('stat_unit as s')
              .innerJoin('org_unit as o', 'o.id', 's.org_unit_id')
              .select(['s.product', sql<string>`sum(s.enrollments)`.as('enrollments')])
              .where('s.campaign_id', '=', campaignId)
              .where('s.product', 'in', products)
              .where('o.path', 'like', `${who.path}%`)
              .groupBy('s.product')
              .execute()
          : await db
              .selectFrom('stat_agent as s')
              .select(['s.product', 's.enrollments'])
              .where('s.campaign_id', '=', campaignId)
              .where('s.product', 'in', products)
              .where('s.agent_user_id', '=', who.agentId)
              .execute();
      return new Map(rows.map((r) => [r.product as Product, n(r.enrollments)]));
    },

    /** One agent's own figures, summed over the products. */
    async agentTotals(campaignId: number, products: readonly Product[], agentId: number): Promise<Counters> {
      const r = await db
        .selectFrom('stat_agent')
        .select([
          sql<string>`coalesce(sum(enrollments), 0)`.as('enrollments'),
          sql<string>`coalesce(sum(first_payments), 0)`.as('first_payments'),
          sql<string>`coalesce(sum(payments), 0)`.as('payments'),
          sql<string>`coalesce(sum(amount), 0)`.as('amount'),
        ])
        .where('campaign_id', '=', campaignId)
        .where('product', 'in', products)
        .where('agent_user_id', '=', agentId)
        .executeTakeFirstOrThrow();
      return {
        enrollments: n(r.enrollments),
        firstPayments: n(r.first_payments),
        payments: n(r.payments),
        amount: n(r.amount),
      };
    },

    /**
     * An agent's place among the agents of a province, and how many there are: counts only, never
     * the others' names. An agent with nobody yet comes after everyone who has someone.
     */
    async agentRank(campaignId: number, products: readonly Product[], agentId: number, province: string) {
      const { rows } = await sql<{ mine: string | null; ahead: string; agents: string }>`
        with totals as (
          select agent_user_id, sum(enrollments) as enrollments from stat_agent
          where campaign_id = ${campaignId} and province_code = ${province} and product = any(${texts(products)})
          group by agent_user_id
        )
        select (select enrollments from totals where agent_user_id = ${agentId}) as mine,
               (select count(*) from totals
                 where enrollments > coalesce((select enrollments from totals where agent_user_id = ${agentId}), 0)) as ahead,
               (select count(*) from totals) + case when exists (select 1 from totals where agent_user_id = ${agentId})
                 then 0 else 1 end as agents`.execute(db);
      const r = rows[0]!;
      return { position: n(r.ahead) + 1, of: n(r.agents) };
    },

    /**
     * The post offices leading a place, by what their subtree collected, within the caller's region.
     * Each unit's post office is found among the ancestors its path names ('/3/18/402/'), an
     * equality join: `u.path like o.path || '%'` compared every unit with every post office, 1.2
     * million comparisons a national request (300 ms against 10 ms).
     */
    async postOffices(actor: Actor, campaignId: number, products: readonly Product[], f: LeaderFilter) {
      const rows = await db
        .selectFrom('stat_unit as s')
        .innerJoin('org_unit as u', 'u.id', 's.org_unit_id')
        // A function in FROM aliased `a` names its one column `a` too.
        .innerJoin(
          sql<{ a: number }>`lateral unnest(string_to_array(trim(both '/' from u.path), '/')::int[])`.as('a'),
          (join) => join.onTrue(),
        )
        .innerJoin('org_unit as o', (join) => join.onRef('o.id', '=', 'a.a').on('o.kind', '=', 'post_office'))
        .select([
          'o.id',
          'o.name',
          'o.province_code',
          sql<string>`sum(s.enrollments)`.as('enrollments'),
          sql<string>`sum(s.amount)`.as('amount'),
        ])
        .where('s.campaign_id', '=', campaignId)
        .where('s.product', 'in', products)
        .$if(f.province !== undefined, (q) => q.where('o.province_code', '=', f.province!))
        .where(underOrServing(f))
        .where(inRegion(actor))
        .groupBy(['o.id', 'o.name', 'o.province_code'])
        .orderBy(sql`sum(s.enrollments)`, 'desc')
        .orderBy('o.id')
        .limit(LEADERS)
        .execute();
      return rows.map((o) => ({
        orgUnitId: o.id,
        name: o.name,
        provinceCode: o.province_code,
        enrollments: n(o.enrollments),
        amount: n(o.amount),
      }));
    },

    /** The agents leading a place, within the caller's region: nobody outside it is ever named. */
    async agents(actor: Actor, campaignId: number, products: readonly Product[], f: LeaderFilter) {
      const rows = await db
        .selectFrom('stat_agent as s')
        .innerJoin('app_user as a', 'a.id', 's.agent_user_id')
        .innerJoin('org_unit as o', 'o.id', 's.org_unit_id')
        .select([
          's.agent_user_id',
          'a.full_name',
          'o.name as org_unit_name',
          's.province_code',
          sql<string>`sum(s.enrollments)`.as('enrollments'),
          sql<string>`sum(s.amount)`.as('amount'),
        ])
        .where('s.campaign_id', '=', campaignId)
        .where('s.product', 'in', products)
        .$if(f.province !== undefined, (q) => q.where('s.province_code', '=', f.province!))
        .where(underOrServing(f))
        .where(inRegion(actor))
        .groupBy(['s.agent_user_id', 'a.full_name', 'o.name', 's.province_code'])
        .orderBy(sql`sum(s.enrollments)`, 'desc')
        .orderBy('s.agent_user_id')
        .limit(LEADERS)
        .execute();
      return rows.map((a) => ({
        agentUserId: a.agent_user_id,
        fullName: a.full_name,
        orgUnitName: a.org_unit_name,
        provinceCode: a.province_code,
        enrollments: n(a.enrollments),
        amount: n(a.amount),
      }));
    },

    /** From contact to a year of paying, for a province, a unit's subtree or one agent. */
    async funnel(campaignId: number, of: { province?: string | null; under?: string; agentId?: number }) {
      const r = await db
        .selectFrom('stat_funnel as f')
        .innerJoin('org_unit as o', 'o.id', 'f.org_unit_id')
        .select([
          sql<string>`coalesce(sum(f.contacted), 0)`.as('contacted'),
          sql<string>`coalesce(sum(f.consulted), 0)`.as('consulted'),
          sql<string>`coalesce(sum(f.enrolled), 0)`.as('enrolled'),
          sql<string>`coalesce(sum(f.first_paid), 0)`.as('first_paid'),
          sql<string>`coalesce(sum(f.retained_12m), 0)`.as('retained_12m'),
        ])
        .where('f.campaign_id', '=', campaignId)
        .$if(!!of.province, (q) => q.where('o.province_code', '=', of.province!))
        .$if(of.under !== undefined, (q) => q.where('o.path', 'like', `${of.under}%`))
        .$if(of.agentId !== undefined, (q) => q.where('f.agent_user_id', '=', of.agentId!))
        .executeTakeFirstOrThrow();
      return {
        contacted: n(r.contacted),
        consulted: n(r.consulted),
        enrolled: n(r.enrolled),
        firstPaid: n(r.first_paid),
        retained12m: n(r.retained_12m),
      };
    },

    // ── Names and places ──

    provinces() {
      return db.selectFrom('province').select(['code', 'name']).orderBy('code').execute();
    },

    unit(id: number) {
      return db
        .selectFrom('org_unit')
        .select(['id', 'name', 'kind', 'path', 'province_code', 'parent_id'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    unitByCode(code: string) {
      return db
        .selectFrom('org_unit')
        .select(['id', 'name', 'kind', 'path', 'province_code', 'parent_id'])
        .where('code', '=', code)
        .executeTakeFirst();
    },

    /** A unit's ancestors, from the top: its path names them ('/1/7/40/'). */
    ancestors(path: string) {
      const ids = path.split('/').filter(Boolean).map(Number).slice(0, -1);
      return db
        .selectFrom('org_unit')
        .select(['id', 'name', 'kind', 'path', 'province_code', 'parent_id'])
        .where('id', 'in', ids.length ? ids : [0])
        .orderBy(sql`length(path)`)
        .execute();
    },

    commune(code: string) {
      return db
        .selectFrom('commune')
        .select(['code', 'name', 'province_code'])
        .where('code', '=', code)
        .executeTakeFirst();
    },

    agent(id: number) {
      return db
        .selectFrom('app_user as a')
        .innerJoin('org_unit as o', 'o.id', 'a.org_unit_id')
        .select([
          'a.id',
          'a.full_name',
          'o.id as unit_id',
          'o.name as unit_name',
          'o.path as unit_path',
          'o.province_code',
        ])
        .where('a.id', '=', id)
        .executeTakeFirst();
    },
  };
}

export type DashboardsRepository = ReturnType<typeof createDashboardsRepository>;
