-- A person twice in the same month of one bistand file (contract §2). Persons are compared after
-- normalisation, so 850101-1234 and 198501011234 are the same person. Every row after the first is listed.
WITH numbered AS (
  SELECT file_id, rid, xline, "month",
         row_number() OVER (PARTITION BY file_id, person, "month" ORDER BY rid) AS nth
  FROM stg_bistand
  WHERE person IS NOT NULL AND "month" IS NOT NULL
)
SELECT file_id, rid, xline, 'person_id' AS "column", 'duplicate_person_month' AS code,
       strftime("month", '%Y-%m') AS value, NULL AS expected
FROM numbered
WHERE nth > 1
