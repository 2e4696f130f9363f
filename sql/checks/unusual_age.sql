-- Adults outside 16–110 years of age in the row's year: loaded, but probably a typing error.
-- kinds: bistand insats (the rule needs persons and dates)
SELECT file_id, rid, xline, 'birth_year' AS "column", 'unusual_age' AS code,
       birth_year::VARCHAR AS value, (year({{date_column}}) - birth_year)::VARCHAR AS expected
FROM stg_{{kind}}
WHERE birth_year <= year({{date_column}}) AND (year({{date_column}}) - birth_year < 16 OR year({{date_column}}) - birth_year > 110)
