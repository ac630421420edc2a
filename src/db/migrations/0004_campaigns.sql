-- Campaigns, targets, leads and the roll-ups the live dashboards read: the Month of mobilization
-- from its launch ceremony to the national bulletin.

create table campaign (
  id           bigserial primary key,
  name         text not null,
  theme        text not null,
  starts_on    date not null,
  ends_on      date not null,
  products     text[] not null check (products <@ array['vsi', 'hhi']::text[] and cardinality(products) > 0),
  organisers   text[] not null,
  legal_basis  text,
  description  text,
  launch_at    timestamptz,
  created_by   int references app_user (id),
  created_at   timestamptz not null,
  is_demo      boolean not null default false,
  check (ends_on >= starts_on)
);

-- The launch ceremony: a central bridge point with provincial and grassroots points (and post
-- offices) under it, each going live and counting its attendance.
create table bridge_point (
  id                 bigserial primary key,
  campaign_id        bigint not null references campaign (id) on delete cascade,
  parent_id          bigint references bridge_point (id),
  level              text not null check (level in ('central', 'provincial', 'grassroots', 'post_office')),
  org_unit_id        int not null references org_unit (id),
  name               text not null,
  form               text not null check (form in ('online', 'rebroadcast', 'in_person')),
  stream_url         text,
  planned_attendance int,
  live_at            timestamptz,
  attendance         int,
  checked_in_by      int references app_user (id),
  is_demo            boolean not null default false
);
create index bridge_point_campaign_idx on bridge_point (campaign_id);

-- Everything a campaign does on the ground, counted as the 2022 report counts it.
create table activity (
  id             bigserial primary key,
  campaign_id    bigint not null references campaign (id) on delete cascade,
  org_unit_id    int not null references org_unit (id),
  province_code  text not null references province (code),
  kind           text not null check (kind in ('convoy', 'parade', 'conference', 'door_to_door', 'loudspeaker',
                                               'article', 'printed', 'local_launch')),
  on_date        date not null,
  title          text not null,
  cars           int not null default 0,
  motorbikes     int not null default 0,
  route          text,
  communes       text[] not null default '{}',
  people_reached int not null default 0,
  attendees      int not null default 0,
  items          int not null default 0,
  note           text,
  created_by     int references app_user (id),
  created_at     timestamptz not null,
  is_demo        boolean not null default false
);
create index activity_campaign_idx on activity (campaign_id, on_date);

create table compliance_item (
  id           bigserial primary key,
  activity_id  bigint references activity (id) on delete cascade,
  bridge_id    bigint references bridge_point (id) on delete cascade,
  label        text not null,
  confirmed_by int references app_user (id),
  confirmed_at timestamptz,
  note         text,
  check ((activity_id is null) <> (bridge_id is null))
);

-- A target per campaign × product × unit × period. The unit is an org unit, an agent, or (for
-- campaigns planned before 2025) a pre-2025 administrative unit that rolls up through the lineage.
create table target (
  id             bigserial primary key,
  campaign_id    bigint not null references campaign (id) on delete cascade,
  product        text not null check (product in ('vsi', 'hhi')),
  org_unit_id    int references org_unit (id),
  agent_user_id  int references app_user (id),
  legacy_unit_id int references legacy_unit (id),
  parent_id      bigint references target (id) on delete cascade,
  period_start   date not null,
  period_end     date not null,
  amount         int not null check (amount >= 0),
  proposed       int,
  overridden     boolean not null default false,
  set_by         int references app_user (id),
  set_at         timestamptz not null,
  is_demo        boolean not null default false,
  check (num_nonnulls(org_unit_id, agent_user_id, legacy_unit_id) = 1)
);
create unique index target_unit_idx on target (campaign_id, product, period_start,
  coalesce(org_unit_id, 0), coalesce(agent_user_id, 0), coalesce(legacy_unit_id, 0));
create index target_parent_idx on target (parent_id);

alter table household add column campaign_id bigint references campaign (id);
alter table vsi_enrollment add constraint vsi_enrollment_campaign_fk foreign key (campaign_id) references campaign (id);
alter table vsi_enrollment add constraint vsi_enrollment_event_fk foreign key (event_id) references activity (id);

