-- The failing rows of a batch's checks (check_failures, pipeline/load/checks.ts), per file, rule and
-- column: how many, and the first $examples of them with their record number in the file.
WITH numbered AS (
  SELECT c.*, (c.rid - f.base)::BIGINT AS rec,
         row_number() OVER (PARTITION BY c.file_id, c.code, c."column" ORDER BY c.rid) AS nth,
         count(*) OVER (PARTITION BY c.file_id, c.code, c."column") AS n
  FROM check_failures c JOIN stg_files f USING (file_id)
)
SELECT file_id, code, "column", any_value(n) AS n,
       list({'rec': rec, 'xline': xline, 'value': value, 'expected': expected} ORDER BY rec) AS examples
FROM numbered WHERE nth <= $examples
GROUP BY file_id, code, "column"
ORDER BY file_id, min(rec), code;
