-- Foundation: the map of Vietnam, organisations, users and sessions, the audit log, denominators.

-- ───────────── Administrative units ─────────────
-- Today's map (since 2025-07-01): 34 provinces and 3,321 communes, keyed by their official codes.
create table province (
  code         text primary key,
  name         text not null,
  short_name   text not null,
  abbreviation text not null,
  kind         text not null,
  name_search  text not null,
  valid_from   date not null default '2025-07-01',
  valid_to     date
);

create table commune (
  code          text primary key,
  province_code text not null references province (code),
  name          text not null,
  kind          text not null check (kind in ('phuong', 'xa', 'dac_khu')),
  name_search   text not null,
  valid_from    date not null default '2025-07-01',
  valid_to      date
);
create index commune_province_idx on commune (province_code);
create index commune_name_search_idx on commune (name_search text_pattern_ops);

-- Units in force before 2025-07-01, as the address package carries them. Their official codes were
-- reused by the new map, so they live apart. province_code is the province of today they roll up into.
create table legacy_unit (
  id            serial primary key,
  level         text not null check (level in ('province', 'district', 'commune')),
  code          text not null,
  name          text not null,
  name_search   text not null,
  parent_id     int references legacy_unit (id),
  province_code text not null references province (code),
  valid_to      date not null default '2025-06-30',
  unique (level, code)
);
create index legacy_unit_parent_idx on legacy_unit (parent_id);

-- Old commune → new commune. An old commune split between new communes has several rows.
create table legacy_lineage (
  legacy_unit_id int not null references legacy_unit (id) on delete cascade,
  commune_code   text not null references commune (code),
  primary key (legacy_unit_id, commune_code)
);
create index legacy_lineage_commune_idx on legacy_lineage (commune_code);

-- ───────────── Organisation units ─────────────
-- Three hierarchies: VSS, Vietnam Post, and other collection agents. `path` is the chain of ids
-- ('/1/7/42/') so a subtree is one indexed prefix match.
create table org_unit (
  id            serial primary key,
  code          text not null unique,
  name          text not null,
  name_search   text not null,
  network       text not null check (network in ('vss', 'vnpost', 'agent')),
  kind          text not null check (kind in (
                  'vss_central', 'vss_province', 'vss_grassroots',
                  'post_central', 'post_province', 'post_office', 'post_point',
                  'commune_committee', 'womens_union', 'farmers_association', 'cooperative')),
  parent_id     int references org_unit (id),
  path          text not null,
  province_code text references province (code),
  address       text,
  phone         text,
  is_demo       boolean not null default false,
  created_at    timestamptz not null default now(),
  closed_at     timestamptz
);
create index org_unit_path_idx on org_unit (path text_pattern_ops);
create index org_unit_parent_idx on org_unit (parent_id);
create index org_unit_province_idx on org_unit (province_code);

-- The communes a unit serves.
create table org_unit_commune (
  org_unit_id  int not null references org_unit (id) on delete cascade,
  commune_code text not null references commune (code),
  primary key (org_unit_id, commune_code)
);
create index org_unit_commune_commune_idx on org_unit_commune (commune_code);

-- ───────────── Users, sessions, tokens ─────────────
create table app_user (
  id              serial primary key,
  username        text not null,
  full_name       text not null,
  name_search     text not null,
  role            text not null check (role in (
                    'system_admin', 'central_officer', 'provincial_officer', 'grassroots_officer',
                    'post_office_manager', 'collection_agent', 'viewer')),
  org_unit_id     int not null references org_unit (id),
  password_hash   text not null,
  phone           text,
  failed_logins   int not null default 0,
  locked_until    timestamptz,
  disabled_at     timestamptz,
  last_login_at   timestamptz,
  is_demo         boolean not null default false,
  created_at      timestamptz not null default now()
);
create unique index app_user_username_idx on app_user (lower(username));
create index app_user_org_unit_idx on app_user (org_unit_id);

-- The cookie carries a random token; only its SHA-256 is stored.
create table user_session (
  id           text primary key,
  user_id      int not null references app_user (id) on delete cascade,
  csrf_token   text not null,
  created_at   timestamptz not null,
  expires_at   timestamptz not null,
  last_seen_at timestamptz not null,
  ip           text
);
create index user_session_user_idx on user_session (user_id);

create table api_token (
  id           serial primary key,
  user_id      int not null references app_user (id) on delete cascade,
  name         text not null,
  token_hash   text not null unique,
  prefix       text not null,
  created_at   timestamptz not null,
  expires_at   timestamptz,
  last_used_at timestamptz,
  revoked_at   timestamptz
);

-- ───────────── Denominators ─────────────
-- Working-age labour force and compulsory-SI participants per province and date, for coverage rates.
create table denominator (
  province_code           text not null references province (code),
  as_of                   date not null,
  labour_force            bigint not null check (labour_force > 0),
  compulsory_participants bigint not null check (compulsory_participants >= 0),
  source                  text not null,
  is_demo                 boolean not null default false,
  primary key (province_code, as_of)
);

