-- Issue 7: dashboard sessions. The cookie carries a random secret; only its SHA-256 is stored. A session belongs to
-- the admin token that logged in, so revoking the token ends its sessions on the next request.
CREATE TABLE dashboard_sessions (
    id_hash text NOT NULL PRIMARY KEY,
    token_id text NOT NULL REFERENCES admin_tokens (id),
    csrf text NOT NULL,
    created_at bigint NOT NULL,
    expires_at bigint NOT NULL
);
CREATE INDEX ix_dashboard_sessions_expires ON dashboard_sessions (expires_at);
