-- Coverage by month, kept live like the other roll-ups. A change to an enrollment's months of cover
-- (start_month to paid_through) or a household member's (from_month to the household's paid_through,
-- or to_month when they left) moves stat_coverage_month by the difference, in the same transaction.
-- Bulk loads skip every roll-up trigger and rebuild the roll-ups once at the end (stats_rebuild_all).

create function coverage_shift(p_province text, p_from date, p_to date, p_vsi int, p_hhi int) returns void
language plpgsql as $$
begin
  if p_from is null or p_to is null or p_to < p_from then
    return;
  end if;
  insert into stat_coverage_month as s (month, province_code, vsi, hhi)
  select g::date, p_province, p_vsi, p_hhi from generate_series(p_from, p_to, interval '1 month') g
  on conflict (month, province_code) do update set vsi = s.vsi + excluded.vsi, hhi = s.hhi + excluded.hhi;
end
$$;

-- From one interval of cover to another. The usual change (a payment) keeps the start and moves
-- the end: only the months in between are touched.
create function coverage_move(p_province text, p_old_from date, p_old_to date, p_new_from date, p_new_to date,
                              p_vsi int, p_hhi int) returns void
language plpgsql as $$
begin
  if p_old_from is not distinct from p_new_from and p_old_to >= p_old_from and p_new_to >= p_new_from then
    if p_new_to > p_old_to then
      perform coverage_shift(p_province, (p_old_to + interval '1 month')::date, p_new_to, p_vsi, p_hhi);
    elsif p_new_to < p_old_to then
      perform coverage_shift(p_province, (p_new_to + interval '1 month')::date, p_old_to, -p_vsi, -p_hhi);
    end if;
    return;
  end if;
  perform coverage_shift(p_province, p_old_from, p_old_to, -p_vsi, -p_hhi);
  perform coverage_shift(p_province, p_new_from, p_new_to, p_vsi, p_hhi);
end
$$;

create function coverage_on_enrollment() returns trigger language plpgsql as $$
declare
  v_province text;
begin
  select province_code into v_province from participant where id = new.participant_id;
  if tg_op = 'INSERT' then
    perform coverage_move(v_province, null, null, new.start_month, new.paid_through, 1, 0);
  else
    perform coverage_move(v_province, old.start_month, old.paid_through, new.start_month, new.paid_through, 1, 0);
  end if;
  return null;
end
$$;

-- A member is covered to the month the household's card runs to, or to the month they left.
create function member_cover_end(p_paid_through date, p_to_month date) returns date
language sql immutable as $$
  select case when p_paid_through is null then null else least(p_paid_through, coalesce(p_to_month, p_paid_through)) end
$$;

create function coverage_on_member() returns trigger language plpgsql as $$
declare
  h household;
begin
  select * into h from household where id = new.household_id;
  if tg_op = 'INSERT' then
    perform coverage_move(h.province_code, null, null, new.from_month, member_cover_end(h.paid_through, new.to_month), 0, 1);
  else
    perform coverage_move(h.province_code, old.from_month, member_cover_end(h.paid_through, old.to_month),
                          new.from_month, member_cover_end(h.paid_through, new.to_month), 0, 1);
  end if;
  return null;
end
$$;

create function coverage_on_household() returns trigger language plpgsql as $$
declare
  m record;
begin
  if old.paid_through is not distinct from new.paid_through then
    return null;
  end if;
  for m in select from_month, to_month from household_member where household_id = new.id loop
    perform coverage_move(new.province_code, m.from_month, member_cover_end(old.paid_through, m.to_month),
                          m.from_month, member_cover_end(new.paid_through, m.to_month), 0, 1);
  end loop;
  return null;
end
$$;

create trigger coverage after insert or update of start_month, paid_through on vsi_enrollment for each row
  when (current_setting('diemtua.bulk_load', true) is distinct from 'demo')
  execute function coverage_on_enrollment();
create trigger coverage after insert or update of from_month, to_month on household_member for each row
  when (current_setting('diemtua.bulk_load', true) is distinct from 'demo')
  execute function coverage_on_member();
create trigger coverage after update of paid_through on household for each row
  when (current_setting('diemtua.bulk_load', true) is distinct from 'demo')
  execute function coverage_on_household();

-- The counters' triggers also stand aside during a bulk load, which rebuilds them at its end.
drop trigger stat on vsi_enrollment;
drop trigger stat on household_member;
drop trigger stat on payment;
drop trigger stat on lead;
create trigger stat after insert on vsi_enrollment for each row
  when (current_setting('diemtua.bulk_load', true) is distinct from 'demo')
  execute function stat_on_enrollment();
create trigger stat after insert on household_member for each row
  when (current_setting('diemtua.bulk_load', true) is distinct from 'demo')
  execute function stat_on_member();
create trigger stat after insert or update of voided_at on payment for each row
  when (current_setting('diemtua.bulk_load', true) is distinct from 'demo')
  execute function stat_on_payment();
create trigger stat after insert or update of contacted_at, consulted_at on lead for each row
  when (current_setting('diemtua.bulk_load', true) is distinct from 'demo')
  execute function stat_on_lead();

-- Every roll-up from the base tables: after a bulk load, or to repair.
create function stats_rebuild_all() returns void language plpgsql as $$
declare
  v_from date;
  v_to date;
begin
  perform stats_rebuild();
  select least((select min(start_month) from vsi_enrollment), (select min(from_month) from household_member)),
         greatest((select max(paid_through) from vsi_enrollment), (select max(paid_through) from household))
    into v_from, v_to;
  delete from stat_coverage_month;
  if v_from is not null and v_to is not null then
    perform stats_coverage_rebuild(v_from, v_to);
  end if;
end
$$;
