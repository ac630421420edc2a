import { expressionBuilder, type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Actor } from '../access/access.actor.ts';
import { inScope, type ScopeRefs } from '../access/access.scope.ts';
import { createRenewalsRepository } from '../renewals/renewals.repository.ts';
import type { Format, Product, ReportKind } from './reports.kinds.ts';

export type ExportStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** What a roll-up report is filtered on. A missing campaign means every campaign, 0 ("none") included. */
export interface Filter {
  campaignId?: number;
  product?: Product;
  from?: string;
  to?: string;
}

export interface Counters {
  enrollments: number;
  first_payments: number;
  payments: number;
  amount: number;
}
export interface FunnelCounters {
  contacted: number;
  consulted: number;
  enrolled: number;
  first_paid: number;
  retained_12m: number;
}

/** A keyset page: the rows after `after` in the report's order, at most `limit` of them. */
export interface Page<K> {
  after: K | null;
  limit: number;
}

const SUMS = sql`sum(s.enrollments)::bigint as enrollments, sum(s.first_payments)::bigint as first_payments,
  sum(s.payments)::bigint as payments, sum(s.amount)::bigint as amount`;
const FUNNEL_SUMS = sql`sum(f.contacted)::bigint as contacted, sum(f.consulted)::bigint as consulted,
  sum(f.enrolled)::bigint as enrolled, sum(f.first_paid)::bigint as first_paid,
  sum(f.retained_12m)::bigint as retained_12m`;

/**
 * All the SQL of the reports: the export records, and the report rows read from the roll-up tables
 * (stat_*) and targets, every one filtered by the caller's region through `inScope`. Rows that can
 * run long come in keyset pages; the win-back list reuses the renewals worklist's query.
 */
