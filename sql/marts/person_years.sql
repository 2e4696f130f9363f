-- One row per person, municipality and calendar year with assistance (contract §5): months with
-- assistance, months with a reason code, and the reason of the year — the code of the most months
-- (months without a code do not count; months are counted per code, not per group; a tie goes to the
-- tied code of the latest month) — and its group.
CREATE OR REPLACE TEMP TABLE person_years AS
WITH code_months AS (
  -- months per code (a person in two households in a year has one row per household in person_year_codes)
  SELECT municipality, person, "year", reason, sum(months)::INTEGER AS months, max(latest) AS latest, bit_or(month_mask) AS month_mask
  FROM person_year_codes
  GROUP BY ALL
), years AS (
  SELECT municipality, person, "year",
         sum(months)::INTEGER AS months,
         coalesce(sum(months) FILTER (WHERE reason IS NOT NULL), 0)::INTEGER AS coded_months,
         -- the most months, then the latest month: (months, latest) packed into one integer
         arg_max(reason, (months::BIGINT << 17) | (latest - DATE '1900-01-01')) FILTER (WHERE reason IS NOT NULL) AS reason,
         bool_or(coalesce(reason LIKE 'establishment\_%' ESCAPE '\', false)) AS newly_arrived,
         bit_or(month_mask) AS month_mask
  FROM code_months
  GROUP BY ALL
)
SELECT y.municipality, y."year", y.person, a.gender, a.birth_year, y.months, y.coded_months,
       y.reason, c.grp AS reason_group, y.newly_arrived, y.month_mask
FROM years y
JOIN person_attributes a USING (municipality, person)
LEFT JOIN codes c ON c.list = 'reason' AND c.code = y.reason;
