-- Every replacement of loaded rows by a newer file (contract §1), for quality.html: the month (bistand)
-- or the year (survey, population) replaced; none for an insats snapshot or a commentary.
SELECT r.municipality, r.kind, coalesce(strftime(r."month", '%Y-%m'), r."year"::VARCHAR) AS "month", o.name AS "oldFile", n.name AS "newFile", r.rows_removed AS rows
FROM replacements r JOIN files o ON o.file_id = r.old_file_id JOIN files n ON n.file_id = r.new_file_id
ORDER BY r.municipality, r.kind, r."month", r."year";
