-- Holdings rebuilt without the table-wide unique key: a logged sale is its own holding, even
-- when the same product is sold twice on a day or matches an imported row. Only imported rows
-- are matched by their natural key on re-import.
CREATE TABLE holdings_v2 (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    product_code TEXT NOT NULL DEFAULT '',
    product_name TEXT NOT NULL,
    amount       TEXT NOT NULL,
    start_on     TEXT NOT NULL DEFAULT '',
    maturity_on  TEXT,
    source       TEXT NOT NULL DEFAULT 'import',
    updated_at   TEXT NOT NULL
);
INSERT INTO holdings_v2 SELECT id, customer_id, kind, product_code, product_name, amount,
    start_on, maturity_on, source, updated_at FROM holdings;
DROP TABLE holdings;
ALTER TABLE holdings_v2 RENAME TO holdings;
CREATE UNIQUE INDEX holdings_import_key
    ON holdings(customer_id, kind, product_code, product_name, start_on) WHERE source = 'import';
CREATE INDEX holdings_by_maturity ON holdings(maturity_on);
CREATE INDEX holdings_by_customer ON holdings(customer_id);

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
