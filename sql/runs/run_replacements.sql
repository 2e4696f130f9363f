-- How many replacements of loaded rows a run made.
SELECT count(*) AS n FROM replacements WHERE run_id = $run_id;
