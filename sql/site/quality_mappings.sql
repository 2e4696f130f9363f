-- Which notations the profiles mapped to which shared codes, per municipality (quality.html) — not how
-- many rows each: a count per code beside a file's rows would give away the one withheld count.
SELECT DISTINCT f.municipality, f.profile, m."column" AS "column", m.source, m.code
FROM code_mappings m JOIN files f USING (file_id) ORDER BY ALL;
