import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';
import {
  addMonths,
  calculate,
  type HhiQuoteResult,
  monthOfDate,
  paramAt,
  type RuleBook,
  type VsiQuoteResult,
} from '../../domain/law/index.ts';

/**
 * Generates registrations with their history in bulk, inside PostgreSQL (generate_series), for the
 * demo and the benchmarks: people with valid personal IDs, VSI enrollments, households, payments
 * priced by the law engine, and receipts. Rows are flagged is_demo and the load is audited as a
 * whole (see audit_capture), so a national-scale dataset loads in minutes, a demo in seconds.
 * Statuses and deadlines are derived afterwards by the status job (`moveStatuses(..., 'all')`).
 */
export interface BulkBatch {
  /** The day these people registered, between 7:00 and 19:00 Vietnam time (a launch at 8:00 has most after it). */
  date: string;
  vsi: number;
  /** People (not households) newly covered by household HI. */
  hhi: number;
  /** Restrict to these communes (e.g. one province); all served communes otherwise. */
  communes?: string[];
  campaignId?: number | null;
  eventId?: number | null;
  channel?: string;
}

export interface BulkOptions {
  today: string;
  book: RuleBook;
  /** 0..1, for reproducible demo data. */
  seed?: number;
  /** Share of VSI participants who keep paying to today (the others lapse at a random point). */
  retention?: number;
  isDemo?: boolean;
  /** Write the payment history and receipts (default); without it, enrollments alone. */
  history?: boolean;
  /**
   * Rebuild the dashboards' roll-ups from the base tables at the end (default). The load skips their
   * per-row triggers; a caller loading many batches rebuilds once, after the last.
   */
  rebuildStats?: boolean;
  /**
   * Keep the per-row triggers, so the roll-ups follow each row as in the app (for a small top-up of
   * a large dataset, where a rebuild would take far longer than the rows).
   */
  triggers?: boolean;
  /** Last step of the load's transaction: mark it done, so a load and its record commit together. */
  finish?: (tx: Tx) => Promise<void>;
}

export interface BulkReport {
  participants: number;
  enrollments: number;
  households: number;
  payments: number;
}

const INCOME_LEVELS = [0, 500_000, 1_500_000, 3_500_000] as const;
const CATEGORIES = ['other', 'poor', 'near_poor', 'ethnic_minority'] as const;

/** The engine's price of one month, for every month, category, local top-up group and income level. */
function priceTable(book: RuleBook, from: string, to: string) {
  const rows: {
    month: string;
    category: string;
    grp: string;
    level: number;
    income: number;
    net: number;
    gross: number;
    state: number;
    local: number;
    rule: string;
  }[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) {
    const date = `${m}-15`;
    const floor = paramAt(book, 'vsi.poverty_line', date);
    if (!floor) continue;
    for (const grp of ['01', '*']) {
      for (const category of CATEGORIES) {
        INCOME_LEVELS.forEach((extra, level) => {
          const outcome = calculate(
            'vsi-quote',
            {
              paymentDate: date,
              monthlyIncome: floor + extra,
              mode: 'monthly',
              categories: [category],
              ...(grp === '01' ? { provinceCode: '01' } : {}),
            },
            { book, today: date },
          );
          if (!outcome.ok) return;
          const q = outcome.result as VsiQuoteResult;
          rows.push({
            month: `${m}-01`,
            category,
            grp,
            level,
            income: floor + extra,
            net: q.netMonthly,
            gross: q.grossMonthly,
            state: q.stateSupportMonthly,
            local: q.localSupportMonthly,
            rule: q.ruleVersion,
          });
        });
      }
    }
  }
  return rows;
}

/** The engine's price of 12 months of household HI by the month bought and the household's size. */
function hhiPriceTable(book: RuleBook, from: string, to: string) {
  const rows: { month: string; members: number; total: number; rule: string }[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) {
    for (let members = 1; members <= 5; members++) {
      const outcome = calculate(
        'hhi-quote',
        { paymentDate: `${m}-15`, members, months: 12 },
        { book, today: `${m}-15` },
      );
      if (outcome.ok)
        rows.push({
          month: `${m}-01`,
          members,
          total: (outcome.result as HhiQuoteResult).total,
          rule: (outcome.result as HhiQuoteResult).ruleVersion,
        });
    }
  }
  return rows;
}

