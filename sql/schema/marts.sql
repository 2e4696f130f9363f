-- The marts: derived tables the reports read. Each is rebuilt per municipality (mart_scope holds the
-- municipalities whose rows changed in this run), so a run with one new file recomputes one
-- municipality. Defined in sql/marts/<table>.sql.

CREATE TABLE IF NOT EXISTS person_attributes (
  municipality VARCHAR NOT NULL, person UBIGINT NOT NULL, gender VARCHAR NOT NULL, birth_year SMALLINT NOT NULL
);

CREATE TABLE IF NOT EXISTS person_years (
  municipality VARCHAR NOT NULL, "year" INTEGER NOT NULL, person UBIGINT NOT NULL,
  gender VARCHAR NOT NULL, birth_year SMALLINT NOT NULL,
  months INTEGER NOT NULL, coded_months INTEGER NOT NULL,
  reason VARCHAR, reason_group VARCHAR, newly_arrived BOOLEAN NOT NULL
);

CREATE TABLE IF NOT EXISTS indicator_counts (
  target_group VARCHAR NOT NULL, municipality VARCHAR NOT NULL, "year" INTEGER NOT NULL, gender VARCHAR NOT NULL,
  has_bistand BOOLEAN NOT NULL, has_insats BOOLEAN NOT NULL,
  recipients BIGINT, long_term BIGINT, person_months BIGINT, coded_months BIGINT,
  household_months BIGINT, amount_sek DECIMAL(18, 2), exits BIGINT, exits_work_studies BIGINT
);
