-- A respondent twice for the same question in one survey file (contract §2), in the same survey year
-- (a file of several years may number its respondents anew each year). Respondents are compared as
-- written (trimmed). Every row after the first is listed, with the first one's place ('line:' its
-- worksheet row, or 'rec:' its record number, which pipeline/load/checks.ts turns into a line) in expected.
WITH keyed AS MATERIALIZED (
  SELECT file_id, rid, xline, "year", v_respondent, question
  FROM stg_survey
  WHERE v_respondent IS NOT NULL AND question IS NOT NULL
), twice AS (
  SELECT file_id, "year", v_respondent, question FROM keyed GROUP BY ALL HAVING count(*) > 1
), numbered AS (
  SELECT k.*, row_number() OVER w AS nth, first_value(k.rid) OVER w AS first_rid, first_value(k.xline) OVER w AS first_xline
  FROM keyed k
  SEMI JOIN twice t ON t.file_id = k.file_id AND t."year" IS NOT DISTINCT FROM k."year" AND t.v_respondent = k.v_respondent AND t.question = k.question
  WINDOW w AS (PARTITION BY k.file_id, k."year", k.v_respondent, k.question ORDER BY k.rid)
)
SELECT n.file_id, n.rid, n.xline, 'question' AS "column", 'duplicate_survey_answer' AS code,
       n.question AS value,
       coalesce('line:' || n.first_xline, 'rec:' || (n.first_rid - f.base)) AS expected
FROM numbered n JOIN stg_files f USING (file_id)
WHERE n.nth > 1
