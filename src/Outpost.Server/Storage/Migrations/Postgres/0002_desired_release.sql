-- Issue 3: the operator's desired release per device (written synchronously) and the agent's latest update report (JSON).
ALTER TABLE devices ADD COLUMN desired_release text NULL;
ALTER TABLE devices ADD COLUMN update_json text NULL;
