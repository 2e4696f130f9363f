-- kas status: per inbox folder (a municipality, or network for population) and kind, the rows loaded,
-- what they cover — bistand: the months paid for; insats: the months measures started; survey and
-- population: the years (YYYY); commentary: nothing (its rows are the current commentary's lines) —
-- the municipalities a population file counts, and the files the rows came from, in the order seen.
WITH rows_by_file AS (
  SELECT 'bistand' AS kind, file_id, strftime("month", '%Y-%m') AS period, NULL::VARCHAR AS municipality, rows FROM bistand_months
  UNION ALL
  SELECT 'insats', file_id, strftime(start_date, '%Y-%m'), NULL, count(*) FROM insats GROUP BY ALL
  UNION ALL
  SELECT 'survey', file_id, "year"::VARCHAR, NULL, count(*) FROM survey GROUP BY ALL
  UNION ALL
  SELECT 'population', file_id, "year"::VARCHAR, municipality, count(*) FROM population GROUP BY ALL
  UNION ALL
  SELECT 'commentary', c.file_id, NULL, NULL, f.rows_loaded FROM commentary c JOIN files f USING (file_id)
), per_file AS (
  SELECT r.kind, r.file_id, sum(r.rows) AS rows, list(DISTINCT r.period) FILTER (WHERE r.period IS NOT NULL) AS periods,
         list(DISTINCT r.municipality) FILTER (WHERE r.municipality IS NOT NULL) AS municipalities
  FROM rows_by_file r GROUP BY ALL
)
SELECT f.municipality, p.kind, sum(p.rows)::BIGINT AS rows,
       coalesce(list_sort(list_distinct(flatten(list(p.periods)))), []) AS months,
       coalesce(list_sort(list_distinct(flatten(list(p.municipalities)))), []) AS municipalities,
       list({'name': f.name, 'first_seen': epoch_ms(f.first_seen), 'rows': p.rows::BIGINT} ORDER BY f.seq) AS files
FROM per_file p JOIN files f USING (file_id)
GROUP BY f.municipality, p.kind
ORDER BY f.municipality = 'network', f.municipality, list_position(['bistand', 'insats', 'survey', 'commentary', 'population'], p.kind);
