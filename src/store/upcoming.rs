//! The follow-ups still open over a stretch of days, for the Upcoming view (今日预约) and the Diary's "follow-ups due" box: a follow-up on a customer's entry is open until an entry the policy's `[answers] callback` accepts answers it; a follow-up without a customer (a memo reminder) until the memo is deleted or its time is a day past. Rows map to `domain::diary` entries; nothing here formats for display.

use chrono::NaiveDateTime;
use rusqlite::{Connection, params};

use super::diary::{ENTRY_COLUMNS, ENTRY_FROM, entry_from_row};
use super::queue::answering_sql;
use crate::domain::cadence::Satisfier;
use crate::domain::diary::DiaryEntry;
use crate::error::Result;

/// What answers a follow-up, as the queue judges it: the policy's call-back answers (`answers`)
/// and how early a call-back counts (`lead_minutes`, the policy's `[queue]
/// callback_lead_minutes`).
#[derive(Debug, Clone, Copy)]
pub struct Answers<'a> {
    pub satisfiers: &'a [Satisfier],
    pub lead_minutes: u32,
}

/// The SQL condition, on the entry `e`, that its follow-up is not answered nor closed: no entry
/// of the same customer that `answers` accepts, dated after `e` and at or after the follow-up's time
/// less the lead. Read from the `contact_last` aggregate (each kind's latest live entry), so a
/// long diary costs nothing; an entry without a customer has no row there and stays open.
/// Built from the policy's parsed kinds and a number, so nothing typed reaches it.
pub(crate) fn unanswered_sql(answers: Answers<'_>) -> String {
    // A call-back closed on the queue (`x`, `X`) is settled too, as the queue settles it: a
    // dismissal made after the entry that set it and once it was due.
    format!(
        "NOT EXISTS (SELECT 1 FROM contact_last l WHERE l.customer_id = e.customer_id \
         AND ({}) AND l.last_at > e.occurred_at \
         AND l.last_at >= datetime(e.follow_up_at, '-{lead} minutes')) \
         AND NOT EXISTS (SELECT 1 FROM queue_holds q WHERE q.customer_id = e.customer_id \
         AND q.action = 'dismiss' AND q.code = 'callback' AND q.undone_at IS NULL \
         AND q.created_at > e.occurred_at \
         AND q.created_at >= datetime(e.follow_up_at, '-{lead} minutes'))",
        answering_sql(answers.satisfiers, "l"),
        lead = answers.lead_minutes
    )
}

/// Live entries with an open follow-up, in follow-up order, for one manager (by row id) or
/// all (`None`):
///
/// - on the manager's customers, with a follow-up in `[from, to)` that nothing answered yet
///   (call-backs, appointments, and memos about a customer, judged alike);
/// - without a customer (memos, in practice), with a follow-up from `memo_since` to `to`.
///   Nothing answers a memo: its reminder is open until the memo is deleted or its time is
///   more than a day past, so the caller passes `memo_since` as a day before now, and a
///   reminder of last night still shows this morning.
pub fn list_upcoming(
    conn: &Connection,
    manager_id: Option<i64>,
    (from, to): (NaiveDateTime, NaiveDateTime),
    memo_since: NaiveDateTime,
    answers: Answers<'_>,
) -> Result<Vec<DiaryEntry>> {
    let sql = format!(
        "SELECT {ENTRY_COLUMNS} {ENTRY_FROM} WHERE e.deleted_at IS NULL \
         AND e.follow_up_at IS NOT NULL AND e.follow_up_at < ?3 AND ( \
         (e.customer_id IS NOT NULL AND e.follow_up_at >= ?2 \
          AND (?1 IS NULL OR c.manager_id = ?1) AND {}) \
         OR (e.customer_id IS NULL AND e.follow_up_at >= ?4 \
          AND (?1 IS NULL OR e.manager_id = ?1))) \
         ORDER BY e.follow_up_at, e.id",
        unanswered_sql(answers)
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params![manager_id, from, to, memo_since], |r| {
        entry_from_row(r).map(|e| e.entry)
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
