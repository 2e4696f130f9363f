-- A person twice in the same month of one bistand file (contract §2). Persons are compared after
-- normalisation (by pseudonym), so 850101-1234 and 198501011234 are the same person. Every row after
-- the first is listed.
WITH keyed AS MATERIALIZED (
  SELECT s.file_id, s.rid, s.xline, s."month", p.person
  FROM stg_bistand s
  JOIN stg_bistand_persons p ON p.v_person_id = s.v_person_id AND p.yr = year(s."month")
  WHERE p.person IS NOT NULL
), twice AS (
  SELECT file_id, person, "month" FROM keyed GROUP BY ALL HAVING count(*) > 1
), numbered AS (
  SELECT k.*, row_number() OVER (PARTITION BY k.file_id, k.person, k."month" ORDER BY k.rid) AS nth
  FROM keyed k SEMI JOIN twice t ON t.file_id = k.file_id AND t.person = k.person AND t."month" = k."month"
)
SELECT file_id, rid, xline, 'person_id' AS "column", 'duplicate_person_month' AS code,
       strftime("month", '%Y-%m') AS value, NULL AS expected
FROM numbered
WHERE nth > 1
