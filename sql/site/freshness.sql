-- Data freshness per municipality (index page, reports, quality.html): the bistand months loaded, the
-- day the insats snapshot was first seen, and when the municipality's latest accepted file came.
WITH municipalities AS (
  SELECT DISTINCT municipality FROM bistand_months UNION SELECT DISTINCT municipality FROM insats_snapshots
), b AS (
  SELECT municipality, strftime(min("month"), '%Y-%m') AS bistand_from, strftime(max("month"), '%Y-%m') AS bistand_to FROM bistand_months GROUP BY ALL
), i AS (
  SELECT i.municipality, strftime(max(f.first_seen), '%Y-%m-%d') AS insats_snapshot
  FROM insats_snapshots i JOIN files f USING (file_id) GROUP BY ALL
), l AS (
  SELECT municipality, strftime(max(first_seen), '%Y-%m-%dT%H:%M:%S') || 'Z' AS last_loaded FROM files WHERE status = 'accepted' GROUP BY ALL
)
SELECT m.municipality, b.bistand_from, b.bistand_to, i.insats_snapshot, l.last_loaded
FROM municipalities m LEFT JOIN b USING (municipality) LEFT JOIN i USING (municipality) LEFT JOIN l USING (municipality)
ORDER BY m.municipality;
