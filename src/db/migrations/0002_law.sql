-- The law as dated data (docs/adr/0003): parameters and local top-ups, edited by administrators
-- from a date on, never rewriting what was in force. Every change is audited and summarised.

create table law_parameter (
  id          serial primary key,
  key         text not null,
  scope       text,
  value       numeric not null,
  valid_from  date not null,
  valid_to    date,
  basis       text not null,
  confidence  text not null check (confidence in ('H', 'M', 'L')),
  created_at  timestamptz not null default now(),
  created_by  text,
  check (valid_to is null or valid_to >= valid_from)
);
create unique index law_parameter_series_idx on law_parameter (key, coalesce(scope, ''), valid_from);

create table law_topup (
  id            serial primary key,
  province_code text not null,
  category      text not null,
  value         numeric not null,
  valid_from    date not null,
  valid_to      date,
  basis         text not null,
  confidence    text not null check (confidence in ('H', 'M', 'L')),
  created_at    timestamptz not null default now(),
  created_by    text,
  check (valid_to is null or valid_to >= valid_from)
);
create unique index law_topup_series_idx on law_topup (province_code, category, valid_from);

-- One line per administrator change, in words, for the history screen; the audit log has the rows.
create table law_change (
  id        serial primary key,
  at        timestamptz not null,
  user_id   int,
  username  text not null,
  kind      text not null check (kind in ('parameter', 'topup', 'seed')),
  change    jsonb not null,
  summary   text not null
);

-- Every rule version the app has computed with, by id, so a priced payment can always be explained.
create table law_rule_set (
  id            text primary key,
  valid_from    date not null,
  valid_to      date,
  content       jsonb not null,
  first_seen_at timestamptz not null
);

create constraint trigger audit after insert or update or delete on law_parameter
  deferrable initially deferred for each row execute function audit_capture('id');
create constraint trigger audit after insert or update or delete on law_topup
  deferrable initially deferred for each row execute function audit_capture('id');
