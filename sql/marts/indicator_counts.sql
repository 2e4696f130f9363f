-- The counts behind every indicator of contract §6, per target group, municipality, year and gender
-- (K, M and T = both): the numerators and denominators before confidentiality. A municipality's
-- years are those with bistand rows or measure exits; has_bistand / has_insats say whether it
-- delivered data for the year (else the reports show "-").
DELETE FROM indicator_counts WHERE municipality IN (SELECT municipality FROM mart_scope);
INSERT INTO indicator_counts
WITH target_groups(target_group, bit) AS (
  VALUES {{target_groups}}
), bistand_years AS (
  SELECT DISTINCT municipality, "year" FROM person_years -- (the person marts hold the municipalities in scope only)
), exits AS (
  SELECT i.municipality, year(i.end_date)::INTEGER AS "year", i.person, a.gender,
         coalesce(c.work_or_studies, false) AS work_or_studies, a.had_bistand
  FROM insats i
  JOIN person_attributes a USING (municipality, person)
  LEFT JOIN codes c ON c.list = 'exit_reason' AND c.code = i.exit_reason
  WHERE i.end_date IS NOT NULL AND i.municipality IN (SELECT municipality FROM mart_scope)
), insats_municipalities AS (
  SELECT DISTINCT municipality FROM insats WHERE municipality IN (SELECT municipality FROM mart_scope)
), municipality_years AS (
  SELECT municipality, "year" FROM bistand_years
  UNION
  SELECT DISTINCT municipality, "year" FROM exits
), grid AS (
  SELECT t.target_group, my.municipality, my."year", g.gender,
         b.municipality IS NOT NULL AS has_bistand,
         i.municipality IS NOT NULL AS has_insats
  FROM target_groups t
  CROSS JOIN municipality_years my
  CROSS JOIN (VALUES ('K'), ('M'), ('T')) g(gender)
  LEFT JOIN bistand_years b ON b.municipality = my.municipality AND b."year" = my."year"
  LEFT JOIN insats_municipalities i ON i.municipality = my.municipality
), members AS MATERIALIZED (
  SELECT target_group, municipality, "year", person, gender, months, coded_months
  FROM target_group_members
), recipient_counts AS (
  SELECT target_group, municipality, "year", coalesce(gender, 'T') AS gender,
         count(*) AS recipients,
         count(*) FILTER (WHERE months >= 10) AS long_term,
         sum(months) AS person_months,
         sum(coded_months) AS coded_months
  FROM members
  GROUP BY GROUPING SETS ((target_group, municipality, "year", gender), (target_group, municipality, "year"))
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
), group_exits AS (
  -- measures that ended in the year, for persons in the group that year by their bistand rows of
  -- that year (contract §5) ...
  SELECT m.target_group, e.*
  FROM exits e JOIN members m USING (municipality, "year", person)
  WHERE m.target_group IN (SELECT target_group FROM target_groups)
  UNION ALL
  -- ... and in "all" also participants who never received assistance (no bistand row in the
  -- municipality in any year); one who had assistance in other years only is in no group that year
  SELECT 'all' AS target_group, e.*
  FROM exits e
  WHERE NOT e.had_bistand AND 'all' IN (SELECT target_group FROM target_groups)
), exit_counts AS (
  SELECT target_group, municipality, "year", coalesce(gender, 'T') AS gender,
         count(*) AS exits, count(*) FILTER (WHERE work_or_studies) AS exits_work_studies
  FROM group_exits
  GROUP BY GROUPING SETS ((target_group, municipality, "year", gender), (target_group, municipality, "year"))
)
SELECT g.target_group, g.municipality, g."year", g.gender, g.has_bistand, g.has_insats,
       coalesce(r.recipients, 0), coalesce(r.long_term, 0), coalesce(r.person_months, 0), coalesce(r.coded_months, 0),
       CASE WHEN g.gender = 'T' THEN coalesce(h.household_months, 0) END,
       CASE WHEN g.gender = 'T' THEN coalesce(h.amount_sek, 0) END,
       coalesce(x.exits, 0), coalesce(x.exits_work_studies, 0)
FROM grid g
LEFT JOIN recipient_counts r USING (target_group, municipality, "year", gender)
LEFT JOIN household_counts h USING (target_group, municipality, "year", gender)
LEFT JOIN exit_counts x USING (target_group, municipality, "year", gender);
