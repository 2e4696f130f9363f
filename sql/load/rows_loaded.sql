-- Rows loaded per file of the batch (stg_accepted holds the batch's accepted files).
SELECT file_id, count(*) AS n FROM {{kind}} WHERE file_id IN (SELECT file_id FROM stg_accepted) GROUP BY file_id;
