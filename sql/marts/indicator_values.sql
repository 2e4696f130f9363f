-- Every indicator of contract §6 from indicator_counts, before confidentiality: value, numerator,
-- denominator and status ('-' where the municipality delivered no data for the year, or a share has
-- no denominator). Shares are 100 × numerator ÷ denominator and means numerator ÷ denominator,
-- rounded half up in exact integer arithmetic (shares to one decimal, SEK means to öre).
CREATE OR REPLACE TEMP TABLE indicator_values AS
WITH grid AS (
  -- every municipality the reports list × every year of the network: a municipality's year without
  -- data is a row with status '-', so the CSV holds every figure the page shows (contract §7)
  SELECT t.target_group, m.municipality, y."year", g.gender
  FROM (SELECT DISTINCT target_group FROM indicator_counts) t,
       (SELECT DISTINCT municipality FROM bistand_months UNION SELECT DISTINCT municipality FROM insats_snapshots) m,
       (SELECT DISTINCT "year" FROM indicator_counts) y,
       (VALUES ('K'), ('M'), ('T')) g(gender)
), counts AS (
  SELECT g.target_group, g.municipality, g."year", g.gender,
         coalesce(c.has_bistand, false) AS has_bistand, coalesce(c.has_insats, false) AS has_insats,
         c.recipients, c.long_term, c.person_months, c.coded_months, c.household_months, c.amount_sek,
         c.exits, c.exits_work_studies
  FROM grid g LEFT JOIN indicator_counts c USING (target_group, municipality, "year", gender)
), rows AS (
  SELECT target_group, 'recipients' AS indicator, municipality, "year", gender, has_bistand AS has_data,
         recipients::DECIMAL(18, 2) AS numerator, NULL::BIGINT AS denominator,
         recipients::DECIMAL(18, 2) AS value
  FROM counts
  UNION ALL
  SELECT target_group, 'long_term_share', municipality, "year", gender, has_bistand AND recipients > 0,
         long_term, recipients, ((2000 * long_term + recipients) // nullif(2 * recipients, 0)) / 10
  FROM counts
  UNION ALL
  SELECT target_group, 'reason_coded_share', municipality, "year", gender, has_bistand AND person_months > 0,
         coded_months, person_months, ((2000 * coded_months + person_months) // nullif(2 * person_months, 0)) / 10
  FROM counts
  UNION ALL
  SELECT target_group, 'amount_per_household_month', municipality, "year", gender, has_bistand AND household_months > 0,
         amount_sek, household_months,
         ((2 * (amount_sek * 100)::HUGEINT + household_months) // nullif(2 * household_months, 0)) / 100
  FROM counts WHERE gender = 'T'
  UNION ALL
  SELECT target_group, 'measure_exits', municipality, "year", gender,
         has_insats AND (target_group = 'all' OR has_bistand),
         exits, NULL, exits
  FROM counts
  UNION ALL
  SELECT target_group, 'exit_work_studies_share', municipality, "year", gender,
         has_insats AND (target_group = 'all' OR has_bistand) AND exits > 0,
         exits_work_studies, exits, ((2000 * exits_work_studies + exits) // nullif(2 * exits, 0)) / 10
  FROM counts
)
SELECT target_group, indicator, municipality, "year", gender,
       CASE WHEN has_data THEN value::DECIMAL(18, 2) END AS value,
       CASE WHEN has_data THEN numerator::DECIMAL(18, 2) END AS numerator,
       CASE WHEN has_data THEN denominator END AS denominator,
       CASE WHEN has_data THEN '' ELSE '-' END AS status
FROM rows;
