-- What the measure indicators of contract §6.2 count, one row per event, each in the year it falls
-- in: `exit` (a measure that ended, in the year of its end_date), `start` (the year of its start_date)
-- and `participant` (a person, once in each year one of their measures was active), with the person's
-- gender and birth year (their latest row, §6.4). Each event carries
-- the category of every breakdown of §6.3 it can be counted in (one column per dimension of
-- schemas/breakdowns.json, named by its id; sql/marts/breakdown_counts.sql unpivots them), and an exit
-- to work or studies its follow-up: are the 3 / 12 months after its end month covered by the
-- municipality's bistand rows, and does the person have assistance in them.
CREATE OR REPLACE TEMP TABLE measure_events AS
WITH coverage AS (
  -- the months that occur in the municipality's loaded bistand rows, as month numbers (year × 12 + month − 1)
  SELECT DISTINCT municipality, year("month") * 12 + month("month") - 1 AS mi
  FROM bistand_months WHERE municipality IN (SELECT municipality FROM mart_scope)
), durations AS (
  SELECT code, "from", "to" FROM breakdown_categories WHERE dimension = 'duration'
), need_order AS (
  SELECT code, ord FROM breakdown_categories WHERE dimension = 'need_category'
), measures AS MATERIALIZED (
  SELECT i.municipality, i.person, a.gender, a.birth_year, i.start_date, i.end_date, i.cost_sek, i.measure, i.exit_reason,
         coalesce(i.need_category, 'none') AS need_category,
         coalesce(i.referred_by, 'none') AS referred_by,
         year(i.end_date) * 12 + month(i.end_date) - 1 AS end_mi,
         -- whole months from start to end (§6): less one when the end day is before the start day
         12 * (year(i.end_date) - year(i.start_date)) + month(i.end_date) - month(i.start_date)
           - CASE WHEN day(i.end_date) < day(i.start_date) THEN 1 ELSE 0 END AS whole_months,
         coalesce(c.work_or_studies, false) AS work_or_studies
  FROM insats i
  JOIN person_attributes a USING (municipality, person)
  LEFT JOIN codes c ON c.list = 'exit_reason' AND c.code = i.exit_reason
  WHERE i.municipality IN (SELECT municipality FROM mart_scope)
), municipality_years AS (
  -- the years the reports show for a municipality: those with bistand rows or measure exits
  SELECT DISTINCT municipality, "year" FROM person_years
  UNION
  SELECT DISTINCT municipality, year(end_date)::INTEGER FROM measures WHERE end_date IS NOT NULL
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
), active AS (
  -- each year a measure was active in, and its need category's place in the declared order
  SELECT m.*, my."year", o.ord AS need_ord
  FROM measures m
  JOIN municipality_years my ON my.municipality = m.municipality
   AND m.start_date <= make_date(my."year", 12, 31) AND (m.end_date IS NULL OR m.end_date >= make_date(my."year", 1, 1))
  JOIN need_order o ON o.code = m.need_category
)
SELECT 'exit' AS event, m.municipality, year(m.end_date)::INTEGER AS "year", m.person, m.gender, m.birth_year, m.work_or_studies, m.cost_sek,
       m.work_or_studies AND f.covered_3m AS covered_3m, m.work_or_studies AND f.covered_12m AS covered_12m,
       m.work_or_studies AND f.covered_3m AND f.after & 7 = 0 AS stayed_3m,       -- no month with assistance among the three after
       m.work_or_studies AND f.covered_12m AND f.after & 4095 = 0 AS stayed_12m,  -- nor among the twelve
       m.need_category, m.measure, NULL AS referred_by, m.exit_reason, d.code AS duration
FROM measures m
LEFT JOIN followed f USING (municipality, person, end_mi)
JOIN durations d ON m.whole_months >= d."from" AND (d."to" IS NULL OR m.whole_months <= d."to")
WHERE m.end_date IS NOT NULL
UNION ALL
SELECT 'start', municipality, year(start_date)::INTEGER, person, gender, birth_year, NULL, NULL, NULL, NULL, NULL, NULL,
       need_category, measure, referred_by, NULL, NULL
FROM measures
UNION ALL
-- a participant counts once a year, in the need category of their measure active in the year with the
-- latest start_date, on a tie the category first in the declared order (§6.3)
SELECT 'participant', municipality, "year", person, gender, birth_year, NULL, NULL, NULL, NULL, NULL, NULL,
       arg_max(need_category, (epoch_ms(start_date::TIMESTAMP) // 86400000) * 64 + (63 - need_ord)), NULL, NULL, NULL, NULL
FROM active
GROUP BY municipality, "year", person, gender, birth_year;
