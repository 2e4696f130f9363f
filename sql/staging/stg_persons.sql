-- Every distinct person_id of this run's {{kind}} rows with the year that decides its century,
-- checked and normalised (sql/macros/person_key.sql) and keyed: person is the pseudonym.
-- Identity numbers live only in this temporary table, for the length of the run.
CREATE OR REPLACE TEMP TABLE stg_{{kind}}_persons AS
WITH ids AS (
  SELECT DISTINCT v_person_id, year({{date_column}})::INTEGER AS yr
  FROM stg_{{kind}}_parsed
  WHERE v_person_id IS NOT NULL
), checked AS (
  SELECT v_person_id, yr, kas_person_norm(v_person_id, yr) AS norm, kas_person_problem(v_person_id, yr) AS problem
  FROM ids
)
SELECT v_person_id, yr, problem, CASE WHEN norm IS NOT NULL THEN {{pseudonym_norm}} END AS person
FROM checked;
