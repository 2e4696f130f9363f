-- Findings per file and severity (quality.html).
SELECT file_id, severity, count(*) AS n FROM findings GROUP BY ALL;
