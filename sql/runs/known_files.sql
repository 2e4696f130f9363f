-- Every file the database has read, by municipality folder and bytes (pipeline/ingest/archive.ts fileKey).
SELECT municipality, sha256 FROM files;
