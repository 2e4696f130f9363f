-- Loads the winning municipality-months of this batch (load_bistand_replaced.sql): the rows with their
-- pseudonyms, the household-months the checks aggregated, and what bistand now holds (bistand_months).
INSERT INTO bistand
SELECT s.municipality, s."month", p.person, h.household, s."role", s.gender, s.birth_year, s.born_abroad = '1', s.reason, s.amount_sek,
       s.file_id, coalesce(s.xline, s.rid - f.base + 2)::INTEGER AS line
FROM stg_bistand s
JOIN load_months w ON w.wins AND w.file_id = s.file_id AND w.municipality = s.municipality AND w."month" = s."month"
JOIN stg_files f ON f.file_id = s.file_id
JOIN stg_bistand_persons p ON p.v_person_id = s.v_person_id AND p.yr = year(s."month")
JOIN stg_bistand_households h ON h.municipality = s.municipality AND h.v_household_id = s.v_household_id;

INSERT INTO household_months
SELECT s.municipality, h.household, s."month", year(s."month")::INTEGER, s.adults::INTEGER, s.coded::INTEGER, s.highest,
       s.applicant_coded, s.co_applicant_uncoded, s.has_roles
FROM stg_household_months s
JOIN load_months w ON w.wins AND w.file_id = s.file_id AND w.municipality = s.municipality AND w."month" = s."month"
JOIN stg_bistand_households h ON h.municipality = s.municipality AND h.v_household_id = s.v_household_id;

INSERT INTO bistand_months
SELECT municipality, "month", file_id, rows FROM load_months WHERE wins;
