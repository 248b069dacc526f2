-- The customer book is the manager's own: people added by hand (prospects, with a local
-- number until a core-system import links them), edits kept with their history, pinned notes,
-- relations between customers (households, a shared employer) and who referred whom.
ALTER TABLE customers ADD COLUMN address TEXT;
ALTER TABLE customers ADD COLUMN employer TEXT;
-- How the person came to the manager: a key of the policy's [book] sources.
ALTER TABLE customers ADD COLUMN source TEXT;
-- The local number (P000123) a hand-added person was given; kept after linking, so the
-- history can say which prospect became which customer.
ALTER TABLE customers ADD COLUMN local_no TEXT;
-- When a core-system import linked the hand-added person to the bank's customer number.
ALTER TABLE customers ADD COLUMN linked_at TEXT;
-- Who referred them: another customer, or a staff member (a teller's referral).
ALTER TABLE customers ADD COLUMN referred_by_id INTEGER REFERENCES customers(id) ON DELETE SET NULL;
ALTER TABLE customers ADD COLUMN referred_by_staff TEXT;
ALTER TABLE customers ADD COLUMN referred_on TEXT;
CREATE UNIQUE INDEX customers_by_local_no ON customers(local_no) WHERE local_no IS NOT NULL;
CREATE INDEX customers_by_referrer ON customers(referred_by_id) WHERE referred_by_id IS NOT NULL;

-- Every hand edit of a customer's details: who, when, the old and the new value. An undo
-- marks the row undone (and a redo clears the mark); nothing is deleted.
CREATE TABLE customer_changes (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    field       TEXT NOT NULL,
    old_value   TEXT,
    new_value   TEXT,
    changed_at  TEXT NOT NULL,
    changed_by  TEXT NOT NULL DEFAULT '',
    -- hand (the edit form or `customers edit`), add, link (a core import matched a prospect)
    via         TEXT NOT NULL DEFAULT 'hand',
    undone_at   TEXT
);
CREATE INDEX customer_changes_by_customer ON customer_changes(customer_id, id);

-- Notes that stay with the customer ("不喜欢电话，微信联系"), pinned ones shown first.
CREATE TABLE customer_notes (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    body        TEXT NOT NULL,
    pinned      INTEGER NOT NULL DEFAULT 1,
    author_no   TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX customer_notes_by_customer ON customer_notes(customer_id);

-- "other is customer's <kind>": spouse, parent, child, same_employer, other. Read from both
-- ends: the other end sees the inverse (a parent's child).
CREATE TABLE customer_relations (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    other_id    INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    deleted_at  TEXT,
    CHECK (customer_id <> other_id)
);
CREATE INDEX customer_relations_by_customer ON customer_relations(customer_id);
CREATE INDEX customer_relations_by_other ON customer_relations(other_id);
