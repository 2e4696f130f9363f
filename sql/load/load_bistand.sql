-- Loads this batch's accepted bistand files (contract §1): a newer file replaces the municipality's
-- earlier rows for the months it contains. "Newer" is the order first seen (files.seq), so within the
-- batch only the newest file of each municipality-month is loaded and every replacement is recorded.
CREATE OR REPLACE TEMP TABLE load_months AS
WITH months AS (
  SELECT s.file_id, a.seq, s.municipality, s."month", count(*) AS rows
  FROM stg_bistand s JOIN stg_accepted a USING (file_id)
  GROUP BY ALL
)
SELECT *, seq = max(seq) OVER (PARTITION BY municipality, "month") AS wins
FROM months;

-- Earlier rows in the database, replaced by the newest file of their municipality-month.
INSERT INTO replacements
SELECT {{run_id}}, b.municipality, 'bistand', b."month", b.file_id, w.file_id, count(*)
FROM bistand b JOIN load_months w ON w.wins AND w.municipality = b.municipality AND w."month" = b."month"
GROUP BY ALL;

-- Files of this batch superseded by a newer file of the same batch.
INSERT INTO replacements
SELECT {{run_id}}, l.municipality, 'bistand', l."month", l.file_id, w.file_id, l.rows
FROM load_months l JOIN load_months w ON w.wins AND w.municipality = l.municipality AND w."month" = l."month"
WHERE NOT l.wins;

DELETE FROM bistand b USING load_months w
WHERE w.wins AND w.municipality = b.municipality AND w."month" = b."month";

DELETE FROM household_months hm USING load_months w
WHERE w.wins AND w.municipality = hm.municipality AND w."month" = hm."month";

INSERT INTO household_months
SELECT s.municipality, h.household, s."month", year(s."month")::INTEGER, s.adults::INTEGER, s.coded::INTEGER, s.highest,
       s.applicant_coded, s.co_applicant_uncoded, s.has_roles
FROM stg_household_months s
JOIN load_months w ON w.wins AND w.file_id = s.file_id AND w.municipality = s.municipality AND w."month" = s."month"
JOIN stg_bistand_households h ON h.municipality = s.municipality AND h.v_household_id = s.v_household_id;

INSERT INTO bistand
SELECT s.municipality, s."month", p.person, h.household, s."role", s.gender, s.birth_year, s.born_abroad = '1', s.reason, s.amount_sek,
       s.file_id, coalesce(s.xline, s.rid - f.base + 2)::INTEGER AS line
FROM stg_bistand s
JOIN load_months w ON w.wins AND w.file_id = s.file_id AND w.municipality = s.municipality AND w."month" = s."month"
JOIN stg_files f ON f.file_id = s.file_id
JOIN stg_bistand_persons p ON p.v_person_id = s.v_person_id AND p.yr = year(s."month")
JOIN stg_bistand_households h ON h.municipality = s.municipality AND h.v_household_id = s.v_household_id;
