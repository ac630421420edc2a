-- Registry, enrollment and collection: people keyed on the personal ID, VSI enrollments, household
-- HI, payments with receipts from pre-allocated series, status history, reminders, agents' cash.

create extension if not exists pg_trgm;

-- ───────────── People ─────────────
create table participant (
  id                 bigserial primary key,
  personal_id        text not null unique check (personal_id ~ '^[0-9]{12}$'),
  full_name          text not null,
  name_search        text not null,
  birth_date         date not null,
  sex                text not null check (sex in ('M', 'F')),
  ethnicity          text,
  phone              text,
  commune_code       text not null references commune (code),
  province_code      text not null references province (code),
  categories         text[] not null default '{}',
  category_evidence  jsonb not null default '{}',
  contact_consent    boolean not null default false,
  contact_consent_at timestamptz,
  org_unit_id        int not null references org_unit (id),
  created_by         int references app_user (id),
  created_at         timestamptz not null,
  updated_at         timestamptz not null,
  deceased_on        date,
  is_demo            boolean not null default false
);
create index participant_name_trgm_idx on participant using gin (name_search gin_trgm_ops);
create index participant_phone_idx on participant (phone) where phone is not null;
-- Region-scoped lists walk one of these newest first (see scopeBranches).
create index participant_commune_idx on participant (commune_code, id);
create index participant_province_idx on participant (province_code, id);
create index participant_org_idx on participant (org_unit_id, id);

-- ───────────── Voluntary SI ─────────────
-- Months are stored as the first day of the month; the API speaks 'YYYY-MM'.
create table vsi_enrollment (
  id                    bigserial primary key,
  participant_id        bigint not null unique references participant (id),
  monthly_income        bigint not null check (monthly_income > 0),
  payment_mode          text not null check (payment_mode in ('monthly', 'quarterly', 'semiannual', 'annual')),
  start_month           date not null,
  paid_through          date,
  due_date              date,
  status                text not null check (status in (
                          'awaiting_first_payment', 'active', 'due', 'lapsed', 'reactivated',
                          'retired', 'lump_sum_withdrawn', 'deceased')),
  status_since          date not null,
  supported_months_used int not null default 0 check (supported_months_used >= 0),
  months_paid           int not null default 0 check (months_paid >= 0),
  agent_user_id         int references app_user (id),
  org_unit_id           int not null references org_unit (id),
  channel               text not null check (channel in ('post_office', 'convoy', 'event', 'door_to_door', 'online')),
  campaign_id           bigint,
  event_id              bigint,
  eligibility           jsonb not null,
  created_at            timestamptz not null,
  updated_at            timestamptz not null,
  is_demo               boolean not null default false
);
create index vsi_enrollment_agent_due_idx on vsi_enrollment (agent_user_id, due_date);
create index vsi_enrollment_org_due_idx on vsi_enrollment (org_unit_id, due_date);
create index vsi_enrollment_status_due_idx on vsi_enrollment (status, due_date);

create table status_change (
  id            bigserial primary key,
  enrollment_id bigint not null references vsi_enrollment (id),
  from_status   text,
  to_status     text not null,
  on_date       date not null,
  reason        text not null,
  at            timestamptz not null,
  unique (enrollment_id, on_date, to_status)
);
create index status_change_enrollment_idx on status_change (enrollment_id);

-- ───────────── Household HI ─────────────
create table household (
  id             bigserial primary key,
  head_person_id bigint not null references participant (id),
  commune_code   text not null references commune (code),
  province_code  text not null references province (code),
  address        text,
  payment_months int not null default 12 check (payment_months in (3, 6, 12)),
  paid_through   date,
  due_date       date,
  org_unit_id    int not null references org_unit (id),
  agent_user_id  int references app_user (id),
  created_at     timestamptz not null,
  updated_at     timestamptz not null,
  is_demo        boolean not null default false
);
create index household_org_idx on household (org_unit_id);
create index household_commune_idx on household (commune_code);

-- A member's place in the household sets their discount; changes apply from the next period.
create table household_member (
  id             bigserial primary key,
  household_id   bigint not null references household (id),
  person_id      bigint not null references participant (id),
  position       int not null check (position >= 1),
  other_source   boolean not null default false,
  from_month     date not null,
  to_month       date,
  created_at     timestamptz not null,
  is_demo        boolean not null default false
);
create unique index household_member_active_idx on household_member (person_id) where to_month is null;
create index household_member_household_idx on household_member (household_id);

-- ───────────── Receipts and payments ─────────────
-- Blocks of receipt numbers handed to an agent (or a device of theirs) in advance, so a phone
-- working offline numbers its receipts without asking the server.
create sequence receipt_block_seq;
create table receipt_series (
  id            bigserial primary key,
  agent_user_id int not null references app_user (id),
  device        text,
  first_number  bigint not null,
  last_number   bigint not null,
  next_number   bigint not null,
  allocated_at  timestamptz not null,
  check (first_number <= next_number and next_number <= last_number + 1)
);
create index receipt_series_agent_idx on receipt_series (agent_user_id) where next_number <= last_number;

