-- Removes the commentary that load_replaced lists (load_commentary_replaced.sql; run only when it lists any).
DELETE FROM commentary c USING load_replaced r WHERE c.municipality = r.municipality AND c.file_id = r.old_file_id;
