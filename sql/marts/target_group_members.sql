-- Target-group membership per person and calendar year (contract §5). A person can be in several.
-- A view over person_years: membership is a filter, cheaper to apply where it is used than to store.
-- Each member carries what the indicators count (gender, birth year, months, coded months), so no join back.
CREATE OR REPLACE TEMP VIEW target_group_members AS
WITH years AS (
  SELECT * FROM person_years
), members AS (
  SELECT 'all' AS target_group, municipality, "year", person, gender, birth_year, months, coded_months FROM years
  UNION ALL
  SELECT 'unemployment', municipality, "year", person, gender, birth_year, months, coded_months FROM years WHERE reason_group = 'unemployment'
  UNION ALL
  SELECT 'ill_health', municipality, "year", person, gender, birth_year, months, coded_months FROM years WHERE reason_group = 'ill_health'
  UNION ALL
  SELECT 'social_reasons', municipality, "year", person, gender, birth_year, months, coded_months FROM years WHERE reason_group = 'social_reasons'
  UNION ALL
  SELECT 'long_term_unemployed', municipality, "year", person, gender, birth_year, months, coded_months FROM years WHERE reason_group = 'unemployment' AND months >= 10
  UNION ALL
  SELECT 'newly_arrived', municipality, "year", person, gender, birth_year, months, coded_months FROM years WHERE newly_arrived
  UNION ALL
  SELECT 'young_adults', municipality, "year", person, gender, birth_year, months, coded_months FROM years WHERE "year" - birth_year BETWEEN 18 AND 29
)
SELECT * FROM members;
