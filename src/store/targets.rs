//! Managers' own targets (`manager_targets`): read a manager's values, set or clear one. Keys and values are checked by `domain::targets` before they get here.

use chrono::NaiveDateTime;
use rusqlite::{Connection, params};
use rust_decimal::Decimal;

use super::money::DecimalText;
use crate::error::Result;

/// The manager's own target values by key, in key order.
pub fn list_manager_targets(conn: &Connection, manager_id: i64) -> Result<Vec<(String, Decimal)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT key, value FROM manager_targets WHERE manager_id = ?1 ORDER BY key",
    )?;
    let rows = stmt.query_map([manager_id], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, DecimalText>(1)?.0))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Sets (or replaces) one of the manager's own targets.
pub fn set_manager_target(
    conn: &Connection,
    manager_id: i64,
    key: &str,
    value: Decimal,
    now: NaiveDateTime,
) -> Result<()> {
    conn.execute(
        "INSERT INTO manager_targets (manager_id, key, value, updated_at) VALUES (?1, ?2, ?3, ?4) \
         ON CONFLICT (manager_id, key) DO UPDATE SET value = excluded.value, \
         updated_at = excluded.updated_at",
        params![manager_id, key, DecimalText(value), now],
    )?;
    Ok(())
}

/// Removes one of the manager's own targets (the policy's value holds again); true if there
/// was one.
pub fn clear_manager_target(conn: &Connection, manager_id: i64, key: &str) -> Result<bool> {
    Ok(conn.execute(
        "DELETE FROM manager_targets WHERE manager_id = ?1 AND key = ?2",
        params![manager_id, key],
    )? > 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;
    use crate::store::managers::ensure_manager;

    #[test]
    fn targets_are_set_replaced_and_cleared_exactly() {
        let mut store = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
        let now = chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .unwrap_or_default();
        let tx = store.write().unwrap_or_else(|e| panic!("{e}"));
        let id = ensure_manager(&tx, "M001", Some("王经理"), now).unwrap_or_else(|e| panic!("{e}"));
        let v = |t: &str| t.parse::<Decimal>().unwrap_or_default();
        set_manager_target(&tx, id, "weekly.sales_amount", v("300000.50"), now).unwrap();
        set_manager_target(&tx, id, "weekly.sales_count", v("4"), now).unwrap();
        set_manager_target(&tx, id, "weekly.sales_count", v("6"), now).unwrap();
        assert_eq!(
            list_manager_targets(&tx, id).unwrap(),
            vec![
                ("weekly.sales_amount".to_string(), v("300000.50")),
                ("weekly.sales_count".to_string(), v("6")),
            ]
        );
        assert!(clear_manager_target(&tx, id, "weekly.sales_count").unwrap());
        assert!(!clear_manager_target(&tx, id, "weekly.sales_count").unwrap());
        assert_eq!(list_manager_targets(&tx, id).unwrap().len(), 1);
    }
}