-- Leads: people to win, from events, convoys, door-to-door visits and lists.
create table lead (
  id              bigserial primary key,
  campaign_id     bigint references campaign (id),
  source          text not null check (source in ('event', 'convoy', 'door_to_door', 'list_lapsed',
                                                  'list_near_pension', 'list_hhi_renewal', 'list_poor', 'manual')),
  event_id        bigint references activity (id),
  participant_id  bigint references participant (id),
  full_name       text not null,
  phone           text,
  commune_code    text not null references commune (code),
  province_code   text not null references province (code),
  channel         text not null,
  consent         boolean not null default false,
  purpose         text not null,
  assigned_to     int references app_user (id),
  org_unit_id     int not null references org_unit (id),
  status          text not null check (status in ('new', 'contacted', 'consulted', 'enrolled', 'paid', 'lost')),
  contacted_at    timestamptz,
  consulted_at    timestamptz,
  enrolled_at     timestamptz,
  note            text,
  created_at      timestamptz not null,
  updated_at      timestamptz not null,
  is_demo         boolean not null default false
);
create index lead_assigned_idx on lead (assigned_to, status);
create index lead_campaign_idx on lead (campaign_id, status);
create index lead_commune_idx on lead (commune_code, id);
create unique index lead_participant_campaign_idx on lead (campaign_id, participant_id) where participant_id is not null;

-- ───────────── Roll-ups: what every dashboard reads ─────────────
-- Kept by triggers in the same transaction as the enrollment or payment; rebuilt from the base
-- tables by stats_rebuild() after a bulk load. campaign_id 0 means "no campaign".
create table stat_commune_day (
  day            date not null,
  campaign_id    bigint not null,
  product        text not null,
  channel        text not null,
  province_code  text not null,
  commune_code   text not null,
  enrollments    int not null default 0,
  first_payments int not null default 0,
  payments       int not null default 0,
  amount         bigint not null default 0,
  primary key (campaign_id, day, product, channel, commune_code)
);
create index stat_commune_day_province_idx on stat_commune_day (province_code, campaign_id, day);

create table stat_province_day (
  day            date not null,
  campaign_id    bigint not null,
  product        text not null,
  province_code  text not null,
  enrollments    int not null default 0,
  first_payments int not null default 0,
  payments       int not null default 0,
  amount         bigint not null default 0,
  primary key (campaign_id, day, product, province_code)
);
create index stat_province_day_day_idx on stat_province_day (day, product);

-- Per campaign and unit / agent (no day): leaderboards and unit progress.
create table stat_unit (
  campaign_id    bigint not null,
  product        text not null,
  org_unit_id    int not null,
  enrollments    int not null default 0,
  first_payments int not null default 0,
  payments       int not null default 0,
  amount         bigint not null default 0,
  primary key (campaign_id, product, org_unit_id)
);
create table stat_agent (
  campaign_id    bigint not null,
  product        text not null,
  agent_user_id  int not null,
  org_unit_id    int not null,
  province_code  text not null,
  enrollments    int not null default 0,
  first_payments int not null default 0,
  payments       int not null default 0,
  amount         bigint not null default 0,
  primary key (campaign_id, product, agent_user_id)
);
create index stat_agent_rank_idx on stat_agent (campaign_id, product, enrollments desc);

-- People covered, by month and province: VSI participants paid for the month, and household HI members.
create table stat_coverage_month (
  month          date not null,
  province_code  text not null,
  vsi            int not null default 0,
  hhi            int not null default 0,
  primary key (month, province_code)
);

-- Funnel counters per campaign, unit, agent and channel.
create table stat_funnel (
  campaign_id    bigint not null,
  org_unit_id    int not null,
  agent_user_id  int not null,
  channel        text not null,
  contacted      int not null default 0,
  consulted      int not null default 0,
  enrolled       int not null default 0,
  first_paid     int not null default 0,
  retained_12m   int not null default 0,
  primary key (campaign_id, org_unit_id, agent_user_id, channel)
);

