-- Who managed which customer when (分户历史). One row per period of a customer with one
-- manager: from_date inclusive, to_date exclusive, NULL while current. customers.manager_id
-- stays the current manager for the fast reads; this table answers "on date D".
CREATE TABLE customer_assignments (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    manager_id  INTEGER NOT NULL REFERENCES managers(id),
    from_date   TEXT NOT NULL,
    to_date     TEXT,
    -- backfill, added, import, manual or rule:<label>
    reason      TEXT NOT NULL,
    -- who made the change (a staff number), '' when unknown
    actor       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
CREATE INDEX customer_assignments_by_customer ON customer_assignments(customer_id, from_date);
CREATE INDEX customer_assignments_by_manager ON customer_assignments(manager_id, from_date);
-- At most one current assignment per customer.
CREATE UNIQUE INDEX customer_assignments_current
    ON customer_assignments(customer_id) WHERE to_date IS NULL;

-- Every customer's manager today has held them since the customer was added (the best the
-- store knows before it kept history).
INSERT INTO customer_assignments (customer_id, manager_id, from_date, to_date, reason, created_at)
SELECT id, manager_id, added_on, NULL, 'backfill', updated_at
FROM customers WHERE manager_id IS NOT NULL;
