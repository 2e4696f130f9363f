-- Dates after the run date: loaded, but an extract cannot know the future (a typing error?).
SELECT file_id, rid, xline, '{{date_name}}' AS "column", 'future_date' AS code,
       strftime({{date_column}}, '{{date_format}}') AS value, NULL AS expected
FROM stg_{{kind}}
WHERE {{date_column}} > {{today}}
