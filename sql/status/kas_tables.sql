-- kas status: whether the database has kas's own bookkeeping tables (a DuckDB file of something else has not).
SELECT count(*) AS n FROM duckdb_tables() WHERE schema_name = 'main' AND table_name IN ('runs', 'files', 'meta');
