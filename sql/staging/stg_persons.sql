-- Every distinct person_id of this batch's {{kind}} rows with the year that decides its century,
-- checked and normalised (sql/macros/person_key.sql) and keyed: person is the pseudonym. The keyed
-- hash is computed once per normalised person, however many notations and years point to it.
-- Identity numbers live only in this temporary table, for the length of the batch.
CREATE OR REPLACE TEMP TABLE stg_{{kind}}_persons AS
WITH ids AS (
  SELECT DISTINCT v_person_id, year({{date_column}})::INTEGER AS yr
  FROM stg_{{kind}}_rows
  WHERE v_person_id IS NOT NULL
), checked AS (
  SELECT v_person_id, yr, kas_person(v_person_id, yr) AS k
  FROM ids
), keyed AS (
  SELECT norm, {{pseudonym_norm}} AS person
  FROM (SELECT DISTINCT k.norm AS norm FROM checked WHERE k.norm IS NOT NULL)
)
SELECT c.v_person_id, c.yr, c.k.problem AS problem, x.person
FROM checked c
LEFT JOIN keyed x ON x.norm = c.k.norm;
