//! `guanhu queue`: today's work queue from `service::queue`, as a tab-separated table or as
//! the JSON rows scripts rely on. Ranking and reasons are `domain::queue`'s; this file prints.

use chrono::{NaiveDate, NaiveDateTime};
use clap::{Args, ValueEnum};

use super::output::{After, Shape, print_rows};
use crate::domain::policy::Policy;
use crate::domain::queue::{Answer, Reason};
use crate::domain::signals::Signal;
use crate::error::Result;
use crate::service;
use crate::store::Store;

/// Options of `guanhu queue`.
#[derive(Debug, Args)]
pub struct QueueArgs {
    /// At most this many rows.
    #[arg(long)]
    pub limit: Option<usize>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: QueueFormat,
}

/// Output formats of the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QueueFormat {
    Table,
    Json,
}

/// One queue row as `guanhu queue --format json` writes it (the contract scripts rely on).
#[derive(serde::Serialize)]
struct QueueRow<'a> {
    rank: usize,
    customer_no: Option<&'a str>,
    customer_name: Option<&'a str>,
    tier: Option<&'a str>,
    reasons: Vec<QueueReason>,
    suggested: &'static str,
    score: f64,
    breakdown: &'a [crate::domain::urgency::Term],
    /// The customers of an aggregated row (the weekly SMS); empty otherwise.
    customers: &'a [String],
    /// The day's last entry when it was a call not reached, `YYYY-MM-DD HH:MM`.
    attempt_at: Option<String>,
    /// Until when the row is sunk after that attempt.
    sunk_until: Option<String>,
}

/// One reason of a row: open (`answered_by` null) or answered today by an entry.
#[derive(serde::Serialize)]
struct QueueReason {
    code: &'static str,
    detail: String,
    /// A call-back's time, `YYYY-MM-DD HH:MM`; null for reasons without one.
    due_at: Option<String>,
    overdue: bool,
    answered_by: Option<AnsweredBy>,
}

/// The diary entry that answered a reason today.
#[derive(serde::Serialize)]
struct AnsweredBy {
    entry_id: i64,
    kind: &'static str,
    at: String,
}

fn reason_row(reason: &Reason, now: NaiveDateTime, by: Option<&Answer>) -> QueueReason {
    let due_at = match reason {
        Reason::Signal(Signal::Callback { due_at, .. }) => {
            Some(due_at.format("%Y-%m-%d %H:%M").to_string())
        }
        _ => None,
    };
    QueueReason {
        code: reason.code().key(),
        detail: reason.detail(),
        due_at,
        overdue: by.is_none() && reason.is_overdue(now),
        answered_by: by.map(|a| AnsweredBy {
            entry_id: a.entry_id,
            kind: a.kind.key(),
            at: a.at.format("%Y-%m-%d %H:%M").to_string(),
        }),
    }
}

/// `guanhu queue`
pub fn run_queue(
    today: NaiveDate,
    policy: &Policy,
    store: &Store,
    manager: Option<String>,
    args: &QueueArgs,
) -> Result<i32> {
    let manager = service::resolve_manager(store, manager.as_deref())?;
    let now = crate::clock::now_on(today);
    let mut items = service::queue::load_today(store, policy, now, manager.as_deref())?.items;
    if let Some(limit) = args.limit {
        items.truncate(limit);
    }
    let rows: Vec<QueueRow> = items
        .iter()
        .enumerate()
        .map(|(i, item)| QueueRow {
            rank: i + 1,
            customer_no: item.customer_no.as_deref(),
            customer_name: item.customer_name.as_deref(),
            tier: item
                .tier
                .and_then(|t| policy.tiers.get(t))
                .map(|t| t.key.as_str()),
            reasons: item
                .reasons
                .iter()
                .map(|r| reason_row(r, now, None))
                .chain(
                    item.answered
                        .iter()
                        .map(|a| reason_row(&a.reason, now, Some(&a.by))),
                )
                .collect(),
            suggested: item.suggested.key(),
            score: item.score.total,
            breakdown: &item.score.terms,
            customers: &item.members,
            attempt_at: item
                .attempt_at
                .map(|t| t.format("%Y-%m-%d %H:%M").to_string()),
            sunk_until: item
                .sunk_until
                .map(|t| t.format("%Y-%m-%d %H:%M").to_string()),
        })
        .collect();
    let shape = match args.format {
        QueueFormat::Json => Shape::Json,
        QueueFormat::Table => Shape::Table,
    };
    print_rows(&rows, shape, After::Reading, None, |r| {
        // The open reasons: what answered the others is in the JSON.
        let codes: Vec<&str> = r
            .reasons
            .iter()
            .filter(|x| x.answered_by.is_none())
            .map(|x| x.code)
            .collect();
        vec![
            r.rank.to_string(),
            r.customer_no.unwrap_or("-").to_string(),
            r.customer_name.unwrap_or("-").to_string(),
            r.tier.unwrap_or("-").to_string(),
            r.suggested.to_string(),
            format!("{:.3}", r.score),
            codes.join(","),
        ]
    })?;
    Ok(0)
}
