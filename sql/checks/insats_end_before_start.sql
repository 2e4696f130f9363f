-- end_date before start_date (contract §2).
SELECT file_id, rid, xline, 'end_date' AS "column", 'end_before_start' AS code,
       strftime(end_date, '%Y-%m-%d') AS value, strftime(start_date, '%Y-%m-%d') AS expected
FROM stg_insats
WHERE end_date < start_date
