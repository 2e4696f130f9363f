-- kas status: per municipality and kind, the rows loaded, the months covered (bistand: the months
-- paid for; insats: the months measures started) and the files they came from, in the order seen.
WITH rows_by_file AS (
  SELECT municipality, 'bistand' AS kind, file_id, strftime("month", '%Y-%m') AS m, rows FROM bistand_months
  UNION ALL
  SELECT municipality, 'insats', file_id, strftime(start_date, '%Y-%m'), count(*) FROM insats GROUP BY ALL
), per_file AS (
  SELECT r.municipality, r.kind, r.file_id, sum(r.rows) AS rows, list(DISTINCT r.m) AS months
  FROM rows_by_file r GROUP BY ALL
)
SELECT p.municipality, p.kind, sum(p.rows)::BIGINT AS rows,
       list_sort(list_distinct(flatten(list(p.months)))) AS months,
       list({'name': f.name, 'first_seen': epoch_ms(f.first_seen), 'rows': p.rows::BIGINT} ORDER BY f.seq) AS files
FROM per_file p JOIN files f USING (file_id)
GROUP BY p.municipality, p.kind
ORDER BY p.municipality, p.kind;
