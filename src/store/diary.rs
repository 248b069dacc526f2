//! Diary entries and their revisions: insert, amend, mark deleted or restored, and the queries behind the day view, the customer timeline and the lifecycle's activity. Rows map to `domain::diary` types.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::money::DecimalText;
use crate::domain::classify::Activity;
use crate::domain::customer::{ProductKind, RiskLevel};
use crate::domain::diary::{DiaryEntry, EntryDraft, EntryKind, Outcome, Sale};
use crate::error::{Error, Result};

/// A stored entry with the bookkeeping the service needs.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryRow {
    pub entry: DiaryEntry,
    pub customer_id: Option<i64>,
    pub holding_id: Option<i64>,
    pub prev_risk_level: Option<RiskLevel>,
    pub prev_risk_assessed_on: Option<NaiveDate>,
}

/// Who an entry belongs to and what it replaced, for an insert.
#[derive(Debug, Clone, Copy, Default)]
pub struct EntryLinks {
    pub manager_id: Option<i64>,
    pub customer_id: Option<i64>,
    pub prev_risk_level: Option<RiskLevel>,
    pub prev_risk_assessed_on: Option<NaiveDate>,
    pub batch_id: Option<i64>,
}

pub(super) const ENTRY_COLUMNS: &str = "e.id, m.manager_no, c.customer_no, c.name, e.kind, e.occurred_at, \
     e.outcome, e.note, e.follow_up_at, e.product_kind, e.product_code, e.product_name, \
     e.amount, e.maturity_on, e.risk_level, e.created_at, e.amended_at, e.deleted_at, \
     e.customer_id, e.holding_id, e.prev_risk_level, e.prev_risk_assessed_on, e.batch_id";

pub(super) const ENTRY_FROM: &str = "FROM diary_entries e LEFT JOIN customers c ON c.id = e.customer_id \
     LEFT JOIN managers m ON m.id = e.manager_id";

pub(super) fn entry_from_row(row: &Row<'_>) -> rusqlite::Result<EntryRow> {
    let kind: String = row.get(4)?;
    let outcome: Option<String> = row.get(6)?;
    let product_kind: Option<String> = row.get(9)?;
    let amount: Option<DecimalText> = row.get(12)?;
    let risk: Option<String> = row.get(14)?;
    let amended: Option<NaiveDateTime> = row.get(16)?;
    let deleted: Option<NaiveDateTime> = row.get(17)?;
    let prev_risk: Option<String> = row.get(20)?;
    let sale = match product_kind.as_deref().and_then(ProductKind::parse) {
        Some(product_kind) => Some(Sale {
            product_kind,
            product_code: row.get::<_, Option<String>>(10)?.unwrap_or_default(),
            product_name: row.get::<_, Option<String>>(11)?.unwrap_or_default(),
            amount: amount.map(|a| a.0),
            maturity_on: row.get(13)?,
        }),
        None => None,
    };
    Ok(EntryRow {
        entry: DiaryEntry {
            id: row.get(0)?,
            manager_no: row.get(1)?,
            customer_name: row.get(3)?,
            draft: EntryDraft {
                kind: EntryKind::from_key(&kind).unwrap_or(EntryKind::Memo),
                customer_no: row.get(2)?,
                occurred_at: row.get(5)?,
                outcome: outcome.as_deref().and_then(Outcome::from_key),
                note: row.get(7)?,
                follow_up_at: row.get(8)?,
                sale,
                risk_level: risk.as_deref().and_then(RiskLevel::parse),
            },
            created_at: row.get(15)?,
            amended: amended.is_some(),
            deleted: deleted.is_some(),
            batch_id: row.get(22)?,
        },
        customer_id: row.get(18)?,
        holding_id: row.get(19)?,
        prev_risk_level: prev_risk.as_deref().and_then(RiskLevel::parse),
        prev_risk_assessed_on: row.get(21)?,
    })
}

