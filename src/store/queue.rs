//! The daily queue's reads and the snooze/dismiss writes: one indexed pass per table over one manager's customers (or all), reading the trigger-kept `contact_last` aggregate instead of the diary, the last snapshots instead of the history, and only holdings maturing soon.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, params};

use super::customers::balances_at;
use super::dates::{Day, Moment, fast_moment};
use super::diary::list_customer_entries;
use super::money::DecimalText;
use crate::domain::cadence::Satisfier;
use crate::domain::contacts::{ContactFacts, DayEntry, FollowUp, LastContact};
use crate::domain::customer::{Balances, Holding, ProductKind, Snapshot};
use crate::domain::diary::{EntryKind, Outcome};
use crate::domain::holds::HeldItem;
use crate::domain::queue::Hold;
use crate::domain::urgency::ReasonCode;
use crate::error::Result;

/// The customer filter of every read: one manager's customers through the manager index, or all.
fn scope(manager_id: Option<i64>, alias: &str) -> String {
    match manager_id {
        Some(_) => {
            format!("JOIN customers c ON c.id = {alias}.customer_id WHERE c.manager_id = ?1")
        }
        None => "WHERE ?1 IS NULL".to_string(),
    }
}

/// Snapshots up to `today`, oldest first, cut to what the queue reads: the last two, and the
/// pair where the balances last changed (or the earliest, when they never did). Balances are
/// compared as stored text, so only the kept rows are parsed.
pub fn recent_snapshots(
    conn: &Connection,
    manager_id: Option<i64>,
    today: NaiveDate,
) -> Result<HashMap<i64, Vec<Snapshot>>> {
    // Newest first within each customer, in an order both indexes give without sorting.
    let sql = if manager_id.is_some() {
        "SELECT s.customer_id, s.as_of, s.deposits, s.wealth, s.funds, s.insurance, s.bonds, \
         s.other FROM customers c JOIN balance_snapshots s ON s.customer_id = c.id \
         WHERE c.manager_id = ?1 AND s.as_of <= ?2 \
         ORDER BY c.manager_id DESC, c.id DESC, s.as_of DESC"
    } else {
        "SELECT s.customer_id, s.as_of, s.deposits, s.wealth, s.funds, s.insurance, s.bonds, \
         s.other FROM balance_snapshots s WHERE ?1 IS NULL AND s.as_of <= ?2 \
         ORDER BY s.customer_id DESC, s.as_of DESC"
    };
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query(params![manager_id, today])?;
    let mut out: HashMap<i64, Vec<Snapshot>> = HashMap::new();
    // The customer being read, newest row first: rows seen, the last row read (its date and
    // balances as text, in buffers reused row after row), whether the last change was found,
    // and the rows kept.
    let mut current: Option<i64> = None;
    let mut seen = 0usize;
    let mut last_on: Option<NaiveDate> = None;
    let mut last_texts: [Vec<u8>; 6] = Default::default();
    let mut settled = false;
    let mut kept: Vec<Snapshot> = Vec::new();
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        if current != Some(id) {
            if let Some(done) = current {
                let oldest = last_on.take().filter(|_| !settled);
                out.insert(done, finish(&mut kept, oldest, &last_texts)?);
            }
            (current, seen, settled) = (Some(id), 0, false);
        }
        seen += 1;
        if settled {
            continue;
        }
        let as_of = row.get::<_, Day>(1)?.0;
        let mut same = true;
        for (i, text) in last_texts.iter().enumerate() {
            same &= bytes_at(row, 2 + i)? == text.as_slice();
        }
        if let Some(newer_on) = last_on
            && !same
        {
            // The balances changed on the newer row's date: keep both sides and stop.
            kept.push(Snapshot {
                as_of: newer_on,
                balances: parse_texts(&last_texts)?,
            });
            kept.push(Snapshot {
                as_of,
                balances: balances_at(row, 2)?,
            });
            settled = true;
            continue;
        }
        if seen <= 2 {
            kept.push(Snapshot {
                as_of,
                balances: balances_at(row, 2)?,
            });
        }
        last_on = Some(as_of);
        for (i, text) in last_texts.iter_mut().enumerate() {
            text.clear();
            text.extend_from_slice(bytes_at(row, 2 + i)?);
        }
    }
    if let Some(done) = current {
        let oldest = last_on.filter(|_| !settled);
        out.insert(done, finish(&mut kept, oldest, &last_texts)?);
    }
    Ok(out)
}

