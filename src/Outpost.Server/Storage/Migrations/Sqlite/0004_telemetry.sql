-- Issue 6: telemetry ingest. Same tables as Postgres/0004_telemetry.sql; times are unix milliseconds.
-- Per (device, channel): the highest stored sequence (dedup boundary), the device's cumulative drops, counters.
CREATE TABLE telemetry_streams (
    device_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    stored_through BIGINT NOT NULL,
    dropped_records BIGINT NOT NULL,
    dropped_bytes BIGINT NOT NULL,
    records_stored BIGINT NOT NULL,
    duplicates BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    -- When dropped_records last went up: the outbox-dropping alert fires on recent increases.
    drops_increased_at BIGINT NULL,
    PRIMARY KEY (device_id, channel)
);

-- Events and logs (bounded per device by count and age).
CREATE TABLE telemetry_entries (
    device_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    sequence BIGINT NOT NULL,
    at BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    name TEXT NOT NULL,
    level TEXT NULL,
    message TEXT NULL,
    attributes_json TEXT NULL,
    PRIMARY KEY (device_id, channel, sequence)
);
CREATE INDEX ix_telemetry_entries_received ON telemetry_entries (channel, received_at);

-- Metric windows: resolution 0 = as uploaded, 300 / 3600 = rollups (seconds). attributes_json is canonical ('{}' for none).
CREATE TABLE metric_windows (
    device_id TEXT NOT NULL,
    name TEXT NOT NULL,
    attributes_json TEXT NOT NULL,
    resolution BIGINT NOT NULL,
    window_end BIGINT NOT NULL,
    count BIGINT NOT NULL,
    min_value REAL NOT NULL,
    max_value REAL NOT NULL,
    mean_value REAL NOT NULL,
    p95_value REAL NULL
);
CREATE INDEX ix_metric_windows_series ON metric_windows (device_id, name, window_end);
CREATE INDEX ix_metric_windows_name ON metric_windows (name, window_end);
CREATE INDEX ix_metric_windows_age ON metric_windows (resolution, window_end);

-- The newest window per (device, metric, attributes): fast reads for the admin API and Prometheus.
CREATE TABLE metric_latest (
    device_id TEXT NOT NULL,
    name TEXT NOT NULL,
    attributes_json TEXT NOT NULL,
    window_end BIGINT NOT NULL,
    count BIGINT NOT NULL,
    min_value REAL NOT NULL,
    max_value REAL NOT NULL,
    mean_value REAL NOT NULL,
    p95_value REAL NULL,
    PRIMARY KEY (device_id, name, attributes_json)
);
