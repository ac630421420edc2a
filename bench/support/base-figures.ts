import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../src/db/database.ts';

/**
 * The dashboards' figures the plain way: a GROUP BY over the base tables (vsi_enrollment,
 * household_member, payment, participant), with the indexes the schema has and no roll-up. The
 * benchmark times these against the endpoints, and checks that both give the same numbers; the
 * test of the generator checks the roll-ups against them.
 *
 * An event counts as the roll-ups count it (stats_rebuild, migration 0011): an enrollment or a
 * household member on its Vietnam day for its (household's) campaign, where the person lives; a
 * payment not voided on its day for its own campaign, its first not-voided one per enrollment also
 * as a first payment.
 */
export type Product = 'vsi' | 'hhi';
export type BaseArea =
  | { kind: 'country' }
  | { kind: 'province'; code: string }
  | { kind: 'communes'; codes: string[] }
  | { kind: 'agent'; id: number };

export interface Totals {
  enrollments: number;
  firstPayments: number;
  payments: number;
  amount: number;
}

const n = (v: unknown) => Number(v ?? 0);

function where(area: BaseArea, t: { province: string; commune: string; agent: string }): RawBuilder<unknown> {
  switch (area.kind) {
    case 'country':
      return sql``;
    case 'province':
      return sql`and ${sql.ref(t.province)} = ${area.code}`;
    case 'communes':
      return sql`and ${sql.ref(t.commune)} = any(${area.codes}::text[])`;
    case 'agent':
      return sql`and ${sql.ref(t.agent)} = ${area.id}`;
  }
}

/** A campaign's events in an area, one row each, as the roll-ups would count them. */
function events(campaignId: number, area: BaseArea) {
  return sql`
    select vn_day(e.created_at) as day, 'vsi' as product, p.province_code, 1 as enrollments, 0 as first_payments,
           0 as payments, 0::bigint as amount
    from vsi_enrollment e join participant p on p.id = e.participant_id
    where e.campaign_id = ${campaignId} ${where(area, { province: 'p.province_code', commune: 'p.commune_code', agent: 'e.agent_user_id' })}
    union all
    select vn_day(m.created_at), 'hhi', h.province_code, 1, 0, 0, 0
    from household_member m join household h on h.id = m.household_id
    where h.campaign_id = ${campaignId} ${where(area, { province: 'h.province_code', commune: 'h.commune_code', agent: 'h.agent_user_id' })}
    union all
    select vn_day(p.created_at), p.product, p.province_code, 0,
           case when p.enrollment_id is not null and not exists (
             select 1 from payment q where q.enrollment_id = p.enrollment_id and q.voided_at is null and q.id < p.id)
           then 1 else 0 end,
           1, p.amount
    from payment p
    where p.campaign_id = ${campaignId} and p.voided_at is null
      ${where(area, { province: 'p.province_code', commune: 'p.commune_code', agent: 'p.agent_user_id' })}`;
}

/** A campaign dashboard's totals, daily trend and registrations per province and product, in one GROUP BY. */
export async function baseCampaignFigures(
  db: Db,
  { campaignId, products, area }: { campaignId: number; products: readonly Product[]; area: BaseArea },
) {
  const { rows } = await sql<{
    day: string | null;
    province_code: string | null;
    product: string | null;
    g: number;
    enrollments: string;
    first_payments: string;
    payments: string;
    amount: string;
  }>`
    select day, province_code, product, grouping(day, province_code, product) as g,
           sum(enrollments) as enrollments, sum(first_payments) as first_payments, sum(payments) as payments,
           sum(amount) as amount
    from (${events(campaignId, area)}) ev
    where product = any(${products as Product[]}::text[])
    group by grouping sets ((), (day), (province_code, product))`.execute(db);
  const totals = rows.find(
    (r) => r.day === null && r.province_code === null && r.product === null && n(r.g) === 7,
  );
  return {
    totals: {
      enrollments: n(totals?.enrollments),
      firstPayments: n(totals?.first_payments),
      payments: n(totals?.payments),
      amount: n(totals?.amount),
    } satisfies Totals,
    trend: rows
      .filter((r) => r.day !== null)
      .map((r) => ({
        day: r.day!,
        enrollments: n(r.enrollments),
        payments: n(r.payments),
        amount: n(r.amount),
      }))
      .sort((a, b) => a.day.localeCompare(b.day)),
    byProvince: rows
      .filter((r) => r.province_code !== null)
      .map((r) => ({
        province: r.province_code!,
        product: r.product as Product,
        enrollments: n(r.enrollments),
      }))
      .sort((a, b) => a.province.localeCompare(b.province) || a.product.localeCompare(b.product)),
  };
}

