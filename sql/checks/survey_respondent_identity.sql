-- Respondent numbers that pass as a Swedish personnummer / samordningsnummer or a Norwegian
-- fødselsnummer / D-number (contract §2: the survey's own number, never an identity number), by the
-- macro that checks person_id (sql/macros/person_key.sql, the twin of pipeline/contract/identity.ts;
-- the survey year gives a 10-digit number its century, which does not change whether it passes). A
-- pseudonym (16–64 hex digits) is no identity number. The value is never reported.
SELECT file_id, rid, xline, 'respondent' AS "column", 'respondent_identity_number' AS code, NULL AS value, NULL AS expected
FROM stg_survey
WHERE regexp_matches(v_respondent, '[0-9]{10}|[0-9]{6}[-+][0-9]{4}')
  AND NOT starts_with(kas_person_norm(v_respondent, coalesce("year", 2000)), 'p:')
