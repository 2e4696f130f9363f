-- The index page's count of files read, accepted and rejected, over every run.
SELECT count(*) FILTER (WHERE status = 'accepted') AS accepted, count(*) FILTER (WHERE status = 'rejected') AS rejected FROM files;
