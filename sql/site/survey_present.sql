-- Whether any municipality has survey figures (contract §15): then survey.html is published, and every
-- page links it. The marts must have run (sql/marts/survey_values.sql).
SELECT count(*) > 0 AS present FROM survey_values;
