-- Rows that name another municipality than the folder the file was uploaded to (contract §1: the
-- whole file is rejected, so no municipality can overwrite another's figures). Files read outside an
-- inbox (kas validate) have no folder: there, rows must at least agree with the file's first row.
-- kinds: bistand insats survey (population files hold every municipality)
WITH expected AS (
  SELECT f.file_id, coalesce(f.folder, (SELECT s.municipality FROM stg_{{kind}} s WHERE s.file_id = f.file_id AND s.municipality IS NOT NULL ORDER BY s.rid LIMIT 1)) AS municipality
  FROM stg_files f
)
SELECT s.file_id, s.rid, s.xline, 'municipality' AS "column", 'wrong_municipality' AS code, s.municipality AS value, e.municipality AS expected
FROM stg_{{kind}} s
JOIN expected e USING (file_id)
WHERE s.municipality IS NOT NULL AND s.municipality <> e.municipality
