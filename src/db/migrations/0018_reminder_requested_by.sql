-- "Nhắc đóng ngay": an agent or a manager can send one person their payment reminder by hand. The
-- reminder keeps who asked for it (null: the daily job), so the outbox shows it and nobody can send
-- people messages unseen. Still one reminder per person and period (reminder_once_per_period_idx).
alter table reminder add column requested_by_user_id int references app_user (id);
