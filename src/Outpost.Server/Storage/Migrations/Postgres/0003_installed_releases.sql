-- Issue 4: what the device runs (committed) and keeps as its rollback target (N-1), from its check-ins.
ALTER TABLE devices ADD COLUMN current_release text NULL;
ALTER TABLE devices ADD COLUMN previous_release text NULL;
