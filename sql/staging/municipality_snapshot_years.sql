-- The municipality codes of the batch's insats files (contract §1: each a full snapshot), per file and
-- code: how many rows, the first of them (record number in the file, worksheet row), and the day the
-- snapshot was taken as the pages tell it (sql/macros/snapshot_day.sql) — a snapshot's codes are those
-- of that day's year, not of each measure's dates. pipeline/load/checks.ts asks the official lists
-- once per file and code. One pass over the rows: per file and code, then the file's latest date over
-- its codes. {{files}}: each file's id, name and the day it was first seen; {{written}}: the code as
-- the file writes it, where a profile mapped it (else NULL).
WITH files AS (
  SELECT file_id, seen, kas_snapshot_name_date(name) AS name_date FROM (VALUES {{files}}) n(file_id, name, seen)
), codes AS (
  SELECT s.file_id, s.municipality AS code, count(*) AS n, min(s.rid) AS first, min(s.xline) AS xline, {{written}} AS written,
         greatest(max(s.start_date) FILTER (WHERE s.start_date <= f.seen), max(s.end_date) FILTER (WHERE s.end_date <= f.seen)) AS rows_date
  FROM stg_insats s
  JOIN files f USING (file_id)
  WHERE s.municipality IS NOT NULL
  GROUP BY s.file_id, s.municipality
), dated AS (
  SELECT c.*, kas_snapshot_day(f.name_date, max(c.rows_date) OVER (PARTITION BY c.file_id), f.seen) AS day,
         kas_snapshot_source(f.name_date, max(c.rows_date) OVER (PARTITION BY c.file_id), f.seen) AS source
  FROM codes c
  JOIN files f USING (file_id)
)
SELECT d.file_id, d.code, year(d.day) AS year, strftime(d.day, '%Y-%m-%d') AS day, d.source, d.n, (d.first - b.base)::BIGINT AS rec, d.xline, d.written
FROM dated d
JOIN stg_files b USING (file_id)
ORDER BY d.file_id, rec
