-- Loads each municipality's newest commentary of this run (load_commentary_replaced.sql).
INSERT INTO commentary SELECT municipality, file_id, first_seen, text FROM load_commentary WHERE wins;
