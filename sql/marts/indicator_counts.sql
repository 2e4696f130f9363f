-- The counts behind every indicator of contract §6, per target group, municipality, year and gender
-- (K, M and T = both): the numerators and denominators before confidentiality. A municipality's
-- years are those with bistand rows or measure exits; has_bistand / has_insats say whether it
-- delivered data for the year (else the reports show "-").
DELETE FROM indicator_counts WHERE municipality IN (SELECT municipality FROM mart_scope);
INSERT INTO indicator_counts
WITH target_groups(target_group) AS (
  VALUES {{target_groups}}
), bistand_years AS (
  SELECT DISTINCT municipality, year("month")::INTEGER AS "year"
  FROM bistand WHERE municipality IN (SELECT municipality FROM mart_scope)
), exits AS (
  SELECT i.municipality, year(i.end_date)::INTEGER AS "year", i.person, a.gender,
         coalesce(c.work_or_studies, false) AS work_or_studies
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
         EXISTS (SELECT 1 FROM bistand_years b WHERE b.municipality = my.municipality AND b."year" = my."year") AS has_bistand,
         EXISTS (SELECT 1 FROM insats_municipalities i WHERE i.municipality = my.municipality) AS has_insats
  FROM target_groups t, municipality_years my, (VALUES ('K'), ('M'), ('T')) g(gender)
), members AS (
  SELECT m.target_group, m.municipality, m."year", m.person, y.gender, y.months, y.coded_months
  FROM target_group_members m
  JOIN person_years y USING (municipality, "year", person)
  WHERE m.municipality IN (SELECT municipality FROM mart_scope)
), recipient_counts AS (
  SELECT target_group, municipality, "year", coalesce(gender, 'T') AS gender,
         count(*) AS recipients,
         count(*) FILTER (WHERE months >= 10) AS long_term,
         sum(months) AS person_months,
         sum(coded_months) AS coded_months
  FROM members
  GROUP BY GROUPING SETS ((target_group, municipality, "year", gender), (target_group, municipality, "year"))
), member_households AS (
  -- the households the group's recipients belonged to during the year
  SELECT DISTINCT m.target_group, m.municipality, m."year", b.household
  FROM members m
  JOIN bistand b ON b.municipality = m.municipality AND b.person = m.person AND year(b."month") = m."year"
), household_months AS (
  -- every household-month of those households in the year, with its one amount
  SELECT h.target_group, h.municipality, h."year", b.household, b."month", max(b.amount_sek) AS amount_sek
  FROM member_households h
  JOIN bistand b ON b.municipality = h.municipality AND b.household = h.household AND year(b."month") = h."year"
  GROUP BY ALL
), household_counts AS (
  SELECT target_group, municipality, "year", 'T' AS gender,
         count(*) AS household_months, sum(amount_sek) AS amount_sek
  FROM household_months
  GROUP BY ALL
), group_exits AS (
  -- measures that ended in the year, for persons in the group that year; "all" is every participant
  SELECT t.target_group, e.*
  FROM exits e, target_groups t
  WHERE t.target_group = 'all'
     OR EXISTS (SELECT 1 FROM target_group_members m
                WHERE m.target_group = t.target_group AND m.municipality = e.municipality AND m."year" = e."year" AND m.person = e.person)
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
