-- A person's gender and birth year are those of their latest row (contract §6): the row with the
-- latest date (bistand: its month; insats: its start date), then the later file, then the later line.
DELETE FROM person_attributes WHERE municipality IN (SELECT municipality FROM mart_scope);
INSERT INTO person_attributes
WITH all_rows AS (
  SELECT municipality, person, gender, birth_year, "month" AS dated, file_id, line FROM bistand
  UNION ALL
  SELECT municipality, person, gender, birth_year, start_date AS dated, file_id, line FROM insats
), in_scope AS (
  SELECT r.*, f.seq
  FROM all_rows r JOIN files f USING (file_id)
  WHERE r.municipality IN (SELECT municipality FROM mart_scope)
)
SELECT municipality, person,
       arg_max(gender, (dated, seq, line)) AS gender,
       arg_max(birth_year, (dated, seq, line)) AS birth_year
FROM in_scope
GROUP BY municipality, person;
