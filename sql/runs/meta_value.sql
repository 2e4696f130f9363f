-- One setting of the database (schema_version, marts_fingerprint …), or no row.
SELECT value FROM meta WHERE key = $key;
