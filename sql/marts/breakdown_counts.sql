-- The counts behind the breakdowns of contract §6.3, per target group, municipality, year, gender (K,
-- M and T = both), dimension and category: participants, measures started, measures ended and those
-- ended to work or studies. Every dimension of schemas/breakdowns.json is a column of the measure
-- events holding the event's category ({{dimensions}}); unpivoted, each event counts once per
-- dimension that counts its kind of event (breakdown_indicators), and every declared category is listed
-- for every row of the totals (indicator_counts), also at 0. The categories add up to the totals.
DELETE FROM breakdown_counts WHERE municipality IN (SELECT municipality FROM mart_scope);
INSERT INTO breakdown_counts
WITH counted AS (
  SELECT u.target_group, u.municipality, u."year", u.gender, u.event, u.work_or_studies, u.dimension, u.category
  FROM (UNPIVOT (SELECT target_group, municipality, "year", gender, event, work_or_studies, {{dimensions}} FROM target_group_events)
        ON {{dimensions}} INTO NAME dimension VALUE category) u
  SEMI JOIN (SELECT DISTINCT dimension, event FROM breakdown_indicators) d ON d.dimension = u.dimension AND d.event = u.event
), counts AS (
  SELECT target_group, municipality, "year", coalesce(gender, 'T') AS gender, dimension, category,
         count(*) FILTER (WHERE event = 'participant') AS participants,
         count(*) FILTER (WHERE event = 'start') AS starts,
         count(*) FILTER (WHERE event = 'exit') AS exits,
         count(*) FILTER (WHERE event = 'exit' AND work_or_studies) AS exits_work_studies
  FROM counted
  GROUP BY GROUPING SETS ((target_group, municipality, "year", gender, dimension, category), (target_group, municipality, "year", dimension, category))
)
SELECT t.target_group, t.municipality, t."year", t.gender, c.dimension, c.code AS category,
       coalesce(x.participants, 0), coalesce(x.starts, 0), coalesce(x.exits, 0), coalesce(x.exits_work_studies, 0)
FROM indicator_counts t
CROSS JOIN breakdown_categories c
LEFT JOIN counts x ON x.target_group = t.target_group AND x.municipality = t.municipality AND x."year" = t."year"
 AND x.gender = t.gender AND x.dimension = c.dimension AND x.category = c.code
WHERE t.municipality IN (SELECT municipality FROM mart_scope);
