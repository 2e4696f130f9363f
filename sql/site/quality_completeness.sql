-- Coding completeness per municipality and year: person-months and those with a reason (quality.html).
SELECT municipality, "year" AS year, person_months::BIGINT AS "personMonths", coded_months::BIGINT AS coded
FROM indicator_counts WHERE target_group = 'all' AND gender = 'T' AND has_bistand ORDER BY ALL;
