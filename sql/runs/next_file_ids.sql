-- The next file id and sequence number (the order files were first seen, contract §1).
SELECT coalesce(max(file_id), 0) + 1 AS file_id, coalesce(max(seq), 0) + 1 AS seq FROM files;
