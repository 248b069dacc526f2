//! Loading today's queue for a manager: one pass over the manager's customers, snapshots, holdings and recent diary, then the pure queue builder.

use chrono::{Duration, NaiveDateTime};

use super::portfolio::{HISTORY_DAYS, summarize};
use crate::domain::classify::Activity;
use crate::domain::policy::Policy;
use crate::domain::portfolio::CustomerSummary;
use crate::domain::queue::{QueueInput, QueueItem, build_queue};
use crate::error::Result;
use crate::store::Store;
use crate::store::customers::{list_customers, list_snapshots_since};
use crate::store::diary::{list_activity, list_entries_by_customer};
use crate::store::holdings::list_holdings_by_customer;

/// Today's queue for the manager (or the whole store), highest score first.
pub fn load_queue(
    store: &Store,
    policy: &Policy,
    now: NaiveDateTime,
    manager_no: Option<&str>,
) -> Result<Vec<QueueItem>> {
    let today = now.date();
    let since = today - Duration::days(HISTORY_DAYS);
    let conn = store.conn();
    let rows = list_customers(conn, manager_no)?;
    let mut snapshots = list_snapshots_since(conn, since, manager_no)?;
    let activity = list_activity(conn, manager_no)?;
    let mut holdings = list_holdings_by_customer(conn, manager_no)?;
    let mut entries = list_entries_by_customer(
        conn,
        manager_no,
        since.and_hms_opt(0, 0, 0).unwrap_or_default(),
    )?;
    let mut book: Vec<(CustomerSummary, Vec<_>, Vec<_>, Vec<_>)> = Vec::with_capacity(rows.len());
    for row in rows {
        let id = row.id;
        let snaps = snapshots.remove(&id).unwrap_or_default();
        let act: Activity = activity.get(&id).copied().unwrap_or_default();
        let summary = summarize(policy, row, &snaps, act, today);
        book.push((
            summary,
            snaps,
            holdings.remove(&id).unwrap_or_default(),
            entries.remove(&id).unwrap_or_default(),
        ));
    }
    let inputs: Vec<QueueInput> = book
        .iter()
        .map(|(summary, snaps, holds, ents)| QueueInput {
            summary,
            snapshots: snaps,
            holdings: holds,
            entries: ents,
        })
        .collect();
    Ok(build_queue(policy, &inputs, now))
}
