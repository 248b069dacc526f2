//! What the weekly review reads of one manager's list (customers, snapshots, holdings, diary entries, each in one indexed read) and the weekly reflections it writes. Rows map to `domain::review` types.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, named_params, params};

use super::customers::{CustomerRow, QUEUE_CUSTOMER_COLUMNS, balances_at, queue_customer_at};
use super::dates::{Day, Moment};
use super::money::DecimalText;
use super::queue::{answering_sql, follow_up_at, hold_at, last_contact_at, text_at};
use crate::domain::contacts::{ContactFacts, WindowEntry};
use crate::domain::customer::{Holding, ProductKind, Snapshot};
use crate::domain::diary::{EntryKind, Outcome};
use crate::domain::past_plans::HoldRecord;
use crate::domain::review::{Reflection, ReviewCustomer, ReviewEntry};
use crate::error::Result;

/// The customers of a review: those on the manager's list now, and those on it at any time
/// from `:list_from` to `:list_to` by the assignment history (so a customer moved away mid-week still counts
/// for the days they were there). A period that ended the day it began (moved there and back
/// on one day) puts nobody on the list.
const LISTED: &str = "WITH listed(id) AS (SELECT id FROM customers WHERE manager_id = :manager \
     UNION SELECT customer_id FROM customer_assignments WHERE manager_id = :manager \
     AND from_date <= :list_to AND (to_date IS NULL OR to_date > :list_from) \
     AND (to_date IS NULL OR to_date > from_date)) ";

