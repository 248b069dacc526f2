-- The work diary: entries are never silently changed. An amendment or a deletion first copies
-- the entry as it was into diary_revisions; a deletion only marks the entry.
CREATE TABLE diary_entries (
    id                    INTEGER PRIMARY KEY,
    manager_id            INTEGER REFERENCES managers(id),
    customer_id           INTEGER REFERENCES customers(id),
    kind                  TEXT NOT NULL,
    occurred_at           TEXT NOT NULL,
    outcome               TEXT,
    note                  TEXT NOT NULL DEFAULT '',
    follow_up_at          TEXT,
    product_kind          TEXT,
    product_code          TEXT,
    product_name          TEXT,
    amount                TEXT,
    maturity_on           TEXT,
    risk_level            TEXT,
    -- The customer's risk profile before a risk assessment, so undoing it restores them.
    prev_risk_level       TEXT,
    prev_risk_assessed_on TEXT,
    -- The holding a sale created, kept in step with the entry.
    holding_id            INTEGER REFERENCES holdings(id) ON DELETE SET NULL,
    -- Entries logged together (a bulk SMS) share a batch number.
    batch_id              INTEGER,
    created_at            TEXT NOT NULL,
    amended_at            TEXT,
    deleted_at            TEXT
);
CREATE INDEX diary_by_customer ON diary_entries(customer_id, occurred_at);
CREATE INDEX diary_by_time ON diary_entries(occurred_at);
CREATE INDEX diary_by_follow_up ON diary_entries(follow_up_at) WHERE follow_up_at IS NOT NULL;

CREATE TABLE diary_revisions (
    id         INTEGER PRIMARY KEY,
    entry_id   INTEGER NOT NULL REFERENCES diary_entries(id),
    revised_at TEXT NOT NULL,
    -- amend, delete, restore, undo, redo
    action     TEXT NOT NULL,
    -- The entry as it was before this change, as JSON.
    before     TEXT NOT NULL
);
CREATE INDEX revisions_by_entry ON diary_revisions(entry_id, id);
