-- Couples where the co-applicant has no reason while the applicant has one, per municipality and year
-- (a household-month with two adults is one couple-month). Without roles in the extract: couples where
-- exactly one of the two adults is coded. Source 001: "in some municipalities only one person in a
-- household is given a reason code".
WITH household_months AS (
  SELECT municipality, household, "month",
         count(*) AS adults,
         count(reason) AS coded,
         bool_or("role" = 'applicant' AND reason IS NOT NULL) AS applicant_coded,
         bool_or("role" = 'co_applicant' AND reason IS NULL) AS co_applicant_uncoded,
         bool_or("role" IS NOT NULL) AS has_roles
  FROM bistand
  GROUP BY ALL
  HAVING count(*) >= 2
)
SELECT municipality, year("month")::INTEGER AS "year",
       count(*) AS couples,
       count(*) FILTER (WHERE CASE WHEN has_roles THEN applicant_coded AND co_applicant_uncoded ELSE coded = 1 END) AS "coApplicantUncoded"
FROM household_months
GROUP BY ALL
ORDER BY ALL
