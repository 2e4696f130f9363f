-- The one pass over the bistand rows in scope that the person marts start from: per person, year,
-- household and reason code, the months and the latest of them, and that latest row's file, line,
-- gender and birth year packed into latest_row (sql/macros/row_order.sql; see person_attributes.sql).
-- Within a municipality a person has one row per month, so the latest month names one row. The
-- household-months whose amount sits on these rows (one row per household-month carries it) and that
-- amount, for the amount indicator (indicator_counts.sql).
CREATE OR REPLACE TEMP TABLE person_year_codes AS
SELECT municipality, person, year("month")::INTEGER AS "year", household, reason,
       count(*)::INTEGER AS months,
       max("month") AS latest,
       arg_max(kas_row_tail(file_id, line, birth_year, gender), "month") AS latest_row,
       bit_or(1 << (month("month") - 1))::INTEGER AS month_mask, -- the months, January = bit 0 (person_flows.sql)
       count(household_amount)::INTEGER AS household_months,
       sum(household_amount) AS household_amount
FROM bistand
WHERE {{bistand_in_scope}} -- (TRUE when every municipality is in scope: no filter over every row)
GROUP BY municipality, person, "year", household, reason;
