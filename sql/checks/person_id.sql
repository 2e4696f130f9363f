-- person_id values that are neither an identity number with valid check digits nor a pseudonym
-- (contract §2). The value itself is never reported: it may be an identity number.
-- kinds: bistand insats (the rule needs persons and dates)
SELECT s.file_id, s.rid, s.xline, 'person_id' AS "column",
       CASE p.problem WHEN 'checksum' THEN 'person_id_checksum' ELSE 'invalid_person_id' END AS code,
       NULL AS value, NULL AS expected
FROM stg_{{kind}} s
JOIN (SELECT v_person_id, yr, problem FROM stg_{{kind}}_persons WHERE problem IS NOT NULL) p
  ON p.v_person_id = s.v_person_id AND p.yr = year(s.{{date_column}})
