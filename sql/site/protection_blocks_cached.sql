-- The withholding decisions remembered for one report ($tg), each block's withheld row keys as one
-- text, a line per key (pipeline/withhold/blocks.ts splits it): 3 · 10⁵ keys read as list values cost a
-- conversion each, 0.3–0.5 s for a national network's seven reports against 0.07 s as text.
SELECT municipality, "year", digest, array_to_string(withheld, chr(10)) AS withheld, primary_n, secondary_n, hidden_n, narrowest
FROM protection_blocks
WHERE target_group = $tg;
