-- Typed insats rows of this run, ready to load: pseudonyms joined in, and for every value that is
-- not valid its raw text in bad_* (NULL otherwise), so the checks in sql/checks/ can name it.
CREATE OR REPLACE TEMP TABLE stg_insats AS
SELECT
  p.rid, p.file_id, p.xline,
  p.municipality, ps.person, p.gender, p.birth_year, p.measure, p.need_category, p.referred_by,
  p.start_date, p.end_date, p.exit_reason, p.cost_sek,
  ps.problem AS person_problem,
  CASE WHEN p.municipality IS NULL THEN p.v_municipality END   AS bad_municipality,
  p.v_person_id IS NULL                                        AS missing_person_id,
  CASE WHEN p.gender IS NULL THEN p.v_gender END               AS bad_gender,
  CASE WHEN p.birth_year IS NULL THEN p.v_birth_year END       AS bad_birth_year,
  CASE WHEN p.measure IS NULL THEN p.v_measure END             AS bad_measure,
  CASE WHEN p.need_category IS NULL THEN p.v_need_category END AS bad_need_category,
  CASE WHEN p.referred_by IS NULL THEN p.v_referred_by END     AS bad_referred_by,
  CASE WHEN p.start_date IS NULL THEN p.v_start_date END       AS bad_start_date,
  CASE WHEN p.end_date IS NULL THEN p.v_end_date END           AS bad_end_date,
  CASE WHEN p.exit_reason IS NULL THEN p.v_exit_reason END     AS bad_exit_reason,
  CASE WHEN p.cost_sek IS NULL THEN p.v_cost_sek END           AS bad_cost_sek
FROM stg_insats_parsed p
LEFT JOIN stg_insats_persons ps ON ps.v_person_id = p.v_person_id AND ps.yr = year(p.start_date);
