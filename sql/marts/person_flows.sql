-- Assistance flows per person and calendar year (contract §6.1), from the months of the year with a
-- bistand row of the person in the municipality (person_years.month_mask: January = bit 0) and those of
-- the years before and after:
-- - new in the year: no row in the twelve months before the first month f of the year, that is in
--   months f … December of the year before — the year before has no bit at or above f;
-- - ended in the year: a month m of the year with a row and none in m + 1, m + 2, m + 3 (into the next
--   year: its months are bits 12 … of the two years' months together).
-- Whether the months around are covered by the municipality's data is indicator_counts.sql's to say.
CREATE OR REPLACE TEMP TABLE person_flows AS
WITH years AS (
  SELECT y.municipality, y.person, y."year", y.month_mask AS months,
         coalesce(b.month_mask, 0) AS before,
         y.month_mask | (coalesce(a.month_mask, 0) << 12) AS around
  FROM person_years y
  LEFT JOIN person_years b ON b.municipality = y.municipality AND b.person = y.person AND b."year" = y."year" - 1
  LEFT JOIN person_years a ON a.municipality = y.municipality AND a.person = y.person AND a."year" = y."year" + 1
)
SELECT municipality, person, "year",
       before < (months & -months) AS is_new,                                          -- months & -months: the first month's bit
       (months & ~(around >> 1) & ~(around >> 2) & ~(around >> 3)) <> 0 AS is_ended
FROM years;
