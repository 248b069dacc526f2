//! Assignment history (分户历史): every period a customer spent with one manager, and the questions the weekly metrics ask of it ("whose customers on date D"). Periods run from `from_date` (inclusive) to `to_date` (exclusive, NULL while current).

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, params};

use super::dates::Day;
use crate::error::Result;

/// Why an assignment row was written; stored as text.
pub mod reason {
    /// Written by the migration from the customer's manager when history began.
    pub const BACKFILL: &str = "backfill";
    /// The manager a customer had when first stored.
    pub const ADDED: &str = "added";
    /// A changed manager in an imported customer list.
    pub const IMPORT: &str = "import";
    /// `guanhu assign … --to`.
    pub const MANUAL: &str = "manual";
}

/// One period of a customer with one manager.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignmentRow {
    pub customer_id: i64,
    pub manager_id: i64,
    pub manager_no: String,
    pub from_date: NaiveDate,
    /// Exclusive; `None` while current.
    pub to_date: Option<NaiveDate>,
    pub reason: String,
    pub actor: String,
}

const COLUMNS: &str = "a.customer_id, a.manager_id, m.manager_no, a.from_date, a.to_date, \
     a.reason, a.actor FROM customer_assignments a JOIN managers m ON m.id = a.manager_id";

fn row_of(r: &rusqlite::Row<'_>) -> rusqlite::Result<AssignmentRow> {
    Ok(AssignmentRow {
        customer_id: r.get(0)?,
        manager_id: r.get(1)?,
        manager_no: r.get(2)?,
        from_date: r.get::<_, Day>(3)?.0,
        to_date: r.get::<_, Option<Day>>(4)?.map(|d| d.0),
        reason: r.get(5)?,
        actor: r.get(6)?,
    })
}

/// The customer's current (open) assignment.
pub fn find_current_assignment(
    conn: &Connection,
    customer_id: i64,
) -> Result<Option<AssignmentRow>> {
    let sql = format!("SELECT {COLUMNS} WHERE a.customer_id = ?1 AND a.to_date IS NULL");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([customer_id], row_of)
        .optional()?)
}

/// Every period of the customer, oldest first.
pub fn list_assignments(conn: &Connection, customer_id: i64) -> Result<Vec<AssignmentRow>> {
    let sql = format!("SELECT {COLUMNS} WHERE a.customer_id = ?1 ORDER BY a.from_date, a.id");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([customer_id], row_of)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Records that from `on` the customer is managed by `manager_id` (or by nobody).
///
/// The open period is closed on `on` and a new one opened. A date before the open period
/// began is moved up to its start, so periods never overlap (callers that must refuse a
/// back-dated change check [`find_current_assignment`] first). A change on the day a period
/// began leaves that period empty (`from_date = to_date`): it answers no date but keeps the
/// record that the change was made. Does not touch `customers.manager_id`.
pub fn record_assignment(
    conn: &Connection,
    customer_id: i64,
    manager_id: Option<i64>,
    on: NaiveDate,
    reason: &str,
    actor: &str,
    now: NaiveDateTime,
) -> Result<()> {
    let current = find_current_assignment(conn, customer_id)?;
    if current.as_ref().map(|c| c.manager_id) == manager_id {
        return Ok(());
    }
    let on = current.as_ref().map_or(on, |c| on.max(c.from_date));
    if current.is_some() {
        conn.prepare_cached(
            "UPDATE customer_assignments SET to_date = ?2 WHERE customer_id = ?1 AND to_date IS NULL",
        )?
        .execute(params![customer_id, on])?;
    }
    if let Some(manager_id) = manager_id {
        conn.prepare_cached(
            "INSERT INTO customer_assignments \
             (customer_id, manager_id, from_date, to_date, reason, actor, created_at) \
             VALUES (?1, ?2, ?3, NULL, ?4, ?5, ?6)",
        )?
        .execute(params![customer_id, manager_id, on, reason, actor, now])?;
    }
    Ok(())
}

/// Moves the customer to `manager_id` from `on`: the history and `customers.manager_id` together.
pub fn reassign_customer(
    conn: &Connection,
    customer_id: i64,
    manager_id: i64,
    on: NaiveDate,
    reason: &str,
    actor: &str,
    now: NaiveDateTime,
) -> Result<()> {
    record_assignment(conn, customer_id, Some(manager_id), on, reason, actor, now)?;
    conn.prepare_cached("UPDATE customers SET manager_id = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![customer_id, manager_id, now])?;
    Ok(())
}

/// The row id of the manager who managed the customer on `on`, if anyone did.
pub fn find_manager_on(conn: &Connection, customer_id: i64, on: NaiveDate) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached(
            "SELECT manager_id FROM customer_assignments WHERE customer_id = ?1 \
             AND from_date <= ?2 AND (to_date IS NULL OR to_date > ?2) \
             ORDER BY from_date DESC, id DESC LIMIT 1",
        )?
        .query_row(params![customer_id, on], |r| r.get(0))
        .optional()?)
}

