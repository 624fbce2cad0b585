-- 0001 (issue 2): people and their emails, self-assessments, manual evidence, settings.

-- A person is one or more emails; primary_email is the one shown for them.
CREATE TABLE persons (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    primary_email text NOT NULL UNIQUE,
    name text
);

CREATE TABLE person_emails (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL UNIQUE,
    person_id bigint NOT NULL REFERENCES persons (id)
);
CREATE INDEX person_emails_by_person ON person_emails (person_id);

-- History: rows are only ever added; the latest per topic is the current self-assessed level.
CREATE TABLE self_assessments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id bigint NOT NULL REFERENCES persons (id),
    framework text NOT NULL,
    topic text NOT NULL,
    level text NOT NULL CHECK (level IN ('None', 'Beginner', 'Intermediate', 'Advanced', 'Expert')),
    note text,
    at timestamptz NOT NULL
);
CREATE INDEX self_assessments_by_person ON self_assessments (person_id, framework, topic, at);

-- Evidence entered by hand; removing it sets removed_at, so the history stays.
CREATE TABLE manual_evidence (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id bigint NOT NULL REFERENCES persons (id),
    framework text NOT NULL,
    topic text NOT NULL,
    skill text,
    link text,
    note text,
    at timestamptz NOT NULL,
    removed_at timestamptz
);
CREATE INDEX manual_evidence_by_person ON manual_evidence (person_id, framework, topic);

CREATE TABLE settings (
    key text PRIMARY KEY,
    value text NOT NULL
);
