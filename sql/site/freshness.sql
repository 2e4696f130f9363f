-- Data freshness per municipality (index page, reports, quality.html): the bistand months loaded, the
-- date the insats snapshot describes (the day it was taken: sql/macros/snapshot_day.sql says how, and
-- insats_snapshot_source which rule gave it), and when the municipality's latest accepted file came.
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
  SELECT *, kas_snapshot_name_date(name) AS name_date FROM snapshot
), in_rows AS (
  -- only where the name gives no date: the rows are not read for a named snapshot
  SELECT n.municipality,
         greatest(max(r.start_date) FILTER (WHERE r.start_date <= n.seen), max(r.end_date) FILTER (WHERE r.end_date <= n.seen)) AS rows_date
  FROM named n JOIN insats r ON r.file_id = n.file_id
  WHERE n.name_date IS NULL OR n.name_date > n.seen
  GROUP BY ALL
), i AS (
  SELECT n.municipality, kas_snapshot_source(n.name_date, r.rows_date, n.seen) AS insats_snapshot_source,
         strftime(kas_snapshot_day(n.name_date, r.rows_date, n.seen), '%Y-%m-%d') AS insats_snapshot
  FROM named n LEFT JOIN in_rows r USING (municipality)
), l AS (
  SELECT municipality, strftime(max(first_seen), '%Y-%m-%dT%H:%M:%S') || 'Z' AS last_loaded FROM files WHERE status = 'accepted' GROUP BY ALL
)
SELECT m.municipality, b.bistand_from, b.bistand_to, i.insats_snapshot, i.insats_snapshot_source, l.last_loaded
FROM municipalities m LEFT JOIN b USING (municipality) LEFT JOIN i USING (municipality) LEFT JOIN l USING (municipality)
ORDER BY m.municipality;
