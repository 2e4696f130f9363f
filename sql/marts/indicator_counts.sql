-- The counts behind every indicator of contract §6, per target group, municipality, year and gender
-- (K, M and T = both): the numerators and denominators before confidentiality. A municipality's
-- years are those with bistand rows or measure exits; has_bistand / has_insats say whether it
-- delivered data for the year (else the reports show "-"), new_covered / ended_covered whether the
-- months the flows look at are covered by its bistand rows (§6.1). recipients_aged and participants_aged
-- are the numerators of the rates per 1 000 inhabitants (§11): those whose year − birth_year is in the
-- group's ages (schemas/target-groups.json, ages), participants in 18–66.
DELETE FROM indicator_counts WHERE municipality IN (SELECT municipality FROM mart_scope);
INSERT INTO indicator_counts
WITH target_groups(target_group, bit) AS (
  VALUES {{target_groups}}
), group_ages(target_group, age_from, age_to) AS (
  VALUES {{group_ages}}
), bistand_years AS (
  SELECT DISTINCT municipality, "year" FROM person_years -- (the person marts hold the municipalities in scope only)
), coverage AS (
  -- the months that occur in the municipality's loaded bistand rows, as month numbers (year × 12 + month − 1)
  SELECT DISTINCT municipality, year("month") * 12 + month("month") - 1 AS mi
  FROM bistand_months WHERE municipality IN (SELECT municipality FROM mart_scope)
), insats_municipalities AS (
  SELECT DISTINCT municipality FROM measure_events
), municipality_years AS (
  SELECT municipality, "year" FROM bistand_years
  UNION
  SELECT DISTINCT municipality, "year" FROM measure_events WHERE event = 'exit'
), grid AS (
  SELECT t.target_group, my.municipality, my."year", g.gender,
         b.municipality IS NOT NULL AS has_bistand,
         i.municipality IS NOT NULL AS has_insats,
         -- new_recipients looks back twelve months, ended_recipients three months ahead (§6.1)
         (SELECT count(*) FROM coverage c WHERE c.municipality = my.municipality AND c.mi BETWEEN my."year" * 12 - 12 AND my."year" * 12 - 1) = 12 AS new_covered,
         (SELECT count(*) FROM coverage c WHERE c.municipality = my.municipality AND c.mi BETWEEN my."year" * 12 + 12 AND my."year" * 12 + 14) = 3 AS ended_covered
  FROM target_groups t
  CROSS JOIN municipality_years my
  CROSS JOIN (VALUES ('K'), ('M'), ('T')) g(gender)
  LEFT JOIN bistand_years b ON b.municipality = my.municipality AND b."year" = my."year"
  LEFT JOIN insats_municipalities i ON i.municipality = my.municipality
), members AS MATERIALIZED (
  SELECT target_group, municipality, "year", person, gender, months, coded_months,
         "year" - birth_year BETWEEN a.age_from AND a.age_to AS in_ages
  FROM target_group_members JOIN group_ages a USING (target_group)
), recipient_counts AS (
  SELECT m.target_group, m.municipality, m."year", coalesce(m.gender, 'T') AS gender,
         count(*) AS recipients,
         count(*) FILTER (WHERE m.months >= 10) AS long_term,
         sum(m.months) AS person_months,
         sum(m.coded_months) AS coded_months,
         count(*) FILTER (WHERE f.is_new) AS new_recipients,
         count(*) FILTER (WHERE f.is_ended) AS ended_recipients,
         count(*) FILTER (WHERE m.in_ages) AS recipients_aged
  FROM members m JOIN person_flows f USING (municipality, "year", person)
  GROUP BY GROUPING SETS ((m.target_group, m.municipality, m."year", m.gender), (m.target_group, m.municipality, m."year"))
), household_years AS (
  -- each household's months and amount in a year (one row of each household-month carries its amount)
  SELECT municipality, household, "year", sum(household_months) AS household_months, sum(household_amount) AS amount_sek
  FROM person_year_codes
  GROUP BY ALL
), person_groups AS (
  -- the report's target groups each recipient is in during the year, as bits (target_groups.bit)
  SELECT m.municipality, m."year", m.person, bit_or(1::BIGINT << t.bit) AS groups
  FROM members m JOIN target_groups t USING (target_group)
  GROUP BY ALL
), household_groups AS (
  -- the target groups with a recipient in the household during the year
  SELECT pyc.municipality, pyc."year", pyc.household, bit_or(pg.groups) AS groups
  FROM person_year_codes pyc JOIN person_groups pg USING (municipality, "year", person)
  GROUP BY ALL
), household_counts AS (
  -- every household-month of the group's recipients' households in the year, and what was paid to them
  SELECT t.target_group, hg.municipality, hg."year", 'T' AS gender,
         sum(hy.household_months) AS household_months, sum(hy.amount_sek) AS amount_sek
  FROM household_groups hg
  JOIN household_years hy USING (municipality, household, "year")
  JOIN target_groups t ON (hg.groups >> t.bit) & 1 = 1
  GROUP BY ALL
), event_counts AS (
  SELECT target_group, municipality, "year", coalesce(gender, 'T') AS gender,
         count(*) FILTER (WHERE event = 'exit') AS exits,
         count(*) FILTER (WHERE event = 'exit' AND work_or_studies) AS exits_work_studies,
         count(*) FILTER (WHERE event = 'participant') AS participants,
         count(*) FILTER (WHERE event = 'start') AS starts,
         count(*) FILTER (WHERE event = 'exit' AND cost_sek IS NOT NULL) AS costed_exits,
         count(*) FILTER (WHERE event = 'exit' AND cost_sek IS NOT NULL AND work_or_studies) AS costed_exits_work_studies,
         coalesce(sum(cost_sek) FILTER (WHERE event = 'exit'), 0) AS cost_sek,
         count(*) FILTER (WHERE event = 'exit' AND work_or_studies AND covered_3m) AS followed_3m,
         count(*) FILTER (WHERE event = 'exit' AND work_or_studies AND stayed_3m) AS stayed_3m,
         count(*) FILTER (WHERE event = 'exit' AND work_or_studies AND covered_12m) AS followed_12m,
         count(*) FILTER (WHERE event = 'exit' AND work_or_studies AND stayed_12m) AS stayed_12m,
         count(*) FILTER (WHERE event = 'participant' AND "year" - birth_year BETWEEN 18 AND 66) AS participants_aged
  FROM target_group_events
  WHERE target_group IN (SELECT target_group FROM target_groups)
  GROUP BY GROUPING SETS ((target_group, municipality, "year", gender), (target_group, municipality, "year"))
)
SELECT g.target_group, g.municipality, g."year", g.gender, g.has_bistand, g.has_insats, g.new_covered, g.ended_covered,
       coalesce(r.recipients, 0), coalesce(r.long_term, 0), coalesce(r.person_months, 0), coalesce(r.coded_months, 0),
       coalesce(r.new_recipients, 0), coalesce(r.ended_recipients, 0),
       CASE WHEN g.gender = 'T' THEN coalesce(h.household_months, 0) END,
       CASE WHEN g.gender = 'T' THEN coalesce(h.amount_sek, 0) END,
       coalesce(x.exits, 0), coalesce(x.exits_work_studies, 0), coalesce(x.participants, 0), coalesce(x.starts, 0),
       CASE WHEN g.gender = 'T' THEN coalesce(x.costed_exits, 0) END,
       CASE WHEN g.gender = 'T' THEN coalesce(x.costed_exits_work_studies, 0) END,
       CASE WHEN g.gender = 'T' THEN coalesce(x.cost_sek, 0) END,
       coalesce(x.followed_3m, 0), coalesce(x.stayed_3m, 0), coalesce(x.followed_12m, 0), coalesce(x.stayed_12m, 0),
       coalesce(r.recipients_aged, 0), coalesce(x.participants_aged, 0)
FROM grid g
LEFT JOIN recipient_counts r USING (target_group, municipality, "year", gender)
LEFT JOIN household_counts h USING (target_group, municipality, "year", gender)
LEFT JOIN event_counts x USING (target_group, municipality, "year", gender);
