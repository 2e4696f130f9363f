-- One group of this run's insats files (same layout and profile), read by DuckDB's CSV reader and
-- typed in the same pass: the trimmed text of each column (v_*), its contract value (NULL when the
-- text is not valid; code columns mapped through the file's profile), and for every value that is not
-- valid its raw text in bad_*, so the checks in sql/checks/ can name it. Identity numbers stay as text
-- here (temporary, this run only) until sql/staging/stg_persons.sql keys them.
{{into}}
WITH raw AS (
  SELECT
    {{file_id}} AS file_id,
    {{xline}} AS xline,
    nullif({{c_municipality}}, '')  AS v_municipality,
    nullif({{c_person_id}}, '')     AS v_person_id,
    nullif({{c_gender}}, '')        AS v_gender,
    nullif({{c_birth_year}}, '')    AS v_birth_year,
    nullif({{c_measure}}, '')       AS v_measure,
    nullif({{c_need_category}}, '') AS v_need_category,
    nullif({{c_referred_by}}, '')   AS v_referred_by,
    nullif({{c_start_date}}, '')    AS v_start_date,
    nullif({{c_end_date}}, '')      AS v_end_date,
    nullif({{c_exit_reason}}, '')   AS v_exit_reason,
    nullif({{c_cost_sek}}, '')      AS v_cost_sek
  FROM {{source}}
), parsed AS (
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
  FROM raw
)
SELECT
  file_id, xline,
  municipality, v_person_id, gender, birth_year, measure, need_category, referred_by,
  start_date, end_date, exit_reason, cost_sek,
  CASE WHEN municipality IS NULL THEN v_municipality END   AS bad_municipality,
  CASE WHEN gender IS NULL THEN v_gender END               AS bad_gender,
  CASE WHEN birth_year IS NULL THEN v_birth_year END       AS bad_birth_year,
  CASE WHEN measure IS NULL THEN v_measure END             AS bad_measure,
  CASE WHEN need_category IS NULL THEN v_need_category END AS bad_need_category,
  CASE WHEN referred_by IS NULL THEN v_referred_by END     AS bad_referred_by,
  CASE WHEN start_date IS NULL THEN v_start_date END       AS bad_start_date,
  CASE WHEN end_date IS NULL THEN v_end_date END           AS bad_end_date,
  CASE WHEN exit_reason IS NULL THEN v_exit_reason END     AS bad_exit_reason,
  CASE WHEN cost_sek IS NULL THEN v_cost_sek END           AS bad_cost_sek
  -- and, in a batch with a file read through a profile, what the profile mapped (mapped_<column>, for quality.html)
  {{mapped}}
FROM parsed;
