-- What each file of a run replaced (contract §1): per new file and earlier file, the kind, the months
-- replaced (bistand), the years replaced (survey, population; over every municipality a population
-- file replaced), neither for an insats snapshot or a commentary, and the rows removed.
SELECT r.new_file_id AS file_id, o.name AS old_file, r.kind,
       list(strftime(r."month", '%Y-%m') ORDER BY r."month") FILTER (WHERE r."month" IS NOT NULL) AS months,
       list_sort(list_distinct(list(r."year"::VARCHAR) FILTER (WHERE r."year" IS NOT NULL))) AS years,
       sum(r.rows_removed)::BIGINT AS rows
FROM replacements r JOIN files o ON o.file_id = r.old_file_id
WHERE r.run_id = $run_id
GROUP BY ALL
ORDER BY r.new_file_id, min(o.seq);
