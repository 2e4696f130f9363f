-- Each household-month of this batch's bistand rows, per file: its adults, how many carry a reason,
-- and its amounts. The household checks (one amount per household-month, couples coded for one adult
-- only) read this instead of grouping the rows again, and the load keeps it as household_months.
CREATE OR REPLACE TEMP TABLE stg_household_months AS
SELECT file_id, municipality, v_household_id, "month",
       min(rid) AS rid,
       min(xline) AS xline, -- the first row's: worksheet rows grow with rid within a file
       count(*) AS adults,
       count(reason) AS coded,
       count(amount_sek) AS amounts,
       count(bad_amount_sek) AS bad_amounts,
       min(amount_sek) AS lowest,
       max(amount_sek) AS highest,
       coalesce(bool_or("role" = 'applicant' AND reason IS NOT NULL), false) AS applicant_coded,
       coalesce(bool_or("role" = 'co_applicant' AND reason IS NULL), false) AS co_applicant_uncoded,
       bool_or("role" IS NOT NULL) AS has_roles
FROM stg_bistand
WHERE v_household_id IS NOT NULL AND "month" IS NOT NULL
GROUP BY file_id, municipality, v_household_id, "month";
