-- Same indexes as Postgres/0008_device_list_indexes.sql. Issue 7: the dashboard's device list filters by the release a
-- device runs (and the fleet summary groups by it); a device's page lists the rollouts it was part of.
CREATE INDEX ix_devices_current_release ON devices (current_release);
CREATE INDEX ix_rollout_devices_device ON rollout_devices (device_id);
