-- The staged records the checks and the load read: every record but those empty in every field
-- ({{blank}}: Excel writes ";;;;" for a formatted but empty row); rid is the record's number.
CREATE OR REPLACE TEMP VIEW stg_{{kind}} AS SELECT rowid AS rid, * FROM stg_{{kind}}_rows WHERE NOT ({{blank}});
