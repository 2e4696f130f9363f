-- What the inbox looked like when each file was last read: a file whose size, time and inode are
-- unchanged is not read again (kas run's quick check, contract §1 "uploading again changes nothing").
SELECT path, size, mtime_ms, ino, sha256 FROM inbox_seen;
