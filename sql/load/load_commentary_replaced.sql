-- This run's accepted commentary files (contract §1, §14): the newest (files.seq) of each municipality
-- replaces its earlier commentary — the one in the table, and any older one of this run. Every
-- replacement is recorded (rows_removed 1: one commentary).
CREATE OR REPLACE TEMP TABLE load_commentary AS
SELECT *, seq = max(seq) OVER (PARTITION BY municipality) AS wins FROM stg_commentary;

CREATE OR REPLACE TEMP TABLE load_replaced AS
SELECT c.municipality, c.file_id AS old_file_id, w.file_id AS new_file_id, 1 AS rows
FROM commentary c JOIN load_commentary w ON w.wins AND w.municipality = c.municipality;

INSERT INTO replacements (run_id, municipality, kind, old_file_id, new_file_id, rows_removed)
SELECT {{run_id}}, municipality, 'commentary', old_file_id, new_file_id, rows FROM load_replaced
UNION ALL
SELECT {{run_id}}, l.municipality, 'commentary', l.file_id, w.file_id, 1
FROM load_commentary l JOIN load_commentary w ON w.wins AND w.municipality = l.municipality
WHERE NOT l.wins;
