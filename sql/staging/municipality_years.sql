-- The municipality codes of the batch's files (contract §2, §12), per file, code and year: how many
-- rows, and the first of them (record number in the file, worksheet row: a workbook's rows keep their
-- order, so the least is the first's). The codes are few, so pipeline/load/checks.ts asks the official
-- lists (contract/municipalities.ts) once per file and code whether the code is a municipality in
-- those years, never once per row. {{year}}: a row's year (its month's; a survey's or population
-- count's own); {{written}}: the code as the file writes it, where a profile mapped it (else NULL).
-- An insats file is a snapshot: municipality_snapshot_years.sql.
SELECT g.file_id, g.code, g.year, NULL::VARCHAR AS day, NULL::VARCHAR AS source, g.n, (g.first - f.base)::BIGINT AS rec, g.xline, g.written
FROM (
  SELECT file_id, municipality AS code, {{year}} AS year, count(*) AS n, min(rid) AS first, min(xline) AS xline, {{written}} AS written
  FROM stg_{{kind}}
  WHERE municipality IS NOT NULL AND {{year}} IS NOT NULL
  GROUP BY file_id, municipality, {{year}}
) g
JOIN stg_files f USING (file_id)
ORDER BY g.file_id, rec
