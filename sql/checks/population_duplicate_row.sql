-- The same municipality, year, gender and age twice in one population file (contract §11: one row
-- each). Every row after the first is listed, with the first one's place in expected (as
-- bistand_duplicate_person_month.sql).
WITH keyed AS MATERIALIZED (
  SELECT file_id, rid, xline, municipality, "year", gender, age
  FROM stg_population
  WHERE municipality IS NOT NULL AND "year" IS NOT NULL AND gender IS NOT NULL AND age IS NOT NULL
), twice AS (
  SELECT file_id, municipality, "year", gender, age FROM keyed GROUP BY ALL HAVING count(*) > 1
), numbered AS (
  SELECT k.*, row_number() OVER w AS nth, first_value(k.rid) OVER w AS first_rid, first_value(k.xline) OVER w AS first_xline
  FROM keyed k
  SEMI JOIN twice t ON t.file_id = k.file_id AND t.municipality = k.municipality AND t."year" = k."year" AND t.gender = k.gender AND t.age = k.age
  WINDOW w AS (PARTITION BY k.file_id, k.municipality, k."year", k.gender, k.age ORDER BY k.rid)
)
SELECT n.file_id, n.rid, n.xline, 'age' AS "column", 'duplicate_population_row' AS code,
       n.municipality || ', ' || n."year" || ', ' || n.gender || ', ' || n.age AS value,
       coalesce('line:' || n.first_xline, 'rec:' || (n.first_rid - f.base)) AS expected
FROM numbered n JOIN stg_files f USING (file_id)
WHERE n.nth > 1
