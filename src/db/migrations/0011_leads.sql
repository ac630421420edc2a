-- Leads and the funnel: people to win, captured at events, convoys and door-to-door visits or drawn
-- from the registry's lists, followed up by agents, and counted from first contact to a year of paying.

-- ───────────── The lead ─────────────
-- A phone number is personal data: it is kept only with the person's consent, for the purpose stated
-- (Decree 13/2023/ND-CP on personal data protection, Art. 9 and 11). Withdrawing consent erases it.
alter table lead
  add column name_search   text not null default '',
  add column personal_id   text check (personal_id ~ '^[0-9]{12}$'),
  add column enrollment_id bigint references vsi_enrollment (id),
  add column payment_id    bigint references payment (id),
  add column paid_at       timestamptz,
  add column lost_at       timestamptz,
  add column lost_reason   text check (lost_reason in ('not_interested', 'cannot_afford', 'compulsory_covered',
                                                        'moved_away', 'unreachable', 'other')),
  add column created_by    int references app_user (id),
  add constraint lead_phone_needs_consent check (phone is null or consent),
  add constraint lead_lost_has_reason check ((lost_at is null) = (lost_reason is null)),
  add constraint lead_purpose_known check (purpose in ('vsi_enroll', 'vsi_resume', 'hhi_renew', 'pension_advice')),
  add constraint lead_channel_known check (channel in ('post_office', 'convoy', 'event', 'door_to_door', 'online'));

-- One lead per person and per phone in a campaign: a household sharing a phone is called once.
create unique index lead_campaign_phone_idx on lead (campaign_id, phone) where phone is not null;
create index lead_participant_idx on lead (participant_id) where participant_id is not null;
create index lead_personal_id_idx on lead (personal_id) where personal_id is not null and participant_id is null;
create index lead_payment_idx on lead (payment_id) where payment_id is not null;
-- Region-scoped lists walk one of these (the commune one exists since 0004).
create index lead_province_idx on lead (province_code, id);

-- The status follows from what happened, so it can never disagree with the dates: paid, enrolled,
-- lost, consulted, contacted, new, the first that applies. Undoing a step clears its date.
create function lead_status() returns trigger language plpgsql as $$
begin
  new.status := case
    when new.payment_id is not null then 'paid'
    when new.enrolled_at is not null then 'enrolled'
    when new.lost_at is not null then 'lost'
    when new.consulted_at is not null then 'consulted'
    when new.contacted_at is not null then 'contacted'
    else 'new' end;
  return new;
end
$$;
create trigger lead_status before insert or update on lead for each row execute function lead_status();

-- ───────────── The funnel's first two steps ─────────────
-- A lead counts as contacted and consulted under its campaign, unit, agent and channel. Any change of
-- those (a reassignment, an undo, a deletion) takes the old contribution back and adds the new one,
-- so the counters always equal what stats_rebuild() computes from the leads.
create or replace function stat_on_lead() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE'
     and old.campaign_id is not distinct from new.campaign_id and old.org_unit_id = new.org_unit_id
     and coalesce(old.assigned_to, 0) = coalesce(new.assigned_to, 0) and old.channel = new.channel
     and (old.contacted_at is null) = (new.contacted_at is null)
     and (old.consulted_at is null) = (new.consulted_at is null) then
    return null;
  end if;
  if tg_op in ('UPDATE', 'DELETE') and old.campaign_id is not null
     and (old.contacted_at is not null or old.consulted_at is not null) then
    insert into stat_funnel as f (campaign_id, org_unit_id, agent_user_id, channel, contacted, consulted)
    values (old.campaign_id, old.org_unit_id, coalesce(old.assigned_to, 0), old.channel,
            -(old.contacted_at is not null)::int, -(old.consulted_at is not null)::int)
    on conflict (campaign_id, org_unit_id, agent_user_id, channel) do update set
      contacted = f.contacted + excluded.contacted, consulted = f.consulted + excluded.consulted;
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.campaign_id is not null
     and (new.contacted_at is not null or new.consulted_at is not null) then
    insert into stat_funnel as f (campaign_id, org_unit_id, agent_user_id, channel, contacted, consulted)
    values (new.campaign_id, new.org_unit_id, coalesce(new.assigned_to, 0), new.channel,
            (new.contacted_at is not null)::int, (new.consulted_at is not null)::int)
    on conflict (campaign_id, org_unit_id, agent_user_id, channel) do update set
      contacted = f.contacted + excluded.contacted, consulted = f.consulted + excluded.consulted;
  end if;
  return null;
end
$$;
drop trigger stat on lead;
create trigger stat after insert or delete or update of contacted_at, consulted_at, assigned_to, org_unit_id, channel,
  campaign_id on lead for each row
  when (current_setting('diemtua.bulk_load', true) is distinct from 'demo')
  execute function stat_on_lead();

-- ───────────── A lead converts ─────────────
-- An enrollment in a campaign closes that campaign's lead of the same person, found by the participant,
-- else by the personal ID or the phone written on a lead not linked yet. Enrolling needs an agent in
-- front of the person, so it also counts as contacted and consulted when those were never ticked.
-- In the enrollment's transaction; never fails it (at most one lead matches, and only an unlinked one
-- takes the participant).
create function lead_on_enrollment() returns trigger language plpgsql as $$
declare
  v_lead bigint;
  p participant;
