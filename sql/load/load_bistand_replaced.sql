-- This batch's accepted bistand files (contract §1): a newer file replaces the municipality's earlier
-- rows for the months it contains. "Newer" is the order first seen (files.seq): within the batch only
-- the newest file of each municipality-month wins; earlier files' months are found in bistand_months.
-- Every replacement is recorded.
CREATE OR REPLACE TEMP TABLE load_months AS
WITH months AS (
  SELECT s.file_id, a.seq, s.municipality, s."month", count(*) AS rows
  FROM stg_bistand s JOIN stg_accepted a USING (file_id)
  GROUP BY ALL
)
SELECT *, seq = max(seq) OVER (PARTITION BY municipality, "month") AS wins
FROM months;

-- earlier rows in the database, replaced by the newest file of their municipality-month
CREATE OR REPLACE TEMP TABLE load_replaced AS
SELECT c.municipality, c."month", c.file_id AS old_file_id, w.file_id AS new_file_id, c.rows
FROM bistand_months c JOIN load_months w ON w.wins AND w.municipality = c.municipality AND w."month" = c."month";

INSERT INTO replacements (run_id, municipality, kind, "month", old_file_id, new_file_id, rows_removed)
SELECT {{run_id}}, municipality, 'bistand', "month", old_file_id, new_file_id, rows FROM load_replaced
UNION ALL
-- files of this batch superseded by a newer file of the same batch
SELECT {{run_id}}, l.municipality, 'bistand', l."month", l.file_id, w.file_id, l.rows
FROM load_months l JOIN load_months w ON w.wins AND w.municipality = l.municipality AND w."month" = l."month"
WHERE NOT l.wins;
