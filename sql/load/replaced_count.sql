-- How many loaded rows the batch replaces (load_<kind>_replaced.sql): a first load replaces none.
SELECT count(*) AS n FROM load_replaced;
