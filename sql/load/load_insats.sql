-- Loads this batch's accepted insats files (contract §1): an insats file is a full snapshot, so the
-- newest one (files.seq) replaces every earlier insats row of its municipality. Recorded per file.
CREATE OR REPLACE TEMP TABLE load_snapshots AS
WITH files AS (
  SELECT s.file_id, a.seq, f.folder AS municipality, count(*) AS rows
  FROM stg_insats s JOIN stg_accepted a USING (file_id) JOIN stg_files f USING (file_id)
  GROUP BY ALL
)
SELECT *, seq = max(seq) OVER (PARTITION BY municipality) AS wins
FROM files;

INSERT INTO replacements
SELECT {{run_id}}, i.municipality, 'insats', NULL, i.file_id, w.file_id, count(*)
FROM insats i JOIN load_snapshots w ON w.wins AND w.municipality = i.municipality
GROUP BY ALL;

INSERT INTO replacements
SELECT {{run_id}}, l.municipality, 'insats', NULL, l.file_id, w.file_id, l.rows
FROM load_snapshots l JOIN load_snapshots w ON w.wins AND w.municipality = l.municipality
WHERE NOT l.wins;

DELETE FROM insats i USING load_snapshots w
WHERE w.wins AND w.municipality = i.municipality;

INSERT INTO insats
SELECT s.municipality, p.person, s.gender, s.birth_year, s.measure, s.need_category, s.referred_by,
       s.start_date, s.end_date, s.exit_reason, s.cost_sek, s.file_id, coalesce(s.xline, s.rid - f.base + 2)::INTEGER AS line
FROM stg_insats s
JOIN load_snapshots w ON w.wins AND w.file_id = s.file_id
JOIN stg_files f ON f.file_id = s.file_id
JOIN stg_insats_persons p ON p.v_person_id = s.v_person_id AND p.yr = year(s.start_date);
