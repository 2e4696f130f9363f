-- This run's accepted commentary files (contract §14), added one by one (stg_commentary_add.sql): the
-- file, the order first seen, the municipality folder, when first seen, and the text.
CREATE OR REPLACE TEMP TABLE stg_commentary (file_id INTEGER, seq INTEGER, municipality VARCHAR, first_seen TIMESTAMPTZ, text VARCHAR);