/// The customers of the review (see [`LISTED`]) by row id, with their periods on the
/// manager's list, without snapshots, holdings or entries.
pub fn review_customers(
    conn: &Connection,
    manager_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(i64, ReviewCustomer)>> {
    let mut periods: HashMap<i64, Vec<(NaiveDate, Option<NaiveDate>)>> = HashMap::new();
    {
        let mut stmt = conn.prepare(
            "SELECT customer_id, from_date, to_date FROM customer_assignments \
             WHERE manager_id = ?1 AND (to_date IS NULL OR to_date > from_date)",
        )?;
        let mut rows = stmt.query([manager_id])?;
        while let Some(r) = rows.next()? {
            periods.entry(r.get(0)?).or_default().push((
                r.get::<_, Day>(1)?.0,
                r.get::<_, Option<Day>>(2)?.map(|d| d.0),
            ));
        }
    }
    let mut stmt = conn.prepare(&format!(
        "{LISTED}SELECT c.id, c.customer_no, c.name, c.added_on, c.first_trade_on, \
         c.risk_assessed_on, c.phone FROM customers c JOIN listed ON listed.id = c.id \
         ORDER BY c.customer_no"
    ))?;
    let rows = stmt.query_map(
        named_params! {":manager": manager_id, ":list_from": from, ":list_to": to},
        |r| {
            Ok((
                r.get(0)?,
                ReviewCustomer {
                    customer_no: r.get(1)?,
                    name: r.get(2)?,
                    added_on: r.get::<_, Day>(3)?.0,
                    first_trade_on: r.get::<_, Option<Day>>(4)?.map(|d| d.0),
                    risk_assessed_on: r.get::<_, Option<Day>>(5)?.map(|d| d.0),
                    mobile_on_record: r
                        .get::<_, Option<String>>(6)?
                        .is_some_and(|p| crate::domain::identity::mobile_digits(&p).is_ok()),
                    ..ReviewCustomer::default()
                },
            ))
        },
    )?;
    let mut out = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    for (id, c) in &mut out {
        c.on_list = periods.remove(id).unwrap_or_default();
    }
    Ok(out)
}

/// The holdings of the manager's customers, by customer row id.
pub fn review_holdings(
    conn: &Connection,
    manager_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<HashMap<i64, Vec<Holding>>> {
    let mut stmt = conn.prepare(&format!(
        "{LISTED}SELECT h.customer_id, h.kind, h.product_code, h.product_name, h.amount, \
         h.start_on, h.maturity_on FROM listed JOIN holdings h ON h.customer_id = listed.id"
    ))?;
    let mut out: HashMap<i64, Vec<Holding>> = HashMap::new();
    let mut rows =
        stmt.query(named_params! {":manager": manager_id, ":list_from": from, ":list_to": to})?;
    while let Some(r) = rows.next()? {
        let kind: String = r.get(1)?;
        let start: String = r.get(5)?;
        out.entry(r.get(0)?).or_default().push(Holding {
            kind: ProductKind::parse(&kind).unwrap_or(ProductKind::Other),
            product_code: r.get(2)?,
            product_name: r.get(3)?,
            amount: r.get::<_, DecimalText>(4)?.0,
            start_on: NaiveDate::parse_from_str(&start, "%Y-%m-%d").ok(),
            maturity_on: r.get::<_, Option<Day>>(6)?.map(|d| d.0),
        });
    }
    Ok(out)
}

/// Live diary entries of the manager's customers on days `since..=until`, by customer row id,
/// oldest first. Read customer by customer through the (customer, kind, outcome, time) index,
/// so a year of one manager's diary never scans the whole store's.
pub fn review_entries(
    conn: &Connection,
    manager_id: i64,
    (list_from, list_to): (NaiveDate, NaiveDate),
    since: NaiveDate,
    until: NaiveDate,
) -> Result<HashMap<i64, Vec<ReviewEntry>>> {
    let mut stmt = conn.prepare(&format!(
        "{LISTED}SELECT e.customer_id, e.kind, e.outcome, e.occurred_at, e.follow_up_at, \
         e.product_kind, e.amount FROM listed JOIN diary_entries e \
         ON e.customer_id = listed.id AND e.deleted_at IS NULL \
         AND e.occurred_at >= :from AND e.occurred_at < :to"
    ))?;
    let from = since.and_hms_opt(0, 0, 0);
    let to = until.succ_opt().and_then(|d| d.and_hms_opt(0, 0, 0));
    let mut out: HashMap<i64, Vec<ReviewEntry>> = HashMap::new();
    let mut rows = stmt.query(named_params! {
        ":manager": manager_id, ":list_from": list_from, ":list_to": list_to,
        ":from": from, ":to": to,
    })?;
    while let Some(r) = rows.next()? {
        let kind: String = r.get(1)?;
        let Some(kind) = EntryKind::from_key(&kind) else {
            continue;
        };
        let outcome: Option<String> = r.get(2)?;
        let product: Option<String> = r.get(5)?;
        let amount: Option<DecimalText> = r.get(6)?;
        let sale = (kind == EntryKind::Sale).then(|| {
            (
                product
                    .as_deref()
                    .and_then(ProductKind::parse)
                    .unwrap_or(ProductKind::Other),
                amount.map(|a| a.0).unwrap_or_default(),
            )
        });
        out.entry(r.get(0)?).or_default().push(ReviewEntry {
            kind,
            outcome: outcome.as_deref().and_then(Outcome::from_key),
            at: r.get::<_, Moment>(3)?.0,
            follow_up_at: r.get::<_, Option<Moment>>(4)?.map(|m| m.0),
            sale,
        });
    }
    for entries in out.values_mut() {
        entries.sort_by_key(|e| e.at);
    }
    Ok(out)
}

/// Every balance snapshot of the review's customers (see [`LISTED`]), by row id, oldest first.
pub fn review_snapshots(
    conn: &Connection,
    manager_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<HashMap<i64, Vec<Snapshot>>> {
    let mut stmt = conn.prepare(&format!(
        "{LISTED}SELECT s.customer_id, s.as_of, s.deposits, s.wealth, s.funds, s.insurance, \
         s.bonds, s.other FROM listed JOIN balance_snapshots s ON s.customer_id = listed.id \
         ORDER BY s.customer_id, s.as_of"
    ))?;
    let mut out: HashMap<i64, Vec<Snapshot>> = HashMap::new();
    let mut rows =
        stmt.query(named_params! {":manager": manager_id, ":list_from": from, ":list_to": to})?;
    while let Some(r) = rows.next()? {
        out.entry(r.get(0)?).or_default().push(Snapshot {
            as_of: r.get::<_, Day>(1)?.0,
            balances: balances_at(r, 2)?,
        });
    }
    Ok(out)
}

/// The customers of the review (see [`LISTED`]) with what the daily queue reads of them.
pub fn review_queue_customers(
    conn: &Connection,
    manager_id: i64,
    (list_from, list_to): (NaiveDate, NaiveDate),
) -> Result<Vec<CustomerRow>> {
    let mut stmt = conn.prepare(&format!(
        "{LISTED}SELECT {QUEUE_CUSTOMER_COLUMNS} FROM listed JOIN customers c ON c.id = listed.id"
    ))?;
    let rows = stmt.query_map(
        named_params! {":manager": manager_id, ":list_from": list_from, ":list_to": list_to},
        queue_customer_at,
    )?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Each review customer's diary as it stood at the start of `start` (see
/// [`ContactFacts::rolled_to`]): the latest live entry of each kind and outcome before it, and
/// the follow-ups set before it, due by the end of `until` and not answered before `start`
/// (one answered since is left to the queue, which checks).
pub fn review_contacts_at_start(
    conn: &Connection,
    manager_id: i64,
    (list_from, list_to): (NaiveDate, NaiveDate),
    start: NaiveDate,
    until: NaiveDate,
    answers: &[crate::domain::cadence::Satisfier],
) -> Result<HashMap<i64, ContactFacts>> {
    let start_at = start.and_hms_opt(0, 0, 0).unwrap_or_default();
    let until_end = until.and_hms_opt(0, 0, 0).unwrap_or_default() + Duration::days(1);
    let mut out: HashMap<i64, ContactFacts> = HashMap::new();
    let mut stmt = conn.prepare(&format!(
        "{LISTED}SELECT e.customer_id, e.kind, e.outcome, MAX(e.occurred_at), COUNT(*) \
         FROM listed JOIN diary_entries e INDEXED BY diary_by_customer_kind \
         ON e.customer_id = listed.id AND e.deleted_at IS NULL AND e.occurred_at < :start \
         GROUP BY e.customer_id, e.kind, e.outcome"
    ))?;
    let mut rows = stmt.query(named_params! {
        ":manager": manager_id, ":list_from": list_from, ":list_to": list_to, ":start": start_at,
    })?;
    while let Some(r) = rows.next()? {
        if let Some(last) = last_contact_at(r)? {
            out.entry(r.get(0)?).or_default().before.push(last);
        }
    }
    let mut stmt = conn.prepare(&format!(
        "{LISTED}SELECT e.customer_id, e.id, e.occurred_at, e.follow_up_at \
         FROM listed JOIN diary_entries e ON e.customer_id = listed.id \
         AND e.deleted_at IS NULL AND e.follow_up_at IS NOT NULL \
         AND e.follow_up_at < :until_end AND e.occurred_at < :start \
         AND NOT EXISTS (SELECT 1 FROM diary_entries l WHERE l.customer_id = e.customer_id \
         AND ({}) AND l.deleted_at IS NULL AND l.occurred_at > e.occurred_at \
         AND l.occurred_at >= e.follow_up_at AND l.occurred_at < :start)",
        answering_sql(answers, "l")
    ))?;
    let mut rows = stmt.query(named_params! {
        ":manager": manager_id, ":list_from": list_from, ":list_to": list_to,
        ":start": start_at, ":until_end": until_end,
    })?;
    while let Some(r) = rows.next()? {
        out.entry(r.get(0)?)
            .or_default()
            .follow_ups
            .push(follow_up_at(r)?);
    }
    Ok(out)
}

/// Live diary entries of the review's customers on days `from..=to`, by customer row id,
/// with their ids and follow-ups (what rolls the queue's facts forward day by day).
pub fn review_window_entries(
    conn: &Connection,
    manager_id: i64,
    (list_from, list_to): (NaiveDate, NaiveDate),
    from: NaiveDate,
    to: NaiveDate,
) -> Result<HashMap<i64, Vec<WindowEntry>>> {
    let mut stmt = conn.prepare(&format!(
        "{LISTED}SELECT e.customer_id, e.id, e.kind, e.outcome, e.occurred_at, e.follow_up_at, \
         e.batch_id IS NOT NULL FROM listed JOIN diary_entries e ON e.customer_id = listed.id \
         AND e.deleted_at IS NULL AND e.occurred_at >= :from AND e.occurred_at < :to"
    ))?;
    let mut rows = stmt.query(named_params! {
        ":manager": manager_id, ":list_from": list_from, ":list_to": list_to,
        ":from": from.and_hms_opt(0, 0, 0),
        ":to": to.succ_opt().and_then(|d| d.and_hms_opt(0, 0, 0)),
    })?;
    let mut out: HashMap<i64, Vec<WindowEntry>> = HashMap::new();
    while let Some(r) = rows.next()? {
        let Some(kind) = EntryKind::from_key(text_at(r, 2)?) else {
            continue;
        };
        let outcome: Option<String> = r.get(3)?;
        out.entry(r.get(0)?).or_default().push(WindowEntry {
            id: r.get(1)?,
            kind,
            outcome: outcome.as_deref().and_then(Outcome::from_key),
            at: r.get::<_, Moment>(4)?.0,
            follow_up_at: r.get::<_, Option<Moment>>(5)?.map(|m| m.0),
            bulk: r.get(6)?,
        });
    }
    Ok(out)
}

/// Snoozes and dismissals on the review's customers that could matter on some day of
/// `from..=to`, with when they were recorded and undone.
pub fn review_holds(
    conn: &Connection,
    manager_id: i64,
    (list_from, list_to): (NaiveDate, NaiveDate),
    from: NaiveDate,
    to: NaiveDate,
) -> Result<HashMap<i64, Vec<HoldRecord>>> {
    let mut stmt = conn.prepare(&format!(
        "{LISTED}SELECT q.customer_id, q.action, q.code, q.until, q.created_at, q.undone_at \
         FROM listed JOIN queue_holds q ON q.customer_id = listed.id \
         WHERE q.created_at < :to AND (q.undone_at IS NULL OR q.undone_at >= :from) \
         AND (q.until >= :from_day OR q.code = 'callback')"
    ))?;
    let mut rows = stmt.query(named_params! {
        ":manager": manager_id, ":list_from": list_from, ":list_to": list_to,
        ":from": from.and_hms_opt(0, 0, 0),
        ":from_day": from,
        ":to": to.succ_opt().and_then(|d| d.and_hms_opt(0, 0, 0)),
    })?;
    let mut out: HashMap<i64, Vec<HoldRecord>> = HashMap::new();
    while let Some(r) = rows.next()? {
        if let Some(hold) = hold_at(r, 1)? {
            out.entry(r.get(0)?).or_default().push(HoldRecord {
                hold,
                created_at: r.get(4)?,
                undone_at: r.get(5)?,
            });
        }
    }
    Ok(out)
}

/// The manager's reflection for an ISO week (`2026-W47`), if written.
pub fn find_reflection(
    conn: &Connection,
    manager_id: i64,
    week: &str,
) -> Result<Option<Reflection>> {
    Ok(conn
        .query_row(
            "SELECT summary, plan, updated_at FROM weekly_reflections \
             WHERE manager_id = ?1 AND week = ?2",
            params![manager_id, week],
            |r| {
                Ok(Reflection {
                    summary: r.get(0)?,
                    plan: r.get(1)?,
                    updated_at: Some(r.get::<_, Moment>(2)?.0),
                })
            },
        )
        .optional()?)
}

/// Writes the manager's reflection for the week, replacing the one before.
pub fn upsert_reflection(
    conn: &Connection,
    manager_id: i64,
    week: &str,
    summary: &str,
    plan: &str,
    now: NaiveDateTime,
) -> Result<()> {
    conn.execute(
        "INSERT INTO weekly_reflections (manager_id, week, summary, plan, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (manager_id, week) \
         DO UPDATE SET summary = excluded.summary, plan = excluded.plan, \
         updated_at = excluded.updated_at",
        params![manager_id, week, summary, plan, now],
    )?;
    Ok(())
}
