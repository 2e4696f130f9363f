-- Couples where only one adult has a reason code (source 001: "in some municipalities only one person
-- in a household is given a reason code"). Försörjningshinder is coded per person, for both adults;
-- a file where most couples have one adult uncoded is flagged (a warning: the rows still load). The
-- finding is published on quality.html, so it gives the share in whole tens of per cent, not the
-- counts, and only for files with at least 40 couple-months: no small count can be read from it.
WITH per_file AS (
  SELECT file_id, min(rid) AS rid, arg_min(xline, rid) AS xline,
         count(*) AS couples, count(*) FILTER (WHERE coded = 1) AS one_coded
  FROM stg_household_months
  WHERE adults >= 2
  GROUP BY file_id
)
SELECT file_id, rid, xline, 'reason' AS "column", 'couples_one_coded' AS code,
       (round(10 * one_coded / couples) * 10)::INTEGER || ' %' AS value, NULL AS expected
FROM per_file
WHERE couples >= 40 AND one_coded * 2 > couples
