-- 0001 (issue 2): people and their emails, self-assessments, manual evidence, settings.
-- Times are UTC ISO-8601 text with microseconds ("2025-01-31T09:15:00.000000Z"), so they sort as text.

-- A person is one or more emails; primary_email is the one shown for them.
CREATE TABLE persons (
    id INTEGER PRIMARY KEY,
    primary_email TEXT NOT NULL UNIQUE,
    name TEXT
) STRICT;

CREATE TABLE person_emails (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    person_id INTEGER NOT NULL REFERENCES persons (id)
) STRICT;
CREATE INDEX person_emails_by_person ON person_emails (person_id);

-- History: rows are only ever added; the latest per topic is the current self-assessed level.
CREATE TABLE self_assessments (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES persons (id),
    framework TEXT NOT NULL,
    topic TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('None', 'Beginner', 'Intermediate', 'Advanced', 'Expert')),
    note TEXT,
    at TEXT NOT NULL
) STRICT;
CREATE INDEX self_assessments_by_person ON self_assessments (person_id, framework, topic, at);

-- Evidence entered by hand; removing it sets removed_at, so the history stays.
CREATE TABLE manual_evidence (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES persons (id),
    framework TEXT NOT NULL,
    topic TEXT NOT NULL,
    skill TEXT,
    link TEXT,
    note TEXT,
    at TEXT NOT NULL,
    removed_at TEXT
) STRICT;
CREATE INDEX manual_evidence_by_person ON manual_evidence (person_id, framework, topic);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
