-- The values of indicator_values' text columns, each in order: the ENUMs sql/site/indicator_rows.sql reads them as.
SELECT list(DISTINCT indicator ORDER BY indicator) AS indicator, list(DISTINCT dimension ORDER BY dimension) AS dimension,
       list(DISTINCT category ORDER BY category) AS category, list(DISTINCT municipality ORDER BY municipality) AS municipality,
       list(DISTINCT gender ORDER BY gender) AS gender, list(DISTINCT status ORDER BY status) AS status
FROM indicator_values;
