-- The withholding decisions remembered for one report ($tg).
SELECT * FROM protection_blocks WHERE target_group = $tg;
