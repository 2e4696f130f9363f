-- Drops a batch's temporary tables: they can hold identity numbers.
DROP VIEW IF EXISTS stg_{{kind}};
DROP TABLE IF EXISTS stg_{{kind}}_rows;
DROP TABLE IF EXISTS stg_{{kind}}_persons;
DROP TABLE IF EXISTS stg_bistand_households;
DROP TABLE IF EXISTS stg_survey_respondents;
DROP TABLE IF EXISTS stg_household_months;
DROP TABLE IF EXISTS check_failures;
DROP TABLE IF EXISTS load_months;
DROP TABLE IF EXISTS load_snapshots;
DROP TABLE IF EXISTS load_years;
DROP TABLE IF EXISTS load_replaced;
