-- One row per person, municipality and calendar year with assistance (contract §5): months with
-- assistance, months with a reason code, and the reason of the year — the code of the most months
-- (months without a code do not count; months are counted per code, not per group; a tie goes to the
-- tied code of the latest month) — and its group.
DELETE FROM person_years WHERE municipality IN (SELECT municipality FROM mart_scope);
INSERT INTO person_years
WITH person_months AS (
  SELECT municipality, person, year("month")::INTEGER AS "year", "month", reason
  FROM bistand
  WHERE municipality IN (SELECT municipality FROM mart_scope)
), code_months AS (
  SELECT municipality, person, "year", reason, count(*) AS months, max("month") AS latest
  FROM person_months
  WHERE reason IS NOT NULL
  GROUP BY ALL
), reason_of_year AS (
  SELECT municipality, person, "year", arg_max(reason, (months, latest)) AS reason
  FROM code_months
  GROUP BY ALL
), years AS (
  SELECT municipality, person, "year",
         count(*)::INTEGER AS months,
         count(reason)::INTEGER AS coded_months,
         bool_or(coalesce(reason LIKE 'establishment\_%' ESCAPE '\', false)) AS newly_arrived
  FROM person_months
  GROUP BY ALL
)
SELECT y.municipality, y."year", y.person, a.gender, a.birth_year, y.months, y.coded_months,
       r.reason, c.grp AS reason_group, y.newly_arrived
FROM years y
JOIN person_attributes a USING (municipality, person)
LEFT JOIN reason_of_year r USING (municipality, person, "year")
LEFT JOIN codes c ON c.list = 'reason' AND c.code = r.reason;
