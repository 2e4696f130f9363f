-- The raw text of this run's files of one kind, exactly as read (every column VARCHAR). rowid is the
-- record's position: files are inserted one group at a time, in order, so a record's number within
-- its file is rowid minus the file's first rowid (stg_files.base).
CREATE OR REPLACE TEMP TABLE stg_{{kind}}_raw (
  file_id INTEGER NOT NULL,
  pid     INTEGER NOT NULL,   -- the file's profile: 0 = on the contract, i = the run's i-th profile
  xline   INTEGER,            -- .xlsx only: the worksheet row
  {{columns}}
);
