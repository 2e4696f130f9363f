-- Staged records without a person_id: only a batch with some can have blank records (stg_view.sql).
SELECT count(*)::INTEGER AS n FROM stg_{{kind}}_rows WHERE v_person_id IS NULL;
