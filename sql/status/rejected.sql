-- kas status: the rejected files, in the order seen, with their number of errors.
SELECT f.municipality || '/' || f.name AS file, epoch_ms(f.first_seen) AS first_seen,
       count(x.code) FILTER (WHERE x.severity IN ('FATAL', 'ERROR')) AS errors
FROM files f LEFT JOIN findings x USING (file_id)
WHERE f.status = 'rejected' GROUP BY ALL ORDER BY min(f.seq);
