-- A household is registered through a channel (post office, convoy, event, door to door, online)
-- and may be attributed to an event, like a VSI enrollment: its members count on the roll-ups under
-- that channel instead of always "door to door".
alter table household
  add column channel text not null default 'door_to_door'
    check (channel in ('post_office', 'convoy', 'event', 'door_to_door', 'online')),
  add column event_id bigint references activity (id);

create or replace function stat_on_member() returns trigger language plpgsql as $$
declare
  h record;
begin
  select * into h from household where id = new.household_id;
  perform stat_bump(vn_day(new.created_at), coalesce(h.campaign_id, 0), 'hhi', h.channel, h.province_code,
                    h.commune_code, h.org_unit_id, h.agent_user_id, 1, 0, 0, 0);
  return null;
end
$$;

-- The rebuild of 0011, with the household's channel.
create or replace function stats_rebuild() returns void language plpgsql as $$
begin
  truncate stat_commune_day, stat_province_day, stat_unit, stat_agent, stat_funnel;
  create temp table stat_events on commit drop as
    select vn_day(e.created_at) as day, coalesce(e.campaign_id, 0) as campaign_id, 'vsi'::text as product, e.channel,
           p.province_code, p.commune_code, e.org_unit_id, e.agent_user_id, 1 as enrollments, 0 as first_payments,
           0 as payments, 0::bigint as amount
    from vsi_enrollment e join participant p on p.id = e.participant_id
    union all
    select vn_day(m.created_at), coalesce(h.campaign_id, 0), 'hhi', h.channel, h.province_code, h.commune_code,
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
