-- Records read per staged file, and how many of them were blank (only delimiters).
SELECT file_id, n, blank FROM stg_files;
