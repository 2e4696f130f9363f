-- Assistance flows per person and calendar year (contract §6.1), from the person's months with a
-- bistand row in the municipality (one row per person and month): new in the year when no row falls
-- in the twelve months before the first month of the year; ended in the year when a month of the year
-- has no row in the three months after it. Whether the months around are covered by the
-- municipality's data is indicator_counts.sql's to say.
CREATE OR REPLACE TEMP TABLE person_flows AS
WITH months AS (
  SELECT municipality, person, "month",
         lag("month") OVER w AS previous,
         lead("month") OVER w AS next
  FROM bistand
  WHERE {{bistand_in_scope}}
  WINDOW w AS (PARTITION BY municipality, person ORDER BY "month")
)
SELECT municipality, person, year("month")::INTEGER AS "year",
       arg_min(previous IS NULL OR previous < "month" - INTERVAL 12 MONTH, "month") AS is_new,
       bool_or(next IS NULL OR next > "month" + INTERVAL 3 MONTH) AS is_ended
FROM months
GROUP BY ALL;
