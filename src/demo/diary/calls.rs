//! The day's phone calls: most reached, some not, some asking to be called back, a few refusing; a reached customer may agree a visit or a call in a week or two. Draws only from the manager's stream, in the diary's order; books follow-ups, writes nothing.

use std::collections::{BTreeMap, HashSet};

use chrono::{Duration, NaiveDate};

use super::super::calendar::{minutes_of, time_on};
use super::super::rng::Rng;
use super::super::tables::{
    CALL_INVITED, CALL_LATER, CALL_NOT_REACHED, CALL_REACHED, CALL_REFUSED, CALLBACK_TODAY,
    CALLBACK_TOMORROW,
};
use super::follow_ups::{Planned, keep_follow_up};
use super::picker::Picker;
use super::{Day, Item, entry, note, scaled};
use crate::domain::diary::{EntryKind, Outcome};

/// Calls up to the day's number, less the `kept` call-backs already made; nobody called twice
/// in a day (`seen`).
pub(super) fn plan(
    rng: &mut Rng,
    day: &Day<'_>,
    callers: &Picker,
    kept: i64,
    seen: &mut HashSet<usize>,
    planned: &mut BTreeMap<NaiveDate, Vec<Planned>>,
    items: &mut Vec<Item>,
) {
    let (d, book, w) = (day.d, day.book, day.w);
    for _ in kept..scaled(rng, 8, 20, day.scale) {
        let Some(m) = callers.pick(rng, |m| book[m].reachable(d) && !seen.contains(&m)) else {
            continue;
        };
        seen.insert(m);
        let at = time_on(d, rng.range(9 * 60, 17 * 60 + 15));
        let outcome = rng.weighted(&[
            (Outcome::Reached, 60),
            (Outcome::NotReached, 20),
            (Outcome::CallbackRequested, 10),
            (Outcome::Refused, 10),
        ]);
        let mut follow_up = None;
        let text = match outcome {
            Outcome::Reached if rng.chance(110) => {
                // A visit agreed for one of the next few working days.
                let mut day = w.calendar.next_working_day(d);
                for _ in 0..rng.range(0, 4) {
                    day = w.calendar.next_working_day(day);
                }
                let when = time_on(day, rng.pick(&[600, 630, 870, 930, 990]));
                follow_up = Some(when);
                keep_follow_up(
                    planned,
                    w,
                    Planned {
                        at: when,
                        member: m,
                        kind: EntryKind::Visit,
                    },
                    rng,
                    900,
                );
                CALL_INVITED
            }
            Outcome::Reached if rng.chance(90) => {
                // Thinking it over: call again in a week or two.
                let mut day = d + Duration::days(rng.range(4, 13));
                if !w.calendar.is_working_day(day) {
                    day = w.calendar.next_working_day(day);
                }
                let when = time_on(day, rng.range(60, 96) * 10);
                follow_up = Some(when);
                keep_follow_up(
                    planned,
                    w,
                    Planned {
                        at: when,
                        member: m,
                        kind: EntryKind::Call,
                    },
                    rng,
                    900,
                );
                CALL_LATER
            }
            Outcome::Reached => CALL_REACHED,
            Outcome::NotReached => {
                if rng.chance(250) {
                    let when = time_on(
                        w.calendar.next_working_day(d),
                        rng.range(570, 690) / 10 * 10,
                    );
                    follow_up = Some(when);
                    keep_follow_up(
                        planned,
                        w,
                        Planned {
                            at: when,
                            member: m,
                            kind: EntryKind::Call,
                        },
                        rng,
                        800,
                    );
                }
                CALL_NOT_REACHED
            }
            Outcome::CallbackRequested => {
                let minute = minutes_of(at);
                let when = if minute <= 15 * 60 && rng.chance(550) {
                    time_on(d, (minute + rng.range(60, 180)) / 10 * 10)
                } else {
                    time_on(
                        w.calendar.next_working_day(d),
                        rng.range(570, 690) / 10 * 10,
                    )
                };
                follow_up = Some(when);
                keep_follow_up(
                    planned,
                    w,
                    Planned {
                        at: when,
                        member: m,
                        kind: EntryKind::Call,
                    },
                    rng,
                    930,
                );
                if when.date() == d {
                    CALLBACK_TODAY
                } else {
                    CALLBACK_TOMORROW
                }
            }
            Outcome::Refused => CALL_REFUSED,
        };
        let mut draft = entry(EntryKind::Call, Some(&book[m]), at, note(rng, text, &[]));
        draft.outcome = Some(outcome);
        draft.follow_up_at = follow_up;
        items.push(Item {
            draft,
            member: Some(m),
            wave: false,
        });
    }
}
