-- exit_reason is required when end_date is set and must be empty while the measure is ongoing (contract §2).
SELECT file_id, rid, xline, 'exit_reason' AS "column",
       CASE WHEN end_date IS NOT NULL THEN 'exit_reason_missing' ELSE 'exit_reason_without_end' END AS code,
       exit_reason AS value, strftime(end_date, '%Y-%m-%d') AS expected
FROM stg_insats
WHERE bad_end_date IS NULL AND bad_exit_reason IS NULL
  AND ((end_date IS NOT NULL AND exit_reason IS NULL) OR (end_date IS NULL AND exit_reason IS NOT NULL))
