-- 0008 (issue 12): accounts for the server. A user is a person who can sign in, with a role and a
-- password hash (PBKDF2, see Core/Accounts/Secrets); failed_sign_ins and locked_until are the lockout.
CREATE TABLE users (
    person_id bigint PRIMARY KEY REFERENCES persons (id),
    role text NOT NULL CHECK (role IN ('member', 'admin')),
    password_hash text NOT NULL,
    must_change_password boolean NOT NULL DEFAULT false,
    failed_sign_ins integer NOT NULL DEFAULT 0,
    locked_until timestamptz,
    created_at timestamptz NOT NULL
);

-- Personal access tokens: only the SHA-256 of the secret is kept; prefix tells tokens apart in lists.
CREATE TABLE access_tokens (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id bigint NOT NULL REFERENCES persons (id),
    name text NOT NULL,
    scope text NOT NULL CHECK (scope IN ('read', 'write')),
    secret_hash text NOT NULL UNIQUE,
    prefix text NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz,
    last_used_at timestamptz,
    revoked_at timestamptz
);
CREATE INDEX access_tokens_by_person ON access_tokens (person_id);
