-- One group of this run's bistand files (same layout and profile), read by DuckDB's CSV reader and
-- typed in the same pass: the trimmed text of each column (v_*), its contract value (NULL when the
-- text is not valid; code columns mapped through the file's profile), and for every value that is not
-- valid its raw text in bad_*, so the checks in sql/checks/ can name it. Identity numbers stay as text
-- here (temporary, this run only) until sql/staging/stg_persons.sql keys them.
{{into}}
WITH raw AS (
  SELECT
    {{file_id}} AS file_id,
    {{xline}} AS xline,
    nullif({{c_municipality}}, '') AS v_municipality,
    nullif({{c_month}}, '')        AS v_month,
    nullif({{c_person_id}}, '')    AS v_person_id,
    nullif({{c_household_id}}, '') AS v_household_id,
    nullif({{c_role}}, '')         AS v_role,
    nullif({{c_gender}}, '')       AS v_gender,
    nullif({{c_birth_year}}, '')   AS v_birth_year,
    nullif({{c_born_abroad}}, '')  AS v_born_abroad,
    nullif({{c_reason}}, '')       AS v_reason,
    nullif({{c_amount_sek}}, '')   AS v_amount_sek
  FROM {{source}}
), parsed AS (
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
  FROM raw
)
SELECT
  file_id, xline,
  municipality, "month", v_person_id, v_household_id, "role", gender, birth_year, born_abroad, reason, amount_sek,
  CASE WHEN municipality IS NULL THEN v_municipality END AS bad_municipality,
  CASE WHEN "month" IS NULL THEN v_month END             AS bad_month,
  CASE WHEN "role" IS NULL THEN v_role END               AS bad_role,
  CASE WHEN gender IS NULL THEN v_gender END             AS bad_gender,
  CASE WHEN birth_year IS NULL THEN v_birth_year END     AS bad_birth_year,
  CASE WHEN born_abroad IS NULL THEN v_born_abroad END   AS bad_born_abroad,
  CASE WHEN reason IS NULL THEN v_reason END             AS bad_reason,
  CASE WHEN amount_sek IS NULL THEN v_amount_sek END     AS bad_amount_sek
  -- and, in a batch with a file read through a profile, what the profile mapped (mapped_<column>, for quality.html)
  {{mapped}}
FROM parsed;
