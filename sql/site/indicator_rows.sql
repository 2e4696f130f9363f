-- One report's figures before withholding: the rows of indicator_values (sql/marts/) of target group $tg.
-- The text columns come as ENUMs of the values indicator_values holds (sql/site/indicator_rows_values.sql,
-- {{…}}: each ENUM('…', …) in the text's own order, so that ordering by them orders as the text does):
-- read back as the dictionary's strings instead of decoding 10⁵ strings of a few dozen values.
SELECT indicator::{{indicator}} AS indicator, dimension::{{dimension}} AS dimension, category::{{category}} AS category,
       municipality::{{municipality}} AS municipality, "year" AS year, gender::{{gender}} AS gender,
       value::DOUBLE AS value, numerator::DOUBLE AS numerator, denominator::DOUBLE AS denominator, status::{{status}} AS status
FROM indicator_values WHERE target_group = $tg ORDER BY municipality, "year", indicator, dimension, category, gender;
