-- 0004 (issue 4, the evidence engine): what a scan's hits were found with.
-- rules_hash fingerprints the framework's detection rules: a rescan reuses the stored hits of an
-- unchanged file only when the previous complete scan used the same framework and rules.
ALTER TABLE scans ADD COLUMN rules_hash text;

-- Evidence is read per repository and file; dismissals are looked up by what a hit shows.
CREATE INDEX files_by_repository ON files (repository_id);
CREATE INDEX scans_by_state ON scans (repository_id, state);
