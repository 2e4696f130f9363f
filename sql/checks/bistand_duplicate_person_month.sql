-- A person twice in the same month of one bistand file (contract §2). Persons are compared after
-- normalisation (by pseudonym), so 850101-1234 and 198501011234 are the same person. Every row after
-- the first is listed, with the first one's place ('line:' its worksheet row, or 'rec:' its record
-- number, which pipeline/load/checks.ts turns into a line) in expected.
WITH keyed AS MATERIALIZED (
  SELECT s.file_id, s.rid, s.xline, s."month", p.person
  FROM stg_bistand s
  JOIN stg_bistand_persons p ON p.v_person_id = s.v_person_id AND p.yr = year(s."month")
  WHERE p.person IS NOT NULL
), twice AS (
  SELECT file_id, person, "month" FROM keyed GROUP BY ALL HAVING count(*) > 1
), numbered AS (
  SELECT k.*, row_number() OVER w AS nth, first_value(k.rid) OVER w AS first_rid, first_value(k.xline) OVER w AS first_xline
  FROM keyed k SEMI JOIN twice t ON t.file_id = k.file_id AND t.person = k.person AND t."month" = k."month"
  WINDOW w AS (PARTITION BY k.file_id, k.person, k."month" ORDER BY k.rid)
)
SELECT n.file_id, n.rid, n.xline, 'person_id' AS "column", 'duplicate_person_month' AS code,
       strftime(n."month", '%Y-%m') AS value,
       coalesce('line:' || n.first_xline, 'rec:' || (n.first_rid - f.base)) AS expected
FROM numbered n JOIN stg_files f USING (file_id)
WHERE n.nth > 1
