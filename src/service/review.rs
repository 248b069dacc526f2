//! The weekly review use-cases: load a manager's week (figures against targets, the week before, the reflection) and load or save the week's reflection. Reads one manager's list; no terminal code.

use chrono::{Duration, NaiveDate, NaiveDateTime};

use crate::domain::policy::Policy;
use crate::domain::review::{
    DayCompletion, Reflection, ReviewCustomer, WeekReview, entries_since, monday_of, review_week,
    week_label,
};
use crate::error::{Error, Result};
use crate::store::Store;
use crate::store::managers::{ManagerRow, find_manager};
use crate::store::review::{
    find_reflection, review_customers, review_entries, review_holdings, review_snapshots,
    upsert_reflection,
};

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

fn manager(store: &Store, manager_no: &str) -> Result<ManagerRow> {
    find_manager(store.conn(), manager_no)?
        .ok_or_else(|| Error::NoSuchManager(manager_no.to_string()))
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
    load(store, policy, manager_no, day, today, true)
}

/// [`load_week`] without `queue_completion` (left unmeasured): rebuilding each working day's
/// queue is most of the cost on a large store (about 150 ms a day for a 3,000-customer list),
/// so a screen can show the rest first and ask for the full figures after.
pub fn load_week_without_queue(
    store: &Store,
    policy: &Policy,
    manager_no: &str,
    day: NaiveDate,
    today: NaiveDate,
) -> Result<ManagerWeek> {
    load(store, policy, manager_no, day, today, false)
}

fn load(
    store: &Store,
    policy: &Policy,
    manager_no: &str,
    day: NaiveDate,
    today: NaiveDate,
    with_queue: bool,
) -> Result<ManagerWeek> {
    let m = manager(store, manager_no)?;
    let monday = monday_of(day);
    let sunday = monday + Duration::days(6);
    let last = sunday.min(today);
    let conn = store.conn();
    // Every snapshot: the tier entering the week may rest on one years old.
    // Everyone on the list at any time from the Sunday before the previous week to the end.
    let listed = (monday - Duration::days(8), last);
    let mut snapshots = review_snapshots(conn, m.id, listed.0, listed.1)?;
    let mut holdings = review_holdings(conn, m.id, listed.0, listed.1)?;
    let mut entries = review_entries(conn, m.id, listed, entries_since(policy, monday), last)?;
    let customers: Vec<ReviewCustomer> = review_customers(conn, m.id, listed.0, listed.1)?
        .into_iter()
        .map(|(id, mut c)| {
            c.snapshots = snapshots.remove(&id).unwrap_or_default();
            c.holdings = holdings.remove(&id).unwrap_or_default();
            c.entries = entries.remove(&id).unwrap_or_default();
            c
        })
        .collect();
    let queue_days = if with_queue {
        queue_days(store, policy, manager_no, monday - Duration::days(7), last)?
    } else {
        Vec::new()
    };
    let review = review_week(policy, &customers, &queue_days, monday, today);
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

/// Each working day's plan rebuilt as it stood that evening (`load_today` at 18:00 reads the
/// diary up to then). Snoozes and dismissals are read as they are now, not as they were.
fn queue_days(
    store: &Store,
    policy: &Policy,
    manager_no: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<DayCompletion>> {
    let mut out = Vec::new();
    let mut day = from;
    while day <= to {
        if policy.calendar.is_working_day(day)
            && let Some(evening) = day.and_hms_opt(18, 0, 0)
        {
            let q = super::queue::load_today(store, policy, evening, Some(manager_no))?;
            out.push(DayCompletion {
                day,
                planned: q.planned,
                done: q.done,
            });
        }
        day += Duration::days(1);
    }
    Ok(out)
}

/// The manager's reflection for the week holding `day`, if written.
pub fn load_reflection(
    store: &Store,
    manager_no: &str,
    day: NaiveDate,
) -> Result<Option<Reflection>> {
    let m = manager(store, manager_no)?;
    find_reflection(store.conn(), m.id, &week_label(monday_of(day)))
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
