-- The records DuckDB's reader rejected in one read of a file (wrong field count, an open quote,
-- invalid UTF-8 …), by reader line.
SELECT line, error_type::VARCHAR AS error_type, csv_line FROM kas_rejects ORDER BY line, column_idx;
