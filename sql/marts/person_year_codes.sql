-- The one pass over the bistand rows in scope that the person marts start from: per person, year,
-- household and reason code, the months and the latest of them, and the person's attributes on the
-- latest row of the group (by date, then file order, then line; see person_attributes.sql).
CREATE OR REPLACE TEMP TABLE person_year_codes AS
WITH keyed AS (
  SELECT b.municipality, b.person, b.household, b."month", b.reason, b.gender, b.birth_year,
         -- the order of rows: date, then the order the files were first seen, then the line
         kas_row_order(b."month", b.file_id, b.line) AS row_order
  FROM bistand b
  WHERE b.municipality IN (SELECT municipality FROM mart_scope)
)
SELECT municipality, person, year("month")::INTEGER AS "year", household, reason,
       count(*)::INTEGER AS months,
       max("month") AS latest,
       arg_max({'gender': gender, 'birth_year': birth_year}, row_order) AS attributes,
       max(row_order) AS attributes_order
FROM keyed
GROUP BY municipality, person, "year", household, reason;
