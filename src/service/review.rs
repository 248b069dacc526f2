//! The weekly review use-cases: load a manager's week (figures against targets, the week before, the reflection) and load or save the week's reflection. Reads one manager's list; no terminal code.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate, NaiveDateTime};

use crate::domain::customer::{Holding, Snapshot};
use crate::domain::past_plans::{PlanCustomer, plan_on};
use crate::domain::policy::Policy;
use crate::domain::review::{
    DayCompletion, Reflection, ReviewCustomer, WeekReview, entries_since, monday_of, review_week,
    week_label,
};
use crate::domain::urgency::ReasonCode;
use crate::error::{Error, Result};
use crate::store::managers::{ManagerRow, find_manager};
use crate::store::review::{
    find_reflection, review_contacts_at_start, review_customers, review_entries, review_holdings,
    review_holds, review_queue_customers, review_snapshots, review_window_entries,
    upsert_reflection,
};
use crate::store::targets::list_manager_targets;
use crate::store::{Conn, Store};

/// A manager's week as the report shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ManagerWeek {
    pub manager_no: String,
    pub manager_name: String,
    /// `2026-W47`.
    pub week: String,
    pub review: WeekReview,
    pub reflection: Option<Reflection>,
}

fn manager(conn: &Conn, manager_no: &str) -> Result<ManagerRow> {
    find_manager(conn, manager_no)?.ok_or_else(|| Error::NoSuchManager(manager_no.to_string()))
}

/// The manager's week holding `day`, with the week before, as of `today`.
///
/// The list on each day follows the assignment history: a customer reassigned to the manager
/// is new that week, one moved away is lost that week (and counts for the days before).
pub fn load_week(
    store: &Store,
    policy: &Policy,
    manager_no: &str,
    day: NaiveDate,
    today: NaiveDate,
) -> Result<ManagerWeek> {
    let read = store.read()?;
    load(&read, policy, manager_no, day, today, true)
}

/// [`load_week`] without `queue_completion` (left unmeasured): rebuilding each working day's
/// plan is about half the cost, and the team board, which reads every manager, leaves it out.
pub fn load_week_without_queue(
    store: &Store,
    policy: &Policy,
    manager_no: &str,
    day: NaiveDate,
    today: NaiveDate,
) -> Result<ManagerWeek> {
    let read = store.read()?;
    load(&read, policy, manager_no, day, today, false)
}

/// The week on one connection (the board reads managers on two at once).
pub(crate) fn load(
    conn: &Conn,
    policy: &Policy,
    manager_no: &str,
    day: NaiveDate,
    today: NaiveDate,
    with_queue: bool,
) -> Result<ManagerWeek> {
    let m = manager(conn, manager_no)?;
    let monday = monday_of(day);
    let sunday = monday + Duration::days(6);
    let last = sunday.min(today);
    // Every snapshot: the tier entering the week may rest on one years old.
    // Everyone on the list at any time from the Sunday before the previous week to the end.
    let listed = (monday - Duration::days(8), last);
    let mut snapshots = review_snapshots(conn, m.id, listed.0, listed.1)?;
    let mut holdings = review_holdings(conn, m.id, listed.0, listed.1)?;
    let mut entries = review_entries(conn, m.id, listed, entries_since(policy, monday), last)?;
    let listed_customers = review_customers(conn, m.id, listed.0, listed.1)?;
    let queue_days = if with_queue {
        let book = ReviewBook {
            customers: &listed_customers,
            snapshots: &snapshots,
            holdings: &holdings,
        };
        queue_days(
            conn,
            policy,
            m.id,
            listed,
            &book,
            monday - Duration::days(7),
            last,
        )?
    } else {
        Vec::new()
    };
    let customers: Vec<ReviewCustomer> = listed_customers
        .into_iter()
        .map(|(id, mut c)| {
            c.snapshots = snapshots.remove(&id).unwrap_or_default();
            c.holdings = holdings.remove(&id).unwrap_or_default();
            c.entries = entries.remove(&id).unwrap_or_default();
            c
        })
        .collect();
    // The manager's own targets, where set, over the policy's.
    let own_keys: Vec<String> = list_manager_targets(conn, m.id)?
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    let own = super::targets::targets_of(conn, policy, m.id)?;
    let mut review = if own == policy.targets {
        review_week(policy, &customers, &queue_days, monday, today)
    } else {
        let mut judged_by = policy.clone();
        judged_by.targets = own;
        review_week(&judged_by, &customers, &queue_days, monday, today)
    };
    for metric in &mut review.metrics {
        let target = metric.key.target_key();
        metric.own_target = own_keys.iter().any(|own| own == target);
    }
    review.referrals_received =
        crate::store::book::referrals_received(conn, Some(m.id), monday, review.end)?;
    let week = week_label(monday);
    let reflection = find_reflection(conn, m.id, &week)?;
    Ok(ManagerWeek {
        manager_no: m.manager_no,
        manager_name: m.name,
        week,
        review,
        reflection,
    })
}

