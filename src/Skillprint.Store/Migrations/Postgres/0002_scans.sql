-- 0002 (prepared for issue 4, the evidence engine): repositories, scans, files, hits.
-- A scan writes its rows in transactions; a scan row stays 'running' until its last one commits.

CREATE TABLE repositories (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    root text NOT NULL UNIQUE,          -- absolute path of the folder or git work tree
    name text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('git', 'folder')),
    remote text,
    added_at timestamptz NOT NULL
);

CREATE TABLE scans (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    repository_id bigint NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    framework text NOT NULL,
    head_commit text,
    state text NOT NULL CHECK (state IN ('running', 'complete', 'failed')),
    started_at timestamptz NOT NULL,
    finished_at timestamptz,
    files_seen integer NOT NULL DEFAULT 0,
    files_parsed integer NOT NULL DEFAULT 0,
    files_skipped integer NOT NULL DEFAULT 0,
    parse_errors integer NOT NULL DEFAULT 0
);
CREATE INDEX scans_by_repository ON scans (repository_id, started_at);

-- One row per file of a repository as last scanned; an unchanged content_hash means no reparse.
CREATE TABLE files (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    repository_id bigint NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    path text NOT NULL,                 -- relative to the repository root, '/' separated
    content_hash text NOT NULL,
    size bigint NOT NULL,
    scan_id bigint NOT NULL REFERENCES scans (id),
    UNIQUE (repository_id, path)
);

-- What a detection rule found, where, and who wrote that line when.
CREATE TABLE hits (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_id bigint NOT NULL REFERENCES files (id) ON DELETE CASCADE,
    framework text NOT NULL,
    topic text NOT NULL,
    skill text NOT NULL,
    line integer NOT NULL,
    end_line integer NOT NULL,
    snippet text NOT NULL,
    author_email text,
    commit_id text,
    committed_at timestamptz
);
CREATE INDEX hits_by_file ON hits (file_id);
CREATE INDEX hits_by_skill ON hits (framework, topic, skill);
CREATE INDEX hits_by_author ON hits (author_email);

-- Dismissals are kept apart from hits, keyed by what stays the same across rescans, so a hit
-- found again in a rescan is still dismissed.
CREATE TABLE hit_dismissals (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    repository_id bigint NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    path text NOT NULL,
    framework text NOT NULL,
    skill text NOT NULL,
    snippet text NOT NULL,
    dismissed_at timestamptz NOT NULL,
    UNIQUE (repository_id, path, framework, skill, snippet)
);
