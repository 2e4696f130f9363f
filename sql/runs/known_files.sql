-- Every file the database has read, by municipality folder, bytes and extension (pipeline/ingest/archive.ts fileKey).
SELECT municipality, sha256, name FROM files;
