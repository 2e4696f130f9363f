-- A staging table for the decisions of the blocks protected in this run (pipeline/withhold/blocks.ts
-- appends to it): each block's withheld row keys as one text, a line per key — appending a list value
-- per key costs a call into DuckDB per key, 3 · 10⁵ of them at a national first load.
CREATE OR REPLACE TEMP TABLE protection_blocks_staged (
  target_group VARCHAR NOT NULL, municipality VARCHAR NOT NULL, "year" INTEGER NOT NULL, digest VARCHAR NOT NULL,
  withheld VARCHAR NOT NULL, primary_n INTEGER NOT NULL, secondary_n INTEGER NOT NULL, hidden_n INTEGER NOT NULL, narrowest DOUBLE
);
