-- Staged records without {{column}} (person_id, respondent, or municipality where a kind has neither):
-- only a batch with some can have blank records (stg_view.sql).
SELECT count(*)::INTEGER AS n FROM stg_{{kind}}_rows WHERE {{column}} IS NULL;
