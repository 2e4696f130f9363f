-- insats rows of this run, parsed: the trimmed raw text of each column (v_*) beside its contract
-- value (NULL when the text is not valid). Code columns are mapped through the file's profile.
CREATE OR REPLACE TEMP VIEW stg_insats_parsed AS
WITH raw AS (
  SELECT
    rowid AS rid, file_id, pid, xline,
    nullif(trim(municipality), '')  AS v_municipality,
    nullif(trim(person_id), '')     AS v_person_id,
    nullif(trim(gender), '')        AS v_gender,
    nullif(trim(birth_year), '')    AS v_birth_year,
    nullif(trim(measure), '')       AS v_measure,
    nullif(trim(need_category), '') AS v_need_category,
    nullif(trim(referred_by), '')   AS v_referred_by,
    nullif(trim(start_date), '')    AS v_start_date,
    nullif(trim(end_date), '')      AS v_end_date,
    nullif(trim(exit_reason), '')   AS v_exit_reason,
    nullif(trim(cost_sek), '')      AS v_cost_sek
  FROM stg_insats_raw
)
SELECT
  *,
  {{municipality}}  AS municipality,
  {{gender}}        AS gender,
  {{birth_year}}    AS birth_year,
  {{measure}}       AS measure,
  {{need_category}} AS need_category,
  {{referred_by}}   AS referred_by,
  {{start_date}}    AS start_date,
  {{end_date}}      AS end_date,
  {{exit_reason}}   AS exit_reason,
  {{cost_sek}}      AS cost_sek
FROM raw;
