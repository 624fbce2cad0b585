-- 0002 (prepared for issue 4, the evidence engine): repositories, scans, files, hits.
-- A scan writes its rows in transactions; a scan row stays 'running' until its last one commits.

CREATE TABLE repositories (
    id INTEGER PRIMARY KEY,
    root TEXT NOT NULL UNIQUE,          -- absolute path of the folder or git work tree
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('git', 'folder')),
    remote TEXT,
    added_at TEXT NOT NULL
) STRICT;

CREATE TABLE scans (
    id INTEGER PRIMARY KEY,
    repository_id INTEGER NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    framework TEXT NOT NULL,
    head_commit TEXT,
    state TEXT NOT NULL CHECK (state IN ('running', 'complete', 'failed')),
    started_at TEXT NOT NULL,
    finished_at TEXT,
    files_seen INTEGER NOT NULL DEFAULT 0,
    files_parsed INTEGER NOT NULL DEFAULT 0,
    files_skipped INTEGER NOT NULL DEFAULT 0,
    parse_errors INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX scans_by_repository ON scans (repository_id, started_at);

-- One row per file of a repository as last scanned; an unchanged content_hash means no reparse.
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    repository_id INTEGER NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    path TEXT NOT NULL,                 -- relative to the repository root, '/' separated
    content_hash TEXT NOT NULL,
    size INTEGER NOT NULL,
    scan_id INTEGER NOT NULL REFERENCES scans (id),
    UNIQUE (repository_id, path)
) STRICT;

-- What a detection rule found, where, and who wrote that line when.
CREATE TABLE hits (
    id INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL REFERENCES files (id) ON DELETE CASCADE,
    framework TEXT NOT NULL,
    topic TEXT NOT NULL,
    skill TEXT NOT NULL,
    line INTEGER NOT NULL,
    end_line INTEGER NOT NULL,
    snippet TEXT NOT NULL,
    author_email TEXT,
    commit_id TEXT,
    committed_at TEXT
) STRICT;
CREATE INDEX hits_by_file ON hits (file_id);
CREATE INDEX hits_by_skill ON hits (framework, topic, skill);
CREATE INDEX hits_by_author ON hits (author_email);

-- Dismissals are kept apart from hits, keyed by what stays the same across rescans, so a hit
-- found again in a rescan is still dismissed.
CREATE TABLE hit_dismissals (
    id INTEGER PRIMARY KEY,
    repository_id INTEGER NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    framework TEXT NOT NULL,
    skill TEXT NOT NULL,
    snippet TEXT NOT NULL,
    dismissed_at TEXT NOT NULL,
    UNIQUE (repository_id, path, framework, skill, snippet)
) STRICT;
