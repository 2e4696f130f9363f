-- Couples where the co-applicant has no reason while the applicant has one, per municipality and year
-- (a household-month with two adults is one couple-month). Without roles in the extract: couples where
-- exactly one of the two adults is coded. Source 001: "in some municipalities only one person in a
-- household is given a reason code".
SELECT municipality, "year",
       count(*) AS couples,
       count(*) FILTER (WHERE CASE WHEN has_roles THEN applicant_coded AND co_applicant_uncoded ELSE coded = 1 END) AS "coApplicantUncoded"
FROM household_months
WHERE adults >= 2
GROUP BY ALL
ORDER BY ALL
