-- Loads the winning municipality-months of this batch (load_bistand_replaced.sql): the rows with their
-- pseudonyms and, on the first row of each household-month, the household's amount (from the
-- household-months the checks aggregated); the couples of each month; and what bistand now holds
-- (bistand_months).
INSERT INTO bistand
SELECT s.municipality, s."month", p.person, h.household, s."role", s.gender, s.birth_year, s.born_abroad = '1', s.reason, s.amount_sek,
       hm.highest AS household_amount,
       s.file_id, coalesce(s.xline, s.rid - f.base + 2)::INTEGER AS line
FROM stg_bistand s
JOIN load_months w ON w.wins AND w.file_id = s.file_id AND w.municipality = s.municipality AND w."month" = s."month"
JOIN stg_files f ON f.file_id = s.file_id
JOIN stg_bistand_persons p ON p.v_person_id = s.v_person_id AND p.yr = year(s."month")
JOIN stg_bistand_households h ON h.municipality = s.municipality AND h.v_household_id = s.v_household_id
LEFT JOIN stg_household_months hm ON hm.rid = s.rid;

INSERT INTO couple_months
SELECT s.municipality, s."month", count(*),
       count(*) FILTER (WHERE CASE WHEN s.has_roles THEN s.applicant_coded AND s.co_applicant_uncoded ELSE s.coded = 1 END)
FROM stg_household_months s
JOIN load_months w ON w.wins AND w.file_id = s.file_id AND w.municipality = s.municipality AND w."month" = s."month"
WHERE s.adults >= 2
GROUP BY ALL;

INSERT INTO bistand_months
SELECT municipality, "month", file_id, rows FROM load_months WHERE wins;
