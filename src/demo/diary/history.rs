//! The purchases of a manager's regular buyers in the years before the diary's six months: about ten each, so the book has the loyal customers a branch has (the policy's loyal stage needs the sales, the years and steady assets together). Only sales; the rest of those years' work is not generated. Draws from each member's own stream, never the manager's, so the six months come out as before.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use rusqlite::Connection;

use super::super::book::Member;
use super::super::calendar::{Window, is_office_day, time_on};
use super::super::rng::Rng;
use super::sales::past_sale;
use super::write::write_item;
use super::{FULL_BOOK, Item, Written};
use crate::error::Result;

/// Per mille of a tier's customers (mass, potential, quality, high-end) who are regular buyers,
/// among those known long enough, not dormant and not left alone.
const REGULAR_PER_MILLE: [i64; 4] = [110, 250, 420, 550];

/// A regular buyer's purchases before the diary: about ten, the default `loyal_min_sales`.
const PURCHASES: (i64, i64) = (10, 13);

/// The purchases spread over at least this many days before the diary began.
const LEAST_DAYS: i64 = 365;

/// Writes the regular buyers' earlier purchases, oldest first.
pub(super) fn write_history(
    conn: &Connection,
    manager_id: i64,
    members: &[usize],
    book: &[Member],
    w: &Window,
    now: NaiveDateTime,
    written: &mut Written,
) -> Result<()> {
    // A book bigger than a full one has the regular buyers of a full one, like the rest of the
    // diary, so big books stay fast.
    let share = (FULL_BOOK as i64 * 1_000 / members.len().max(1) as i64).min(1_000);
    let mut items: Vec<Item> = Vec::new();
    for &m in members {
        let member = &book[m];
        let Some(first) = member.first_trade else {
            continue;
        };
        if member.still || member.quiet {
            continue;
        }
        let since = first.max(member.added_on);
        let days = (w.start - since).num_days();
        if days < LEAST_DAYS {
            continue;
        }
        let mut rng = Rng::new(member.history_seed);
        if !rng.chance(REGULAR_PER_MILLE[member.tier.min(3)] * share / 1_000) {
            continue;
        }
        let n = rng.range(PURCHASES.0, PURCHASES.1);
        let mut days_of: Vec<NaiveDate> = (0..n)
            .map(|_| office_day(&mut rng, since, w.start))
            .collect();
        days_of.sort();
        for d in days_of {
            let at = time_on(d, rng.range(9 * 60 + 30, 16 * 60 + 45));
            items.push(past_sale(&mut rng, member, m, at));
        }
    }
    items.sort_by_key(|i| i.draft.occurred_at);
    for item in items {
        write_item(conn, manager_id, book, item, now, written)?;
    }
    Ok(())
}

/// An office day in `from..until` (`until - 1` at the latest, whatever it is, when a few
/// draws find none).
fn office_day(rng: &mut Rng, from: NaiveDate, until: NaiveDate) -> NaiveDate {
    let last = until - Duration::days(1);
    let mut d = last;
    for _ in 0..8 {
        d = rng.date_between(from, last);
        if is_office_day(d) {
            return d;
        }
    }
    // Step back to the nearest office day, never before `from`.
    while !is_office_day(d) && d > from {
        d -= Duration::days(1);
    }
    d
}