/// Inserts an entry; returns its id.
pub fn insert_entry(
    conn: &Connection,
    draft: &EntryDraft,
    links: EntryLinks,
    now: NaiveDateTime,
) -> Result<i64> {
    let sale = draft.sale.as_ref();
    conn.prepare_cached(
        "INSERT INTO diary_entries (manager_id, customer_id, kind, occurred_at, outcome, note, \
         follow_up_at, product_kind, product_code, product_name, amount, maturity_on, \
         risk_level, prev_risk_level, prev_risk_assessed_on, batch_id, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?
    .execute(params![
        links.manager_id,
        links.customer_id,
        draft.kind.key(),
        draft.occurred_at,
        draft.outcome.map(Outcome::key),
        draft.note,
        draft.follow_up_at,
        sale.map(|s| s.product_kind.key()),
        sale.map(|s| s.product_code.as_str()),
        sale.map(|s| s.product_name.as_str()),
        sale.and_then(|s| s.amount).map(DecimalText),
        sale.and_then(|s| s.maturity_on),
        draft.risk_level.map(RiskLevel::key),
        links.prev_risk_level.map(RiskLevel::key),
        links.prev_risk_assessed_on,
        links.batch_id,
        now,
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Overwrites an entry's content (the caller has saved the earlier version as a revision).
pub fn update_entry(
    conn: &Connection,
    id: i64,
    draft: &EntryDraft,
    customer_id: Option<i64>,
    amended_at: Option<NaiveDateTime>,
) -> Result<()> {
    let sale = draft.sale.as_ref();
    conn.prepare_cached(
        "UPDATE diary_entries SET customer_id = ?2, kind = ?3, occurred_at = ?4, outcome = ?5, \
         note = ?6, follow_up_at = ?7, product_kind = ?8, product_code = ?9, product_name = ?10, \
         amount = ?11, maturity_on = ?12, risk_level = ?13, amended_at = ?14 WHERE id = ?1",
    )?
    .execute(params![
        id,
        customer_id,
        draft.kind.key(),
        draft.occurred_at,
        draft.outcome.map(Outcome::key),
        draft.note,
        draft.follow_up_at,
        sale.map(|s| s.product_kind.key()),
        sale.map(|s| s.product_code.as_str()),
        sale.map(|s| s.product_name.as_str()),
        sale.and_then(|s| s.amount).map(DecimalText),
        sale.and_then(|s| s.maturity_on),
        draft.risk_level.map(RiskLevel::key),
        amended_at,
    ])?;
    Ok(())
}

/// Marks an entry deleted (`Some(time)`) or restores it (`None`).
pub fn set_deleted(conn: &Connection, id: i64, at: Option<NaiveDateTime>) -> Result<()> {
    conn.prepare_cached("UPDATE diary_entries SET deleted_at = ?2 WHERE id = ?1")?
        .execute(params![id, at])?;
    Ok(())
}

/// Links a sale entry to the holding it created.
pub fn set_holding(conn: &Connection, id: i64, holding_id: Option<i64>) -> Result<()> {
    conn.prepare_cached("UPDATE diary_entries SET holding_id = ?2 WHERE id = ?1")?
        .execute(params![id, holding_id])?;
    Ok(())
}

/// Records the entry as it was before a change.
pub fn insert_revision(
    conn: &Connection,
    entry: &DiaryEntry,
    action: &str,
    now: NaiveDateTime,
) -> Result<()> {
    let before = serde_json::to_string(entry).map_err(|e| Error::Input(e.to_string()))?;
    conn.prepare_cached(
        "INSERT INTO diary_revisions (entry_id, revised_at, action, before) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![entry.id, now, action, before])?;
    Ok(())
}

/// An entry's earlier versions, oldest first: (when it changed, what the change was, the entry before).
pub fn list_revisions(
    conn: &Connection,
    entry_id: i64,
) -> Result<Vec<(NaiveDateTime, String, DiaryEntry)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT revised_at, action, before FROM diary_revisions WHERE entry_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([entry_id], |r| {
        Ok((
            r.get::<_, NaiveDateTime>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (at, action, json) = row?;
        let entry: DiaryEntry =
            serde_json::from_str(&json).map_err(|e| Error::Input(e.to_string()))?;
        out.push((at, action, entry));
    }
    Ok(out)
}

/// One entry by id, deleted or not.
pub fn find_entry(conn: &Connection, id: i64) -> Result<Option<EntryRow>> {
    let sql = format!("SELECT {ENTRY_COLUMNS} {ENTRY_FROM} WHERE e.id = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], entry_from_row)
        .optional()?)
}

/// Live entries whose `column` (`occurred_at` or `follow_up_at`) falls in `[from, to)`, of one
/// manager or all, in that column's order, and that meet `also` (an SQL condition on `e`, or
/// `1`). `column` is one of two constants and `also` built from the policy, never user input.
fn list_live_between(
    conn: &Connection,
    (column, also): (&'static str, &str),
    manager_no: Option<&str>,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> Result<Vec<DiaryEntry>> {
    let sql = format!(
        "SELECT {ENTRY_COLUMNS} {ENTRY_FROM} WHERE e.deleted_at IS NULL \
         AND e.{column} >= ?1 AND e.{column} < ?2 AND (?3 IS NULL OR m.manager_no = ?3) \
         AND {also} ORDER BY e.{column}, e.id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![from, to, manager_no], |r| {
        entry_from_row(r).map(|e| e.entry)
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Live entries that occurred in `[from, to)`, of one manager or all, in time order.
pub fn list_entries_between(
    conn: &Connection,
    manager_no: Option<&str>,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> Result<Vec<DiaryEntry>> {
    list_live_between(conn, ("occurred_at", "1"), manager_no, from, to)
}

/// Live entries whose follow-up falls in `[from, to)` and is not answered yet (by what
/// `answers` accepts, as the queue judges it), in follow-up order.
pub fn list_follow_ups_between(
    conn: &Connection,
    manager_no: Option<&str>,
    from: NaiveDateTime,
    to: NaiveDateTime,
    answers: super::upcoming::Answers<'_>,
) -> Result<Vec<DiaryEntry>> {
    let open = super::upcoming::unanswered_sql(answers);
    list_live_between(conn, ("follow_up_at", &open), manager_no, from, to)
}

/// A customer's live entries, newest first.
pub fn list_customer_entries(conn: &Connection, customer_id: i64) -> Result<Vec<DiaryEntry>> {
    let sql = format!(
        "SELECT {ENTRY_COLUMNS} {ENTRY_FROM} WHERE e.deleted_at IS NULL AND e.customer_id = ?1 \
         ORDER BY e.occurred_at DESC, e.id DESC"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([customer_id], |r| entry_from_row(r).map(|e| e.entry))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Per customer: the last two-way contact or sale and the number of sales, for the lifecycle.
pub fn list_activity(
    conn: &Connection,
    manager_no: Option<&str>,
) -> Result<HashMap<i64, Activity>> {
    let mut stmt = conn.prepare(
        // The same rule as `domain::diary::is_two_way`, plus sales: what shows the customer engaged.
        "SELECT e.customer_id, MAX(CASE WHEN e.kind = 'sale' \
         OR (e.kind IN ('call','wechat') AND e.outcome = 'reached') \
         OR (e.kind = 'visit' AND COALESCE(e.outcome, '') NOT IN ('not_reached','refused')) \
         THEN e.occurred_at END), SUM(e.kind = 'sale') FROM diary_entries e \
         JOIN customers c ON c.id = e.customer_id LEFT JOIN managers m ON m.id = c.manager_id \
         WHERE e.deleted_at IS NULL AND (?1 IS NULL OR m.manager_no = ?1) \
         GROUP BY e.customer_id",
    )?;
    let rows = stmt.query_map([manager_no], |r| {
        let last: Option<NaiveDateTime> = r.get(1)?;
        let sales: i64 = r.get(2)?;
        Ok((
            r.get::<_, i64>(0)?,
            Activity {
                last_contact_on: last.map(|t| t.date()),
                sales_count: sales.max(0) as u32,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<HashMap<_, _>>>()?)
}

/// The next batch number for entries logged together.
pub fn next_batch_id(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT COALESCE(MAX(batch_id), 0) + 1 FROM diary_entries",
        [],
        |r| r.get(0),
    )?)
}

/// The latest live risk assessment logged for a customer: (level, date).
pub fn latest_risk_assessment(
    conn: &Connection,
    customer_id: i64,
) -> Result<Option<(Option<RiskLevel>, NaiveDate)>> {
    let found: Option<(Option<String>, NaiveDateTime)> = conn
        .prepare_cached(
            "SELECT risk_level, occurred_at FROM diary_entries WHERE customer_id = ?1 \
             AND kind = 'risk_assessment' AND deleted_at IS NULL \
             ORDER BY occurred_at DESC, id DESC LIMIT 1",
        )?
        .query_row([customer_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(found.map(|(level, at)| (level.as_deref().and_then(RiskLevel::parse), at.date())))
}

/// The customer's risk profile before the diary first changed it: the previous values kept
/// on their first logged risk assessment (deleted or not).
pub fn risk_before_diary(
    conn: &Connection,
    customer_id: i64,
) -> Result<Option<(Option<RiskLevel>, Option<NaiveDate>)>> {
    let found: Option<(Option<String>, Option<NaiveDate>)> = conn
        .prepare_cached(
            "SELECT prev_risk_level, prev_risk_assessed_on FROM diary_entries \
             WHERE customer_id = ?1 AND kind = 'risk_assessment' ORDER BY id LIMIT 1",
        )?
        .query_row([customer_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(found.map(|(level, on)| (level.as_deref().and_then(RiskLevel::parse), on)))
}

/// Re-records what a customer's risk profile was before an assessment moved onto them.
pub fn set_prev_risk(
    conn: &Connection,
    id: i64,
    level: Option<RiskLevel>,
    on: Option<NaiveDate>,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE diary_entries SET prev_risk_level = ?2, prev_risk_assessed_on = ?3 WHERE id = ?1",
    )?
    .execute(params![id, level.map(RiskLevel::key), on])?;
    Ok(())
}

/// Customer numbers with a live contact (call, SMS, WeChat, visit, sale) on or after `since`.
pub fn list_contacted_since(
    conn: &Connection,
    since: NaiveDateTime,
) -> Result<std::collections::HashSet<String>> {
    let mut stmt = conn.prepare(
        "SELECT DISTINCT c.customer_no FROM diary_entries e JOIN customers c ON c.id = e.customer_id \
         WHERE e.deleted_at IS NULL AND e.occurred_at >= ?1 \
         AND e.kind IN ('call','sms','wechat','visit','sale')",
    )?;
    let rows = stmt.query_map([since], |r| r.get::<_, String>(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
