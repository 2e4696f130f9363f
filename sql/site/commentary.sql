-- Each municipality's commentary (contract §14): the text of its newest commentary file (the table
-- keeps one row per municipality) and when that file was first seen (files.first_seen), as a UTC
-- timestamp: the pages take its date in the run's time zone. Read by pipeline/publish/site.ts for the
-- report pages and the municipality pages; the text is never HTML (reports/commentary-html.ts).
SELECT c.municipality, c.text,
       strftime(f.first_seen AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS first_seen
FROM commentary c JOIN files f ON f.file_id = c.file_id
ORDER BY c.municipality;
