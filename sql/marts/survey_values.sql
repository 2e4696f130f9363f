-- The user-survey figures of contract §15, before confidentiality: per municipality, survey year,
-- question (dimension `question`, every code of the question list, also one nobody answered) and
-- gender K, M and T, in the shape of indicator_values' rows. Respondents without a gender count in T
-- only; an answer left empty ("vet ej") is not counted. A municipality's year without survey rows is
-- a row with status '-' for every figure (the CSV holds every figure the page could show, §7), and so
-- is a share or mean with no respondents (§6.4). Shares are 100 × answers 5–6 ÷ respondents to one
-- decimal, means the sum of answers ÷ respondents to two, both rounded half up in exact integer
-- arithmetic (sql/macros/rounding.sql); numerators and denominators are exact. Small enough to be
-- made anew every run; what it holds is read by pipeline/publish/survey.ts (sql/site/survey_rows.sql).
CREATE OR REPLACE TEMP TABLE survey_values AS
WITH latest AS (
  -- one row per respondent and question and year (a newer file replaces a year's rows, §1: this only
  -- keeps the figures consistent should two files ever both hold one)
  SELECT municipality, "year", question, respondent, gender, answer
  FROM survey
  QUALIFY row_number() OVER (PARTITION BY municipality, "year", question, respondent ORDER BY file_id DESC) = 1
), answers AS (
  SELECT * FROM latest WHERE answer BETWEEN 1 AND 6
), counts AS (
  SELECT municipality, "year", question, gender,
         count(DISTINCT respondent) AS respondents, count(*) FILTER (WHERE answer >= 5) AS positive, sum(answer) AS answer_sum
  FROM answers WHERE gender IN ('K', 'M')
  GROUP BY ALL
  UNION ALL
  SELECT municipality, "year", question, 'T',
         count(DISTINCT respondent), count(*) FILTER (WHERE answer >= 5), sum(answer)
  FROM answers
  GROUP BY ALL
), questions AS (
  SELECT code AS question FROM codes WHERE list = 'question'
  UNION
  SELECT DISTINCT question FROM survey
), grid AS (
  -- every municipality with a survey in any year × every survey year of the network
  SELECT m.municipality, y."year", q.question, g.gender, s.municipality IS NOT NULL AS has_survey,
         coalesce(c.respondents, 0) AS n, coalesce(c.positive, 0) AS p, coalesce(c.answer_sum, 0) AS s
  FROM (SELECT DISTINCT municipality FROM survey) m
  CROSS JOIN (SELECT DISTINCT "year" FROM survey) y
  CROSS JOIN questions q
  CROSS JOIN (VALUES ('K'), ('M'), ('T')) g(gender)
  LEFT JOIN (SELECT DISTINCT municipality, "year" FROM survey) s ON s.municipality = m.municipality AND s."year" = y."year"
  LEFT JOIN counts c ON c.municipality = m.municipality AND c."year" = y."year" AND c.question = q.question AND c.gender = g.gender
), figures AS (
  SELECT 'survey_respondents' AS indicator, municipality, "year", question, gender, has_survey AS has_data,
         n AS numerator, NULL::BIGINT AS denominator, n::DOUBLE AS value
  FROM grid
  UNION ALL
  SELECT 'survey_positive_share', municipality, "year", question, gender, has_survey AND n > 0,
         p, n, kas_share(p, n)
  FROM grid
  UNION ALL
  -- two decimals, half up: (200 s + n) ÷ 2n in integers, then ÷ 100
  SELECT 'survey_mean_score', municipality, "year", question, gender, has_survey AND n > 0,
         s, n, ((200 * s + n) // nullif(2 * n, 0)) / 100
  FROM grid
)
SELECT indicator, 'question' AS dimension, question AS category, municipality, "year", gender,
       CASE WHEN has_data THEN value::DECIMAL(18, 2) END AS value,
       CASE WHEN has_data THEN numerator END AS numerator,
       CASE WHEN has_data THEN denominator END AS denominator,
       CASE WHEN has_data THEN '' ELSE '-' END AS status
FROM figures;
