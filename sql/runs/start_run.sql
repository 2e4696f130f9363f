-- Records a run as started (its status becomes 'published' with the switch: finish_run.sql).
INSERT INTO runs (run_id, started_at, status) VALUES ($id, $t::TIMESTAMPTZ, 'running');
