-- The user-survey figures before withholding (contract §15): the rows of survey_values (sql/marts/).
SELECT indicator, dimension, category, municipality, "year" AS year, gender, value::DOUBLE AS value,
       numerator::DOUBLE AS numerator, denominator::DOUBLE AS denominator, status
FROM survey_values ORDER BY municipality, "year", category, indicator, gender;
