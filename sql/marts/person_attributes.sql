-- A person's gender and birth year are those of their latest row (contract §6): the row with the
-- latest date (bistand: its month; insats: its start date), then the later file, then the later line.
DELETE FROM person_attributes WHERE municipality IN (SELECT municipality FROM mart_scope);
INSERT INTO person_attributes
WITH candidates AS (
  SELECT municipality, person,
         {'gender': kas_row_tail_gender(latest_row), 'birth_year': kas_row_tail_birth_year(latest_row)} AS attributes,
         kas_row_tail_order(latest, latest_row) AS attributes_order
  FROM person_year_codes
  UNION ALL
  SELECT i.municipality, i.person, {'gender': i.gender, 'birth_year': i.birth_year},
         kas_row_order(i.start_date, i.file_id, i.line)
  FROM insats i
  WHERE i.municipality IN (SELECT municipality FROM mart_scope)
), latest AS (
  SELECT municipality, person, arg_max(attributes, attributes_order) AS a
  FROM candidates
  GROUP BY municipality, person
)
SELECT municipality, person, a.gender, a.birth_year FROM latest;
