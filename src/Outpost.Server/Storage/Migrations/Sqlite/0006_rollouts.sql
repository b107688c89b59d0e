-- Same tables as Postgres/0006_rollouts.sql. Issue 5: rollouts, their target devices (one active rollout per device) and the audit log of decisions.
CREATE TABLE rollouts (
    id TEXT NOT NULL PRIMARY KEY,
    release TEXT NOT NULL,
    spec_json TEXT NOT NULL,
    state TEXT NOT NULL,
    phase INTEGER NOT NULL,
    phase_started_at BIGINT NULL,
    bake_started_at BIGINT NULL,
    halted_at BIGINT NULL,
    paused_from TEXT NULL,
    reason TEXT NULL,
    gates_json TEXT NULL,
    target_count INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL,
    active INTEGER NOT NULL
);
CREATE INDEX ix_rollouts_active ON rollouts (active, created_at);

CREATE TABLE rollout_devices (
    rollout_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    site TEXT NOT NULL,
    phase INTEGER NULL,
    state TEXT NOT NULL,
    previous_release TEXT NULL,
    assigned_at BIGINT NULL,
    finished_at BIGINT NULL,
    cause TEXT NULL,
    active INTEGER NOT NULL,
    PRIMARY KEY (rollout_id, device_id)
);
-- The database itself refuses a second active rollout for a device, whatever races the API loses.
CREATE UNIQUE INDEX ux_rollout_devices_active ON rollout_devices (device_id) WHERE active = 1;

CREATE TABLE rollout_decisions (
    rollout_id TEXT NOT NULL,
    sequence BIGINT NOT NULL,
    at BIGINT NOT NULL,
    action TEXT NOT NULL,
    reason TEXT NOT NULL,
    by_token TEXT NULL,
    evidence_json TEXT NULL,
    PRIMARY KEY (rollout_id, sequence)
);
