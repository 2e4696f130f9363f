-- Rounding half up in exact integer arithmetic (contract §6.4), for sql/marts/indicator_values.sql:
-- a share as 100 × n ÷ d to one decimal, a rate as 1 000 × n ÷ d to one decimal, a ratio n ÷ d to one decimal, an amount in kronor ÷ d to whole
-- kronor. NULL when d is 0.
CREATE OR REPLACE TEMP MACRO kas_share(n, d) AS ((2000 * n + d) // nullif(2 * d, 0)) / 10;
CREATE OR REPLACE TEMP MACRO kas_per_1000(n, d) AS ((20000 * n + d) // nullif(2 * d, 0)) / 10;
CREATE OR REPLACE TEMP MACRO kas_ratio_1(n, d) AS ((20 * n + d) // nullif(2 * d, 0)) / 10;
CREATE OR REPLACE TEMP MACRO kas_kronor(amount, d) AS (2 * (amount * 100)::HUGEINT + 100 * d) // nullif(200 * d, 0);
