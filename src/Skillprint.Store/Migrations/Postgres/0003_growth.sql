-- 0003 (prepared for issue 5, the growth loop): target roles, roadmap marks, practice reviews.
-- All three keep history: a change is a new row, the latest row per item is what holds now.

CREATE TABLE person_roles (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id bigint NOT NULL REFERENCES persons (id),
    framework text NOT NULL,
    role text NOT NULL,
    set_at timestamptz NOT NULL,
    removed_at timestamptz
);
CREATE INDEX person_roles_by_person ON person_roles (person_id, framework);

-- A mark on a topic or a skill (not on a roadmap), so it counts in every roadmap holding the item.
CREATE TABLE progress_marks (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id bigint NOT NULL REFERENCES persons (id),
    framework text NOT NULL,
    item text NOT NULL,
    status text NOT NULL CHECK (status IN ('todo', 'doing', 'done', 'skipped')),
    at timestamptz NOT NULL
);
CREATE INDEX progress_marks_by_person ON progress_marks (person_id, framework, item, at);

-- Every review of a practice card with the scheduler state before and after it (JSON text);
-- a card's current state is the state_after of its latest review.
CREATE TABLE card_reviews (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id bigint NOT NULL REFERENCES persons (id),
    framework text NOT NULL,
    card text NOT NULL,
    rating integer NOT NULL CHECK (rating BETWEEN 1 AND 4),
    reviewed_at timestamptz NOT NULL,
    due_after timestamptz NOT NULL,
    state_before text NOT NULL,
    state_after text NOT NULL
);
CREATE INDEX card_reviews_by_card ON card_reviews (person_id, framework, card, reviewed_at);
