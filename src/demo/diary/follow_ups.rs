//! Follow-ups a manager agreed (a call back, a visit) and kept on their day. Draws only from the manager's stream, in the diary's order.

use std::collections::{BTreeMap, HashSet};

use chrono::{NaiveDate, NaiveDateTime};

use super::super::calendar::{Window, minutes_of, time_on};
use super::super::rng::Rng;
use super::super::tables::{CALLBACK_KEPT, CALLBACK_MISSED, VISIT_AGREED};
use super::{Day, Item, entry, note};
use crate::domain::diary::{EntryKind, Outcome};

/// A follow-up the manager kept: a call back or a visit at an agreed time.
#[derive(Debug, Clone, Copy)]
pub(super) struct Planned {
    pub(super) at: NaiveDateTime,
    pub(super) member: usize,
    pub(super) kind: EntryKind,
}

/// Books a follow-up that is kept (with `chance` per mille) on its day, when that day is in
/// the diary's months.
pub(super) fn keep_follow_up(
    planned: &mut BTreeMap<NaiveDate, Vec<Planned>>,
    w: &Window,
    p: Planned,
    rng: &mut Rng,
    chance: i64,
) {
    if p.at.date() < w.today && rng.chance(chance) {
        planned.entry(p.at.date()).or_default().push(p);
    }
}

/// How many of the day's calls and visits were kept follow-ups: the planners make up the rest.
pub(super) struct Kept {
    pub(super) calls: i64,
    pub(super) visits: i64,
}

/// Follow-ups agreed earlier and kept today: a visit as agreed, or the call back (reached or
/// not). A call back not reached is tried again on the next working day, mostly: a careful
/// manager's book has few call-backs left waiting for months.
pub(super) fn kept(
    rng: &mut Rng,
    day: &Day<'_>,
    due: Vec<Planned>,
    seen: &mut HashSet<usize>,
    items: &mut Vec<Item>,
    planned: &mut BTreeMap<NaiveDate, Vec<Planned>>,
) -> Kept {
    let d = day.d;
    let mut calls = 0;
    let mut visits = 0;
    for p in due {
        let member = &day.book[p.member];
        seen.insert(p.member);
        let at = time_on(d, minutes_of(p.at) + rng.range(0, 12));
        let mut draft = if p.kind == EntryKind::Visit {
            visits += 1;
            let mut draft = entry(
                EntryKind::Visit,
                Some(member),
                at,
                note(rng, VISIT_AGREED, &[]),
            );
            draft.outcome = Some(Outcome::Reached);
            draft
        } else {
            calls += 1;
            let reached = rng.chance(800);
            let text = if reached {
                CALLBACK_KEPT
            } else {
                CALLBACK_MISSED
            };
            let mut draft = entry(EntryKind::Call, Some(member), at, note(rng, text, &[]));
            draft.outcome = Some(if reached {
                Outcome::Reached
            } else {
                Outcome::NotReached
            });
            if !reached {
                let again = time_on(
                    day.w.calendar.next_working_day(d),
                    rng.range(570, 690) / 10 * 10,
                );
                keep_follow_up(
                    planned,
                    day.w,
                    Planned {
                        at: again,
                        member: p.member,
                        kind: EntryKind::Call,
                    },
                    rng,
                    750,
                );
            }
            draft
        };
        draft.occurred_at = at;
        items.push(Item {
            draft,
            member: Some(p.member),
            wave: false,
        });
    }
    Kept { calls, visits }
}