-- Voluntary participants tracked outside Điểm Tựa (the legacy system's opening balance), dated per
-- province like the other denominators, so coverage counts everyone.
alter table denominator add column voluntary_outside bigint not null default 0 check (voluntary_outside >= 0);

-- The day of an event is its Vietnam calendar day (UTC+7, no daylight saving).
create function vn_day(at timestamptz) returns date language sql immutable as $$
  select ((at at time zone 'UTC') + interval '7 hours')::date
$$;

create function stat_bump(p_day date, p_campaign bigint, p_product text, p_channel text, p_province text,
                          p_commune text, p_unit int, p_agent int,
                          d_enrolled int, d_first int, d_payments int, d_amount bigint) returns void
language plpgsql as $$
begin
  insert into stat_commune_day as s (day, campaign_id, product, channel, province_code, commune_code,
                                     enrollments, first_payments, payments, amount)
  values (p_day, p_campaign, p_product, p_channel, p_province, p_commune, d_enrolled, d_first, d_payments, d_amount)
  on conflict (campaign_id, day, product, channel, commune_code) do update set
    enrollments = s.enrollments + excluded.enrollments, first_payments = s.first_payments + excluded.first_payments,
    payments = s.payments + excluded.payments, amount = s.amount + excluded.amount;
  insert into stat_province_day as s (day, campaign_id, product, province_code, enrollments, first_payments, payments, amount)
  values (p_day, p_campaign, p_product, p_province, d_enrolled, d_first, d_payments, d_amount)
  on conflict (campaign_id, day, product, province_code) do update set
    enrollments = s.enrollments + excluded.enrollments, first_payments = s.first_payments + excluded.first_payments,
    payments = s.payments + excluded.payments, amount = s.amount + excluded.amount;
  if p_campaign <> 0 then
    insert into stat_unit as s (campaign_id, product, org_unit_id, enrollments, first_payments, payments, amount)
    values (p_campaign, p_product, p_unit, d_enrolled, d_first, d_payments, d_amount)
    on conflict (campaign_id, product, org_unit_id) do update set
      enrollments = s.enrollments + excluded.enrollments, first_payments = s.first_payments + excluded.first_payments,
      payments = s.payments + excluded.payments, amount = s.amount + excluded.amount;
    if p_agent is not null then
      insert into stat_agent as s (campaign_id, product, agent_user_id, org_unit_id, province_code,
                                   enrollments, first_payments, payments, amount)
      values (p_campaign, p_product, p_agent, p_unit, p_province, d_enrolled, d_first, d_payments, d_amount)
      on conflict (campaign_id, product, agent_user_id) do update set
        enrollments = s.enrollments + excluded.enrollments, first_payments = s.first_payments + excluded.first_payments,
        payments = s.payments + excluded.payments, amount = s.amount + excluded.amount;
    end if;
  end if;
end
$$;

create function stat_on_enrollment() returns trigger language plpgsql as $$
declare
  v_commune text;
  v_province text;
begin
  select commune_code, province_code into v_commune, v_province from participant where id = new.participant_id;
  perform stat_bump(vn_day(new.created_at), coalesce(new.campaign_id, 0), 'vsi', new.channel, v_province, v_commune,
                    new.org_unit_id, new.agent_user_id, 1, 0, 0, 0);
  if new.campaign_id is not null then
    insert into stat_funnel as f (campaign_id, org_unit_id, agent_user_id, channel, enrolled)
    values (new.campaign_id, new.org_unit_id, coalesce(new.agent_user_id, 0), new.channel, 1)
    on conflict (campaign_id, org_unit_id, agent_user_id, channel) do update set enrolled = f.enrolled + 1;
  end if;
  return null;
end
$$;

create function stat_on_member() returns trigger language plpgsql as $$
declare
  h record;
begin
  select * into h from household where id = new.household_id;
  perform stat_bump(vn_day(new.created_at), coalesce(h.campaign_id, 0), 'hhi', 'door_to_door', h.province_code,
                    h.commune_code, h.org_unit_id, h.agent_user_id, 1, 0, 0, 0);
  return null;
end
$$;

-- A payment counts once; the first payment of an enrollment also counts as a "first payment".
-- A void takes both back on the day the payment was counted.
create function stat_on_payment() returns trigger language plpgsql as $$
declare
  v_sign int;
  v_first int := 0;
  p payment;
begin
  if tg_op = 'INSERT' then
    v_sign := 1;
    p := new;
  elsif new.voided_at is not null and old.voided_at is null then
    v_sign := -1;
    p := old;
  else
    return null;
  end if;
  if p.enrollment_id is not null and not exists (
       select 1 from payment q where q.enrollment_id = p.enrollment_id and q.id <> p.id and q.voided_at is null and q.id < p.id) then
    v_first := 1;
  end if;
  perform stat_bump(vn_day(p.created_at), coalesce(p.campaign_id, 0), p.product, p.channel, p.province_code,
                    p.commune_code, p.org_unit_id, p.agent_user_id, 0, v_sign * v_first, v_sign, v_sign * p.amount);
  if v_first = 1 and p.campaign_id is not null then
    insert into stat_funnel as f (campaign_id, org_unit_id, agent_user_id, channel, first_paid)
    values (p.campaign_id, p.org_unit_id, coalesce(p.agent_user_id, 0), p.channel, v_sign)
    on conflict (campaign_id, org_unit_id, agent_user_id, channel) do update set first_paid = f.first_paid + excluded.first_paid;
  end if;
  return null;
end
$$;

create function stat_on_lead() returns trigger language plpgsql as $$
declare
  d_contacted int := 0;
  d_consulted int := 0;
begin
  if new.campaign_id is null then return null; end if;
  if new.contacted_at is not null and (tg_op = 'INSERT' or old.contacted_at is null) then d_contacted := 1; end if;
  if new.consulted_at is not null and (tg_op = 'INSERT' or old.consulted_at is null) then d_consulted := 1; end if;
  if d_contacted + d_consulted = 0 then return null; end if;
  insert into stat_funnel as f (campaign_id, org_unit_id, agent_user_id, channel, contacted, consulted)
  values (new.campaign_id, new.org_unit_id, coalesce(new.assigned_to, 0), new.channel, d_contacted, d_consulted)
  on conflict (campaign_id, org_unit_id, agent_user_id, channel) do update set
    contacted = f.contacted + excluded.contacted, consulted = f.consulted + excluded.consulted;
  return null;
end
$$;

create trigger stat after insert on vsi_enrollment for each row execute function stat_on_enrollment();
create trigger stat after insert on household_member for each row execute function stat_on_member();
create trigger stat after insert or update of voided_at on payment for each row execute function stat_on_payment();
create trigger stat after insert or update of contacted_at, consulted_at on lead for each row execute function stat_on_lead();

-- The same figures from the base tables, set-based: after a bulk load, or to repair.
create function stats_rebuild() returns void language plpgsql as $$
begin
  truncate stat_commune_day, stat_province_day, stat_unit, stat_agent, stat_funnel;
  create temp table stat_events on commit drop as
    select vn_day(e.created_at) as day, coalesce(e.campaign_id, 0) as campaign_id, 'vsi'::text as product, e.channel,
           p.province_code, p.commune_code, e.org_unit_id, e.agent_user_id, 1 as enrollments, 0 as first_payments,
           0 as payments, 0::bigint as amount
    from vsi_enrollment e join participant p on p.id = e.participant_id
    union all
    select vn_day(m.created_at), coalesce(h.campaign_id, 0), 'hhi', 'door_to_door', h.province_code, h.commune_code,
           h.org_unit_id, h.agent_user_id, 1, 0, 0, 0
    from household_member m join household h on h.id = m.household_id
    union all
    select vn_day(p.created_at), coalesce(p.campaign_id, 0), p.product, p.channel, p.province_code, p.commune_code,
           p.org_unit_id, p.agent_user_id, 0,
           case when p.enrollment_id is not null and p.id = min(p.id) over (partition by p.enrollment_id) then 1 else 0 end,
           1, p.amount
    from payment p where p.voided_at is null;
  insert into stat_commune_day select day, campaign_id, product, channel, province_code, commune_code,
    sum(enrollments), sum(first_payments), sum(payments), sum(amount)
    from stat_events group by day, campaign_id, product, channel, province_code, commune_code;
  insert into stat_province_day select day, campaign_id, product, province_code,
    sum(enrollments), sum(first_payments), sum(payments), sum(amount)
    from stat_events group by day, campaign_id, product, province_code;
  insert into stat_unit select campaign_id, product, org_unit_id,
    sum(enrollments), sum(first_payments), sum(payments), sum(amount)
    from stat_events where campaign_id <> 0 group by campaign_id, product, org_unit_id;
  insert into stat_agent select campaign_id, product, agent_user_id, min(org_unit_id), min(province_code),
    sum(enrollments), sum(first_payments), sum(payments), sum(amount)
    from stat_events where campaign_id <> 0 and agent_user_id is not null group by campaign_id, product, agent_user_id;
  insert into stat_funnel (campaign_id, org_unit_id, agent_user_id, channel, contacted, consulted, enrolled, first_paid)
    select campaign_id, org_unit_id, agent, channel, sum(contacted), sum(consulted), sum(enrolled), sum(first_paid)
    from (
      select campaign_id, org_unit_id, coalesce(assigned_to, 0) as agent, channel,
             (contacted_at is not null)::int as contacted, (consulted_at is not null)::int as consulted, 0 as enrolled, 0 as first_paid
      from lead where campaign_id is not null
      union all
      select campaign_id, org_unit_id, coalesce(agent_user_id, 0), channel, 0, 0, 1, 0 from vsi_enrollment where campaign_id is not null
      union all
      select campaign_id, org_unit_id, coalesce(agent_user_id, 0), channel, 0, 0, 0, first_payments
      from stat_events where campaign_id <> 0 and product = 'vsi' and first_payments > 0
    ) f group by campaign_id, org_unit_id, agent, channel;
end
$$;

-- Coverage by month: a VSI participant is covered in every month from the start to the last month
-- paid; a household member from joining to the month their household's card runs to.
create function stats_coverage_rebuild(p_from date, p_to date) returns void language plpgsql as $$
begin
  delete from stat_coverage_month where month between p_from and p_to;
  -- Each interval of cover adds one at its first month and takes one away after its last; the
  -- running sum by month is the number covered. One pass over the base tables, whatever the range.
  insert into stat_coverage_month (month, province_code, vsi, hhi)
  with deltas as (
    select p.province_code, e.start_month as month, 1 as vsi, 0 as hhi
    from vsi_enrollment e join participant p on p.id = e.participant_id where e.paid_through >= e.start_month
    union all
    select p.province_code, (e.paid_through + interval '1 month')::date, -1, 0
    from vsi_enrollment e join participant p on p.id = e.participant_id where e.paid_through >= e.start_month
    union all
    select h.province_code, hm.from_month, 0, 1
    from household_member hm join household h on h.id = hm.household_id
    where h.paid_through >= hm.from_month and (hm.to_month is null or hm.to_month >= hm.from_month)
    union all
    select h.province_code, (least(h.paid_through, coalesce(hm.to_month, h.paid_through)) + interval '1 month')::date, 0, -1
    from household_member hm join household h on h.id = hm.household_id
    where h.paid_through >= hm.from_month and (hm.to_month is null or hm.to_month >= hm.from_month)),
  monthly as (
    select province_code, month, sum(vsi) as vsi, sum(hhi) as hhi from deltas group by province_code, month),
  grid as (
    select pr.code as province_code, g.month::date as month
    from province pr cross join generate_series(
      least(date_trunc('month', p_from), coalesce((select min(month) from monthly), date_trunc('month', p_from))),
      date_trunc('month', p_to), interval '1 month') g(month)),
  running as (
    select g.province_code, g.month,
           sum(coalesce(m.vsi, 0)) over w as vsi, sum(coalesce(m.hhi, 0)) over w as hhi
    from grid g left join monthly m on m.province_code = g.province_code and m.month = g.month
    window w as (partition by g.province_code order by g.month))
  select month, province_code, vsi, hhi from running where month between date_trunc('month', p_from) and p_to;
end
$$;

create constraint trigger audit after insert or update or delete on campaign
  deferrable initially deferred for each row
  when (current_setting('diemtua.bulk_load', true) is distinct from 'demo')
  execute function audit_capture('id');
create constraint trigger audit after insert or update or delete on bridge_point
  deferrable initially deferred for each row
  when (current_setting('diemtua.bulk_load', true) is distinct from 'demo')
  execute function audit_capture('id', 'org_unit_id');
create constraint trigger audit after insert or update or delete on activity
  deferrable initially deferred for each row
  when (current_setting('diemtua.bulk_load', true) is distinct from 'demo')
  execute function audit_capture('id', 'org_unit_id');
create constraint trigger audit after insert or update or delete on compliance_item
  deferrable initially deferred for each row execute function audit_capture('id');
create constraint trigger audit after insert or update or delete on target
  deferrable initially deferred for each row
  when (current_setting('diemtua.bulk_load', true) is distinct from 'demo')
  execute function audit_capture('id', 'org_unit_id');
create constraint trigger audit after insert or update or delete on lead
  deferrable initially deferred for each row
  when (current_setting('diemtua.bulk_load', true) is distinct from 'demo')
  execute function audit_capture('id', 'org_unit_id');

-- The launch wall counts registrations since the ceremony began, by time, not by day.
create index vsi_enrollment_created_idx on vsi_enrollment (created_at);
create index household_member_created_idx on household_member (created_at);
