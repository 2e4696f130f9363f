-- Typed bistand rows of this run, ready to load: pseudonyms joined in, and for every value that is
-- not valid its raw text in bad_* (NULL otherwise), so the checks in sql/checks/ can name it.
CREATE OR REPLACE TEMP TABLE stg_bistand AS
SELECT
  p.rid, p.file_id, p.xline,
  p.municipality, p."month", ps.person, h.household, p."role", p.gender, p.birth_year, p.born_abroad, p.reason, p.amount_sek,
  ps.problem AS person_problem,
  CASE WHEN p.municipality IS NULL THEN p.v_municipality END AS bad_municipality,
  CASE WHEN p."month" IS NULL THEN p.v_month END             AS bad_month,
  p.v_person_id IS NULL                                      AS missing_person_id,
  p.v_household_id IS NULL                                   AS missing_household_id,
  CASE WHEN p."role" IS NULL THEN p.v_role END               AS bad_role,
  CASE WHEN p.gender IS NULL THEN p.v_gender END             AS bad_gender,
  CASE WHEN p.birth_year IS NULL THEN p.v_birth_year END     AS bad_birth_year,
  CASE WHEN p.born_abroad IS NULL THEN p.v_born_abroad END   AS bad_born_abroad,
  CASE WHEN p.reason IS NULL THEN p.v_reason END             AS bad_reason,
  CASE WHEN p.amount_sek IS NULL THEN p.v_amount_sek END     AS bad_amount_sek
FROM stg_bistand_parsed p
LEFT JOIN stg_bistand_persons ps ON ps.v_person_id = p.v_person_id AND ps.yr = year(p."month")
LEFT JOIN stg_bistand_households h ON h.m = coalesce(p.municipality, p.v_municipality) AND h.v_household_id = p.v_household_id;
