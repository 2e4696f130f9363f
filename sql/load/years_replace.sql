-- Removes the {{kind}} rows that load_replaced lists (load_years_replaced.sql; run only when it lists any).
DELETE FROM {{kind}} t USING load_replaced r
WHERE t.municipality = r.municipality AND t."year" = r."year" AND t.file_id = r.old_file_id;
