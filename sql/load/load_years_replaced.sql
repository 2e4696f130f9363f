-- This batch's accepted {{kind}} files (contract §1): a newer file replaces the earlier rows of the
-- municipality-years it contains — a survey file its municipality's survey years, a population file
-- each municipality-year it counts. "Newer" is the order first seen (files.seq): within the batch
-- only the newest file of each municipality-year wins; earlier files' years are found in the table
-- itself (both kinds are small: a few hundred rows per municipality-year). Every replacement is recorded.
CREATE OR REPLACE TEMP TABLE load_years AS
WITH years AS (
  SELECT s.file_id, a.seq, s.municipality, s."year", count(*) AS rows
  FROM stg_{{kind}} s JOIN stg_accepted a USING (file_id)
  GROUP BY ALL
)
SELECT *, seq = max(seq) OVER (PARTITION BY municipality, "year") AS wins
FROM years;

-- earlier rows in the database, replaced by the newest file of their municipality-year
CREATE OR REPLACE TEMP TABLE load_replaced AS
SELECT c.municipality, c."year", c.file_id AS old_file_id, w.file_id AS new_file_id, c.rows
FROM (SELECT municipality, "year", file_id, count(*) AS rows FROM {{kind}} GROUP BY ALL) c
JOIN load_years w ON w.wins AND w.municipality = c.municipality AND w."year" = c."year";

INSERT INTO replacements (run_id, municipality, kind, "year", old_file_id, new_file_id, rows_removed)
SELECT {{run_id}}, municipality, '{{kind}}', "year", old_file_id, new_file_id, rows FROM load_replaced
UNION ALL
-- files of this batch superseded by a newer file of the same batch
SELECT {{run_id}}, l.municipality, '{{kind}}', l."year", l.file_id, w.file_id, l.rows
FROM load_years l JOIN load_years w ON w.wins AND w.municipality = l.municipality AND w."year" = l."year"
WHERE NOT l.wins;
