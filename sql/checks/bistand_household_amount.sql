-- amount_sek per household and month (contract §2): required on one row of each household-month;
-- the other rows leave it empty or repeat the same value; never two different values. (A
-- household-month with an amount that is not a number is reported for that value instead.)
SELECT file_id, rid, xline, 'amount_sek' AS "column",
       CASE WHEN amounts = 0 THEN 'missing_amount' ELSE 'conflicting_amounts' END AS code,
       CASE WHEN amounts = 0 THEN NULL ELSE lowest::VARCHAR || ' / ' || highest::VARCHAR END AS value,
       strftime("month", '%Y-%m') AS expected
FROM stg_household_months
WHERE bad_amounts = 0 AND (amounts = 0 OR lowest <> highest)
