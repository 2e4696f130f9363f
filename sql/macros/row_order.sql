-- The order of rows for "a person's latest row" (contract §6): date, then the order the files were
-- first seen (file ids are given in that order), then the line — packed into one UBIGINT so arg_max
-- compares integers. 17 bits of days since 1900 (to the year 2258), 21 bits of file order (2 million
-- files), 26 bits of line (67 million lines per file; larger values are clamped, which only affects
-- ties within one date and file).
CREATE OR REPLACE TEMP MACRO kas_row_order(dated, file_order, line) AS
  ((least(greatest(dated - DATE '1900-01-01', 0), 131071)::UBIGINT << 47)
   | (least(file_order, 2097151)::UBIGINT << 26)
   | least(line, 67108863)::UBIGINT);

-- The rest of a bistand row that "latest row" needs, packed into one UBIGINT so that the marts find a
-- person's latest row of a group with one arg_max over the month (a person has one row per month in a
-- municipality: a file may not have two, and a municipality-month comes from one file): 21 bits of
-- file order and 26 of line (as above), then 15 bits of birth year and 1 of gender (1 = M). The
-- kas_row_tail_* macros take it apart.
CREATE OR REPLACE TEMP MACRO kas_row_tail(file_order, line, birth_year, gender) AS
  ((least(file_order, 2097151)::UBIGINT << 42)
   | (least(line, 67108863)::UBIGINT << 16)
   | (birth_year::UBIGINT << 1)
   | (gender = 'M')::UBIGINT);
CREATE OR REPLACE TEMP MACRO kas_row_tail_order(dated, tail) AS
  kas_row_order(dated, (tail >> 42)::UBIGINT, ((tail >> 16) & 67108863)::UBIGINT);
CREATE OR REPLACE TEMP MACRO kas_row_tail_gender(tail) AS CASE WHEN (tail & 1) = 1 THEN 'M' ELSE 'K' END;
CREATE OR REPLACE TEMP MACRO kas_row_tail_birth_year(tail) AS ((tail >> 1) & 32767)::SMALLINT;