create table payment (
  id               bigserial primary key,
  product          text not null check (product in ('vsi', 'hhi')),
  participant_id   bigint references participant (id),
  enrollment_id    bigint references vsi_enrollment (id),
  household_id     bigint references household (id),
  mode             text not null,
  months           int not null check (months >= 1),
  covered_from     date,
  covered_to       date,
  amount           bigint not null check (amount >= 0),
  supported_months int not null default 0,
  rule_version     text not null,
  quote            jsonb not null,
  method           text not null check (method in ('cash', 'bank_transfer', 'vietqr')),
  paid_on          date not null,
  agent_user_id    int references app_user (id),
  org_unit_id      int not null references org_unit (id),
  province_code    text not null references province (code),
  commune_code     text not null references commune (code),
  channel          text not null,
  campaign_id      bigint,
  event_id         bigint,
  created_at       timestamptz not null,
  voided_at        timestamptz,
  void_reason      text,
  voided_by        int references app_user (id),
  is_demo          boolean not null default false,
  check ((product = 'vsi' and enrollment_id is not null) or (product = 'hhi' and household_id is not null))
);
create index payment_participant_idx on payment (participant_id);
create index payment_enrollment_idx on payment (enrollment_id);
create index payment_household_idx on payment (household_id);
create index payment_agent_paid_idx on payment (agent_user_id, paid_on);
create index payment_org_paid_idx on payment (org_unit_id, paid_on);

create table receipt (
  id             bigserial primary key,
  number         text not null unique,
  series_id      bigint not null references receipt_series (id),
  payment_id     bigint not null unique references payment (id),
  issued_at      timestamptz not null,
  amount         bigint not null,
  voided_at      timestamptz,
  void_reason    text,
  is_demo        boolean not null default false
);

-- ───────────── Agents' cash ─────────────
-- Signed amounts: collections in, voids and remittances out. The balance is what the agent holds.
create table cash_entry (
  id            bigserial primary key,
  agent_user_id int not null references app_user (id),
  org_unit_id   int not null references org_unit (id),
  kind          text not null check (kind in ('collection', 'void', 'remittance')),
  amount        bigint not null,
  payment_id    bigint references payment (id),
  reference     text,
  note          text,
  recorded_by   int references app_user (id),
  at            timestamptz not null,
  on_date       date not null,
  is_demo       boolean not null default false
);
create index cash_entry_agent_idx on cash_entry (agent_user_id, at);

-- Commission rates per product, dated like the law; demo values are flagged.
create table commission_rate (
  id         serial primary key,
  product    text not null check (product in ('vsi', 'hhi')),
  rate       numeric not null check (rate >= 0 and rate < 1),
  valid_from date not null,
  valid_to   date,
  basis      text not null,
  is_demo    boolean not null default false
);

-- ───────────── Reminders ─────────────
create table reminder (
  id             bigserial primary key,
  participant_id bigint not null references participant (id),
  enrollment_id  bigint references vsi_enrollment (id),
  household_id   bigint references household (id),
  channel        text not null check (channel in ('sms', 'zalo')),
  period_month   date not null,
  due_date       date not null,
  amount         bigint not null,
  body           text not null,
  -- Opens the public page with the amount and a VietQR code; unguessable.
  token          text not null unique,
  status         text not null check (status in ('queued', 'sent', 'failed')),
  created_at     timestamptz not null,
  sent_at        timestamptz,
  error          text
);
-- Nobody is reminded twice for the same period on the same channel.
create unique index reminder_once_idx on reminder (participant_id, coalesce(enrollment_id, -household_id), period_month, channel);

-- ───────────── Idempotency and jobs ─────────────
create table idempotency_key (
  key           text not null,
  user_key      text not null,
  method        text not null,
  route         text not null,
  request_hash  text not null,
  status        int,
  response      jsonb,
  created_at    timestamptz not null,
  primary key (user_key, key)
);

create table job_run (
  job        text not null,
  run_date   date not null,
  started_at timestamptz not null,
  finished_at timestamptz,
  cursor     bigint not null default 0,
  processed  bigint not null default 0,
  changed    bigint not null default 0,
  primary key (job, run_date)
);

-- A bulk load of demo data (demo.bulk.ts, rows flagged is_demo) is audited once as a whole, not
-- row by row: these triggers do not fire while it runs.
create constraint trigger audit after insert or update or delete on participant
  deferrable initially deferred for each row
  when (current_setting('diemtua.bulk_load', true) is distinct from 'demo')
  execute function audit_capture('id', 'org_unit_id');
create constraint trigger audit after insert or update or delete on vsi_enrollment
  deferrable initially deferred for each row
  when (current_setting('diemtua.bulk_load', true) is distinct from 'demo')
  execute function audit_capture('id', 'org_unit_id');
create constraint trigger audit after insert or update or delete on household
  deferrable initially deferred for each row
  when (current_setting('diemtua.bulk_load', true) is distinct from 'demo')
  execute function audit_capture('id', 'org_unit_id');
create constraint trigger audit after insert or update or delete on household_member
  deferrable initially deferred for each row
  when (current_setting('diemtua.bulk_load', true) is distinct from 'demo')
  execute function audit_capture('id');
create constraint trigger audit after insert or update or delete on payment
  deferrable initially deferred for each row
  when (current_setting('diemtua.bulk_load', true) is distinct from 'demo')
  execute function audit_capture('id', 'org_unit_id');
create constraint trigger audit after insert or update or delete on receipt
  deferrable initially deferred for each row
  when (current_setting('diemtua.bulk_load', true) is distinct from 'demo')
  execute function audit_capture('id');
create constraint trigger audit after insert or update or delete on cash_entry
  deferrable initially deferred for each row
  when (current_setting('diemtua.bulk_load', true) is distinct from 'demo')
  execute function audit_capture('id', 'org_unit_id');
create constraint trigger audit after insert or update or delete on commission_rate
  deferrable initially deferred for each row execute function audit_capture('id');
