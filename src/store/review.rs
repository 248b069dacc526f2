//! What the weekly review reads of one manager's list (customers, snapshots, holdings, diary entries, each in one indexed read) and the weekly reflections it writes. Rows map to `domain::review` types.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, params};

use super::dates::{Day, Moment};
use super::money::DecimalText;
use crate::domain::customer::{Holding, ProductKind};
use crate::domain::diary::{EntryKind, Outcome};
use crate::domain::review::{Reflection, ReviewCustomer, ReviewEntry};
use crate::error::Result;

/// The manager's customers by row id, without snapshots, holdings or entries.
pub fn review_customers(conn: &Connection, manager_id: i64) -> Result<Vec<(i64, ReviewCustomer)>> {
    let mut stmt = conn.prepare(
        "SELECT id, customer_no, name, added_on, first_trade_on, risk_assessed_on \
         FROM customers WHERE manager_id = ?1 ORDER BY customer_no",
    )?;
    let rows = stmt.query_map([manager_id], |r| {
        Ok((
            r.get(0)?,
            ReviewCustomer {
                customer_no: r.get(1)?,
                name: r.get(2)?,
                added_on: r.get::<_, Day>(3)?.0,
                first_trade_on: r.get::<_, Option<Day>>(4)?.map(|d| d.0),
                risk_assessed_on: r.get::<_, Option<Day>>(5)?.map(|d| d.0),
                ..ReviewCustomer::default()
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The holdings of the manager's customers, by customer row id.
pub fn review_holdings(conn: &Connection, manager_id: i64) -> Result<HashMap<i64, Vec<Holding>>> {
    let mut stmt = conn.prepare(
        "SELECT h.customer_id, h.kind, h.product_code, h.product_name, h.amount, h.start_on, \
         h.maturity_on FROM customers c JOIN holdings h ON h.customer_id = c.id \
         WHERE c.manager_id = ?1",
    )?;
    let mut out: HashMap<i64, Vec<Holding>> = HashMap::new();
    let mut rows = stmt.query([manager_id])?;
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
    since: NaiveDate,
    until: NaiveDate,
) -> Result<HashMap<i64, Vec<ReviewEntry>>> {
    let mut stmt = conn.prepare(
        "SELECT e.customer_id, e.kind, e.outcome, e.occurred_at, e.follow_up_at, \
         e.product_kind, e.amount FROM customers c JOIN diary_entries e \
         ON e.customer_id = c.id AND e.deleted_at IS NULL \
         AND e.occurred_at >= ?2 AND e.occurred_at < ?3 \
         WHERE c.manager_id = ?1",
    )?;
    let from = since.and_hms_opt(0, 0, 0);
    let to = until.succ_opt().and_then(|d| d.and_hms_opt(0, 0, 0));
    let mut out: HashMap<i64, Vec<ReviewEntry>> = HashMap::new();
    let mut rows = stmt.query(params![manager_id, from, to])?;
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
