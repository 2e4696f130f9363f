-- Birth years after the year of the row (contract §2: birth_year is not after the row's year).
-- kinds: bistand insats (the rule needs persons and dates)
SELECT file_id, rid, xline, 'birth_year' AS "column", 'birth_after_row_year' AS code,
       birth_year::VARCHAR AS value, year({{date_column}})::VARCHAR AS expected
FROM stg_{{kind}}
WHERE birth_year > year({{date_column}})
