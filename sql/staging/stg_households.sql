-- Every distinct household of this batch's bistand rows, keyed per municipality: case numbers can be
-- identity numbers in some case systems, so they are pseudonymised like persons.
CREATE OR REPLACE TEMP TABLE stg_bistand_households AS
WITH households AS (
  SELECT DISTINCT municipality, v_household_id
  FROM stg_bistand_rows
  WHERE v_household_id IS NOT NULL AND municipality IS NOT NULL
)
SELECT municipality, v_household_id, {{pseudonym_household}} AS household
FROM households;
