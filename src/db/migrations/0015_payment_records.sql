-- The fund's monthly investment rate a collector entered by hand, for a year the rule book records
-- none (RULES.md: only 2017 is known). Null when the payment used a recorded rate or none at all.
alter table payment add column fund_rate_entered numeric check (fund_rate_entered > 0 and fund_rate_entered <= 0.05);

-- Payments and receipts are evidence of money taken: never deleted, only voided (which keeps the row
-- and reverses its effects). Nothing in the application deletes them; this keeps a hand-written
-- DELETE from doing it either. TRUNCATE fires no row trigger: a whole test or benchmark database can
-- still be emptied.
create function payment_forbid_delete() returns trigger
language plpgsql as $$
begin
  raise exception 'Biên lai và khoản thu không bao giờ bị xóa; hãy hủy biên lai (% %)', tg_table_name, old.id
    using errcode = 'restrict_violation',
          hint = 'Receipts and payments are never deleted; void the receipt instead.';
end
$$;

create trigger payment_no_delete before delete on payment
  for each row execute function payment_forbid_delete();
create trigger receipt_no_delete before delete on receipt
  for each row execute function payment_forbid_delete();
