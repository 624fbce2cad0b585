-- The plans of the statements a team matrix, the organisation's report and a push run, on a
-- database the teams (or push) benchmark seeded. The statements are the store's own
-- (src/Skillprint.Store/SkillprintStore.Teams.cs, .Standings.cs, .Scans.cs, .Push.cs), with team 1
-- (50 members) and its manager, person 1, as parameters.
--   psql "host=127.0.0.1 port=PORT user=postgres dbname=NAME" -f bench/plans/teams.sql
\set QUIET on
\pset pager off
SELECT array_agg(m.person_id) AS ids, array_agg(p.primary_email) AS emails
FROM team_people AS m JOIN persons AS p ON p.id = m.person_id WHERE m.team_id = 1 AND m.role = 'member' \gset
\echo '== the team (with the caller in it)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT t.id, t.name, t.created_at FROM teams AS t
WHERE t.id = 1 AND (false OR EXISTS (SELECT 1 FROM team_people AS v WHERE v.team_id = t.id AND v.person_id = 1));
\echo '== its people'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT m.person_id, p.primary_email, m.role FROM team_people AS m JOIN persons AS p ON p.id = m.person_id
WHERE m.team_id = 1 ORDER BY p.primary_email;
\echo '== the members as persons, with every email'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT p.id, p.primary_email, e.email FROM persons AS p JOIN person_emails AS e ON e.person_id = p.id
WHERE p.id = ANY(:'ids'::bigint[]) ORDER BY p.id, e.id;
\echo '== their self-assessments'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT a.person_id, p.primary_email, a.framework, a.topic, a.level, a.note, a.at
FROM self_assessments AS a JOIN persons AS p ON p.id = a.person_id
WHERE a.person_id = ANY(:'ids'::bigint[]) AND a.framework = 'python' ORDER BY a.person_id, a.at, a.id;
\echo '== the evidence stamp'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT (SELECT MAX(id) FROM scans), (SELECT CAST(finished_at AS TEXT) FROM scans ORDER BY id DESC LIMIT 1),
       (SELECT COUNT(*) FROM repositories), (SELECT MAX(id) FROM hit_dismissals), (SELECT COUNT(*) FROM hit_dismissals);
\echo '== cold only: the members'' code hits (dismissed ones left out)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT h.id, h.file_id, h.line, h.end_line, h.framework, h.topic, h.skill, h.snippet, h.author_email, h.committed_at
FROM hits AS h
WHERE h.framework = 'python' AND h.author_email = ANY(:'emails'::text[])
  AND NOT EXISTS (SELECT 1 FROM hit_dismissals AS d JOIN files AS df ON df.repository_id = d.repository_id AND df.path = d.path
                  WHERE df.id = h.file_id AND d.framework = h.framework AND d.skill = h.skill AND d.snippet = h.snippet AND d.occurrence = h.occurrence);
\echo '== the organisation''s report: everyone'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT p.id, p.primary_email, e.email FROM persons AS p JOIN person_emails AS e ON e.person_id = p.id ORDER BY p.id, e.id;
\echo '== a push: the hits stored for the repository (the one with most hits)'
SELECT f.repository_id AS repo FROM files AS f GROUP BY f.repository_id ORDER BY COUNT(*) DESC LIMIT 1 \gset
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT h.file_id, h.topic, h.skill, h.line, h.end_line, h.author_email, h.commit_id, h.committed_at, h.snippet
FROM hits AS h
WHERE h.file_id = ANY(ARRAY(SELECT id FROM files WHERE repository_id = :repo)) AND h.framework = 'python' AND 1 = 1;
\echo '== a push: its files'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT path, id FROM files WHERE repository_id = :repo;
\echo '== a push: the hits it replaces (rolled back)'
BEGIN;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
DELETE FROM hits AS h WHERE h.file_id = ANY(ARRAY(SELECT id FROM files WHERE repository_id = :repo)) AND h.framework = 'python' AND 1 = 1;
ROLLBACK;
