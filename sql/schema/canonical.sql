-- The canonical database: typed rows of every accepted extract, population file and commentary, the
-- files they came from, the runs that loaded them and every replacement and finding. Pseudonyms only:
-- person, household and survey respondent are keyed HMAC-SHA256 pseudonyms (first 64 bits), never
-- identity numbers, case numbers or respondent numbers (one that passes as an identity number rejects its file).
-- The code and municipality columns of bistand, insats, survey and population are created as text
-- here and made ENUMs of their valid values right after (pipeline/db/code-columns.ts).

CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);

CREATE TABLE IF NOT EXISTS runs (
  run_id       INTEGER PRIMARY KEY,
  started_at   TIMESTAMPTZ NOT NULL,
  finished_at  TIMESTAMPTZ,
  status       VARCHAR NOT NULL,           -- running | published | failed
  files_new    INTEGER,
  files_accepted INTEGER,
  files_rejected INTEGER,
  summary      JSON
);

-- Every file ever read, keyed by its municipality folder and the SHA-256 of its bytes (a byte-identical
-- re-upload to the same folder is a no-op; the same bytes in another folder are that folder's file).
CREATE TABLE IF NOT EXISTS files (
  file_id      INTEGER PRIMARY KEY,
  sha256       VARCHAR NOT NULL,
  seq          INTEGER NOT NULL UNIQUE,    -- the order in which the pipeline first saw the files
  municipality VARCHAR NOT NULL,           -- the inbox folder it came from: a municipality code, or 'network'
  name         VARCHAR NOT NULL,           -- its name in the inbox (display only, never used as a path)
  size         BIGINT NOT NULL,
  mtime        TIMESTAMPTZ NOT NULL,
  run_id       INTEGER NOT NULL,
  first_seen   TIMESTAMPTZ NOT NULL,
  kind         VARCHAR,                    -- bistand | insats | survey | population | commentary | NULL when it could not be told
  status       VARCHAR NOT NULL,           -- accepted | rejected
  encoding     VARCHAR,
  delimiter    VARCHAR,
  profile      VARCHAR,
  rows_read    BIGINT,                     -- data rows; a commentary's lines
  rows_loaded  BIGINT,
  archived_as  VARCHAR NOT NULL,           -- path inside the archive, relative to it: <sha256>.<extension>
  UNIQUE (municipality, archived_as)         -- a file is its folder, bytes and extension (ingest/archive.ts fileKey)
);

CREATE TABLE IF NOT EXISTS findings (
  file_id   INTEGER NOT NULL,
  run_id    INTEGER NOT NULL,
  severity  VARCHAR NOT NULL,
  code      VARCHAR NOT NULL,
  line      INTEGER,
  "column"  VARCHAR,
  value     VARCHAR,
  message   VARCHAR NOT NULL,            -- Swedish, as it was written
  count     BIGINT,
  params    VARCHAR                      -- the code's parameters as JSON: the message in another language (pipeline/contract/finding.ts findingMessage)
);
-- (a database made before params had none: its findings keep their Swedish message; every insert names its columns)
ALTER TABLE findings ADD COLUMN IF NOT EXISTS params VARCHAR;

-- Contract §2 bistand: one row per adult recipient per month.
CREATE TABLE IF NOT EXISTS bistand (
  municipality VARCHAR NOT NULL,
  month        DATE NOT NULL,              -- first day of the month paid for
  person       UBIGINT NOT NULL,
  household    UBIGINT NOT NULL,
  role         VARCHAR,
  gender       VARCHAR NOT NULL,
  birth_year   SMALLINT NOT NULL,
  born_abroad  BOOLEAN,
  reason       VARCHAR,
  amount_sek   DECIMAL(14, 2),
  -- the household-month's one amount (contract §2), on exactly one of its rows (the first in the file)
  -- and NULL on the others: the amount indicator sums it without a table of household-months
  household_amount DECIMAL(14, 2),
  file_id      INTEGER NOT NULL,
  line         INTEGER NOT NULL
);

-- Contract §2 insats: one row per participant per measure (a municipality's newest snapshot).
CREATE TABLE IF NOT EXISTS insats (
  municipality  VARCHAR NOT NULL,
  person        UBIGINT NOT NULL,
  gender        VARCHAR NOT NULL,
  birth_year    SMALLINT NOT NULL,
  measure       VARCHAR NOT NULL,
  need_category VARCHAR,
  referred_by   VARCHAR,
  start_date    DATE NOT NULL,
  end_date      DATE,
  exit_reason   VARCHAR,
  cost_sek      DECIMAL(14, 2),
  file_id       INTEGER NOT NULL,
  line          INTEGER NOT NULL
);

-- Contract §2 survey (§15): one row per respondent and question, from each municipality's newest survey
-- file of the year (a newer file replaces the years it contains).
CREATE TABLE IF NOT EXISTS survey (
  municipality VARCHAR NOT NULL,
  "year"       SMALLINT NOT NULL,          -- the survey year
  respondent   UBIGINT NOT NULL,           -- keyed pseudonym of the survey's respondent number, per municipality and year
  gender       VARCHAR,                    -- K | M, or NULL when the respondent did not say
  question     VARCHAR NOT NULL,           -- code list question (schemas/codes.json, contract §3.6)
  answer       TINYINT,                    -- 1–6, 6 best; NULL: "vet ej" / no answer
  file_id      INTEGER NOT NULL,
  line         INTEGER NOT NULL
);

-- Contract §11 population: inhabitants per municipality, year, gender and age (whole years at 31
-- December), from the newest population file of each municipality-year (read from <inbox>/network/;
-- a missing age counts 0). Public figures (SCB BE0101, SSB 07459): nothing here is withheld.
CREATE TABLE IF NOT EXISTS population (
  municipality VARCHAR NOT NULL,
  "year"       SMALLINT NOT NULL,
  gender       VARCHAR NOT NULL,           -- K | M
  age          SMALLINT NOT NULL,          -- 0–120
  persons      INTEGER NOT NULL,           -- ≥ 0
  file_id      INTEGER NOT NULL,
  line         INTEGER NOT NULL
);

-- Contract §14 commentary: each municipality's newest .md file (one row per municipality; a newer file
-- replaces it). text is the file's UTF-8 text without a BOM and with LF line ends; first_seen is when
-- the pipeline first saw the file (files.first_seen). pipeline/contract/commentary.ts splits it into
-- sections; it is never rendered as HTML.
CREATE TABLE IF NOT EXISTS commentary (
  municipality VARCHAR NOT NULL,
  file_id      INTEGER NOT NULL,
  first_seen   TIMESTAMPTZ NOT NULL,
  text         VARCHAR NOT NULL
);

-- Couples per municipality and month (a household-month with two or more adults is a couple-month),
-- and those where the co-applicant has no reason while the applicant has one (without roles in the
-- extract: where exactly one adult is coded). Kept by the load (sql/load/load_bistand.sql) from the
-- aggregate the checks already made, replaced with the month; read by quality.html.
CREATE TABLE IF NOT EXISTS couple_months (
  municipality VARCHAR NOT NULL, "month" DATE NOT NULL, couples BIGINT NOT NULL, co_applicant_uncoded BIGINT NOT NULL
);

-- What the bistand and insats tables hold, per file: the months of each municipality and the file they
-- came from, and each municipality's insats snapshot. Kept by the load, so a new file's replacements
-- are found here instead of in the rows, and status and freshness read them instead of the rows.
CREATE TABLE IF NOT EXISTS bistand_months (
  municipality VARCHAR NOT NULL, "month" DATE NOT NULL, file_id INTEGER NOT NULL, rows BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS insats_snapshots (
  municipality VARCHAR NOT NULL, file_id INTEGER NOT NULL, rows BIGINT NOT NULL
);

-- Contract §1: every replacement of earlier rows by a newer file is recorded.
CREATE TABLE IF NOT EXISTS replacements (
  run_id       INTEGER NOT NULL,
  municipality VARCHAR NOT NULL,
  kind         VARCHAR NOT NULL,
  month        DATE,                       -- bistand: the month replaced; else NULL
  old_file_id  INTEGER NOT NULL,
  new_file_id  INTEGER NOT NULL,
  rows_removed BIGINT NOT NULL,            -- commentary: 1
  "year"       SMALLINT                    -- survey, population: the year replaced; else NULL (insats and commentary: the whole)
);
-- (a database made before survey and population had no year; every insert names its columns)
ALTER TABLE replacements ADD COLUMN IF NOT EXISTS "year" SMALLINT;

-- Codes that a profile mapped, per file: what the case system wrote and which shared code it became.
CREATE TABLE IF NOT EXISTS code_mappings (
  file_id  INTEGER NOT NULL,
  "column" VARCHAR NOT NULL,
  source   VARCHAR NOT NULL,
  code     VARCHAR NOT NULL,
  rows     BIGINT NOT NULL
);

-- What the inbox looked like, so unchanged files are not hashed again every night.
CREATE TABLE IF NOT EXISTS inbox_seen (
  path     VARCHAR PRIMARY KEY,  -- SHA-256 of the inbox path (ingest/discover.ts pathKey): a name may hold an identity number
  size     BIGINT NOT NULL,
  mtime_ms DOUBLE NOT NULL,
  ino      UBIGINT NOT NULL,
  sha256   VARCHAR NOT NULL
);
