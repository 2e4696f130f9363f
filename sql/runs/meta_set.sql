-- Sets one setting of the database.
INSERT OR REPLACE INTO meta VALUES ($key, $value);
