-- amount_sek per household and month (contract §2): required on one row of each household-month;
-- the other rows leave it empty or repeat the same value; never two different values.
WITH household_months AS (
  SELECT file_id, household, "month",
         min(rid) AS rid,
         arg_min(xline, rid) AS xline,
         count(amount_sek) AS amounts,
         min(amount_sek) AS lowest,
         max(amount_sek) AS highest
  FROM stg_bistand
  WHERE household IS NOT NULL AND "month" IS NOT NULL AND bad_amount_sek IS NULL
  GROUP BY file_id, household, "month"
)
SELECT file_id, rid, xline, 'amount_sek' AS "column",
       CASE WHEN amounts = 0 THEN 'missing_amount' ELSE 'conflicting_amounts' END AS code,
       CASE WHEN amounts = 0 THEN NULL ELSE lowest::VARCHAR || ' / ' || highest::VARCHAR END AS value,
       strftime("month", '%Y-%m') AS expected
FROM household_months
WHERE amounts = 0 OR lowest <> highest
