-- The day an insats snapshot was taken (contract §1: an insats file is a full snapshot), not the day
-- kas first saw it. In order (kas_snapshot_source says which):
--   file_name   a date in the file's name (insats-2025-12-31.csv; also 2025_12_31 or 20251231, the last
--               one in the name), if it is a real date and not after the day the file was first seen;
--   rows        else the latest start or end date in the snapshot's rows, up to that day (a later end
--               date is a planned one and says nothing of when the extract was taken);
--   first_seen  else the day the file was first seen.
-- The pages show this day (sql/site/freshness.sql), and the file's municipality code must be one in its
-- year (sql/staging/municipality_snapshot_years.sql).
CREATE OR REPLACE TEMP MACRO kas_snapshot_name_date(name) AS
  try_strptime(regexp_replace(
    list_last(regexp_extract_all(name, '(?:^|[^0-9])([0-9]{4}[-_]?[0-9]{2}[-_]?[0-9]{2})(?:[^0-9]|$)', 1)), '[-_]', '', 'g'),
    '%Y%m%d')::DATE;

-- name_date: kas_snapshot_name_date of the file's name; rows_date: its rows' latest date up to seen
CREATE OR REPLACE TEMP MACRO kas_snapshot_source(name_date, rows_date, seen) AS
  CASE WHEN name_date <= seen THEN 'file_name' WHEN rows_date IS NOT NULL THEN 'rows' ELSE 'first_seen' END;

CREATE OR REPLACE TEMP MACRO kas_snapshot_day(name_date, rows_date, seen) AS
  CASE WHEN name_date <= seen THEN name_date WHEN rows_date IS NOT NULL THEN rows_date ELSE seen END;
