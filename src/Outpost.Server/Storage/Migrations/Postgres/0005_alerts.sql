-- Issue 6: alert episodes, one row per (rule, subject) episode; times are unix milliseconds, labels JSON text (same as Sqlite/0005_alerts.sql).
CREATE TABLE alerts (
    id text NOT NULL PRIMARY KEY,
    fingerprint text NOT NULL,
    rule text NOT NULL,
    device_id text NULL,
    severity text NOT NULL,
    labels_json text NOT NULL,
    state text NOT NULL,
    started_at bigint NOT NULL,
    resolved_at bigint NULL,
    last_evaluated_at bigint NOT NULL,
    summary text NOT NULL,
    description text NULL,
    runbook_url text NOT NULL
);
-- At most one firing episode per fingerprint, even with several servers evaluating at once.
CREATE UNIQUE INDEX ux_alerts_firing ON alerts (fingerprint) WHERE state = 'firing';
CREATE INDEX ix_alerts_state_started ON alerts (state, started_at);
CREATE INDEX ix_alerts_device_started ON alerts (device_id, started_at);