/// The staff number of the manager who managed the customer on `on`, if anyone did.
pub fn find_manager_no_on(
    conn: &Connection,
    customer_id: i64,
    on: NaiveDate,
) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT m.manager_no FROM customer_assignments a JOIN managers m ON m.id = a.manager_id \
             WHERE a.customer_id = ?1 AND a.from_date <= ?2 AND (a.to_date IS NULL OR a.to_date > ?2) \
             ORDER BY a.from_date DESC, a.id DESC LIMIT 1",
        )?
        .query_row(params![customer_id, on], |r| r.get(0))
        .optional()?)
}

/// Row ids of the customers the manager managed on `on`, ascending.
pub fn list_customers_of_manager_on(
    conn: &Connection,
    manager_id: i64,
    on: NaiveDate,
) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT customer_id FROM customer_assignments WHERE manager_id = ?1 \
         AND from_date <= ?2 AND (to_date IS NULL OR to_date > ?2) ORDER BY customer_id",
    )?;
    let rows = stmt.query_map(params![manager_id, on], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Every customer's manager on `on` (customer row id → manager row id), in one read: for
/// figures over the whole store, such as a team board.
pub fn list_managers_on(
    conn: &Connection,
    on: NaiveDate,
) -> Result<std::collections::HashMap<i64, i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT customer_id, manager_id FROM customer_assignments \
         WHERE from_date <= ?1 AND (to_date IS NULL OR to_date > ?1)",
    )?;
    let rows = stmt.query_map([on], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Customers whose manager (`customers.manager_id`) is not the one their current assignment
/// names (or who have one without the other), for `guanhu check`: 0 unless a write bypassed
/// the service that keeps the two together.
pub fn assignment_mismatches(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM customers c LEFT JOIN customer_assignments a \
         ON a.customer_id = c.id AND a.to_date IS NULL WHERE c.manager_id IS NOT a.manager_id",
        [],
        |r| r.get(0),
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A store written before history was kept gets each customer's manager as one open
    /// period from the day the customer was added; customers without a manager get none.
    #[test]
    fn the_migration_backfills_current_managers_from_added_on() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(include_str!("sql/0001_init.sql"))
            .unwrap();
        conn.execute_batch(include_str!("sql/0002_diary.sql"))
            .unwrap();
        conn.execute_batch(include_str!("sql/0003_queue.sql"))
            .unwrap();
        conn.execute_batch(
            "PRAGMA user_version = 3;
             INSERT INTO managers (id, manager_no, name, created_at) VALUES (1, 'A', '甲', '2025-01-01 09:00:00');
             INSERT INTO customers (id, customer_no, name, manager_id, added_on, updated_at)
               VALUES (10, 'c1', '张三', 1, '2025-03-04', '2025-03-04 09:00:00'),
                      (11, 'c2', '李四', NULL, '2025-03-05', '2025-03-05 09:00:00');",
        )
        .unwrap();
        super::super::migrations::migrate(&mut conn, ":memory:").unwrap();
        let rows = list_assignments(&conn, 10).unwrap();
        assert_eq!(rows.len(), 1);
        let r = &rows[0];
        let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day).unwrap();
        assert_eq!(
            (
                r.manager_no.as_str(),
                r.from_date,
                r.to_date,
                r.reason.as_str()
            ),
            ("A", d(3, 4), None, reason::BACKFILL)
        );
        assert!(list_assignments(&conn, 11).unwrap().is_empty());
        assert_eq!(find_manager_on(&conn, 10, d(3, 3)).unwrap(), None);
        assert_eq!(find_manager_on(&conn, 10, d(3, 4)).unwrap(), Some(1));
        assert_eq!(
            list_customers_of_manager_on(&conn, 1, d(6, 1)).unwrap(),
            [10]
        );
    }

    /// Two changes on one day leave an empty period that answers no date.
    #[test]
    fn a_same_day_change_keeps_its_record_without_overlap() {
        let mut conn = Connection::open_in_memory().unwrap();
        super::super::migrations::migrate(&mut conn, ":memory:").unwrap();
        conn.execute_batch(
            "INSERT INTO managers (id, manager_no, created_at) VALUES (1, 'A', 'x'), (2, 'B', 'x'), (3, 'C', 'x');
             INSERT INTO customers (id, customer_no, name, added_on, updated_at) VALUES (10, 'c1', 'n', '2026-01-01', 'x');",
        )
        .unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
        let now = day.and_hms_opt(9, 0, 0).unwrap();
        for m in [1, 2, 3] {
            record_assignment(&conn, 10, Some(m), day, reason::MANUAL, "", now).unwrap();
        }
        let rows = list_assignments(&conn, 10).unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(find_manager_on(&conn, 10, day).unwrap(), Some(3));
        // Earlier than the open period: moved up to its start, never overlapping.
        record_assignment(
            &conn,
            10,
            Some(1),
            day.pred_opt().unwrap(),
            reason::MANUAL,
            "",
            now,
        )
        .unwrap();
        assert_eq!(find_manager_on(&conn, 10, day).unwrap(), Some(1));
        assert_eq!(
            find_manager_on(&conn, 10, day.pred_opt().unwrap()).unwrap(),
            None
        );
    }
}
