-- 0008 (issue 12): accounts for the server. A user is a person who can sign in, with a role and a
-- password hash (PBKDF2, see Core/Accounts/Secrets); failed_sign_ins and locked_until are the lockout.
CREATE TABLE users (
    person_id INTEGER PRIMARY KEY REFERENCES persons (id),
    role TEXT NOT NULL CHECK (role IN ('member', 'admin')),
    password_hash TEXT NOT NULL,
    must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
    failed_sign_ins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    created_at TEXT NOT NULL
) STRICT;

-- Personal access tokens: only the SHA-256 of the secret is kept; prefix tells tokens apart in lists.
CREATE TABLE access_tokens (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES persons (id),
    name TEXT NOT NULL,
    scope TEXT NOT NULL CHECK (scope IN ('read', 'write')),
    secret_hash TEXT NOT NULL UNIQUE,
    prefix TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT,
    last_used_at TEXT,
    revoked_at TEXT
) STRICT;
CREATE INDEX access_tokens_by_person ON access_tokens (person_id);