const SURNAMES = `array['Nguyễn','Nguyễn','Nguyễn','Nguyễn','Trần','Trần','Lê','Lê','Phạm','Hoàng','Huỳnh','Phan','Vũ','Võ','Đặng','Bùi','Đỗ','Hồ','Ngô','Dương','Lý']`;
const MIDDLE_M = `array['Văn','Hữu','Đức','Minh','Quang','Thành','Công','Xuân','Đình','Anh']`;
const MIDDLE_F = `array['Thị','Thị','Ngọc','Thu','Thanh','Hồng','Kim','Minh','Phương','Bích']`;
const GIVEN_M = `array['An','Bình','Cường','Dũng','Duy','Hải','Hiếu','Hùng','Huy','Khánh','Khoa','Long','Lâm','Minh','Nam','Nghĩa','Phong','Phúc','Quân','Sơn','Tài','Thắng','Thành','Trung','Tuấn','Việt']`;
const GIVEN_F = `array['Anh','Chi','Diệp','Dung','Giang','Hà','Hạnh','Hoa','Hương','Lan','Liên','Linh','Loan','Mai','My','Nga','Ngân','Nhung','Oanh','Phương','Quỳnh','Tâm','Thảo','Trang','Vân','Yến']`;

export async function bulkLoad(db: Db, batches: BulkBatch[], options: BulkOptions): Promise<BulkReport> {
  const retention = options.retention ?? 0.8;
  const isDemo = options.isDemo ?? true;
  const report: BulkReport = { participants: 0, enrollments: 0, households: 0, payments: 0 };
  const first = [options.today, ...batches.map((b) => b.date)].sort()[0]!;
  const prices = priceTable(options.book, monthOfDate(first), monthOfDate(options.today));
  const hhiPrices = hhiPriceTable(options.book, monthOfDate(first), monthOfDate(options.today));

  await db.transaction().execute(async (tx) => {
    // 'demo' stands the audit and roll-up triggers aside; with `triggers` they run row by row.
    const mode = options.triggers === true ? 'rows' : 'demo';
    await sql`select set_config('diemtua.bulk_load', ${mode}, true), setseed(${options.seed ?? 0.42})`.execute(
      tx,
    );
    // The rows are consistent by construction, so a superuser load skips the per-row foreign-key
    // triggers (eight per payment). Without that right the load is simply slower.
    if (options.triggers !== true) {
      await sql`savepoint replica`.execute(tx);
      await sql`set local session_replication_role = replica`
        .execute(tx)
        .then(() => sql`release savepoint replica`.execute(tx))
        .catch(() => sql`rollback to savepoint replica`.execute(tx));
    }
    // Serialise bulk loads: they reserve receipt-number ranges of their own.
    await sql`select pg_advisory_xact_lock(7277002)`.execute(tx);
    await sql`create temp table bulk_price (month date, category text, grp text, level int, income bigint, net bigint,
      gross bigint, state bigint, local bigint, rule text, primary key (month, category, grp, level)) on commit drop`.execute(
      tx,
    );
    for (let i = 0; i < prices.length; i += 2000) {
      const chunk = prices.slice(i, i + 2000);
      await sql`insert into bulk_price select * from unnest(
        ${chunk.map((p) => p.month)}::date[], ${chunk.map((p) => p.category)}::text[], ${chunk.map((p) => p.grp)}::text[],
        ${chunk.map((p) => p.level)}::int[], ${chunk.map((p) => p.income)}::bigint[], ${chunk.map((p) => p.net)}::bigint[],
        ${chunk.map((p) => p.gross)}::bigint[], ${chunk.map((p) => p.state)}::bigint[], ${chunk.map((p) => p.local)}::bigint[],
        ${chunk.map((p) => p.rule)}::text[])`.execute(tx);
    }
    await sql`create temp table bulk_hhi_price (month date, members int, total bigint, rule text, primary key (month, members)) on commit drop`.execute(
      tx,
    );
    await sql`insert into bulk_hhi_price select * from unnest(${hhiPrices.map((p) => p.month)}::date[],
      ${hhiPrices.map((p) => p.members)}::int[], ${hhiPrices.map((p) => p.total)}::bigint[], ${hhiPrices.map((p) => p.rule)}::text[])`.execute(
      tx,
    );
    // Each commune with the unit that serves it most closely (which holds the records: a person's
    // commune is always served by their unit) and an agent of that unit, or of a unit below it.
    await sql`create temp table bulk_pick on commit drop as
      with serving as (
        select distinct on (oc.commune_code) oc.commune_code, o.id as org_unit_id, o.path
        from org_unit_commune oc join org_unit o on o.id = oc.org_unit_id
        where o.kind not in ('vss_central', 'post_central')
        order by oc.commune_code, length(o.path) desc, o.id),
      -- The first agent at or below each unit, found through the agents' ancestor paths ('/1/5/23/'
      -- is below '/1/' and '/1/5/'): an equality join, not a LIKE per commune and agent.
      agent_under as (
        select '/' || array_to_string(parts[1:k], '/') || '/' as path, min(u.id) as agent_id
        from app_user u join org_unit o on o.id = u.org_unit_id
        cross join lateral string_to_array(trim(both '/' from o.path), '/') as parts
        cross join lateral generate_series(1, cardinality(parts)) as k
        where u.role = 'collection_agent' and u.disabled_at is null
        group by 1)
      select row_number() over (order by c.code)::int as idx, c.code as commune_code, c.province_code,
             coalesce(s.org_unit_id, v.id) as org_unit_id, a.agent_id
      from commune c
      join org_unit v on v.kind = 'vss_province' and v.province_code = c.province_code
      left join serving s on s.commune_code = c.code
      left join agent_under a on a.path = coalesce(s.path, v.path)`.execute(tx);
    // A unit with no agent of its own still needs someone to have collected: an agent of the province.
    await sql`update bulk_pick b set agent_id = f.agent_id
      from (select distinct on (o.province_code) o.province_code, u.id as agent_id
            from app_user u join org_unit o on o.id = u.org_unit_id
            where u.role = 'collection_agent' and u.disabled_at is null order by o.province_code, u.id) f
      where b.agent_id is null and f.province_code = b.province_code`.execute(tx);
    await sql`analyze bulk_pick`.execute(tx);
    await sql`create index on bulk_pick (commune_code)`.execute(tx);
    await sql`create temp table bulk_new (participant_id bigint, registered date, registered_at timestamptz,
      province_code text, commune_code text,
      org_unit_id int, agent_id int, category text, level int, product text, household_slot int,
      campaign_id bigint, event_id bigint, channel text) on commit drop`.execute(tx);

    for (const batch of batches) {
      const communes = batch.communes ?? null;
      const n = batch.vsi + batch.hhi;
      if (n === 0) continue;
      // People: valid 12-digit IDs (province of birth, century/sex digit, year), names, phones.
      await sql`
        with pool as (
          select idx, commune_code, province_code, org_unit_id, agent_id,
                 row_number() over (order by idx)::int as k
          from bulk_pick where ${communes}::text[] is null or commune_code = any(${communes}::text[])),
        size as (select count(*)::int as n from pool),
        draw as (
          select g, 1 + floor(random() * (select n from size))::int as k, random() as r_sex,
                 1955 + floor(random() * 50)::int as year, random() as r_cat, random() as r_level,
                 floor(random() * 1000000)::int as serial, random() as r_name, random() as r_mid, random() as r_given
          from generate_series(1, ${n}) g),
        people as (
          select d.*, p.commune_code, p.province_code, p.org_unit_id, p.agent_id,
                 case when d.r_sex < 0.55 then 'F' else 'M' end as sex
          from draw d join pool p on p.k = d.k),
        inserted as (
          insert into participant (personal_id, full_name, name_search, birth_date, sex, phone, commune_code, province_code,
                                   categories, contact_consent, contact_consent_at, org_unit_id, created_at, updated_at, is_demo)
          select '0' || province_code || ((case when year >= 2000 then 2 else 0 end) + (case when sex = 'F' then 1 else 0 end))::text
                   || lpad((year % 100)::text, 2, '0') || lpad(serial::text, 6, '0'),
                 name, name_search, make_date(year, 1 + (g % 12)::int, 1 + (g % 28)::int), sex,
                 '09' || lpad((floor(random() * 100000000))::text, 8, '0'), commune_code, province_code,
                 case when g <= ${batch.vsi} then array[category] else '{}'::text[] end, random() < 0.7, ${batch.date}::timestamptz,
                 org_unit_id, ${`${batch.date}T07:00:00+07:00`}::timestamptz + (g % 43200) * interval '1 second',
                 ${`${batch.date}T07:00:00+07:00`}::timestamptz + (g % 43200) * interval '1 second', ${isDemo}
          from (
            select *, surname || ' ' || mid || ' ' || given as name,
                   lower(translate(surname || ' ' || mid || ' ' || given,
                     'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ',
                     'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyydAAAAAAAAAAAAAAAAAEEEEEEEEEEEIIIIIOOOOOOOOOOOOOOOOOUUUUUUUUUUUYYYYYD')) as name_search,
                   case when r_cat < 0.70 then 'other' when r_cat < 0.80 then 'near_poor' when r_cat < 0.88 then 'poor' else 'ethnic_minority' end as category
            from (
              select *, (${sql.raw(SURNAMES)})[1 + floor(r_name * 21)::int] as surname,
                     case when sex = 'F' then (${sql.raw(MIDDLE_F)})[1 + floor(r_mid * 10)::int] else (${sql.raw(MIDDLE_M)})[1 + floor(r_mid * 10)::int] end as mid,
                     case when sex = 'F' then (${sql.raw(GIVEN_F)})[1 + floor(r_given * 26)::int] else (${sql.raw(GIVEN_M)})[1 + floor(r_given * 26)::int] end as given
              from people) named) chosen
          on conflict (personal_id) do nothing
          returning id, commune_code, province_code, org_unit_id, categories, created_at)
        insert into bulk_new
        select i.id, ${batch.date}::date, i.created_at, i.province_code, i.commune_code, i.org_unit_id,
               (select agent_id from bulk_pick b where b.commune_code = i.commune_code),
               coalesce(i.categories[1], 'other'),
               case when random() < 0.8 then 0 when random() < 0.6 then 1 when random() < 0.7 then 2 else 3 end,
               case when cardinality(i.categories) > 0 then 'vsi' else 'hhi' end,
               null, ${batch.campaignId ?? null}::bigint, ${batch.eventId ?? null}::bigint, ${batch.channel ?? null}::text
        from inserted i`.execute(tx);
    }
    await sql`create index on bulk_new (participant_id)`.execute(tx);
    // Temporary tables have no statistics until analysed; without them the planner picks nested loops.
    await sql`analyze bulk_new`.execute(tx);
    await sql`analyze bulk_price`.execute(tx);
    const counted = await sql<{
      product: string;
      n: number;
    }>`select product, count(*)::int as n from bulk_new group by product`.execute(tx);
    report.participants = counted.rows.reduce((sum, r) => sum + r.n, 0);

    // VSI: an enrollment each; most keep paying, some lapse after a while.
    const enrolled = await sql`
      insert into vsi_enrollment (participant_id, monthly_income, payment_mode, start_month, paid_through, due_date, status,
                                  status_since, supported_months_used, months_paid, agent_user_id, org_unit_id, channel,
                                  campaign_id, event_id, eligibility, created_at, updated_at, is_demo)
      select n.participant_id, pr.income, mode, date_trunc('month', n.registered)::date,
             case when months > 0 then (date_trunc('month', n.registered) + (months - 1) * interval '1 month')::date end,
             null, case when months > 0 then 'active' else 'awaiting_first_payment' end, n.registered, 0, 0,
             n.agent_id, n.org_unit_id,
             coalesce(n.channel, case when random() < 0.45 then 'post_office' when random() < 0.5 then 'door_to_door'
                                      when random() < 0.6 then 'event' when random() < 0.8 then 'convoy' else 'online' end),
             n.campaign_id, n.event_id,
             jsonb_build_object('declaresNotCompulsory', true, 'declaresNoPension', true, 'declaredOn', n.registered),
             n.registered_at, n.registered_at, ${isDemo}
      from (select n.*, m.mode,
                   -- Months paid from the start month, whole periods of the mode: all of them for those
                   -- who stay, fewer for those who lapse.
                   m.step * ceil((case when random() < ${retention} then m.span
                                       else floor(random() * (m.span + 1)) end)::numeric / m.step)::int as months
            from bulk_new n
            cross join lateral (select mode, span, case mode when 'monthly' then 1 when 'quarterly' then 3
                                                              when 'semiannual' then 6 else 12 end as step
                                from (select case when r < 0.72 then 'monthly' when r < 0.9 then 'quarterly'
                                            when r < 0.96 then 'semiannual' else 'annual' end as mode,
                                       (extract(year from age(date_trunc('month', ${options.today}::date), date_trunc('month', n.registered))) * 12
                                        + extract(month from age(date_trunc('month', ${options.today}::date), date_trunc('month', n.registered))))::int + 1 as span
                                from (select random() + n.participant_id * 0 as r) rr) modes) m
            where n.product = 'vsi') n
      join bulk_price pr on pr.month = date_trunc('month', n.registered)::date and pr.category = n.category
                        and pr.grp = (case when n.province_code = '01' then '01' else '*' end) and pr.level = n.level`.execute(
      tx,
    );
    report.enrollments = Number(enrolled.numAffectedRows ?? 0);

    if (options.history === false) return;
    // Payments: one per period of the enrollment's mode, priced at the period's first month.
    const paid = await sql`
      insert into payment (product, participant_id, enrollment_id, mode, months, covered_from, covered_to, amount,
                           supported_months, rule_version, quote, method, paid_on, agent_user_id, org_unit_id,
                           province_code, commune_code, channel, campaign_id, event_id, created_at, is_demo)
      select 'vsi', e.participant_id, e.id, e.payment_mode, per.months, per.from_month, per.to_month,
             pr.net * per.months, case when pr.state > 0 then per.months else 0 end, pr.rule,
             jsonb_build_object('monthlyIncome', pr.income, 'grossMonthly', pr.gross, 'stateSupportMonthly', pr.state,
                                'localSupportMonthly', pr.local, 'netMonthly', pr.net, 'bulk', true),
             case when random() < 0.75 then 'cash' when random() < 0.5 then 'bank_transfer' else 'vietqr' end,
             least(per.paid_on, ${options.today}::date), e.agent_user_id, e.org_unit_id, p.province_code, p.commune_code,
             e.channel, case when per.i = 0 then e.campaign_id end, case when per.i = 0 then e.event_id end,
             case when per.i = 0 then e.created_at + interval '5 minutes'
                  else least(per.paid_on, ${options.today}::date)::timestamptz + interval '9 hours' end, ${isDemo}
      from vsi_enrollment e
      join participant p on p.id = e.participant_id
      join bulk_new n on n.participant_id = e.participant_id
      cross join lateral (
        select i, (e.start_month + i * step * interval '1 month')::date as from_month,
               least(e.paid_through, (e.start_month + (i * step + step - 1) * interval '1 month')::date) as to_month,
               least(step, (extract(year from age(e.paid_through, e.start_month)) * 12
                            + extract(month from age(e.paid_through, e.start_month)))::int + 1 - i * step) as months,
               case when i = 0 then n.registered else (e.start_month + i * step * interval '1 month')::date + (i % 20) end as paid_on
        from (select case e.payment_mode when 'monthly' then 1 when 'quarterly' then 3 when 'semiannual' then 6 else 12 end as step) s,
             generate_series(0, greatest(-1, ((extract(year from age(e.paid_through, e.start_month)) * 12
                                                + extract(month from age(e.paid_through, e.start_month)))::int) / step)) i
      ) per
      join bulk_price pr on pr.month = per.from_month and pr.category = n.category
                        and pr.grp = (case when p.province_code = '01' then '01' else '*' end) and pr.level = n.level
      where e.paid_through is not null`.execute(tx);
    report.payments += Number(paid.numAffectedRows ?? 0);
    await sql`update vsi_enrollment e set months_paid = s.months, supported_months_used = s.supported
      from (select enrollment_id, sum(months)::int as months, sum(supported_months)::int as supported
            from payment where enrollment_id in (select e2.id from vsi_enrollment e2 join bulk_new n on n.participant_id = e2.participant_id)
            group by enrollment_id) s
      where e.id = s.enrollment_id`.execute(tx);

    // Household HI: people grouped into households of one to five, who pay 12 months at a time.
    const households = await sql`
      with grouped as (
        select n.*, (row_number() over (partition by n.commune_code order by n.participant_id) - 1) / 3 as slot
        from bulk_new n where n.product = 'hhi'),
      heads as (
        select distinct on (commune_code, slot) participant_id, commune_code, province_code, org_unit_id, agent_id, registered,
               registered_at, slot,
               campaign_id
        from grouped order by commune_code, slot, participant_id),
      made as (
        insert into household (head_person_id, commune_code, province_code, payment_months, paid_through, due_date,
                               org_unit_id, agent_user_id, campaign_id, created_at, updated_at, is_demo)
        select participant_id, commune_code, province_code, 12,
               (date_trunc('month', registered) + interval '11 months')::date,
               (date_trunc('month', registered) + interval '12 months' - interval '1 day')::date,
               org_unit_id, agent_id, campaign_id, registered_at, registered_at, ${isDemo}
        from heads returning id, head_person_id)
      insert into household_member (household_id, person_id, position, other_source, from_month, created_at, is_demo)
      select m.id, g.participant_id, row_number() over (partition by m.id order by g.participant_id)::int, false,
             date_trunc('month', g.registered)::date, g.registered_at, ${isDemo}
      from made m join heads h on h.participant_id = m.head_person_id
      join grouped g on g.commune_code = h.commune_code and g.slot = h.slot`.execute(tx);
    void households;
    const hh = await sql<{
      n: number;
    }>`select count(*)::int as n from household h join bulk_new n on n.participant_id = h.head_person_id`.execute(
      tx,
    );
    report.households = hh.rows[0]?.n ?? 0;
    const hhiPaid = await sql`
      insert into payment (product, participant_id, household_id, mode, months, covered_from, covered_to, amount, rule_version,
                           quote, method, paid_on, agent_user_id, org_unit_id, province_code, commune_code, channel,
                           campaign_id, created_at, is_demo)
      select 'hhi', h.head_person_id, h.id, 'hhi_12', 12, date_trunc('month', n.registered)::date, h.paid_through,
             pr.total, pr.rule, jsonb_build_object('bulk', true), 'cash', n.registered, h.agent_user_id, h.org_unit_id,
             h.province_code, h.commune_code, coalesce(n.channel, 'door_to_door'), n.campaign_id,
             n.registered_at + interval '5 minutes', ${isDemo}
      from household h join bulk_new n on n.participant_id = h.head_person_id
      join bulk_hhi_price pr on pr.month = date_trunc('month', n.registered)::date
       and pr.members = (select count(*) from household_member m where m.household_id = h.id)`.execute(tx);
    report.payments += Number(hhiPaid.numAffectedRows ?? 0);

    // Receipts, numbered from a space of their own (BL-9…), one series per agent.
    await sql`
      with mine as (
        select p.id, p.agent_user_id, p.amount, p.created_at,
               row_number() over (partition by p.agent_user_id order by p.id) as rn
        from payment p join bulk_new n on n.participant_id = p.participant_id
        where p.agent_user_id is not null),
      needs as (
        select agent_user_id, count(*) as n, sum(count(*)) over (order by agent_user_id) - count(*) as before
        from mine group by agent_user_id),
      base as (select coalesce(max(last_number), 900000000) as top from receipt_series where first_number >= 900000000),
      series as (
        insert into receipt_series (agent_user_id, device, first_number, last_number, next_number, allocated_at)
        select agent_user_id, 'dữ liệu lịch sử', (select top from base) + before + 1, (select top from base) + before + n,
               (select top from base) + before + n + 1, now()
        from needs returning id, agent_user_id, first_number)
      insert into receipt (number, series_id, payment_id, issued_at, amount, is_demo)
      select 'BL-' || lpad((s.first_number + m.rn - 1)::text, 9, '0'), s.id, m.id, m.created_at, m.amount, ${isDemo}
      from mine m join series s on s.agent_user_id = m.agent_user_id`.execute(tx);

    if (options.rebuildStats !== false && options.triggers !== true)
      await sql`select stats_rebuild_all()`.execute(tx);
    await options.finish?.(tx);
  });
  return report;
}
