-- One group of this run's files of a kind (same layout and profile), read by DuckDB's CSV reader and
-- typed in the same pass, column by column of the kind (schemas/kinds.json; pipeline/load/normalise.ts
-- writes the lists): the trimmed text of each column (v_*); its contract value (NULL when the text is
-- not valid; code columns mapped through the file's profile), except for identity numbers and case
-- numbers, which stay text (temporary, this run only) until sql/staging/stg_persons.sql and
-- stg_households.sql key them; and for every value that is not valid its raw text in bad_*, so the
-- checks in sql/checks/ can name it.
{{into}}
WITH raw AS (
  SELECT
    {{file_id}} AS file_id,
    {{xline}} AS xline,
    {{raw_columns}}
  FROM {{source}}
), parsed AS (
  SELECT
    *,
    {{typed_columns}}
  FROM raw
)
SELECT
  file_id, xline,
  {{kept_columns}},
  {{bad_columns}}
  -- and, in a batch with a file read through a profile, what the profile mapped (mapped_<column>, for quality.html)
  {{mapped}}
FROM parsed;
