-- 0011 (issue 14): team push tokens and linked identities.
-- A token may now belong to a team (team_id) with the scope 'push': a repository's CI pushes
-- evidence for every author with it and can do nothing else. person_id is who created it.
ALTER TABLE access_tokens DROP CONSTRAINT access_tokens_scope_check;
ALTER TABLE access_tokens ADD COLUMN team_id bigint;
ALTER TABLE access_tokens ADD CONSTRAINT access_tokens_scope_check CHECK (scope IN ('read', 'write', 'push'));
ALTER TABLE access_tokens ADD CONSTRAINT access_tokens_team_push CHECK ((scope = 'push') = (team_id IS NOT NULL));
CREATE INDEX access_tokens_by_team ON access_tokens (team_id) WHERE team_id IS NOT NULL;

-- An author email of pushed code that an admin linked to a person: the email is then one of the
-- person's (person_emails), and this row says it came from a link, so that unlinking removes it.
CREATE TABLE identity_links (
    email text PRIMARY KEY,
    person_id bigint NOT NULL,
    linked_at timestamptz NOT NULL
);
