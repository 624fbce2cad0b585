-- 0009 (issue 14): teams. A team has a name (unique without regard to case: name_key is its lower
-- case) and people in it, each as a member (their levels are in the team's matrix) or a manager
-- (reads the matrix with evidence places); one person may be both, and be in several teams.
CREATE TABLE teams (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE team_people (
    team_id INTEGER NOT NULL REFERENCES teams (id),
    person_id INTEGER NOT NULL REFERENCES persons (id),
    role TEXT NOT NULL CHECK (role IN ('member', 'manager')),
    PRIMARY KEY (team_id, person_id, role)
) STRICT;
CREATE INDEX team_people_by_person ON team_people (person_id);
