-- 0003 (prepared for issue 5, the growth loop): target roles, roadmap marks, practice reviews.
-- All three keep history: a change is a new row, the latest row per item is what holds now.

CREATE TABLE person_roles (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES persons (id),
    framework TEXT NOT NULL,
    role TEXT NOT NULL,
    set_at TEXT NOT NULL,
    removed_at TEXT
) STRICT;
CREATE INDEX person_roles_by_person ON person_roles (person_id, framework);

-- A mark on a topic or a skill (not on a roadmap), so it counts in every roadmap holding the item.
CREATE TABLE progress_marks (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES persons (id),
    framework TEXT NOT NULL,
    item TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('todo', 'doing', 'done', 'skipped')),
    at TEXT NOT NULL
) STRICT;
CREATE INDEX progress_marks_by_person ON progress_marks (person_id, framework, item, at);

-- Every review of a practice card with the scheduler state before and after it (JSON text);
-- a card's current state is the state_after of its latest review.
CREATE TABLE card_reviews (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES persons (id),
    framework TEXT NOT NULL,
    card TEXT NOT NULL,
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    reviewed_at TEXT NOT NULL,
    due_after TEXT NOT NULL,
    state_before TEXT NOT NULL,
    state_after TEXT NOT NULL
) STRICT;
CREATE INDEX card_reviews_by_card ON card_reviews (person_id, framework, card, reviewed_at);
