-- 0006 (issue 11): the seniority grade a person aims for in a role (junior, mid, senior, staff;
-- NULL: the role's own targets, as before grades existed).
ALTER TABLE person_roles ADD COLUMN grade TEXT;
