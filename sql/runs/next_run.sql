-- The next run's id, recorded as running; sql/runs/finish_run.sql marks it published.
SELECT coalesce(max(run_id), 0) + 1 AS id FROM runs;
