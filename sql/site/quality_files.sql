-- Every file read, per municipality in the order first seen (quality.html).
SELECT file_id, municipality, name, kind, status, strftime(first_seen, '%Y-%m-%dT%H:%M:%S') || 'Z' AS first_seen,
       coalesce(rows_loaded, rows_read) AS rows, encoding, delimiter, profile
FROM files ORDER BY municipality, seq;
