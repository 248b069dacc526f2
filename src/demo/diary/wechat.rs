//! The day's WeChat messages: answered, or left unread. Draws only from the manager's stream, in the diary's order; writes nothing.

use super::super::calendar::{CLOSE, OPEN, time_on};
use super::super::rng::Rng;
use super::super::tables::{WECHAT_REACHED, WECHAT_UNANSWERED};
use super::picker::Picker;
use super::{Day, Item, entry, note, scaled};
use crate::domain::diary::{EntryKind, Outcome};

/// A few messages to customers reachable that day (the same one may get two).
pub(super) fn plan(rng: &mut Rng, day: &Day<'_>, chatters: &Picker, items: &mut Vec<Item>) {
    let (d, book) = (day.d, day.book);
    for _ in 0..scaled(rng, 2, 5, day.scale) {
        let Some(m) = chatters.pick(rng, |m| book[m].reachable(d)) else {
            continue;
        };
        let at = time_on(d, rng.range(OPEN, CLOSE));
        let reached = rng.chance(750);
        let text = if reached {
            WECHAT_REACHED
        } else {
            WECHAT_UNANSWERED
        };
        let mut draft = entry(EntryKind::Wechat, Some(&book[m]), at, note(rng, text, &[]));
        draft.outcome = Some(if reached {
            Outcome::Reached
        } else {
            Outcome::NotReached
        });
        items.push(Item {
            draft,
            member: Some(m),
            wave: false,
        });
    }
}
