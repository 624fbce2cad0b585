-- 0011 (issue 14): team push tokens and linked identities.
-- A token may now belong to a team (team_id) with the scope 'push': a repository's CI pushes
-- evidence for every author with it and can do nothing else. person_id is who created it. SQLite
-- cannot change a CHECK in place, so the table is built again with the same rows.
CREATE TABLE access_tokens_0011 (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES persons (id),
    name TEXT NOT NULL,
    scope TEXT NOT NULL CHECK (scope IN ('read', 'write', 'push')),
    secret_hash TEXT NOT NULL UNIQUE,
    prefix TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT,
    last_used_at TEXT,
    revoked_at TEXT,
    team_id INTEGER,
    CHECK ((scope = 'push') = (team_id IS NOT NULL))
) STRICT;
INSERT INTO access_tokens_0011 (id, person_id, name, scope, secret_hash, prefix, created_at, expires_at, last_used_at, revoked_at)
SELECT id, person_id, name, scope, secret_hash, prefix, created_at, expires_at, last_used_at, revoked_at FROM access_tokens;
DROP TABLE access_tokens;
ALTER TABLE access_tokens_0011 RENAME TO access_tokens;
CREATE INDEX access_tokens_by_person ON access_tokens (person_id);
CREATE INDEX access_tokens_by_team ON access_tokens (team_id) WHERE team_id IS NOT NULL;

-- An author email of pushed code that an admin linked to a person: the email is then one of the
-- person's (person_emails), and this row says it came from a link, so that unlinking removes it.
CREATE TABLE identity_links (
    email TEXT PRIMARY KEY,
    person_id INTEGER NOT NULL,
    linked_at TEXT NOT NULL
) STRICT;
