-- Every indicator of contract §6 from indicator_counts, before confidentiality: value, numerator,
-- denominator and status ('-' where the municipality delivered no data for the year, or a share has
-- no denominator, or a flow's months around the year are not covered). Shares are 100 × numerator ÷
-- denominator and means numerator ÷ denominator, rounded half up in exact integer arithmetic
-- (sql/macros/rounding.sql: shares and months per recipient to one decimal, amounts to whole kronor). The measure
-- indicators of a target group other than all need the group's bistand rows of the year. Totals have an
-- empty dimension and category; the breakdowns of §6.3 (breakdown_counts, the indicators each dimension
-- breaks down in breakdown_indicators) repeat an indicator per category, a share of the total
-- (exit_reason_share, exit_duration_share) over the total's measure_exits. The rates per 1 000
-- inhabitants (§11) take their denominators from the population rows as they are in this run: public
-- figures, '-' where a municipality-year has none.
CREATE OR REPLACE TEMP TABLE indicator_values AS
WITH grid AS (
  -- every municipality the reports list × every year of the network: a municipality's year without
  -- data is a row with status '-', so the CSV holds every figure the page shows (contract §7)
  SELECT t.target_group, m.municipality, y."year", g.gender
  FROM (SELECT DISTINCT target_group FROM indicator_counts) t,
       (SELECT DISTINCT municipality FROM bistand_months UNION SELECT DISTINCT municipality FROM insats_snapshots) m,
       (SELECT DISTINCT "year" FROM indicator_counts) y,
       (VALUES ('K'), ('M'), ('T')) g(gender)
), group_ages(target_group, age_from, age_to) AS (
  VALUES {{group_ages}}
), inhabitants AS (
  -- inhabitants at 31 December per municipality, year and gender (T: both), in each target group's
  -- ages and in 18–66
  SELECT a.target_group, p.municipality, p."year", coalesce(p.gender, 'T') AS gender,
         coalesce(sum(p.persons) FILTER (WHERE p.age BETWEEN a.age_from AND a.age_to), 0)::BIGINT AS in_group_ages,
         coalesce(sum(p.persons) FILTER (WHERE p.age BETWEEN 18 AND 66), 0)::BIGINT AS aged_18_66
  FROM population p CROSS JOIN group_ages a
  GROUP BY GROUPING SETS ((a.target_group, p.municipality, p."year", p.gender), (a.target_group, p.municipality, p."year"))
), counts AS (
  SELECT g.target_group, g.municipality, g."year", g.gender,
         coalesce(c.has_bistand, false) AS has_bistand,
         coalesce(c.has_insats AND (g.target_group = 'all' OR c.has_bistand), false) AS has_measures,
         coalesce(c.new_covered, false) AS new_covered, coalesce(c.ended_covered, false) AS ended_covered,
         c.recipients, c.long_term, c.person_months, c.coded_months, c.new_recipients, c.ended_recipients,
         c.household_months, c.amount_sek, c.exits, c.exits_work_studies, c.participants, c.starts,
         c.costed_exits, c.costed_exits_work_studies, c.cost_sek, c.followed_3m, c.stayed_3m, c.followed_12m, c.stayed_12m,
         c.recipients_aged, c.participants_aged, i.in_group_ages, i.aged_18_66
  FROM grid g LEFT JOIN indicator_counts c USING (target_group, municipality, "year", gender)
  LEFT JOIN inhabitants i USING (target_group, municipality, "year", gender)
), breakdowns AS (
  -- every category of every dimension for every row of the grid, also at 0 (§6.3)
  SELECT c.target_group, i.indicator, k.dimension, k.code AS category, c.municipality, c."year", c.gender, c.has_measures,
         coalesce(b.participants, 0) AS participants, coalesce(b.starts, 0) AS starts,
         coalesce(b.exits, 0) AS exits, coalesce(b.exits_work_studies, 0) AS exits_work_studies, c.exits AS total_exits
  FROM counts c
  CROSS JOIN breakdown_categories k
  JOIN breakdown_indicators i ON i.dimension = k.dimension
  LEFT JOIN breakdown_counts b ON b.target_group = c.target_group AND b.municipality = c.municipality AND b."year" = c."year"
   AND b.gender = c.gender AND b.dimension = k.dimension AND b.category = k.code
), breakdown_rows AS (
  SELECT target_group, indicator, dimension, category, municipality, "year", gender, has_measures AS has_data,
         participants::DECIMAL(18, 2) AS numerator, NULL::BIGINT AS denominator, participants::DECIMAL(18, 2) AS value
  FROM breakdowns WHERE indicator = 'participants'
  UNION ALL
  SELECT target_group, indicator, dimension, category, municipality, "year", gender, has_measures, starts, NULL, starts
  FROM breakdowns WHERE indicator = 'measure_starts'
  UNION ALL
  SELECT target_group, indicator, dimension, category, municipality, "year", gender, has_measures, exits, NULL, exits
  FROM breakdowns WHERE indicator = 'measure_exits'
  UNION ALL
  SELECT target_group, indicator, dimension, category, municipality, "year", gender, has_measures AND exits > 0,
         exits_work_studies, exits, kas_share(exits_work_studies, exits)
  FROM breakdowns WHERE indicator = 'exit_work_studies_share'
  UNION ALL
  -- shares of the total: the category's exits of all the measures that ended
  SELECT target_group, indicator, dimension, category, municipality, "year", gender, has_measures AND total_exits > 0,
         exits, total_exits, kas_share(exits, total_exits)
  FROM breakdowns WHERE indicator IN ('exit_reason_share', 'exit_duration_share')
), rows AS (
  SELECT target_group, 'recipients' AS indicator, municipality, "year", gender, has_bistand AS has_data,
         recipients::DECIMAL(18, 2) AS numerator, NULL::BIGINT AS denominator,
         recipients::DECIMAL(18, 2) AS value
  FROM counts
  UNION ALL
  SELECT target_group, 'long_term_share', municipality, "year", gender, has_bistand AND recipients > 0,
         long_term, recipients, kas_share(long_term, recipients)
  FROM counts
  UNION ALL
  SELECT target_group, 'reason_coded_share', municipality, "year", gender, has_bistand AND person_months > 0,
         coded_months, person_months, kas_share(coded_months, person_months)
  FROM counts
  UNION ALL
  SELECT target_group, 'amount_per_household_month', municipality, "year", gender, has_bistand AND household_months > 0,
         amount_sek, household_months,
         kas_kronor(amount_sek, household_months)
  FROM counts WHERE gender = 'T'
  UNION ALL
  SELECT target_group, 'months_per_recipient', municipality, "year", gender, has_bistand AND recipients > 0,
         person_months, recipients, kas_ratio_1(person_months, recipients)
  FROM counts
  UNION ALL
  SELECT target_group, 'new_recipients', municipality, "year", gender, has_bistand AND new_covered,
         new_recipients, NULL, new_recipients
  FROM counts
  UNION ALL
  SELECT target_group, 'ended_recipients', municipality, "year", gender, has_bistand AND ended_covered,
         ended_recipients, NULL, ended_recipients
  FROM counts
  UNION ALL
  SELECT target_group, 'participants', municipality, "year", gender, has_measures,
         participants, NULL, participants
  FROM counts
  UNION ALL
  SELECT target_group, 'measure_starts', municipality, "year", gender, has_measures,
         starts, NULL, starts
  FROM counts
  UNION ALL
  SELECT target_group, 'measure_exits', municipality, "year", gender, has_measures,
         exits, NULL, exits
  FROM counts
  UNION ALL
  SELECT target_group, 'exit_work_studies_share', municipality, "year", gender, has_measures AND exits > 0,
         exits_work_studies, exits, kas_share(exits_work_studies, exits)
  FROM counts
  UNION ALL
  SELECT target_group, 'cost_per_exit', municipality, "year", gender, has_measures AND costed_exits > 0,
         cost_sek, costed_exits,
         kas_kronor(cost_sek, costed_exits)
  FROM counts WHERE gender = 'T'
  UNION ALL
  SELECT target_group, 'cost_per_work_studies_exit', municipality, "year", gender, has_measures AND costed_exits_work_studies > 0,
         cost_sek, costed_exits_work_studies,
         kas_kronor(cost_sek, costed_exits_work_studies)
  FROM counts WHERE gender = 'T'
  UNION ALL
  SELECT target_group, 'no_return_3m_share', municipality, "year", gender, has_measures AND followed_3m > 0,
         stayed_3m, followed_3m, kas_share(stayed_3m, followed_3m)
  FROM counts
  UNION ALL
  SELECT target_group, 'no_return_12m_share', municipality, "year", gender, has_measures AND followed_12m > 0,
         stayed_12m, followed_12m, kas_share(stayed_12m, followed_12m)
  FROM counts
  UNION ALL
  SELECT target_group, 'recipients_per_1000', municipality, "year", gender, has_bistand AND coalesce(in_group_ages, 0) > 0,
         recipients_aged, in_group_ages, kas_per_1000(recipients_aged, in_group_ages)
  FROM counts
  UNION ALL
  SELECT target_group, 'participants_per_1000', municipality, "year", gender, has_measures AND coalesce(aged_18_66, 0) > 0,
         participants_aged, aged_18_66, kas_per_1000(participants_aged, aged_18_66)
  FROM counts WHERE target_group = 'all'
)
SELECT target_group, indicator, dimension, category, municipality, "year", gender,
       CASE WHEN has_data THEN value::DECIMAL(18, 2) END AS value,
       CASE WHEN has_data THEN numerator::DECIMAL(18, 2) END AS numerator,
       CASE WHEN has_data THEN denominator END AS denominator,
       CASE WHEN has_data THEN '' ELSE '-' END AS status
FROM (SELECT target_group, indicator, '' AS dimension, '' AS category, municipality, "year", gender, has_data, numerator, denominator, value FROM rows
      UNION ALL
      SELECT * FROM breakdown_rows);
