-- 0007 (issue 10): what the file system said of each file when a scan read it, as git's index
-- keeps it, so a rescan reads only the files whose size, modification time or inode changed.
-- NULL for files stored before: the next scan reads them once and stamps them.
ALTER TABLE files ADD COLUMN modified_ns INTEGER;   -- last modification, ns since the Unix epoch
ALTER TABLE files ADD COLUMN inode INTEGER;         -- 0 where the platform does not tell
-- When each scan started by the real clock (ns since the Unix epoch), before it looked at a file:
-- a file modified after it may have changed unseen within one timestamp, so it is read again.
ALTER TABLE scans ADD COLUMN started_ns INTEGER;
