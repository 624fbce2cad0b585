-- 0009 (issue 12): a person's status reads their hits by author email and framework. The index
-- carries every column that read needs (all but the commit), so PostgreSQL answers it from the
-- index alone instead of visiting one table page per hit. It leads with author_email, so it also
-- serves every read hits_by_author served.
CREATE INDEX hits_by_author_framework ON hits (author_email, framework)
    INCLUDE (file_id, topic, skill, line, end_line, committed_at, snippet, occurrence, id);
DROP INDEX hits_by_author;
