-- A person's gender and birth year are those of their latest row (contract §6): the row with the
-- latest date (bistand: its month; insats: its start date), then the later file, then the later line.
-- Gender and birth year travel packed as in kas_row_tail (sql/macros/row_order.sql): birth year << 1 |
-- (gender = 'M'), the low 16 bits of a bistand row's latest_row. had_bistand: the person has a bistand
-- row in the municipality in some year (measure exits in "all", indicator_counts.sql).
CREATE OR REPLACE TEMP TABLE person_attributes AS
WITH candidates AS (
  SELECT municipality, person, latest_row & 65535 AS attributes, kas_row_tail_order(latest, latest_row) AS attributes_order, true AS bistand
  FROM person_year_codes
  UNION ALL
  SELECT i.municipality, i.person, kas_row_tail(0, 0, i.birth_year, i.gender), kas_row_order(i.start_date, i.file_id, i.line), false
  FROM insats i
  WHERE i.municipality IN (SELECT municipality FROM mart_scope)
), latest AS (
  SELECT municipality, person, arg_max(attributes, attributes_order) AS a, bool_or(bistand) AS had_bistand
  FROM candidates
  GROUP BY municipality, person
)
SELECT municipality, person, kas_row_tail_gender(a) AS gender, kas_row_tail_birth_year(a) AS birth_year, had_bistand FROM latest;
