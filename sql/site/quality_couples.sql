-- Couples where the co-applicant has no reason while the applicant has one, per municipality and year
-- (a household-month with two adults is one couple-month; see couple_months in sql/schema/canonical.sql).
-- Source 001: "in some municipalities only one person in a household is given a reason code".
SELECT municipality, year("month")::INTEGER AS "year",
       sum(couples)::BIGINT AS couples,
       sum(co_applicant_uncoded)::BIGINT AS "coApplicantUncoded"
FROM couple_months
GROUP BY ALL
ORDER BY ALL
