//! The manager's own notes: a memo most days (before opening or after closing), a reflection on Fridays. Draws only from the manager's stream, in the diary's order; writes nothing.

use chrono::{Datelike, NaiveDate, Weekday};

use super::super::calendar::{CLOSE, OPEN, time_on};
use super::super::rng::Rng;
use super::super::tables::{MEMOS, REFLECTIONS};
use super::{Item, entry};
use crate::domain::diary::EntryKind;

/// The day's memo and, on a Friday, its reflection (no customer on either).
pub(super) fn plan(rng: &mut Rng, d: NaiveDate, items: &mut Vec<Item>) {
    if rng.chance(750) {
        let minute = if rng.chance(600) {
            rng.range(OPEN, 9 * 60 + 5)
        } else {
            rng.range(17 * 60, CLOSE - 5)
        };
        let text = rng.pick(MEMOS).to_string();
        items.push(Item {
            draft: entry(EntryKind::Memo, None, time_on(d, minute), text),
            member: None,
            wave: false,
        });
    }
    if d.weekday() == Weekday::Fri && rng.chance(850) {
        let text = rng.pick(REFLECTIONS).to_string();
        let at = time_on(d, rng.range(17 * 60 + 5, CLOSE));
        items.push(Item {
            draft: entry(EntryKind::Reflection, None, at, text),
            member: None,
            wave: false,
        });
    }
}
