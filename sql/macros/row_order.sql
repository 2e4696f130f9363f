-- The order of rows for "a person's latest row" (contract §6): date, then the order the files were
-- first seen (file ids are given in that order), then the line — packed into one UBIGINT so arg_max
-- compares integers. 17 bits of days since 1900 (to the year 2258), 21 bits of file order (2 million
-- files), 26 bits of line (67 million lines per file; larger values are clamped, which only affects
-- ties within one date and file).
CREATE OR REPLACE TEMP MACRO kas_row_order(dated, file_order, line) AS
  ((least(greatest(dated - DATE '1900-01-01', 0), 131071)::UBIGINT << 47)
   | (least(file_order, 2097151)::UBIGINT << 26)
   | least(line, 67108863)::UBIGINT);