begin
  select l.id into v_lead from lead l
  where l.participant_id = new.participant_id and l.campaign_id is not distinct from new.campaign_id
    and l.enrolled_at is null
  order by l.id limit 1;
  if v_lead is null then
    select * into p from participant where id = new.participant_id;
    if not exists (select 1 from lead o where o.participant_id = new.participant_id
                   and o.campaign_id is not distinct from new.campaign_id) then
      select l.id into v_lead from lead l
      where l.participant_id is null and l.campaign_id is not distinct from new.campaign_id
        and (l.personal_id = p.personal_id or (p.phone is not null and l.phone = p.phone))
      order by (l.personal_id = p.personal_id) desc nulls last, l.id limit 1;
    end if;
  end if;
  if v_lead is null then
    return null;
  end if;
  update lead set participant_id = new.participant_id, enrollment_id = new.id, enrolled_at = new.created_at,
                  contacted_at = coalesce(contacted_at, new.created_at),
                  consulted_at = coalesce(consulted_at, new.created_at), updated_at = new.created_at
  where id = v_lead;
  return null;
end
$$;
create trigger lead after insert on vsi_enrollment for each row
  when (current_setting('diemtua.bulk_load', true) is distinct from 'demo')
  execute function lead_on_enrollment();

-- A payment closes the lead it answers: the first payment of a lead's enrollment (a new participant,
-- or a lapsed one won back), or a household-HI renewal by the head of a household on the renewal list.
-- A void hands the lead to the next payment still standing, or opens it again.
create function lead_on_payment() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    if new.participant_id is not null then
      update lead l set payment_id = new.id, paid_at = new.created_at, updated_at = new.created_at
      where l.participant_id = new.participant_id and l.payment_id is null and l.created_at <= new.created_at
        and ((new.product = 'vsi' and l.enrollment_id = new.enrollment_id)
             or (new.product = 'hhi' and l.source = 'list_hhi_renewal'));
    end if;
  elsif old.voided_at is null and new.voided_at is not null then
    update lead l set (payment_id, paid_at) = (
        select q.id, q.created_at from payment q
        where q.id <> new.id and q.voided_at is null and q.created_at >= l.created_at
          and (q.enrollment_id = new.enrollment_id or q.household_id = new.household_id)
        order by q.id limit 1),
      updated_at = new.voided_at
    where l.payment_id = new.id;
  end if;
  return null;
end
$$;
create trigger lead after insert or update of voided_at on payment for each row
  when (current_setting('diemtua.bulk_load', true) is distinct from 'demo')
  execute function lead_on_payment();

-- ───────────── Still paying after 12 months ─────────────
-- Each campaign enrollment is judged once, a month after the first anniversary of its first payment:
-- retained when payments made by then cover the 13th month from the first one's start (a monthly
-- payer's May of the next year, an annual payer's renewal). The row is the marker that makes the daily
-- job count once; it carries the enrollment's attribution as counted, so a rebuild gives the same rows.
create table enrollment_retention (
  enrollment_id bigint primary key references vsi_enrollment (id),
  campaign_id   bigint not null,
  org_unit_id   int not null,
  -- 0 when no agent, as in stat_funnel.
  agent_user_id int not null,
  channel       text not null,
  first_paid_on date not null,
  retained      boolean not null,
  evaluated_on  date not null
);
create index enrollment_retention_campaign_idx on enrollment_retention (campaign_id) where retained;

create function stat_on_retention() returns trigger language plpgsql as $$
begin
  if new.retained then
    insert into stat_funnel as f (campaign_id, org_unit_id, agent_user_id, channel, retained_12m)
    values (new.campaign_id, new.org_unit_id, new.agent_user_id, new.channel, 1)
    on conflict (campaign_id, org_unit_id, agent_user_id, channel) do update set retained_12m = f.retained_12m + 1;
  end if;
  return null;
end
$$;
create trigger stat after insert on enrollment_retention for each row
  when (current_setting('diemtua.bulk_load', true) is distinct from 'demo')
  execute function stat_on_retention();

-- The rebuild of 0004, now with the funnel's last step from the retention markers.
create or replace function stats_rebuild() returns void language plpgsql as $$
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
  insert into stat_funnel (campaign_id, org_unit_id, agent_user_id, channel, contacted, consulted, enrolled, first_paid,
                           retained_12m)
    select campaign_id, org_unit_id, agent, channel, sum(contacted), sum(consulted), sum(enrolled), sum(first_paid),
           sum(retained)
    from (
      select campaign_id, org_unit_id, coalesce(assigned_to, 0) as agent, channel,
             (contacted_at is not null)::int as contacted, (consulted_at is not null)::int as consulted, 0 as enrolled,
             0 as first_paid, 0 as retained
      from lead where campaign_id is not null
      union all
      select campaign_id, org_unit_id, coalesce(agent_user_id, 0), channel, 0, 0, 1, 0, 0
      from vsi_enrollment where campaign_id is not null
      union all
      select campaign_id, org_unit_id, coalesce(agent_user_id, 0), channel, 0, 0, 0, first_payments, 0
      from stat_events where campaign_id <> 0 and product = 'vsi' and first_payments > 0
      union all
      select campaign_id, org_unit_id, agent_user_id, channel, 0, 0, 0, 0, 1
      from enrollment_retention where retained
    ) f group by campaign_id, org_unit_id, agent, channel;
end
$$;
