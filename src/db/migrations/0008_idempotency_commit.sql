-- An Idempotency-Key is claimed before its request runs and answered after; in between, the write's
-- own transaction now marks the claim as committed. A retry that finds a claim with no stored answer
-- can then tell "died before writing" (safe to run again) from "wrote, then died before answering"
-- (never run again: that is how a payment would be taken twice).
alter table idempotency_key add column request_id text, add column committed_at timestamptz;
create index idempotency_key_request_idx on idempotency_key (request_id) where request_id is not null;