/** Every (day, product, province) figure of a campaign: what stat_province_day holds for it. */
export async function baseProvinceDays(db: Db, campaignId: number) {
  const { rows } = await sql<Record<string, string>>`
    select day, product, province_code, sum(enrollments) as enrollments, sum(first_payments) as first_payments,
           sum(payments) as payments, sum(amount) as amount
    from (${events(campaignId, { kind: 'country' })}) ev
    group by day, product, province_code
    having sum(enrollments) <> 0 or sum(payments) <> 0
    order by day, product, province_code`.execute(db);
  return rows.map(provinceDay);
}

export async function rollupProvinceDays(db: Db, campaignId: number) {
  const { rows } = await sql<Record<string, string>>`
    select day, product, province_code, enrollments, first_payments, payments, amount
    from stat_province_day
    where campaign_id = ${campaignId} and (enrollments <> 0 or payments <> 0)
    order by day, product, province_code`.execute(db);
  return rows.map(provinceDay);
}

const provinceDay = (r: Record<string, string | undefined>) => ({
  day: String(r.day),
  product: String(r.product),
  province: String(r.province_code),
  enrollments: n(r.enrollments),
  firstPayments: n(r.first_payments),
  payments: n(r.payments),
  amount: n(r.amount),
});

/**
 * People covered in a month, per province: voluntary participants paid for it, household members
 * whose card runs through it (as stats_coverage_rebuild counts them).
 */
export async function baseCoverage(db: Db, month: string, province: string | null) {
  const { rows } = await sql<{ province_code: string; vsi: string; hhi: string }>`
    select province_code, sum(vsi) as vsi, sum(hhi) as hhi from (
      select p.province_code, 1 as vsi, 0 as hhi
      from vsi_enrollment e join participant p on p.id = e.participant_id
      where e.paid_through >= e.start_month and e.start_month <= ${month} and e.paid_through >= ${month}
        ${province === null ? sql`` : sql`and p.province_code = ${province}`}
      union all
      select h.province_code, 0, 1
      from household_member hm join household h on h.id = hm.household_id
      where h.paid_through >= hm.from_month and (hm.to_month is null or hm.to_month >= hm.from_month)
        and hm.from_month <= ${month} and least(h.paid_through, coalesce(hm.to_month, h.paid_through)) >= ${month}
        ${province === null ? sql`` : sql`and h.province_code = ${province}`}
    ) c group by province_code order by province_code`.execute(db);
  return rows.map((r) => ({ province: r.province_code, vsi: n(r.vsi), hhi: n(r.hhi) }));
}

export async function rollupCoverage(db: Db, month: string) {
  const { rows } = await sql<{ province_code: string; vsi: string; hhi: string }>`
    select province_code, vsi, hhi from stat_coverage_month
    where month = ${month} and (vsi <> 0 or hhi <> 0) order by province_code`.execute(db);
  return rows.map((r) => ({ province: r.province_code, vsi: n(r.vsi), hhi: n(r.hhi) }));
}

/**
 * The bulletin's figures as of a day: coverage in its month and a year before (per province, summed
 * by the caller), and the campaign's VSI and HHI sign-ups up to that day.
 */
