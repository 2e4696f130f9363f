-- The latest run whose database and site were switched in.
SELECT max(run_id) AS run_id FROM runs WHERE status = 'published';
