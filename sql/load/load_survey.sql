-- Loads the winning municipality-years of this batch's survey files (load_years_replaced.sql): one row
-- per respondent and question, the respondent as its keyed pseudonym (stg_respondents.sql; a number
-- that passes as an identity number rejected the file first: sql/checks/survey_respondent_identity.sql).
INSERT INTO survey
SELECT s.municipality, s."year", r.respondent, s.gender, s.question, s.answer,
       s.file_id, coalesce(s.xline, s.rid - f.base + 2)::INTEGER AS line
FROM stg_survey s
JOIN load_years w ON w.wins AND w.file_id = s.file_id AND w.municipality = s.municipality AND w."year" = s."year"
JOIN stg_files f ON f.file_id = s.file_id
JOIN stg_survey_respondents r ON r.municipality = s.municipality AND r."year" = s."year" AND r.v_respondent = s.v_respondent;
