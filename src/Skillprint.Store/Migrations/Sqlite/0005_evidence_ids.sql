-- 0005 (issue 8): evidence that cannot be confused, repositories known by what they are.
-- A hit's occurrence is its rank among the hits of its file with the same skill and snippet
-- (1 for the first by line), so a dismissal names one place, not every copy of a line.
ALTER TABLE hits ADD COLUMN occurrence INTEGER NOT NULL DEFAULT 1;
UPDATE hits SET occurrence = ranked.n
FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY file_id, framework, skill, snippet ORDER BY line, id) AS n FROM hits) AS ranked
WHERE hits.id = ranked.id;

-- Dismissals now belong to the person who made them (NULL: made before this version, by the
-- only user a local store had) and name one occurrence. A dismissal made before named every copy
-- of its line in the file, so it becomes one row per copy that exists now.
CREATE TABLE hit_dismissals_v5 (
    id INTEGER PRIMARY KEY,
    person_id INTEGER REFERENCES persons (id),
    repository_id INTEGER NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    framework TEXT NOT NULL,
    skill TEXT NOT NULL,
    snippet TEXT NOT NULL,
    occurrence INTEGER NOT NULL,
    dismissed_at TEXT NOT NULL,
    UNIQUE (repository_id, path, framework, skill, snippet, occurrence)
) STRICT;
INSERT INTO hit_dismissals_v5 (person_id, repository_id, path, framework, skill, snippet, occurrence, dismissed_at)
SELECT DISTINCT NULL, d.repository_id, d.path, d.framework, d.skill, d.snippet, h.occurrence, d.dismissed_at
FROM hit_dismissals AS d
JOIN files AS f ON f.repository_id = d.repository_id AND f.path = d.path
JOIN hits AS h ON h.file_id = f.id AND h.framework = d.framework AND h.skill = d.skill AND h.snippet = d.snippet;
INSERT INTO hit_dismissals_v5 (person_id, repository_id, path, framework, skill, snippet, occurrence, dismissed_at)
SELECT NULL, d.repository_id, d.path, d.framework, d.skill, d.snippet, 1, d.dismissed_at
FROM hit_dismissals AS d
WHERE NOT EXISTS (SELECT 1 FROM hit_dismissals_v5 AS n WHERE n.repository_id = d.repository_id AND n.path = d.path
                  AND n.framework = d.framework AND n.skill = d.skill AND n.snippet = d.snippet);
DROP TABLE hit_dismissals;
ALTER TABLE hit_dismissals_v5 RENAME TO hit_dismissals;

-- A repository is what it holds, not where it sits: a git repository by its first commit and its
-- remote, a plain folder by its path. A clone moved or scanned through another path is the same one.
ALTER TABLE repositories ADD COLUMN identity TEXT;
UPDATE repositories SET identity = 'path:' || root;
CREATE UNIQUE INDEX repositories_by_identity ON repositories (identity);
