//! The holds view's use-cases: list a manager's live snoozes and dismissals, and lift some of
//! them (undone at once, and redone by the app's undo). Each write is one transaction.

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::holds::{HeldItem, settled_listed_since};
use crate::error::Result;
use crate::store::Store;
use crate::store::managers::find_manager;
use crate::store::queue::{lift_live_holds, list_live_holds};

/// Every live snooze and dismissal of the manager's customers (or the whole store when
/// `None`), newest first. A manager not in the store yet has none.
pub fn load_holds(
    store: &Store,
    manager_no: Option<&str>,
    today: NaiveDate,
) -> Result<Vec<HeldItem>> {
    let manager_id = match manager_no {
        Some(no) => match find_manager(store.conn(), no)? {
            Some(m) => Some(m.id),
            None => return Ok(Vec::new()),
        },
        None => None,
    };
    list_live_holds(store.conn(), manager_id, today, settled_listed_since(today))
}

/// Lifts the holds `ids` in one transaction: what they held back is on the queue again.
/// Returns the ids lifted (a hold already lifted or undone is left alone), for undo.
pub fn lift_holds(store: &mut Store, ids: &[i64], now: NaiveDateTime) -> Result<Vec<i64>> {
    let tx = store.write()?;
    let lifted = lift_live_holds(&tx, ids, now)?;
    tx.commit()?;
    Ok(lifted)
}
