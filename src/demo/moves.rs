//! The team lead's recent reassignments: a few customers each manager hands to the next one, after the old manager's last entry for them. Writes only assignments; runs after the diary (it reads the diary to find the last touch).

use std::collections::HashSet;

use chrono::{Duration, NaiveDateTime};
use rusqlite::Connection;

use super::book::Member;
use super::calendar::Window;
use super::manager_no;
use super::rng::{Rng, mix};
use crate::error::Result;
use crate::store::assignments::{reason, reassign_customer};

/// Customers each manager hands to the next one in the last weeks.
const MOVES_PER_MANAGER: usize = 2;

/// The lead's recent moves: each manager hands `MOVES_PER_MANAGER` customers to the next one,
/// on a working day of the last three weeks after anything the old manager logged or planned
/// for them (so the diary stays the old manager's own). Returns how many moved.
pub(super) fn move_some_customers(
    conn: &Connection,
    seed: u64,
    w: &Window,
    now: NaiveDateTime,
    manager_ids: &[i64],
    members: &[Vec<usize>],
    book: &[Member],
) -> Result<usize> {
    if manager_ids.len() < 2 {
        return Ok(0);
    }
    let mut rng = Rng::new(mix(seed ^ 0xa551_9e00));
    let mut last_touch = conn.prepare_cached(
        "SELECT MAX(COALESCE(MAX(follow_up_at), ''), COALESCE(MAX(occurred_at), ''))          FROM diary_entries WHERE customer_id = ?1",
    )?;
    let lead = manager_no(0);
    let mut moved = 0;
    // Each customer moves at most once: one drawn again with an earlier date would still be
    // the old manager's then, and the move would record nothing.
    let mut already: HashSet<i64> = HashSet::new();
    for (m, list) in members.iter().enumerate() {
        let to = manager_ids[(m + 1) % manager_ids.len()];
        let mut done = 0;
        // A bounded number of tries: a book whose customers were all busy lately moves fewer.
        for _ in 0..MOVES_PER_MANAGER * 40 {
            if done == MOVES_PER_MANAGER || list.is_empty() {
                break;
            }
            let member = &book[list[rng.below(list.len() as u64) as usize]];
            if already.contains(&member.id) {
                continue;
            }
            let mut on = w.today - Duration::days(rng.range(2, 21));
            while !w.calendar.is_working_day(on) {
                on -= Duration::days(1);
            }
            let touched: String = last_touch.query_row([member.id], |r| r.get(0))?;
            // ISO text compares as time does; the move comes the day after the last touch.
            if touched.as_str() >= on.format("%Y-%m-%d").to_string().as_str()
                || on <= member.added_on
            {
                continue;
            }
            if crate::store::assignments::find_manager_on(conn, member.id, on)?
                != Some(manager_ids[m])
            {
                continue;
            }
            reassign_customer(conn, member.id, to, on, reason::MANUAL, &lead, now)?;
            already.insert(member.id);
            done += 1;
        }
        moved += done;
    }
    Ok(moved)
}
