-- Using an API token records when it was last used. That bookkeeping is not a change anyone made:
-- auditing it wrote a row with no user on every integration call, each taking the log's one lock.
-- The audit log keeps what people do to tokens: create, rename, expire, revoke, delete.
drop trigger audit on api_token;
create constraint trigger audit after insert or delete or update of user_id, name, token_hash, prefix, expires_at, revoked_at
  on api_token deferrable initially deferred for each row execute function audit_capture('id');
