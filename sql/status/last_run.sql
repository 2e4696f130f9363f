-- kas status: the latest published run.
SELECT run_id, epoch_ms(started_at) AS started_at, epoch_ms(finished_at) AS finished_at
FROM runs WHERE status = 'published' ORDER BY run_id DESC LIMIT 1;
