//! Today's queue for a manager, and the snoozes and dismissals recorded on it. The load is one indexed read per table (customers, the last snapshots, holdings maturing soon, the `contact_last` aggregate, follow-ups, holds), then the pure queue builder.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate, NaiveDateTime};

use super::portfolio::HISTORY_DAYS;
use crate::domain::classify::classify;
use crate::domain::contacts::ContactFacts;
use crate::domain::policy::{AumBasis, Policy};
use crate::domain::queue::{QueueInput, TodayQueue, build_queue};
use crate::domain::urgency::ReasonCode;
use crate::error::{Error, Result};
use crate::store::assessed::assessed_before_today;
use crate::store::customers::{find_customer, list_queue_customers, list_snapshots_since};
use crate::store::managers::find_manager;
use crate::store::queue::{
    contact_facts, insert_hold, live_holds, maturing_holdings, recent_snapshots, set_holds_undone,
};
use crate::store::{Conn, Store};

/// Today's queue for the manager (or the whole store when `None`).
pub fn load_today(
    store: &Store,
    policy: &Policy,
    now: NaiveDateTime,
    manager_no: Option<&str>,
) -> Result<TodayQueue> {
    load_today_between(store, policy, now, manager_no, &mut || ())
}

/// [`load_today`] with a hook run after the diary half's snapshot is taken and before the
/// book half's: a test commits from another connection there to show the queue never mixes
/// two states of the store.
#[doc(hidden)]
pub fn load_today_between(
    store: &Store,
    policy: &Policy,
    now: NaiveDateTime,
    manager_no: Option<&str>,
    between: &mut dyn FnMut(),
) -> Result<TodayQueue> {
    let today = now.date();
    let manager_id = super::manager_id_of(store.conn(), manager_no)?;
    let horizon = today + Duration::days(i64::from(policy.signals.maturity_within_days));
    // Customers and balances on a second connection while this one reads the diary: on a
    // large store the two halves take about as long as each other. `read_both` makes the two
    // connections see one snapshot, so a commit by another copy lands in both halves or neither.
    let read_book = |conn: &Conn| -> Result<_> {
        // The daily average needs the year's snapshots; the current balance only the last ones.
        let snapshots = match policy.aum.basis {
            AumBasis::Current => recent_snapshots(conn, manager_id, today)?,
            AumBasis::DailyAverage365 => {
                list_snapshots_since(conn, today - Duration::days(HISTORY_DAYS), manager_no)?
            }
        };
        Ok((
            list_queue_customers(conn, manager_id)?,
            snapshots,
            maturing_holdings(
                conn,
                manager_id,
                today - Duration::days(i64::from(policy.signals.maturity_passed_days)),
                horizon,
            )?,
        ))
    };
    let read_diary = |conn: &Conn| -> Result<_> {
        Ok((
            contact_facts(
                conn,
                manager_id,
                today,
                policy.answering.satisfiers(ReasonCode::Callback),
            )?,
            live_holds(conn, manager_id, today)?,
            assessed_before_today(conn, manager_id, today)?,
        ))
    };
    let ((mut contacts, mut holds, assessed), (customers, mut snapshots, mut holdings)) =
        store.read_both("reading the book failed", read_diary, read_book, between)?;
    let no_facts = ContactFacts::default();
    let book: Vec<_> = customers
        .into_iter()
        .map(|mut row| {
            let id = row.id;
            // Assessed today: the queue starts from the date it replaced, so the expiry shows
            // as answered by today's assessment.
            if let Some(before) = assessed.get(&id) {
                row.customer.risk_assessed_on = *before;
            }
            let snaps = snapshots.remove(&id).unwrap_or_default();
            let facts = contacts.remove(&id);
            // Classified as the day began: a reached call today answers the dormancy it
            // found (the row says so) instead of making it vanish and shift the day's plan.
            let activity = match &facts {
                Some(f) if !f.on_day.is_empty() => f.at_start_of_day().activity(),
                Some(f) => f.activity(),
                None => no_facts.activity(),
            };
            let class = classify(policy, &row.customer, &snaps, activity, today);
            (
                row,
                class,
                snaps,
                holdings.remove(&id).unwrap_or_default(),
                facts,
                holds.remove(&id).unwrap_or_default(),
            )
        })
        .collect();
    let inputs: Vec<QueueInput> = book
        .iter()
        .map(|(row, class, snaps, holds_now, facts, held)| QueueInput {
            customer: &row.customer,
            class,
            snapshots: snaps,
            holdings: holds_now,
            contacts: facts.as_ref().unwrap_or(&no_facts),
            holds: held,
            known_since: Some(row.added_on),
        })
        .collect();
    Ok(build_queue(policy, &inputs, now))
}

/// A snooze (no code: the whole row, until the day it returns) or a dismissal of one reason
/// (up to and including `until`), with the manager's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoldRequest {
    pub customer_no: String,
    pub code: Option<ReasonCode>,
    pub until: NaiveDate,
    pub note: String,
}

/// Records snoozes and dismissals in one transaction; returns their ids for undo.
pub fn hold_items(
    store: &mut Store,
    manager_no: Option<&str>,
    requests: &[HoldRequest],
    now: NaiveDateTime,
) -> Result<Vec<i64>> {
    let tx = store.write()?;
    let manager_id = match manager_no {
        Some(no) => find_manager(&tx, no)?.map(|m| m.id),
        None => None,
    };
    let mut ids = Vec::with_capacity(requests.len());
    let mut customer_ids: HashMap<&str, i64> = HashMap::new();
    for r in requests {
        let id = match customer_ids.get(r.customer_no.as_str()) {
            Some(id) => *id,
            None => {
                let id = find_customer(&tx, &r.customer_no)?
                    .ok_or_else(|| Error::NoSuchCustomer(r.customer_no.clone()))?
                    .id;
                customer_ids.insert(&r.customer_no, id);
                id
            }
        };
        ids.push(insert_hold(
            &tx, id, manager_id, r.code, r.until, &r.note, now,
        )?);
    }
    tx.commit()?;
    Ok(ids)
}

/// Undoes (`undone` true) or redoes snoozes and dismissals, in one transaction.
pub fn set_holds(store: &mut Store, ids: &[i64], undone: bool, now: NaiveDateTime) -> Result<()> {
    let tx = store.write()?;
    set_holds_undone(&tx, ids, undone, now)?;
    tx.commit()?;
    Ok(())
}
