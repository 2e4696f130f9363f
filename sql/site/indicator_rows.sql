-- One report's figures before withholding: the rows of indicator_values (sql/marts/) of target group $tg.
SELECT indicator, dimension, category, municipality, "year" AS year, gender, value::DOUBLE AS value, numerator::DOUBLE AS numerator, denominator, status
FROM indicator_values WHERE target_group = $tg ORDER BY municipality, "year", indicator, dimension, category, gender;
