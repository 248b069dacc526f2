-- A manager's own targets (个人指标) over the policy's [targets]: one row per key the
-- manager has a value of (`weekly.sales_count`), the value as exact decimal text.
CREATE TABLE manager_targets (
    manager_id INTEGER NOT NULL REFERENCES managers(id) ON DELETE CASCADE,
    key        TEXT NOT NULL,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (manager_id, key)
) WITHOUT ROWID;
