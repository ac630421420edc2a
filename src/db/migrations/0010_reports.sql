-- Report exports: a report written to a file in the background, chunk by chunk, with its progress.
-- The file is written under a temporary name and renamed when complete, so a row marked done always
-- points at a whole file.
create table report_export (
  id            bigserial primary key,
  requested_by  int not null references app_user (id) on delete cascade,
  kind          text not null check (kind in ('progress', 'funnel', 'kpis', 'coverage', 'lapsed')),
  format        text not null check (format in ('csv', 'xlsx', 'pdf')),
  -- The report's parameters as asked (campaign, product, period, scope unit, grouping).
  params        jsonb not null,
  -- Language of the file's headings, the caller's at the time of asking.
  lang          text not null default 'vi' check (lang in ('vi', 'en')),
  status        text not null default 'queued'
                  check (status in ('queued', 'running', 'done', 'failed', 'cancelled')),
  rows_done     bigint not null default 0,
  -- Counted before the first row is written; null until then.
  rows_total    bigint,
  -- The file's name under DATA_DIR/exports, and the name it is downloaded as.
  file_path     text,
  file_name     text,
  bytes         bigint,
  error_code    text,
  error         text,
  created_at    timestamptz not null,
  started_at    timestamptz,
  finished_at   timestamptz,
  -- Named when the export starts (its partial file is that name + '.part'); whole once done.
  check (status <> 'done' or file_path is not null)
);
create index report_export_requester_idx on report_export (requested_by, id desc);
create index report_export_unfinished_idx on report_export (id) where status in ('queued', 'running');

-- Who exported what, and when it ended, is audited; the progress counter moving every few thousand
-- rows is not a change anyone made.
create constraint trigger audit after insert or delete or update of status on report_export
  deferrable initially deferred for each row execute function audit_capture('id');
