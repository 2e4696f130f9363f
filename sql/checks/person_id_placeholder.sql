-- Identity numbers whose date part cannot be a birth date (month or day 00), such as the placeholder
-- 000000-0000, which passes the Luhn check: the rows load, but every row with the same such number
-- gets one pseudonym, so different people may be counted as one. A warning; the value is never shown.
-- kinds: bistand insats (the rule needs persons and dates)
WITH suspect AS (
  SELECT v_person_id, yr
  FROM stg_{{kind}}_persons
  WHERE problem IS NULL AND kas_person_placeholder(v_person_id)
)
SELECT s.file_id, s.rid, s.xline, 'person_id' AS "column", 'person_id_placeholder' AS code, NULL AS value, NULL AS expected
FROM stg_{{kind}} s
JOIN suspect p ON p.v_person_id = s.v_person_id AND p.yr = year(s.{{date_column}})