export async function baseBulletin(
  db: Db,
  { asOf, province, campaignId }: { asOf: string; province: string | null; campaignId: number | null },
) {
  const month = `${asOf.slice(0, 7)}-01`;
  const before = `${Number(asOf.slice(0, 4)) - 1}${month.slice(4)}`;
  const sum = (rows: { vsi: number; hhi: number }[]) =>
    rows.reduce((a, r) => ({ vsi: a.vsi + r.vsi, hhi: a.hhi + r.hhi }), { vsi: 0, hhi: 0 });
  // Voluntary participants recorded outside Điểm Tựa: the dated denominators in force that day.
  const outside = async (date: string) => {
    const { rows } = await sql<{ n: string }>`
      select coalesce(sum(voluntary_outside), 0) as n from (
        select distinct on (province_code) voluntary_outside from denominator
        where as_of <= ${date} ${province === null ? sql`` : sql`and province_code = ${province}`}
        order by province_code, as_of desc) d`.execute(db);
    return n(rows[0]?.n);
  };
  const lastYearDate = `${Number(asOf.slice(0, 4)) - 1}${asOf.slice(4) === '-02-29' ? '-02-28' : asOf.slice(4)}`;
  const now = { ...sum(await baseCoverage(db, month, province)), outside: await outside(asOf) };
  const lastYear = { ...sum(await baseCoverage(db, before, province)), outside: await outside(lastYearDate) };
  let campaign: { vsi: number; hhi: number } | null = null;
  if (campaignId !== null) {
    const { rows } = await sql<{ product: string; n: string }>`
      select product, sum(enrollments) as n
      from (${events(campaignId, province === null ? { kind: 'country' } : { kind: 'province', code: province })}) ev
      where day <= ${asOf} group by product`.execute(db);
    campaign = {
      vsi: n(rows.find((r) => r.product === 'vsi')?.n),
      hhi: n(rows.find((r) => r.product === 'hhi')?.n),
    };
  }
  return { now, lastYear, campaign };
}

/**
 * The launch wall's counts: registrations for the campaign from the moment the ceremony began to
 * the end of `until`, per province, and per unit through the communes each unit serves.
 */
export async function baseLaunch(
  db: Db,
  {
    campaignId,
    launchAt,
    until,
    unitIds,
  }: { campaignId: number; launchAt: string; until: string; unitIds: number[] },
) {
  const made = sql`
    select p.province_code, p.commune_code, e.created_at from vsi_enrollment e join participant p on p.id = e.participant_id
    where e.campaign_id = ${campaignId}
    union all
    select h.province_code, h.commune_code, m.created_at from household_member m join household h on h.id = m.household_id
    where h.campaign_id = ${campaignId}`;
  const since = sql`ev.created_at >= ${launchAt}::timestamptz and vn_day(ev.created_at) <= ${until}`;
  const { rows } = await sql<{ province_code: string; n: string }>`
    select province_code, count(*) as n from (${made}) ev where ${since} group by province_code`.execute(db);
  const units = await sql<{ org_unit_id: number; n: string }>`
    select oc.org_unit_id, count(*) as n
    from org_unit_commune oc join (${made}) ev on ev.commune_code = oc.commune_code
    where oc.org_unit_id = any(${unitIds}::int[]) and ${since}
    group by oc.org_unit_id`.execute(db);
  const byProvince = new Map(rows.map((r) => [r.province_code, n(r.n)]));
  return {
    total: [...byProvince.values()].reduce((a, x) => a + x, 0),
    byProvince,
    byUnit: new Map(units.rows.map((r) => [Number(r.org_unit_id), n(r.n)])),
  };
}

/** A product's registrations for a campaign up to a day, per province: the target tree's actuals. */
export async function baseTargetActuals(
  db: Db,
  { campaignId, product, until }: { campaignId: number; product: Product; until: string },
) {
  const { rows } = await sql<{ province_code: string; n: string }>`
    select province_code, sum(enrollments) as n from (${events(campaignId, { kind: 'country' })}) ev
    where product = ${product} and day <= ${until} and enrollments > 0 group by province_code`.execute(db);
  const byProvince = new Map(rows.map((r) => [r.province_code, n(r.n)]));
  return { total: [...byProvince.values()].reduce((a, x) => a + x, 0), byProvince };
}
