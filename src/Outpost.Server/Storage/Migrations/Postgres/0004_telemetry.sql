-- Issue 6: telemetry ingest. Same tables as Sqlite/0004_telemetry.sql; times are unix milliseconds.
-- Per (device, channel): the highest stored sequence (dedup boundary), the device's cumulative drops, counters.
CREATE TABLE telemetry_streams (
    device_id text NOT NULL,
    channel text NOT NULL,
    stored_through bigint NOT NULL,
    dropped_records bigint NOT NULL,
    dropped_bytes bigint NOT NULL,
    records_stored bigint NOT NULL,
    duplicates bigint NOT NULL,
    updated_at bigint NOT NULL,
    -- When dropped_records last went up: the outbox-dropping alert fires on recent increases.
    drops_increased_at bigint NULL,
    PRIMARY KEY (device_id, channel)
);

-- Events and logs (bounded per device by count and age).
CREATE TABLE telemetry_entries (
    device_id text NOT NULL,
    channel text NOT NULL,
    sequence bigint NOT NULL,
    at bigint NOT NULL,
    received_at bigint NOT NULL,
    name text NOT NULL,
    level text NULL,
    message text NULL,
    attributes_json text NULL,
    PRIMARY KEY (device_id, channel, sequence)
);
CREATE INDEX ix_telemetry_entries_received ON telemetry_entries (channel, received_at);

-- Metric windows: resolution 0 = as uploaded, 300 / 3600 = rollups (seconds). attributes_json is canonical ('{}' for none).
CREATE TABLE metric_windows (
    device_id text NOT NULL,
    name text NOT NULL,
    attributes_json text NOT NULL,
    resolution bigint NOT NULL,
    window_end bigint NOT NULL,
    count bigint NOT NULL,
    min_value double precision NOT NULL,
    max_value double precision NOT NULL,
    mean_value double precision NOT NULL,
    p95_value double precision NULL
);
CREATE INDEX ix_metric_windows_series ON metric_windows (device_id, name, window_end);
CREATE INDEX ix_metric_windows_name ON metric_windows (name, window_end);
CREATE INDEX ix_metric_windows_age ON metric_windows (resolution, window_end);

-- The newest window per (device, metric, attributes): fast reads for the admin API and Prometheus.
CREATE TABLE metric_latest (
    device_id text NOT NULL,
    name text NOT NULL,
    attributes_json text NOT NULL,
    window_end bigint NOT NULL,
    count bigint NOT NULL,
    min_value double precision NOT NULL,
    max_value double precision NOT NULL,
    mean_value double precision NOT NULL,
    p95_value double precision NULL,
    PRIMARY KEY (device_id, name, attributes_json)
);
