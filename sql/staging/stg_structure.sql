-- A file the shared read did not read whole, read again alone up to its first errors (load/stage.ts
-- structuralFindings): the reader stores what it rejects in kas_rejects / kas_reject_scans, which
-- stg_rejects.sql reads; {{limit}} caps how many it keeps.
SELECT count(*) FROM read_csv({{source}}, {{options}},
    store_rejects = true, rejects_table = 'kas_rejects', rejects_scan = 'kas_reject_scans', rejects_limit = {{limit}});
