-- 0013 (issue 14): the audit log. One row per change made to a person's data, and per read of
-- someone else's data through the server. actor_kind says who acted: 'person' (actor_id is their
-- person id), 'local' (the command line on its own store; actor_id NULL) or 'team-token' (a team's
-- push token; actor_id NULL, actor_token_id is the token's id). subject_id is whose data it was (NULL
-- for an organisation-wide change such as a setting or a team). target names the thing (a team
-- id, a topic, a token id, a repository) and detail says more in words. Neither ever holds source
-- text, a token secret or a password. The ids are not references: an event outlives the row it
-- names. Newest first is the primary key read backwards; a person's log is audit_events_by_subject.
CREATE TABLE audit_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL,
    actor_kind text NOT NULL CHECK (actor_kind IN ('person', 'local', 'team-token')),
    actor_id bigint,
    actor_token_id bigint,
    action text NOT NULL,
    subject_id bigint,
    target text,
    detail text,
    CHECK ((actor_kind = 'person') = (actor_id IS NOT NULL)),
    CHECK ((actor_kind = 'team-token') = (actor_token_id IS NOT NULL))
);
CREATE INDEX audit_events_by_subject ON audit_events (subject_id, id DESC);
CREATE INDEX audit_events_by_actor ON audit_events (actor_id, id DESC);
