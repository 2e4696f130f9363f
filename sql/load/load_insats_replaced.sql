-- This batch's accepted insats files (contract §1): an insats file is a full snapshot, so the newest
-- one (files.seq) replaces every earlier insats row of its municipality (found in insats_snapshots).
-- Every replacement is recorded, per file.
CREATE OR REPLACE TEMP TABLE load_snapshots AS
WITH files AS (
  SELECT s.file_id, a.seq, f.folder AS municipality, count(*) AS rows
  FROM stg_insats s JOIN stg_accepted a USING (file_id) JOIN stg_files f USING (file_id)
  GROUP BY ALL
)
SELECT *, seq = max(seq) OVER (PARTITION BY municipality) AS wins
FROM files;

CREATE OR REPLACE TEMP TABLE load_replaced AS
SELECT c.municipality, c.file_id AS old_file_id, w.file_id AS new_file_id, c.rows
FROM insats_snapshots c JOIN load_snapshots w ON w.wins AND w.municipality = c.municipality;

INSERT INTO replacements (run_id, municipality, kind, "month", old_file_id, new_file_id, rows_removed)
SELECT {{run_id}}, municipality, 'insats', NULL, old_file_id, new_file_id, rows FROM load_replaced
UNION ALL
SELECT {{run_id}}, l.municipality, 'insats', NULL, l.file_id, w.file_id, l.rows
FROM load_snapshots l JOIN load_snapshots w ON w.wins AND w.municipality = l.municipality
WHERE NOT l.wins;
