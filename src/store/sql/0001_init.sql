-- The first schema: managers, customers, balance snapshots, holdings.
CREATE TABLE managers (
    id          INTEGER PRIMARY KEY,
    manager_no  TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL DEFAULT '',
    role        TEXT NOT NULL DEFAULT 'relationship_manager',
    created_at  TEXT NOT NULL
);

CREATE TABLE customers (
    id                  INTEGER PRIMARY KEY,
    customer_no         TEXT NOT NULL UNIQUE,
    name                TEXT NOT NULL,
    gender              TEXT,
    birth_date          TEXT,
    phone               TEXT,
    id_number           TEXT,
    occupation          TEXT,
    manager_id          INTEGER REFERENCES managers(id),
    risk_level          TEXT,
    risk_assessed_on    TEXT,
    first_trade_on      TEXT,
    tags                TEXT NOT NULL DEFAULT '',
    preference_override TEXT,
    added_on            TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
CREATE INDEX customers_by_manager ON customers(manager_id);

-- One row per customer per as-of date; money as exact decimal text.
CREATE TABLE balance_snapshots (
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    as_of       TEXT NOT NULL,
    deposits    TEXT NOT NULL,
    wealth      TEXT NOT NULL,
    funds       TEXT NOT NULL,
    insurance   TEXT NOT NULL,
    bonds       TEXT NOT NULL,
    other       TEXT NOT NULL,
    PRIMARY KEY (customer_id, as_of)
) WITHOUT ROWID;

CREATE TABLE holdings (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    product_code TEXT NOT NULL DEFAULT '',
    product_name TEXT NOT NULL,
    amount       TEXT NOT NULL,
    start_on     TEXT NOT NULL DEFAULT '',
    maturity_on  TEXT,
    source       TEXT NOT NULL DEFAULT 'import',
    updated_at   TEXT NOT NULL,
    UNIQUE (customer_id, kind, product_code, product_name, start_on)
);
CREATE INDEX holdings_by_maturity ON holdings(maturity_on);