/// Each working day's plan from `from` to `to` for the manager's list as it stood each day:
/// rows planned and rows done (what `queue_completion` adds up).
pub fn plan_days(
    store: &Store,
    policy: &Policy,
    manager_no: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<DayCompletion>> {
    let read = store.read()?;
    let conn: &Conn = &read;
    let m = manager(conn, manager_no)?;
    let listed = (from, to);
    let customers = review_customers(conn, m.id, from, to)?;
    let snapshots = review_snapshots(conn, m.id, from, to)?;
    let holdings = review_holdings(conn, m.id, from, to)?;
    let book = ReviewBook {
        customers: &customers,
        snapshots: &snapshots,
        holdings: &holdings,
    };
    queue_days(conn, policy, m.id, listed, &book, from, to)
}

/// What the review has already read of its customers, lent to the queue rebuild.
struct ReviewBook<'a> {
    customers: &'a [(i64, ReviewCustomer)],
    snapshots: &'a HashMap<i64, Vec<Snapshot>>,
    holdings: &'a HashMap<i64, Vec<Holding>>,
}

/// Each working day's plan from `from` to `to` rebuilt as it stood (see
/// [`crate::domain::past_plans`]): the diary at the start of the run and the run's entries are
/// read once and rolled forward day by day, and the days are shared between two threads.
#[allow(clippy::too_many_arguments)]
fn queue_days(
    conn: &Conn,
    policy: &Policy,
    manager_id: i64,
    listed: (NaiveDate, NaiveDate),
    book: &ReviewBook<'_>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<DayCompletion>> {
    let days: Vec<NaiveDate> = from
        .iter_days()
        .take_while(|d| *d <= to)
        .filter(|d| policy.calendar.is_working_day(*d))
        .collect();
    if days.is_empty() {
        return Ok(Vec::new());
    }
    let rows = review_queue_customers(conn, manager_id, listed)?;
    let mut start = review_contacts_at_start(
        conn,
        manager_id,
        listed,
        from,
        to,
        policy.answering.satisfiers(ReasonCode::Callback),
    )?;
    let mut window = review_window_entries(conn, manager_id, listed, from, to)?;
    let mut holds = review_holds(conn, manager_id, listed, from, to)?;
    let periods: HashMap<i64, &ReviewCustomer> =
        book.customers.iter().map(|(id, c)| (*id, c)).collect();
    let owned: Vec<_> = rows
        .into_iter()
        .filter_map(|row| {
            let id = row.id;
            Some((
                row,
                *periods.get(&id)?,
                start.remove(&id).unwrap_or_default(),
                window.remove(&id).unwrap_or_default(),
                holds.remove(&id).unwrap_or_default(),
            ))
        })
        .collect();
    let plan: Vec<PlanCustomer> = owned
        .iter()
        .map(|(row, listed, start, window, holds)| PlanCustomer {
            customer: &row.customer,
            added_on: row.added_on,
            on_list: &listed.on_list,
            snapshots: book.snapshots.get(&row.id).map_or(&[], Vec::as_slice),
            holdings: book.holdings.get(&row.id).map_or(&[], Vec::as_slice),
            start,
            window,
            holds,
        })
        .collect();
    // Each day's plan is independent of the others: two threads take half the days each.
    let (first, second) = days.split_at(days.len().div_ceil(2));
    let plan = &plan;
    let (mut a, b) = std::thread::scope(|scope| {
        let other = scope.spawn(move || {
            second
                .iter()
                .map(|d| plan_on(policy, plan, *d))
                .collect::<Vec<_>>()
        });
        let mine: Vec<_> = first.iter().map(|d| plan_on(policy, plan, *d)).collect();
        (mine, other.join())
    });
    a.extend(b.map_err(|_| Error::Input("rebuilding the daily plans failed".into()))?);
    Ok(a)
}

/// The manager's reflection for the week holding `day`, if written.
pub fn load_reflection(
    store: &Store,
    manager_no: &str,
    day: NaiveDate,
) -> Result<Option<Reflection>> {
    let read = store.read()?;
    let m = manager(&read, manager_no)?;
    find_reflection(&read, m.id, &week_label(monday_of(day)))
}

/// Saves the manager's reflection for the week holding `day` (one transaction).
pub fn save_reflection(
    store: &mut Store,
    manager_no: &str,
    day: NaiveDate,
    summary: &str,
    plan: &str,
    now: NaiveDateTime,
) -> Result<()> {
    let tx = store.write()?;
    let m = find_manager(&tx, manager_no)?
        .ok_or_else(|| Error::NoSuchManager(manager_no.to_string()))?;
    upsert_reflection(&tx, m.id, &week_label(monday_of(day)), summary, plan, now)?;
    tx.commit()?;
    Ok(())
}
