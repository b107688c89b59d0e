-- Same tables as Sqlite/0001_initial.sql: times are unix milliseconds (bigint), JSON is text.
CREATE TABLE devices (
    id text NOT NULL PRIMARY KEY,
    hostname text NULL,
    site text NOT NULL,
    tags_json text NOT NULL,
    enrolled_at bigint NOT NULL,
    enrollment_token_id text NULL,
    certificate_serial text NOT NULL,
    previous_certificate_serial text NULL,
    certificate_not_after bigint NOT NULL,
    revoked_at bigint NULL,
    last_seen_at bigint NULL,
    agent_version text NULL,
    device_class text NULL,
    system_json text NULL
);
CREATE INDEX ix_devices_site ON devices (site);
CREATE INDEX ix_devices_enrolled_at ON devices (enrolled_at, id);

CREATE TABLE enrollment_tokens (
    id text NOT NULL PRIMARY KEY,
    token_hash text NOT NULL UNIQUE,
    site text NOT NULL,
    tags_json text NOT NULL,
    max_uses bigint NOT NULL,
    uses bigint NOT NULL,
    created_at bigint NOT NULL,
    expires_at bigint NOT NULL,
    revoked_at bigint NULL
);

CREATE TABLE admin_tokens (
    id text NOT NULL PRIMARY KEY,
    token_hash text NOT NULL UNIQUE,
    name text NOT NULL,
    role text NOT NULL,
    created_at bigint NOT NULL,
    revoked_at bigint NULL
);