export function createReportsRepository(db: Db) {
  const renewals = createRenewalsRepository(db);
  // The region filter as an SQL fragment, for the raw queries below.
  const scope = (actor: Actor, refs: ScopeRefs) =>
    inScope(actor, refs)(expressionBuilder<DB, keyof DB>()) as unknown as RawBuilder<boolean>;
  const orgScope = (actor: Actor, alias: string) =>
    scope(actor, { orgPath: `${alias}.path`, servingUnitId: `${alias}.id` });

  const campaignOf = (alias: string, f: Filter) =>
    f.campaignId === undefined ? sql`true` : sql`${sql.ref(`${alias}.campaign_id`)} = ${f.campaignId}`;
  const productOf = (alias: string, f: Filter) =>
    f.product === undefined ? sql`true` : sql`${sql.ref(`${alias}.product`)} = ${f.product}`;
  const dayOf = (alias: string, f: Filter) =>
    sql`${f.from === undefined ? sql`true` : sql`${sql.ref(`${alias}.day`)} >= ${f.from}`}
      and ${f.to === undefined ? sql`true` : sql`${sql.ref(`${alias}.day`)} <= ${f.to}`}`;
  /** One keyset page of a query, in its report's order. */
  const pageOf = async <R>(query: RawBuilder<unknown>, order: RawBuilder<unknown>, limit: number) =>
    (await sql<R>`select * from (${query}) q ${order} limit ${limit}`.execute(db)).rows;
  /** How many rows a query has: the export's expected total. */
  const countOf = async (query: RawBuilder<unknown>) =>
    Number(
      (await sql<{ n: number }>`select count(*)::bigint as n from (${query}) q`.execute(db)).rows[0]?.n ?? 0,
    );

  function unitProgress(actor: Actor, f: Filter) {
    // A unit counts what its whole subtree registered, as its target does (targets.service); national
    // and provincial VSS targets count by territory instead, and are in the report by province.
    return sql`
      with counted as (
        select a.id as unit_id, s.product, ${SUMS}
        from stat_unit s
        join org_unit o on o.id = s.org_unit_id
        join org_unit a on a.id = any(string_to_array(trim(both '/' from o.path), '/')::int[])
        where ${campaignOf('s', f)} and ${productOf('s', f)} and ${orgScope(actor, 'o')}
        group by a.id, s.product),
      targeted as (
        select t.org_unit_id as unit_id, t.product, sum(t.amount)::bigint as target
        from target t join org_unit o on o.id = t.org_unit_id
        where ${f.campaignId === undefined ? sql`false` : sql`t.campaign_id = ${f.campaignId}`}
          and ${productOf('t', f)} and o.kind not in ('vss_central', 'post_central', 'vss_province')
        group by t.org_unit_id, t.product)
      select u.id, u.code, u.name, u.kind, u.province_code, u.path, k.product,
             coalesce(c.enrollments, 0) as enrollments, coalesce(c.first_payments, 0) as first_payments,
             coalesce(c.payments, 0) as payments, coalesce(c.amount, 0) as amount, t.target
      from (select unit_id, product from counted union select unit_id, product from targeted) k
      join org_unit u on u.id = k.unit_id
      left join counted c on c.unit_id = k.unit_id and c.product = k.product
      left join targeted t on t.unit_id = k.unit_id and t.product = k.product
      where ${orgScope(actor, 'u')}`;
  }

  function agentProgress(actor: Actor, f: Filter) {
    return sql`
      with counted as (
        select s.agent_user_id, s.product, ${SUMS}
        from stat_agent s
        where ${campaignOf('s', f)} and ${productOf('s', f)}
        group by s.agent_user_id, s.product),
      targeted as (
        select t.agent_user_id, t.product, sum(t.amount)::bigint as target
        from target t
        where ${f.campaignId === undefined ? sql`false` : sql`t.campaign_id = ${f.campaignId}`}
          and ${productOf('t', f)} and t.agent_user_id is not null
        group by t.agent_user_id, t.product)
      select u.id, u.full_name, o.name as unit_name, o.province_code, o.path, k.product,
             coalesce(c.enrollments, 0) as enrollments, coalesce(c.first_payments, 0) as first_payments,
             coalesce(c.payments, 0) as payments, coalesce(c.amount, 0) as amount, t.target
      from (select agent_user_id, product from counted union select agent_user_id, product from targeted) k
      join app_user u on u.id = k.agent_user_id
      join org_unit o on o.id = u.org_unit_id
      left join counted c on c.agent_user_id = k.agent_user_id and c.product = k.product
      left join targeted t on t.agent_user_id = k.agent_user_id and t.product = k.product
      where ${orgScope(actor, 'o')}`;
  }

  function funnelBy(actor: Actor, f: Filter, by: 'unit' | 'agent') {
    const where = sql`${campaignOf('f', f)} and ${orgScope(actor, 'o')}`;
    return by === 'unit'
      ? sql`select o.id, o.code, o.name, o.kind, o.province_code, o.path, ${FUNNEL_SUMS}
            from stat_funnel f join org_unit o on o.id = f.org_unit_id
            where ${where}
            group by o.id`
      : sql`select f.agent_user_id as id, u.full_name, au.name as unit_name, au.province_code, ${FUNNEL_SUMS}
            from stat_funnel f join org_unit o on o.id = f.org_unit_id
            left join app_user u on u.id = f.agent_user_id
            left join org_unit au on au.id = u.org_unit_id
            where ${where}
            group by f.agent_user_id, u.full_name, au.name, au.province_code`;
  }

  type UnitRow = {
    id: number;
    code: string;
    name: string;
    kind: string;
    province_code: string | null;
    path: string;
  };
  type AgentRow = {
    id: number;
    full_name: string | null;
    unit_name: string | null;
    province_code: string | null;
  };

  const lapsed = (actor: Actor, window: { from?: string; to: string }) =>
    renewals
      .vsi(actor, undefined)
      .innerJoin('commune as c', 'c.code', 'p.commune_code')
      .innerJoin('province as pv', 'pv.code', 'p.province_code')
      .where('e.due_date', '<=', window.to)
      .$if(window.from !== undefined, (q) => q.where('e.due_date', '>=', window.from!));

  return {
    // ───── Export records ─────
    async insertExport(
      tx: Tx,
      row: {
        requestedBy: number;
        kind: ReportKind;
        format: Format;
        params: object;
        lang: 'vi' | 'en';
        at: Date;
      },
    ): Promise<number> {
      const inserted = await tx
        .insertInto('report_export')
        .values({
          requested_by: row.requestedBy,
          kind: row.kind,
          format: row.format,
          params: JSON.stringify(row.params),
          lang: row.lang,
          created_at: row.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(inserted.id);
    },

    findExport(id: number, q: Db | Tx = db) {
      return q
        .selectFrom('report_export as r')
        .innerJoin('app_user as u', 'u.id', 'r.requested_by')
        .selectAll('r')
        .select('u.full_name as requested_by_name')
        .where('r.id', '=', id)
        .executeTakeFirst();
    },

    /** A requester's exports, newest first; everyone's when `requestedBy` is null (an administrator). */
    async listExports(requestedBy: number | null, page: { limit: number; offset: number }) {
      const base = db
        .selectFrom('report_export as r')
        .innerJoin('app_user as u', 'u.id', 'r.requested_by')
        .$if(requestedBy !== null, (q) => q.where('r.requested_by', '=', requestedBy!));
      const [items, count] = await Promise.all([
        base
          .selectAll('r')
          .select('u.full_name as requested_by_name')
          .orderBy('r.id', 'desc')
          .limit(page.limit)
          .offset(page.offset)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },

    async countUnfinished(requestedBy: number): Promise<number> {
      const row = await db
        .selectFrom('report_export')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('requested_by', '=', requestedBy)
        .where('status', 'in', ['queued', 'running'])
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Moves a queued export to running; false when it was cancelled meanwhile. */
    async start(tx: Tx, id: number, change: { at: Date; filePath: string; fileName: string }) {
      const updated = await tx
        .updateTable('report_export')
        .set({
          status: 'running',
          started_at: change.at,
          file_path: change.filePath,
          file_name: change.fileName,
        })
        .where('id', '=', id)
        .where('status', '=', 'queued')
        .executeTakeFirst();
      return Number(updated.numUpdatedRows) > 0;
    },

    async progress(tx: Tx, id: number, change: { rowsDone: number; rowsTotal?: number | null }) {
      await tx
        .updateTable('report_export')
        .set({
          rows_done: change.rowsDone,
          ...(change.rowsTotal !== undefined ? { rows_total: change.rowsTotal } : {}),
        })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .execute();
    },

    /** Marks a running export done; false when it was cancelled meanwhile (its file is then unwanted). */
    async finish(tx: Tx, id: number, change: { at: Date; rows: number; bytes: number }) {
      const updated = await tx
        .updateTable('report_export')
        .set({
          status: 'done',
          rows_done: change.rows,
          rows_total: change.rows,
          bytes: change.bytes,
          finished_at: change.at,
        })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .executeTakeFirst();
      return Number(updated.numUpdatedRows) > 0;
    },

    async fail(tx: Tx, id: number, change: { at: Date; code: string; message: string }) {
      await tx
        .updateTable('report_export')
        .set({ status: 'failed', error_code: change.code, error: change.message, finished_at: change.at })
        .where('id', '=', id)
        .where('status', 'in', ['queued', 'running'])
        .execute();
    },

    async cancel(tx: Tx, id: number, at: Date) {
      const updated = await tx
        .updateTable('report_export')
        .set({ status: 'cancelled', finished_at: at })
        .where('id', '=', id)
        .where('status', 'in', ['queued', 'running'])
        .executeTakeFirst();
      return Number(updated.numUpdatedRows) > 0;
    },

    async remove(tx: Tx, id: number) {
      await tx.deleteFrom('report_export').where('id', '=', id).execute();
    },

    /** Exports a previous process left unfinished: they are failed, and their files named for removal. */
    async failUnfinished(tx: Tx, change: { at: Date; code: string; message: string }) {
      return tx
        .updateTable('report_export')
        .set({ status: 'failed', error_code: change.code, error: change.message, finished_at: change.at })
        .where('status', 'in', ['queued', 'running'])
        .returning(['id', 'file_path'])
        .execute();
    },

    // ───── Report rows ─────
    /** Which of these communes lie in which province (the provinces of a region's partial communes). */
    async provincesOf(communes: readonly string[]): Promise<string[]> {
      if (communes.length === 0) return [];
      const rows = await db
        .selectFrom('commune')
        .select('province_code')
        .distinct()
        .where('code', '=', sql<string>`any(${communes as string[]}::text[])`)
        .execute();
      return rows.map((r) => r.province_code);
    },

    async provinces(codes: readonly string[] | null) {
      return db
        .selectFrom('province')
        .select(['code', 'name'])
        .$if(codes !== null, (q) => q.where('code', 'in', codes!.length ? (codes as string[]) : ['']))
        .orderBy('code')
        .execute();
    },

    async campaignName(id: number) {
      const row = await db.selectFrom('campaign').select('name').where('id', '=', id).executeTakeFirst();
      return row?.name ?? null;
    },

    /**
     * Registrations and collections per province and product. A region of whole provinces reads the
     * province roll-up; a region of some communes only reads the commune roll-up within them.
     */
    async progressByProvince(actor: Actor, f: Filter) {
      const whole = actor.national || actor.partialCommunes.length === 0;
      const counted = whole
        ? sql<Counters & { province_code: string; product: Product }>`
            select s.province_code, s.product, ${SUMS} from stat_province_day s
            where ${campaignOf('s', f)} and ${productOf('s', f)} and ${dayOf('s', f)}
              and ${actor.national ? sql`true` : sql`s.province_code = any(${actor.provinces as string[]}::text[])`}
            group by s.province_code, s.product`
        : sql<Counters & { province_code: string; product: Product }>`
            select s.province_code, s.product, ${SUMS} from stat_commune_day s
            where ${campaignOf('s', f)} and ${productOf('s', f)} and ${dayOf('s', f)}
              and ${scope(actor, { province: 's.province_code', commune: 's.commune_code' })}
            group by s.province_code, s.product`;
      // A province's target is its VSS office's, set only for a region holding the whole province.
      const targets =
        f.campaignId === undefined
          ? null
          : sql<{ province_code: string; product: Product; target: number }>`
              select o.province_code, t.product, sum(t.amount)::bigint as target
              from target t join org_unit o on o.id = t.org_unit_id
              where t.campaign_id = ${f.campaignId} and ${productOf('t', f)} and o.kind = 'vss_province'
                and ${actor.national ? sql`true` : sql`o.province_code = any(${actor.provinces as string[]}::text[])`}
              group by o.province_code, t.product`;
      const [rows, targetRows] = await Promise.all([
        counted.execute(db),
        targets ? targets.execute(db) : Promise.resolve({ rows: [] }),
      ]);
      return { counted: rows.rows, targets: targetRows.rows };
    },

    async progressByChannel(actor: Actor, f: Filter) {
      const { rows } = await sql<Counters & { channel: string; product: Product }>`
        select s.channel, s.product, ${SUMS} from stat_commune_day s
        where ${campaignOf('s', f)} and ${productOf('s', f)} and ${dayOf('s', f)}
          and ${scope(actor, { province: 's.province_code', commune: 's.commune_code' })}
        group by s.channel, s.product
        order by s.channel, s.product`.execute(db);
      return rows;
    },

    progressByUnit: {
      count: (actor: Actor, f: Filter) => countOf(unitProgress(actor, f)),
      page: (actor: Actor, f: Filter, page: Page<{ path: string; product: string }>) =>
        pageOf<UnitRow & Counters & { product: Product; target: number | null }>(
          sql`${unitProgress(actor, f)}
              and (u.path, k.product) > (${page.after?.path ?? ''}, ${page.after?.product ?? ''})`,
          sql`order by path, product`,
          page.limit,
        ),
    },

    progressByAgent: {
      count: (actor: Actor, f: Filter) => countOf(agentProgress(actor, f)),
      page: (actor: Actor, f: Filter, page: Page<{ path: string; id: number; product: string }>) =>
        pageOf<AgentRow & Counters & { path: string; product: Product; target: number | null }>(
          sql`${agentProgress(actor, f)} and (o.path, u.id, k.product)
                > (${page.after?.path ?? ''}, ${page.after?.id ?? 0}, ${page.after?.product ?? ''})`,
          sql`order by path, id, product`,
          page.limit,
        ),
    },

    funnelByUnit: {
      count: (actor: Actor, f: Filter) => countOf(funnelBy(actor, f, 'unit')),
      page: (actor: Actor, f: Filter, page: Page<string>) =>
        pageOf<UnitRow & FunnelCounters>(
          sql`${funnelBy(actor, f, 'unit')} having o.path > ${page.after ?? ''}`,
          sql`order by path`,
          page.limit,
        ),
    },

    funnelByAgent: {
      count: (actor: Actor, f: Filter) => countOf(funnelBy(actor, f, 'agent')),
      page: (actor: Actor, f: Filter, page: Page<number>) =>
        pageOf<AgentRow & FunnelCounters>(
          sql`${funnelBy(actor, f, 'agent')} having f.agent_user_id > ${page.after ?? -1}`,
          sql`order by id`,
          page.limit,
        ),
    },

    async funnelByChannel(actor: Actor, f: Filter) {
      const { rows } = await sql<FunnelCounters & { channel: string }>`
        select f.channel, ${FUNNEL_SUMS}
        from stat_funnel f join org_unit o on o.id = f.org_unit_id
        where ${campaignOf('f', f)} and ${orgScope(actor, 'o')}
        group by f.channel order by f.channel`.execute(db);
      return rows;
    },

    /** How many VSI participants in the region missed a deadline within the window. */
    async countLapsed(actor: Actor, window: { from?: string; to: string }) {
      const row = await lapsed(actor, window)
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** One keyset page of the win-back list, in enrollment order. */
    lapsedPage(actor: Actor, window: { from?: string; to: string }, page: Page<number>) {
      return lapsed(actor, window)
        .select(['c.name as commune_name', 'pv.name as province_name'])
        .$if(page.after !== null, (q) => q.where('e.id', '>', page.after!))
        .orderBy('e.id')
        .limit(page.limit)
        .execute();
    },
  };
}

export type ReportsRepository = ReturnType<typeof createReportsRepository>;
