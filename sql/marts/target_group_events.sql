-- The measure events (sql/marts/measure_events.sql) of each target group (contract §5): in a group
-- other than `all`, the events of persons in the group that year by their bistand rows of that year;
-- in `all` every measure of the municipality, whoever the participant (with assistance that year, in
-- another year only, or never). A view: membership is a filter, cheaper where it is used than stored.
CREATE OR REPLACE TEMP VIEW target_group_events AS
SELECT m.target_group, e.*
FROM measure_events e JOIN target_group_members m USING (municipality, "year", person)
WHERE m.target_group <> 'all'
UNION ALL
SELECT 'all' AS target_group, e.*
FROM measure_events e;
