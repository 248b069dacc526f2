//! The day's visits, mostly to the better tiers: at the branch or at their door. Draws only from the manager's stream, in the diary's order; writes nothing.

use std::collections::HashSet;

use super::super::calendar::time_on;
use super::super::rng::Rng;
use super::super::tables::{VISIT_MET, VISIT_MISSED};
use super::picker::Picker;
use super::{Day, Item, entry, note, scaled};
use crate::domain::diary::{EntryKind, Outcome};

/// Visits up to the day's number, less the `kept` agreed visits already made; nobody seen
/// twice in a day (`seen`).
pub(super) fn plan(
    rng: &mut Rng,
    day: &Day<'_>,
    visitors: &Picker,
    kept: i64,
    seen: &mut HashSet<usize>,
    items: &mut Vec<Item>,
) {
    let (d, book) = (day.d, day.book);
    for _ in kept..scaled(rng, 1, 2, day.scale) {
        let Some(m) = visitors.pick(rng, |m| book[m].reachable(d) && !seen.contains(&m)) else {
            continue;
        };
        seen.insert(m);
        let at = time_on(d, rng.range(9 * 60 + 30, 16 * 60 + 30));
        let met = rng.chance(920);
        let text = if met { VISIT_MET } else { VISIT_MISSED };
        let mut draft = entry(EntryKind::Visit, Some(&book[m]), at, note(rng, text, &[]));
        draft.outcome = Some(if met {
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
