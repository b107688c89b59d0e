-- Issue 6: alert episodes, one row per (rule, subject) episode; times are unix milliseconds, labels JSON text.
CREATE TABLE alerts (
    id TEXT NOT NULL PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    rule TEXT NOT NULL,
    device_id TEXT NULL,
    severity TEXT NOT NULL,
    labels_json TEXT NOT NULL,
    state TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    resolved_at BIGINT NULL,
    last_evaluated_at BIGINT NOT NULL,
    summary TEXT NOT NULL,
    description TEXT NULL,
    runbook_url TEXT NOT NULL
);
-- At most one firing episode per fingerprint, even with several servers evaluating at once.
CREATE UNIQUE INDEX ux_alerts_firing ON alerts (fingerprint) WHERE state = 'firing';
CREATE INDEX ix_alerts_state_started ON alerts (state, started_at);
CREATE INDEX ix_alerts_device_started ON alerts (device_id, started_at);