/// A column's bytes borrowed from the row, without copying or checking them.
fn bytes_at<'r>(row: &'r rusqlite::Row<'_>, i: usize) -> rusqlite::Result<&'r [u8]> {
    row.get_ref(i)?.as_bytes().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// A text column borrowed from the row, without copying it.
pub(crate) fn text_at<'r>(row: &'r rusqlite::Row<'_>, i: usize) -> rusqlite::Result<&'r str> {
    row.get_ref(i)?.as_str().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// One customer's kept snapshots, oldest first; without a change, the oldest row read too.
fn finish(
    kept: &mut Vec<Snapshot>,
    oldest: Option<NaiveDate>,
    oldest_texts: &[Vec<u8>; 6],
) -> Result<Vec<Snapshot>> {
    if let Some(as_of) = oldest {
        kept.push(Snapshot {
            as_of,
            balances: parse_texts(oldest_texts)?,
        });
    }
    let mut snaps = std::mem::take(kept);
    snaps.sort_by_key(|s| s.as_of);
    snaps.dedup_by_key(|s| s.as_of);
    Ok(snaps)
}

fn parse_texts(texts: &[Vec<u8>; 6]) -> Result<Balances> {
    Ok(Balances::try_from_columns(|i| {
        let bad = |e: Box<dyn std::error::Error + Send + Sync>| {
            rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e)
        };
        let text = std::str::from_utf8(&texts[i]).map_err(|e| bad(Box::new(e)))?;
        super::money::parse_stored_amount(text).map_err(bad)
    })?)
}

/// Holdings maturing from `from` to `to`, by customer row id.
pub fn maturing_holdings(
    conn: &Connection,
    manager_id: Option<i64>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<HashMap<i64, Vec<Holding>>> {
    let sql = format!(
        "SELECT h.customer_id, h.kind, h.product_code, h.product_name, h.amount, h.start_on, \
         h.maturity_on FROM holdings h {} AND h.maturity_on BETWEEN ?2 AND ?3 \
         ORDER BY h.customer_id, h.maturity_on",
        scope(manager_id, "h")
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut out: HashMap<i64, Vec<Holding>> = HashMap::new();
    let mut rows = stmt.query(params![manager_id, from, to])?;
    while let Some(r) = rows.next()? {
        let kind: String = r.get(1)?;
        let start: String = r.get(5)?;
        out.entry(r.get(0)?).or_default().push(Holding {
            kind: ProductKind::parse(&kind).unwrap_or(ProductKind::Other),
            product_code: r.get(2)?,
            product_name: r.get(3)?,
            amount: r.get::<_, DecimalText>(4)?.0,
            start_on: NaiveDate::parse_from_str(&start, "%Y-%m-%d").ok(),
            maturity_on: r.get(6)?,
        });
    }
    Ok(out)
}

/// Each customer's diary relative to `today`: from the `contact_last` aggregate, except for
/// customers with entries dated today or later, whose entries are read in full (there are few).
/// `answers` is what answers a call-back (the policy's `[answers] callback`): follow-ups it
/// answered at or after their time are left out here; the queue judges the rest.
pub fn contact_facts(
    conn: &Connection,
    manager_id: Option<i64>,
    today: NaiveDate,
    answers: &[Satisfier],
) -> Result<HashMap<i64, ContactFacts>> {
    let start = today.and_hms_opt(0, 0, 0).unwrap_or_default();
    let end = start + chrono::Duration::days(1);
    let mut touched: HashSet<i64> = HashSet::new();
    {
        let sql = format!(
            "SELECT DISTINCT e.customer_id FROM diary_entries e {} \
             AND e.occurred_at >= ?2 AND e.customer_id IS NOT NULL",
            scope(manager_id, "e")
        );
        let mut stmt = conn.prepare(&sql)?;
        let mut rows = stmt.query(params![manager_id, start])?;
        while let Some(r) = rows.next()? {
            touched.insert(r.get(0)?);
        }
    }
    // Looking back at a past day (the weekly review rebuilds each day's plan), most customers
    // have entries after it and the aggregate, which counts them, does not apply: read the
    // diary as it stood then in one pass instead of each customer's entries.
    if touched.len() > FEW_TOUCHED {
        return contact_facts_as_of(conn, manager_id, today, answers);
    }
    let mut out: HashMap<i64, ContactFacts> = HashMap::new();
    for id in &touched {
        out.insert(
            *id,
            ContactFacts::from_entries(&list_customer_entries(conn, *id)?, today),
        );
    }
    let sql = format!(
        "SELECT l.customer_id, l.packed FROM contact_summary l {}",
        scope(manager_id, "l")
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query(params![manager_id])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if touched.contains(&id) {
            continue;
        }
        out.entry(id).or_default().before = unpack(text_at(r, 1)?);
    }
    // Follow-ups answered since (a reached call or a visit at or after their time) are left out
    // here, through the aggregate, so years of settled follow-ups cost nothing.
    let sql = format!(
        "SELECT e.customer_id, e.id, e.occurred_at, e.follow_up_at FROM diary_entries e {} \
         AND e.follow_up_at IS NOT NULL AND e.follow_up_at < ?2 AND e.deleted_at IS NULL \
         AND e.customer_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM contact_last l \
         WHERE l.customer_id = e.customer_id AND ({}) AND l.last_at > e.occurred_at \
         AND l.last_at >= e.follow_up_at)",
        scope(manager_id, "e"),
        answering_sql(answers, "l")
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query(params![manager_id, end])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if touched.contains(&id) {
            continue;
        }
        out.entry(id).or_default().follow_ups.push(follow_up_at(r)?);
    }
    Ok(out)
}

/// Customers with entries on or after the day beyond which the diary is read as of the day
/// rather than through the aggregate (on a normal morning only a handful).
const FEW_TOUCHED: usize = 64;

/// Each customer's diary as it stood on `day`, straight from the diary: the latest entry of
/// each kind and outcome before the day, the day's entries, and follow-ups due by its end and
/// not answered before it began. Entries after the day are left out, as `ContactFacts::from_entries`
/// leaves them out.
pub fn contact_facts_as_of(
    conn: &Connection,
    manager_id: Option<i64>,
    day: NaiveDate,
    answers: &[Satisfier],
) -> Result<HashMap<i64, ContactFacts>> {
    let start = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    let end = start + chrono::Duration::days(1);
    let mut out: HashMap<i64, ContactFacts> = HashMap::new();
    let live = format!(
        "{} AND e.deleted_at IS NULL AND e.customer_id IS NOT NULL",
        scope(manager_id, "e")
    );
    // The covering index answers this without touching the table, in group order.
    let sql = format!(
        "SELECT e.customer_id, e.kind, e.outcome, MAX(e.occurred_at), COUNT(*) \
         FROM diary_entries e INDEXED BY diary_by_customer_kind {live} AND e.occurred_at < ?2 \
         GROUP BY e.customer_id, e.kind, e.outcome"
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query(params![manager_id, start])?;
    while let Some(r) = rows.next()? {
        if let Some(last) = last_contact_at(r)? {
            out.entry(r.get(0)?).or_default().before.push(last);
        }
    }
    let sql = format!(
        "SELECT e.customer_id, e.kind, e.outcome, e.occurred_at, e.id, e.batch_id IS NOT NULL \
         FROM diary_entries e {live} \
         AND e.occurred_at >= ?2 AND e.occurred_at < ?3 ORDER BY e.occurred_at"
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query(params![manager_id, start, end])?;
    while let Some(r) = rows.next()? {
        let Some(kind) = EntryKind::from_key(text_at(r, 1)?) else {
            continue;
        };
        let outcome: Option<String> = r.get(2)?;
        out.entry(r.get(0)?).or_default().on_day.push(DayEntry {
            id: r.get(4)?,
            bulk: r.get(5)?,
            kind,
            outcome: outcome.as_deref().and_then(Outcome::from_key),
            at: r.get::<_, Moment>(3)?.0,
        });
    }
    let sql = format!(
        "SELECT e.customer_id, e.id, e.occurred_at, e.follow_up_at FROM diary_entries e {live} \
         AND e.follow_up_at IS NOT NULL AND e.follow_up_at < ?2 AND e.occurred_at < ?2 \
         AND NOT EXISTS (SELECT 1 FROM diary_entries l WHERE l.customer_id = e.customer_id \
         AND ({}) AND l.deleted_at IS NULL AND l.occurred_at > e.occurred_at \
         AND l.occurred_at >= e.follow_up_at AND l.occurred_at < ?3)",
        answering_sql(answers, "l")
    );
    // Answered before the day began, the follow-up is settled; answered during the day, it
    // stays: the day's plan began with it (`ContactFacts::at_start_of_day`), and the queue
    // sees the answer itself.
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query(params![manager_id, end, start])?;
    while let Some(r) = rows.next()? {
        out.entry(r.get(0)?)
            .or_default()
            .follow_ups
            .push(follow_up_at(r)?);
    }
    Ok(out)
}

/// A `LastContact` from the columns `customer_id, kind, outcome, MAX(occurred_at), COUNT(*)`;
/// `None` for a kind this version does not know.
pub(crate) fn last_contact_at(r: &rusqlite::Row<'_>) -> rusqlite::Result<Option<LastContact>> {
    let Some(kind) = EntryKind::from_key(text_at(r, 1)?) else {
        return Ok(None);
    };
    let outcome: Option<String> = r.get(2)?;
    Ok(Some(LastContact {
        kind,
        outcome: outcome.as_deref().and_then(Outcome::from_key),
        at: r.get::<_, Moment>(3)?.0,
        count: r.get::<_, i64>(4)?.max(0) as u32,
    }))
}

/// A `FollowUp` from the columns `customer_id, id, occurred_at, follow_up_at`.
pub(crate) fn follow_up_at(r: &rusqlite::Row<'_>) -> rusqlite::Result<FollowUp> {
    Ok(FollowUp {
        entry_id: r.get(1)?,
        set_at: r.get::<_, Moment>(2)?.0,
        due_at: r.get::<_, Moment>(3)?.0,
    })
}

/// What answers a follow-up, as an SQL condition on the row `alias` (`(l.kind = 'call' AND
/// l.outcome = 'reached') OR l.kind = 'visit'`); never true when nothing does. Built from the
/// policy's parsed kinds and outcomes, whose keys are fixed words, so nothing typed reaches it.
pub(crate) fn answering_sql(answers: &[Satisfier], alias: &str) -> String {
    let items: Vec<String> = answers
        .iter()
        .map(|s| match s.outcome {
            Some(o) => format!(
                "({alias}.kind = '{}' AND {alias}.outcome = '{}')",
                s.kind.key(),
                o.key()
            ),
            // A kind alone takes any outcome but not reached (`Satisfier::accepts_kind`).
            None => format!(
                "({alias}.kind = '{}' AND ({alias}.outcome IS NULL OR {alias}.outcome <> '{}'))",
                s.kind.key(),
                Outcome::NotReached.key()
            ),
        })
        .collect();
    if items.is_empty() {
        "0".to_string()
    } else {
        items.join(" OR ")
    }
}

/// Reads `contact_summary.packed`: `kind:outcome=YYYY-MM-DD HH:MM:SS#n` items joined by `;`
/// (the outcome empty when there is none). An item it cannot read is left out.
fn unpack(packed: &str) -> Vec<LastContact> {
    packed
        .split(';')
        .filter_map(|item| {
            let (key, rest) = item.split_once('=')?;
            let (at, n) = rest.split_once('#')?;
            let (kind, outcome) = key.split_once(':')?;
            Some(LastContact {
                kind: EntryKind::from_key(kind)?,
                outcome: Outcome::from_key(outcome),
                at: fast_moment(at.as_bytes()).or_else(|| {
                    chrono::NaiveDateTime::parse_from_str(at, "%Y-%m-%d %H:%M:%S%.f").ok()
                })?,
                count: n.parse().ok()?,
            })
        })
        .collect()
}

/// Rows of the contact aggregates that disagree with the diary (missing, extra or different),
/// for `guanhu check`: 0 unless the triggers were bypassed.
pub fn stale_contact_rows(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "WITH truth AS (SELECT customer_id, kind, outcome, last_at, n FROM contact_truth), \
         kept AS (SELECT customer_id, kind, outcome, last_at, n FROM contact_last) \
         SELECT (SELECT COUNT(*) FROM (SELECT * FROM truth EXCEPT SELECT * FROM kept)) \
              + (SELECT COUNT(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM truth)) \
              + (SELECT COUNT(*) FROM (SELECT customer_id FROM contact_summary \
                 EXCEPT SELECT customer_id FROM contact_last)) \
              + (SELECT COUNT(*) FROM (SELECT DISTINCT customer_id FROM contact_last \
                 EXCEPT SELECT customer_id FROM contact_summary))",
        [],
        |r| r.get(0),
    )?)
}

/// Live snoozes and dismissals that can still matter on `today`, by customer row id.
pub fn live_holds(
    conn: &Connection,
    manager_id: Option<i64>,
    today: NaiveDate,
) -> Result<HashMap<i64, Vec<Hold>>> {
    let sql = format!(
        "SELECT q.customer_id, q.action, q.code, q.until, q.created_at FROM queue_holds q {} \
         AND q.undone_at IS NULL AND (q.until >= ?2 OR q.code = 'callback')",
        scope(manager_id, "q")
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query(params![manager_id, today])?;
    let mut out: HashMap<i64, Vec<Hold>> = HashMap::new();
    while let Some(r) = rows.next()? {
        if let Some(hold) = hold_at(r, 1)? {
            out.entry(r.get(0)?).or_default().push(hold);
        }
    }
    Ok(out)
}

/// A hold from the columns `action, code, until, created_at` starting at `i`; `None` for a
/// row this version does not know.
pub(crate) fn hold_at(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Option<Hold>> {
    let action: String = r.get(i)?;
    let code: Option<String> = r.get(i + 1)?;
    let until: NaiveDate = r.get(i + 2)?;
    Ok(
        match (
            action.as_str(),
            code.as_deref().and_then(ReasonCode::from_key),
        ) {
            ("snooze", _) => Some(Hold::Snoozed {
                until,
                at: r.get(i + 3)?,
            }),
            ("dismiss", Some(code)) => Some(Hold::Dismissed {
                code,
                until,
                at: r.get(i + 3)?,
            }),
            _ => None,
        },
    )
}

/// Records a snooze (`code` None) or a dismissal of one reason; returns the row id.
#[allow(clippy::too_many_arguments)]
pub fn insert_hold(
    conn: &Connection,
    customer_id: i64,
    manager_id: Option<i64>,
    code: Option<ReasonCode>,
    until: NaiveDate,
    note: &str,
    now: NaiveDateTime,
) -> Result<i64> {
    let action = if code.is_some() { "dismiss" } else { "snooze" };
    conn.execute(
        "INSERT INTO queue_holds (customer_id, manager_id, action, code, until, note, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            customer_id,
            manager_id,
            action,
            code.map(ReasonCode::key),
            until,
            note,
            now
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Marks holds undone (`undone` true, for undo) or live again (for redo).
pub fn set_holds_undone(
    conn: &Connection,
    ids: &[i64],
    undone: bool,
    now: NaiveDateTime,
) -> Result<()> {
    let mut stmt = conn.prepare_cached("UPDATE queue_holds SET undone_at = ?2 WHERE id = ?1")?;
    for id in ids {
        stmt.execute(params![id, undone.then_some(now)])?;
    }
    Ok(())
}

/// Every live snooze and dismissal, newest first, with the customer's number and name: a
/// snooze whose row has not come back (`until` after `today`), a dismissal up to and including
/// its `until`, and a dismissed call-back (settled for good) made at or after `settled_since`.
/// One manager's customers, or all.
pub fn list_live_holds(
    conn: &Connection,
    manager_id: Option<i64>,
    today: NaiveDate,
    settled_since: NaiveDateTime,
) -> Result<Vec<HeldItem>> {
    let mut stmt = conn.prepare(
        "SELECT q.id, c.customer_no, c.name, q.action, q.code, q.until, q.note, q.created_at \
         FROM queue_holds q JOIN customers c ON c.id = q.customer_id \
         WHERE (?1 IS NULL OR c.manager_id = ?1) AND q.undone_at IS NULL \
         AND ((q.action = 'snooze' AND q.until > ?2) \
           OR (q.action = 'dismiss' AND q.code IS NOT 'callback' AND q.until >= ?2) \
           OR (q.action = 'dismiss' AND q.code = 'callback' AND q.created_at >= ?3)) \
         ORDER BY q.created_at DESC, q.id DESC",
    )?;
    let mut rows = stmt.query(params![manager_id, today, settled_since])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let action: String = r.get(3)?;
        let key: Option<String> = r.get(4)?;
        let code = match (action.as_str(), key.as_deref().map(ReasonCode::from_key)) {
            ("snooze", _) => None,
            ("dismiss", Some(Some(code))) => Some(code),
            // A row this version does not know: not listed, as the queue ignores it too.
            _ => continue,
        };
        out.push(HeldItem {
            id: r.get(0)?,
            customer_no: r.get(1)?,
            customer_name: r.get(2)?,
            code,
            until: r.get(5)?,
            note: r.get(6)?,
            created_at: r.get::<_, Moment>(7)?.0,
        });
    }
    Ok(out)
}

/// Lifts holds still live (marks them undone at `now`); returns the ids it lifted, so an undo
/// brings back only those (one lifted since, by another copy, is left as it is).
pub fn lift_live_holds(conn: &Connection, ids: &[i64], now: NaiveDateTime) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "UPDATE queue_holds SET undone_at = ?2 WHERE id = ?1 AND undone_at IS NULL",
    )?;
    let mut lifted = Vec::with_capacity(ids.len());
    for id in ids {
        if stmt.execute(params![id, now])? > 0 {
            lifted.push(*id);
        }
    }
    Ok(lifted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_contacts_read_back() {
        let got =
            unpack("call:reached=2026-11-20 10:00:00#3;sms:=2026-11-23 08:15:30.250#12;x:=bad#1");
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].kind, EntryKind::Call);
        assert_eq!(got[0].outcome, Some(Outcome::Reached));
        assert_eq!(got[0].count, 3);
        assert_eq!(got[1].outcome, None);
        assert_eq!(got[1].at.format("%H:%M:%S%.3f").to_string(), "08:15:30.250");
    }
}
