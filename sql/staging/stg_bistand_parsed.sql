-- bistand rows of this run, parsed: the trimmed raw text of each column (v_*) beside its contract
-- value (NULL when the text is not valid). Code columns are mapped through the file's profile.
CREATE OR REPLACE TEMP VIEW stg_bistand_parsed AS
WITH raw AS (
  SELECT
    rowid AS rid, file_id, pid, xline,
    nullif(trim(municipality), '') AS v_municipality,
    nullif(trim("month"), '')      AS v_month,
    nullif(trim(person_id), '')    AS v_person_id,
    nullif(trim(household_id), '') AS v_household_id,
    nullif(trim("role"), '')       AS v_role,
    nullif(trim(gender), '')       AS v_gender,
    nullif(trim(birth_year), '')   AS v_birth_year,
    nullif(trim(born_abroad), '')  AS v_born_abroad,
    nullif(trim(reason), '')       AS v_reason,
    nullif(trim(amount_sek), '')   AS v_amount_sek
  FROM stg_bistand_raw
)
SELECT
  *,
  {{municipality}} AS municipality,
  {{month}}        AS "month",
  {{role}}         AS "role",
  {{gender}}       AS gender,
  {{birth_year}}   AS birth_year,
  {{born_abroad}}  AS born_abroad,
  {{reason}}       AS reason,
  {{amount_sek}}   AS amount_sek
FROM raw;
