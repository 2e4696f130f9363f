-- Removes the rows that load_replaced lists (run only when it lists any: a first load replaces nothing).
DELETE FROM bistand b USING load_replaced r
WHERE b.municipality = r.municipality AND b."month" = r."month" AND b.file_id = r.old_file_id;

DELETE FROM couple_months c USING load_replaced r
WHERE c.municipality = r.municipality AND c."month" = r."month";

DELETE FROM bistand_months c USING load_replaced r
WHERE c.municipality = r.municipality AND c."month" = r."month" AND c.file_id = r.old_file_id;
