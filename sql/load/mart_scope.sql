-- The municipalities whose marts this run recomputes: those with rows that {{changed}} says changed
-- (this run's accepted files, or every municipality when the marts' definitions changed), those the
-- marts lack, and those whose rows are all gone (their marts rows are deleted).
CREATE OR REPLACE TEMP TABLE mart_scope AS
WITH data AS (
  SELECT DISTINCT municipality FROM bistand_months UNION SELECT DISTINCT municipality FROM insats_snapshots
)
SELECT municipality FROM data
WHERE {{changed}} OR municipality NOT IN (SELECT municipality FROM indicator_counts)
UNION
SELECT DISTINCT municipality FROM indicator_counts WHERE municipality NOT IN (SELECT municipality FROM data);
