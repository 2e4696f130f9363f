-- The records DuckDB's reader rejected in one read of the batch (wrong field count, an open quote,
-- invalid UTF-8 …), per file and reader line.
SELECT s.file_path, e.line, e.column_name, e.error_type::VARCHAR AS error_type, e.csv_line
FROM {{rejects}} e JOIN {{scans}} s USING (scan_id, file_id) ORDER BY s.file_path, e.line;
