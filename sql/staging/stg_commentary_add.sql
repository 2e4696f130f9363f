-- One accepted commentary file into stg_commentary (stg_commentary.sql).
INSERT INTO stg_commentary VALUES ($file_id, $seq, $municipality, $first_seen::TIMESTAMPTZ, $text);
