-- The staged decisions (protection_blocks_stage.sql) into the cache, each block's lines of withheld
-- row keys split into its list (none: an empty list).
INSERT INTO protection_blocks (target_group, municipality, "year", digest, withheld, primary_n, secondary_n, hidden_n, narrowest)
SELECT target_group, municipality, "year", digest,
  CASE WHEN withheld = '' THEN []::VARCHAR[] ELSE string_split(withheld, chr(10)) END,
  primary_n, secondary_n, hidden_n, narrowest
FROM protection_blocks_staged;

DROP TABLE protection_blocks_staged;
