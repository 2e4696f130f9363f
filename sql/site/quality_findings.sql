-- The first 50 findings of each file, most severe first (quality.html; the counts per severity are
-- quality_finding_counts.sql).
WITH ranked AS (
  SELECT *, row_number() OVER (PARTITION BY file_id ORDER BY CASE severity WHEN 'FATAL' THEN 0 WHEN 'ERROR' THEN 1 WHEN 'WARNING' THEN 2 ELSE 3 END, line NULLS FIRST) AS n
  FROM findings
)
SELECT file_id, severity, code, line, "column", value, message, count, params, n FROM ranked WHERE n <= 50 ORDER BY file_id, n;
