-- The marts: derived tables the reports read. They are rebuilt per municipality (mart_scope holds the
-- municipalities whose rows changed in this run), so a run with one new file recomputes one
-- municipality. Defined in sql/marts/<table>.sql. The person marts on the way (person_year_codes,
-- person_attributes, person_years, target_group_members) are temporary: only the municipalities in
-- scope need them, and they are not written to disk; indicator_counts and breakdown_counts are kept.

-- (derived data: dropped and made again when the marts' definitions change, pipeline/publish/marts.ts)
CREATE TABLE IF NOT EXISTS indicator_counts (
  target_group VARCHAR NOT NULL, municipality VARCHAR NOT NULL, "year" INTEGER NOT NULL, gender VARCHAR NOT NULL,
  has_bistand BOOLEAN NOT NULL, has_insats BOOLEAN NOT NULL, new_covered BOOLEAN NOT NULL, ended_covered BOOLEAN NOT NULL,
  recipients BIGINT, long_term BIGINT, person_months BIGINT, coded_months BIGINT, new_recipients BIGINT, ended_recipients BIGINT,
  household_months BIGINT, amount_sek DECIMAL(18, 2), exits BIGINT, exits_work_studies BIGINT, participants BIGINT, starts BIGINT,
  costed_exits BIGINT, costed_exits_work_studies BIGINT, cost_sek DECIMAL(18, 2),
  followed_3m BIGINT, stayed_3m BIGINT, followed_12m BIGINT, stayed_12m BIGINT,
  recipients_aged BIGINT, participants_aged BIGINT
);

-- The counts behind the breakdowns of contract §6.3 (sql/marts/breakdown_counts.sql): one row per row
-- of indicator_counts and category of every dimension of schemas/breakdowns.json.
CREATE TABLE IF NOT EXISTS breakdown_counts (
  target_group VARCHAR NOT NULL, municipality VARCHAR NOT NULL, "year" INTEGER NOT NULL, gender VARCHAR NOT NULL,
  dimension VARCHAR NOT NULL, category VARCHAR NOT NULL,
  participants BIGINT NOT NULL, starts BIGINT NOT NULL, exits BIGINT NOT NULL, exits_work_studies BIGINT NOT NULL
);

-- The withholding decisions remembered per report and block (municipality and year), keyed by a
-- digest of the block's figures, the threshold and the withholding code (pipeline/withhold/blocks.ts).
CREATE TABLE IF NOT EXISTS protection_blocks (
  target_group VARCHAR NOT NULL, municipality VARCHAR NOT NULL, "year" INTEGER NOT NULL, digest VARCHAR NOT NULL,
  withheld VARCHAR[] NOT NULL, primary_n INTEGER NOT NULL, secondary_n INTEGER NOT NULL, hidden_n INTEGER NOT NULL, narrowest DOUBLE
);
