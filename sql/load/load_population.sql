-- Loads the winning municipality-years of this batch's population files (load_years_replaced.sql).
INSERT INTO population
SELECT s.municipality, s."year", s.gender, s.age, s.persons,
       s.file_id, coalesce(s.xline, s.rid - f.base + 2)::INTEGER AS line
FROM stg_population s
JOIN load_years w ON w.wins AND w.file_id = s.file_id AND w.municipality = s.municipality AND w."year" = s."year"
JOIN stg_files f ON f.file_id = s.file_id;
