-- Loads the winning snapshot of each municipality in this batch (load_insats_replaced.sql).
INSERT INTO insats
SELECT s.municipality, p.person, s.gender, s.birth_year, s.measure, s.need_category, s.referred_by,
       s.start_date, s.end_date, s.exit_reason, s.cost_sek, s.file_id, coalesce(s.xline, s.rid - f.base + 2)::INTEGER AS line
FROM stg_insats s
JOIN load_snapshots w ON w.wins AND w.file_id = s.file_id
JOIN stg_files f ON f.file_id = s.file_id
JOIN stg_insats_persons p ON p.v_person_id = s.v_person_id AND p.yr = year(s.start_date);

INSERT INTO insats_snapshots
SELECT municipality, file_id, rows FROM load_snapshots WHERE wins;
