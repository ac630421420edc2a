-- Reminders: one per person and period, whatever the channel (an SMS and a Zalo message for the
-- same period were two reminders); a send claimed by one worker at a time; a failure retried a few
-- times, then kept as failed.
alter table reminder add column attempts int not null default 0,
  add column claimed_at timestamptz;
alter table reminder drop constraint reminder_status_check;
alter table reminder add constraint reminder_status_check check (status in ('queued', 'sending', 'sent', 'failed'));

-- Periods already reminded on both channels keep both rows (history is never rewritten); the rule
-- holds for every reminder from here on.
do $$
declare
  last_id bigint := coalesce((select max(id) from reminder), 0);
begin
  execute format(
    'create unique index reminder_once_per_period_idx on reminder (participant_id, coalesce(enrollment_id, -household_id), period_month) where id > %s',
    last_id);
end $$;

create index reminder_queue_idx on reminder (status, id) where status in ('queued', 'sending');
