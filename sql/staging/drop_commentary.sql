-- Drops the commentary load's temporary tables.
DROP TABLE IF EXISTS stg_commentary;
DROP TABLE IF EXISTS load_commentary;
DROP TABLE IF EXISTS load_replaced;