create table system_setting (
  key   text primary key,
  value jsonb not null
);

-- ───────────── Audit log ─────────────
-- Append-only. Rows are written by the trigger below, in the same transaction as the change, from
-- context the app sets with set_config (see src/db/transaction.ts). Each row hashes the previous one.
create table audit_log (
  id                  bigserial primary key,
  at                  timestamptz not null,
  actor_user_id       int,
  actor_username      text,
  actor_org_unit_id   int,
  ip                  text,
  request_id          text,
  action              text not null check (action in ('insert', 'update', 'delete')),
  entity              text not null,
  entity_id           text not null,
  org_unit_id         int,
  changes             jsonb not null,
  prev_hash           text not null,
  hash                text not null
);
create index audit_log_entity_idx on audit_log (entity, entity_id);
create index audit_log_actor_idx on audit_log (actor_user_id);
create index audit_log_unit_idx on audit_log (org_unit_id);
create index audit_log_at_idx on audit_log (at);

-- The text a row's hash covers. verify recomputes it with the same function.
create function audit_digest(prev text, id bigint, at timestamptz, actor int, action text, entity text,
                             entity_id text, changes jsonb) returns text
language sql immutable as $$
  select encode(sha256(convert_to(
    concat_ws('|', prev, id::text, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
              coalesce(actor::text, ''), action, entity, entity_id, changes::text),
    'UTF8')), 'hex')
$$;

create function audit_capture() returns trigger
language plpgsql as $$
declare
  key_cols   text[] := string_to_array(coalesce(tg_argv[0], 'id'), ',');
  unit_col   text := tg_argv[1];
  secret     text[] := array['password_hash', 'token_hash', 'csrf_token'];
  old_row    jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
  new_row    jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
  subject    jsonb := coalesce(new_row, old_row);
  changed    jsonb := '{}'::jsonb;
  k          text;
  v_prev     text;
  v_id       bigint;
  v_at       timestamptz := coalesce(nullif(current_setting('diemtua.at', true), '')::timestamptz, now());
  v_actor    int := nullif(current_setting('diemtua.actor_id', true), '')::int;
  v_entity_id text;
begin
  for k in select jsonb_object_keys(coalesce(new_row, '{}'::jsonb) || coalesce(old_row, '{}'::jsonb)) loop
    if tg_op = 'UPDATE' and (old_row -> k) is not distinct from (new_row -> k) then
      continue;
    end if;
    changed := changed || jsonb_build_object(k, jsonb_build_object(
      'before', case when k = any(secret) and old_row ? k then '"(ẩn)"'::jsonb else old_row -> k end,
      'after',  case when k = any(secret) and new_row ? k then '"(ẩn)"'::jsonb else new_row -> k end));
  end loop;
  if changed = '{}'::jsonb then
    return null;
  end if;

  select string_agg(subject ->> c, ':') into v_entity_id from unnest(key_cols) as c;

  -- Serialise appends so every row sees its predecessor; held only until this commit.
  perform pg_advisory_xact_lock(7277001);
  select hash into v_prev from audit_log order by id desc limit 1;
  v_prev := coalesce(v_prev, 'genesis');
  v_id := nextval(pg_get_serial_sequence('audit_log', 'id'));

  insert into audit_log (id, at, actor_user_id, actor_username, actor_org_unit_id, ip, request_id,
                         action, entity, entity_id, org_unit_id, changes, prev_hash, hash)
  values (v_id, v_at, v_actor,
          nullif(current_setting('diemtua.actor_username', true), ''),
          nullif(current_setting('diemtua.actor_org_unit_id', true), '')::int,
          nullif(current_setting('diemtua.ip', true), ''),
          nullif(current_setting('diemtua.request_id', true), ''),
          lower(tg_op), tg_table_name, v_entity_id,
          case when unit_col is not null then (subject ->> unit_col)::int end,
          changed, v_prev,
          audit_digest(v_prev, v_id, v_at, v_actor, lower(tg_op), tg_table_name, v_entity_id, changed));
  return null;
end
$$;

create function audit_forbid_change() returns trigger
language plpgsql as $$
begin
  raise exception 'audit_log is append-only' using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_forbid_change();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_forbid_change();

-- Deferred so the chain lock is taken at commit time, not held for the whole transaction.
create constraint trigger audit after insert or update or delete on org_unit
  deferrable initially deferred for each row execute function audit_capture('id', 'id');
create constraint trigger audit after insert or update or delete on app_user
  deferrable initially deferred for each row execute function audit_capture('id', 'org_unit_id');
create constraint trigger audit after insert or update or delete on api_token
  deferrable initially deferred for each row execute function audit_capture('id');
create constraint trigger audit after insert or update or delete on denominator
  deferrable initially deferred for each row execute function audit_capture('province_code,as_of');
create constraint trigger audit after insert or update or delete on system_setting
  deferrable initially deferred for each row execute function audit_capture('key');
create constraint trigger audit after insert or update or delete on org_unit_commune
  deferrable initially deferred for each row execute function audit_capture('org_unit_id,commune_code', 'org_unit_id');
