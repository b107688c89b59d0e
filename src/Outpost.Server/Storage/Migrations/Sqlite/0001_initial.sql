-- Same tables as Postgres/0001_initial.sql: times are unix milliseconds (BIGINT), JSON is TEXT.
CREATE TABLE devices (
    id TEXT NOT NULL PRIMARY KEY,
    hostname TEXT NULL,
    site TEXT NOT NULL,
    tags_json TEXT NOT NULL,
    enrolled_at BIGINT NOT NULL,
    enrollment_token_id TEXT NULL,
    certificate_serial TEXT NOT NULL,
    previous_certificate_serial TEXT NULL,
    certificate_not_after BIGINT NOT NULL,
    revoked_at BIGINT NULL,
    last_seen_at BIGINT NULL,
    agent_version TEXT NULL,
    device_class TEXT NULL,
    system_json TEXT NULL
);
CREATE INDEX ix_devices_site ON devices (site);
CREATE INDEX ix_devices_enrolled_at ON devices (enrolled_at, id);

CREATE TABLE enrollment_tokens (
    id TEXT NOT NULL PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    site TEXT NOT NULL,
    tags_json TEXT NOT NULL,
    max_uses BIGINT NOT NULL,
    uses BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT NULL
);

CREATE TABLE admin_tokens (
    id TEXT NOT NULL PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT NULL
);
