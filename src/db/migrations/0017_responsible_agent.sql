-- The collection agent responsible for a person's renewals, whose worklist they are on: the one a
-- manager named, else whoever enrolled them (agent_user_id). agent_user_id stays who enrolled: the
-- roll-ups, the funnel and the leaderboards credit the enrollment to them, and rebuilding those
-- from the base tables must give what the triggers gave.
alter table vsi_enrollment add column collector_user_id int references app_user (id);
alter table household add column collector_user_id int references app_user (id);

-- The worklist looks people up by their responsible agent and deadline.
drop index vsi_enrollment_agent_due_idx;
create index vsi_enrollment_collector_due_idx
  on vsi_enrollment ((coalesce(collector_user_id, agent_user_id)), due_date);
create index household_collector_due_idx
  on household ((coalesce(collector_user_id, agent_user_id)), due_date);
