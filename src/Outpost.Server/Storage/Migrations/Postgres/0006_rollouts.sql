-- Issue 5: rollouts, their target devices (one active rollout per device) and the audit log of decisions.
CREATE TABLE rollouts (
    id text NOT NULL PRIMARY KEY,
    release text NOT NULL,
    spec_json text NOT NULL,
    state text NOT NULL,
    phase integer NOT NULL,
    phase_started_at bigint NULL,
    bake_started_at bigint NULL,
    halted_at bigint NULL,
    paused_from text NULL,
    reason text NULL,
    gates_json text NULL,
    target_count integer NOT NULL,
    created_at bigint NOT NULL,
    created_by text NOT NULL,
    updated_at bigint NOT NULL,
    version bigint NOT NULL,
    active integer NOT NULL
);
CREATE INDEX ix_rollouts_active ON rollouts (active, created_at);

CREATE TABLE rollout_devices (
    rollout_id text NOT NULL,
    device_id text NOT NULL,
    site text NOT NULL,
    phase integer NULL,
    state text NOT NULL,
    previous_release text NULL,
    assigned_at bigint NULL,
    finished_at bigint NULL,
    cause text NULL,
    active integer NOT NULL,
    PRIMARY KEY (rollout_id, device_id)
);
-- The database itself refuses a second active rollout for a device, whatever races the API loses.
CREATE UNIQUE INDEX ux_rollout_devices_active ON rollout_devices (device_id) WHERE active = 1;

CREATE TABLE rollout_decisions (
    rollout_id text NOT NULL,
    sequence bigint NOT NULL,
    at bigint NOT NULL,
    action text NOT NULL,
    reason text NOT NULL,
    by_token text NULL,
    evidence_json text NULL,
    PRIMARY KEY (rollout_id, sequence)
);
