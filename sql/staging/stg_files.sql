-- The batch's files ({{files}}: file id and inbox folder): where each file's records start among the
-- staged rows (base), how many it has (n) and how many of them are blank.
CREATE OR REPLACE TEMP TABLE stg_files AS
SELECT f.file_id::INTEGER AS file_id, f.folder::VARCHAR AS folder, coalesce(b.base, 0) AS base, coalesce(b.n, 0) AS n,
       coalesce(b.blank, 0) AS blank
FROM (VALUES {{files}}) f(file_id, folder)
LEFT JOIN (SELECT file_id, min(rowid) AS base, count(*) AS n, count(*) FILTER (WHERE {{blank}}) AS blank
           FROM stg_{{kind}}_rows GROUP BY file_id) b USING (file_id);
