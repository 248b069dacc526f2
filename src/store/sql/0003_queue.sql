-- The daily queue reads, per customer, the latest live diary entry of each kind and outcome.
-- Kept up to date by triggers in the same transaction as the entry, so the queue never scans
-- the whole diary and can never disagree with it.
CREATE INDEX diary_by_customer_kind
    ON diary_entries(customer_id, kind, outcome, occurred_at) WHERE deleted_at IS NULL;
-- Live follow-ups by customer, covering what the queue reads of them.
CREATE INDEX diary_follow_ups ON diary_entries(customer_id, follow_up_at, occurred_at)
    WHERE follow_up_at IS NOT NULL AND deleted_at IS NULL;

CREATE TABLE contact_last (
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    -- '' when the entry has no outcome.
    outcome     TEXT NOT NULL DEFAULT '',
    last_at     TEXT NOT NULL,
    n           INTEGER NOT NULL,
    PRIMARY KEY (customer_id, kind, outcome)
) WITHOUT ROWID;

-- What contact_last must hold, from the diary itself: the triggers recompute from it, and
-- `guanhu check` compares against it.
CREATE VIEW contact_truth AS
    SELECT customer_id, kind, COALESCE(outcome, '') AS outcome, MAX(occurred_at) AS last_at,
        COUNT(*) AS n
    FROM diary_entries WHERE deleted_at IS NULL AND customer_id IS NOT NULL
    GROUP BY customer_id, kind, COALESCE(outcome, '');

INSERT INTO contact_last (customer_id, kind, outcome, last_at, n)
    SELECT customer_id, kind, outcome, last_at, n FROM contact_truth;

CREATE TRIGGER contact_last_after_insert AFTER INSERT ON diary_entries
WHEN NEW.customer_id IS NOT NULL AND NEW.deleted_at IS NULL
BEGIN
    INSERT INTO contact_last (customer_id, kind, outcome, last_at, n)
    VALUES (NEW.customer_id, NEW.kind, COALESCE(NEW.outcome, ''), NEW.occurred_at, 1)
    ON CONFLICT (customer_id, kind, outcome)
    DO UPDATE SET last_at = MAX(last_at, excluded.last_at), n = n + 1;
END;

-- An amendment, deletion or restore recomputes the old and the new kind/outcome of the customer.
CREATE TRIGGER contact_last_after_update
AFTER UPDATE OF customer_id, kind, outcome, occurred_at, deleted_at ON diary_entries
BEGIN
    DELETE FROM contact_last WHERE customer_id = OLD.customer_id AND kind = OLD.kind
        AND outcome = COALESCE(OLD.outcome, '');
    INSERT INTO contact_last (customer_id, kind, outcome, last_at, n)
        SELECT customer_id, kind, outcome, last_at, n FROM contact_truth
        WHERE customer_id = OLD.customer_id AND kind = OLD.kind
        AND outcome = COALESCE(OLD.outcome, '');
    DELETE FROM contact_last WHERE customer_id = NEW.customer_id AND kind = NEW.kind
        AND outcome = COALESCE(NEW.outcome, '');
    INSERT INTO contact_last (customer_id, kind, outcome, last_at, n)
        SELECT customer_id, kind, outcome, last_at, n FROM contact_truth
        WHERE customer_id = NEW.customer_id AND kind = NEW.kind
        AND outcome = COALESCE(NEW.outcome, '');
END;

CREATE TRIGGER contact_last_after_delete AFTER DELETE ON diary_entries
BEGIN
    DELETE FROM contact_last WHERE customer_id = OLD.customer_id AND kind = OLD.kind
        AND outcome = COALESCE(OLD.outcome, '');
    INSERT INTO contact_last (customer_id, kind, outcome, last_at, n)
        SELECT customer_id, kind, outcome, last_at, n FROM contact_truth
        WHERE customer_id = OLD.customer_id AND kind = OLD.kind
        AND outcome = COALESCE(OLD.outcome, '');
END;

-- The same, one row per customer, packed as `kind:outcome=last_at#n` items joined by `;`:
-- reading 100,000 of these is several times faster than reading the rows above. (The triggers
-- delete and insert rather than INSERT OR REPLACE: inside a trigger fired by an upsert, the
-- outer statement's conflict policy would override OR REPLACE.)
CREATE TABLE contact_summary (
    customer_id INTEGER PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
    packed      TEXT NOT NULL
);

CREATE VIEW contact_packed AS
    SELECT customer_id, group_concat(kind || ':' || outcome || '=' || last_at || '#' || n, ';')
        AS packed
    FROM contact_last GROUP BY customer_id;

INSERT INTO contact_summary (customer_id, packed) SELECT customer_id, packed FROM contact_packed;

CREATE TRIGGER contact_summary_after_insert AFTER INSERT ON contact_last
BEGIN
    DELETE FROM contact_summary WHERE customer_id = NEW.customer_id;
    INSERT INTO contact_summary (customer_id, packed)
        SELECT customer_id, packed FROM contact_packed WHERE customer_id = NEW.customer_id;
END;

CREATE TRIGGER contact_summary_after_update AFTER UPDATE ON contact_last
BEGIN
    DELETE FROM contact_summary WHERE customer_id = NEW.customer_id;
    INSERT INTO contact_summary (customer_id, packed)
        SELECT customer_id, packed FROM contact_packed WHERE customer_id = NEW.customer_id;
END;

CREATE TRIGGER contact_summary_after_delete AFTER DELETE ON contact_last
BEGIN
    DELETE FROM contact_summary WHERE customer_id = OLD.customer_id;
    INSERT INTO contact_summary (customer_id, packed)
        SELECT customer_id, packed FROM contact_packed WHERE customer_id = OLD.customer_id;
END;

-- Snoozes and dismissals of queue items. Undo marks a row undone rather than deleting it.
CREATE TABLE queue_holds (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    manager_id  INTEGER REFERENCES managers(id),
    -- snooze | dismiss
    action      TEXT NOT NULL,
    -- The reason code dismissed; NULL for a snooze (the whole row).
    code        TEXT,
    -- Snooze: the day the row returns. Dismiss: the last day the reason stays away.
    until       TEXT NOT NULL,
    -- Why, in the manager's words.
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    undone_at   TEXT
);
CREATE INDEX queue_holds_by_until ON queue_holds(until);
CREATE INDEX queue_holds_by_customer ON queue_holds(customer_id);
