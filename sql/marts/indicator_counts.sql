-- The counts behind every indicator of contract §6, per target group, municipality, year and gender
-- (K, M and T = both): the numerators and denominators before confidentiality. A municipality's
-- years are those with bistand rows or measure exits; has_bistand / has_insats say whether it
-- delivered data for the year (else the reports show "-"), new_covered / ended_covered whether the
-- months the flows look at are covered by its bistand rows (§6.1).
DELETE FROM indicator_counts WHERE municipality IN (SELECT municipality FROM mart_scope);
INSERT INTO indicator_counts
WITH target_groups(target_group, bit) AS (
  VALUES {{target_groups}}
), bistand_years AS (
  SELECT DISTINCT municipality, "year" FROM person_years -- (the person marts hold the municipalities in scope only)
), coverage AS (
  -- the months that occur in the municipality's loaded bistand rows, as month numbers (year × 12 + month − 1)
  SELECT DISTINCT municipality, year("month") * 12 + month("month") - 1 AS mi
  FROM bistand_months WHERE municipality IN (SELECT municipality FROM mart_scope)
), measures AS MATERIALIZED (
  SELECT i.municipality, i.person, a.gender, i.start_date, i.end_date, i.cost_sek,
         year(i.end_date) * 12 + month(i.end_date) - 1 AS end_mi,
         coalesce(c.work_or_studies, false) AS work_or_studies
  FROM insats i
  JOIN person_attributes a USING (municipality, person)
  LEFT JOIN codes c ON c.list = 'exit_reason' AND c.code = i.exit_reason
  WHERE i.municipality IN (SELECT municipality FROM mart_scope)
), insats_municipalities AS (
  SELECT DISTINCT municipality FROM measures
), municipality_years AS (
  SELECT municipality, "year" FROM bistand_years
  UNION
  SELECT DISTINCT municipality, year(end_date)::INTEGER FROM measures WHERE end_date IS NOT NULL
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
  SELECT target_group, municipality, "year", person, gender, months, coded_months
  FROM target_group_members
), recipient_counts AS (
  SELECT m.target_group, m.municipality, m."year", coalesce(m.gender, 'T') AS gender,
         count(*) AS recipients,
         count(*) FILTER (WHERE m.months >= 10) AS long_term,
         sum(m.months) AS person_months,
         sum(m.coded_months) AS coded_months,
         count(*) FILTER (WHERE f.is_new) AS new_recipients,
         count(*) FILTER (WHERE f.is_ended) AS ended_recipients
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
), covered AS (
  -- exits to work or studies, followed up (§6.2): are the months after the end month covered
  SELECT x.municipality, x.person, x.end_mi,
         count(c.mi) FILTER (WHERE c.mi <= x.end_mi + 3) = 3 AS covered_3m,
         count(c.mi) = 12 AS covered_12m
  FROM (SELECT DISTINCT municipality, person, end_mi FROM measures WHERE work_or_studies AND end_date IS NOT NULL) x
  LEFT JOIN coverage c ON c.municipality = x.municipality AND c.mi BETWEEN x.end_mi + 1 AND x.end_mi + 12
  GROUP BY ALL
), followed AS MATERIALIZED (
  -- and which of them have assistance of the person in the municipality: the end year's and the next
  -- year's months (person_years.month_mask), shifted so that bit 0 is the month after the end
  SELECT x.*, (coalesce(e.month_mask, 0)::BIGINT | (coalesce(n.month_mask, 0)::BIGINT << 12)) >> (x.end_mi % 12 + 1) AS after
  FROM covered x
  LEFT JOIN person_years e ON e.municipality = x.municipality AND e.person = x.person AND e."year" = x.end_mi // 12
  LEFT JOIN person_years n ON n.municipality = x.municipality AND n.person = x.person AND n."year" = x.end_mi // 12 + 1
), events AS (
  -- what the measure indicators count, each in the year it falls in: exits (the year a measure
  -- ended), starts (the year it started) and participants (each year a measure was active)
  SELECT 'exit' AS event, m.municipality, year(m.end_date)::INTEGER AS "year", m.person, m.gender, m.work_or_studies, m.cost_sek,
         m.work_or_studies AND f.covered_3m AS covered_3m, m.work_or_studies AND f.covered_12m AS covered_12m,
         m.work_or_studies AND f.covered_3m AND f.after & 7 = 0 AS stayed_3m,       -- no month with assistance among the three after
         m.work_or_studies AND f.covered_12m AND f.after & 4095 = 0 AS stayed_12m   -- nor among the twelve
  FROM measures m
  LEFT JOIN followed f USING (municipality, person, end_mi)
  WHERE m.end_date IS NOT NULL
  UNION ALL
  SELECT 'start', municipality, year(start_date)::INTEGER, person, gender, NULL, NULL, NULL, NULL, NULL, NULL
  FROM measures
  UNION ALL
  SELECT DISTINCT 'participant', m.municipality, my."year", m.person, m.gender, NULL::BOOLEAN, NULL::DECIMAL(14, 2), NULL::BOOLEAN, NULL::BOOLEAN, NULL::BOOLEAN, NULL::BOOLEAN
  FROM measures m
  JOIN municipality_years my ON my.municipality = m.municipality
   AND m.start_date <= make_date(my."year", 12, 31) AND (m.end_date IS NULL OR m.end_date >= make_date(my."year", 1, 1))
), group_events AS (
  -- for a target group, the events of persons in the group that year by their bistand rows of that
  -- year (contract §5) ...
  SELECT m.target_group, e.*
  FROM events e JOIN members m USING (municipality, "year", person)
  WHERE m.target_group <> 'all'
  UNION ALL
  -- ... and in "all" every measure of the municipality, whoever the participant
  SELECT 'all' AS target_group, e.*
  FROM events e
  WHERE 'all' IN (SELECT target_group FROM target_groups)
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
         count(*) FILTER (WHERE event = 'exit' AND work_or_studies AND stayed_12m) AS stayed_12m
  FROM group_events
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
       coalesce(x.followed_3m, 0), coalesce(x.stayed_3m, 0), coalesce(x.followed_12m, 0), coalesce(x.stayed_12m, 0)
FROM grid g
LEFT JOIN recipient_counts r USING (target_group, municipality, "year", gender)
LEFT JOIN household_counts h USING (target_group, municipality, "year", gender)
LEFT JOIN event_counts x USING (target_group, municipality, "year", gender);
