-- Every distinct respondent of this batch's survey rows, keyed per municipality and survey year: whoever
-- ran the survey can link its respondent numbers to persons, so they are pseudonymised like case
-- numbers (sql/staging/stg_households.sql) and the number itself is never stored.
CREATE OR REPLACE TEMP TABLE stg_survey_respondents AS
WITH respondents AS (
  SELECT DISTINCT municipality, "year", v_respondent
  FROM stg_survey_rows
  WHERE v_respondent IS NOT NULL AND municipality IS NOT NULL AND "year" IS NOT NULL
)
SELECT municipality, "year", v_respondent, {{pseudonym_respondent}} AS respondent
FROM respondents;
