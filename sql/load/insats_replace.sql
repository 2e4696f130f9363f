-- Removes the snapshots that load_replaced lists (run only when it lists any).
DELETE FROM insats i USING load_replaced r WHERE i.municipality = r.municipality AND i.file_id = r.old_file_id;
DELETE FROM insats_snapshots c USING load_replaced r WHERE c.municipality = r.municipality AND c.file_id = r.old_file_id;
