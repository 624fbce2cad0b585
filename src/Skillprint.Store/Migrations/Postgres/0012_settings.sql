-- 0012 (issue 14): the organisation's settings, one row a setting (absent: its default).
-- members_see_team_matrix: 'true' or 'false', whether a team's members read its matrix of levels.
CREATE TABLE org_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
