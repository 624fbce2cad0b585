-- 0009 (issue 12): a person's status reads their hits by author email and framework (PostgreSQL's
-- index also carries the columns of that read; SQLite has no INCLUDE, and finds a row by its rowid
-- cheaply). It leads with author_email, so it also serves every read hits_by_author served.
CREATE INDEX hits_by_author_framework ON hits (author_email, framework);
DROP INDEX hits_by_author;
