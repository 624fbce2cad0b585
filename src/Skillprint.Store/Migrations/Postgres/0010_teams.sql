-- 0009 (issue 14): teams. A team has a name (unique without regard to case: name_key is its lower
-- case) and people in it, each as a member (their levels are in the team's matrix) or a manager
-- (reads the matrix with evidence places); one person may be both, and be in several teams.
CREATE TABLE teams (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    name_key text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL
);

CREATE TABLE team_people (
    team_id bigint NOT NULL REFERENCES teams (id),
    person_id bigint NOT NULL REFERENCES persons (id),
    role text NOT NULL CHECK (role IN ('member', 'manager')),
    PRIMARY KEY (team_id, person_id, role)
);
CREATE INDEX team_people_by_person ON team_people (person_id);
