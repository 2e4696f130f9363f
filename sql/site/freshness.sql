-- Data freshness per municipality (index page, reports, quality.html): the bistand months loaded, the
-- date the insats snapshot describes, and when the municipality's latest accepted file came.
--
-- The snapshot's date is the day the extract was taken, not the day kas first saw it (contract §1: an
-- insats file is a full snapshot). In order (insats_snapshot_source says which):
--   file_name   a date in the file's name (insats-2025-12-31.csv; also 2025_12_31 or 20251231, the last
--               one in the name), if it is a real date and not after the day the file was first seen;
--   rows        else the latest start or end date in the snapshot's rows, up to that day (a later end
--               date is a planned one and says nothing of when the extract was taken);
--   first_seen  else the day the file was first seen.
WITH municipalities AS (
  SELECT DISTINCT municipality FROM bistand_months UNION SELECT DISTINCT municipality FROM insats_snapshots
), b AS (
  SELECT municipality, strftime(min("month"), '%Y-%m') AS bistand_from, strftime(max("month"), '%Y-%m') AS bistand_to FROM bistand_months GROUP BY ALL
), snapshot AS (
  -- each municipality's newest snapshot file (there is one: a newer one replaces it)
  SELECT i.municipality, arg_max(f.file_id, f.seq) AS file_id, arg_max(f.name, f.seq) AS name,
         strptime(strftime(arg_max(f.first_seen, f.seq), '%Y-%m-%d'), '%Y-%m-%d')::DATE AS seen
  FROM insats_snapshots i JOIN files f USING (file_id) GROUP BY ALL
), named AS (
  SELECT *, try_strptime(regexp_replace(
           list_last(regexp_extract_all(name, '(?:^|[^0-9])([0-9]{4}[-_]?[0-9]{2}[-_]?[0-9]{2})(?:[^0-9]|$)', 1)), '[-_]', '', 'g'),
           '%Y%m%d')::DATE AS name_date
  FROM snapshot
), in_rows AS (
  -- only where the name gives no date: the rows are not read for a named snapshot
  SELECT n.municipality,
         greatest(max(r.start_date) FILTER (WHERE r.start_date <= n.seen), max(r.end_date) FILTER (WHERE r.end_date <= n.seen)) AS rows_date
  FROM named n JOIN insats r ON r.file_id = n.file_id
  WHERE n.name_date IS NULL OR n.name_date > n.seen
  GROUP BY ALL
), i AS (
  SELECT n.municipality,
         CASE WHEN n.name_date <= n.seen THEN 'file_name' WHEN r.rows_date IS NOT NULL THEN 'rows' ELSE 'first_seen' END AS insats_snapshot_source,
         strftime(CASE WHEN n.name_date <= n.seen THEN n.name_date WHEN r.rows_date IS NOT NULL THEN r.rows_date ELSE n.seen END, '%Y-%m-%d') AS insats_snapshot
  FROM named n LEFT JOIN in_rows r USING (municipality)
), l AS (
  SELECT municipality, strftime(max(first_seen), '%Y-%m-%dT%H:%M:%S') || 'Z' AS last_loaded FROM files WHERE status = 'accepted' GROUP BY ALL
)
SELECT m.municipality, b.bistand_from, b.bistand_to, i.insats_snapshot, i.insats_snapshot_source, l.last_loaded
FROM municipalities m LEFT JOIN b USING (municipality) LEFT JOIN i USING (municipality) LEFT JOIN l USING (municipality)
ORDER BY m.municipality;
