-- Drops the reject tables of stg_structure.sql.
DROP TABLE IF EXISTS kas_rejects;
DROP TABLE IF EXISTS kas_reject_scans;
