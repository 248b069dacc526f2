//! The daily plans of past days rebuilt as they stood, for the review's queue completion: each customer on the list that day, their diary rolled forward to the day, the balances known then and the snoozes and dismissals recorded before the day began. Pure; the service reads a run of days once and hands it in.

use chrono::{NaiveDate, NaiveDateTime};

use super::classify::classify;
use super::contacts::{ContactFacts, WindowEntry};
use super::customer::{Customer, Holding, Snapshot};
use super::policy::Policy;
use super::queue::{Hold, QueueInput, build_queue};
use super::review::{DayCompletion, listed_on};

/// The hour a past day's plan is read at: the day's entries all count (as they do in
/// `load_today` for a past day), only the clock-dependent parts (overdue call-backs) read it.
const EVENING_HOUR: u32 = 18;

/// A snooze or dismissal with when it was recorded and, if so, undone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HoldRecord {
    pub hold: Hold,
    pub created_at: NaiveDateTime,
    pub undone_at: Option<NaiveDateTime>,
}

impl HoldRecord {
    /// True when the hold was in force at `at`.
    pub fn live_at(&self, at: NaiveDateTime) -> bool {
        self.created_at < at && self.undone_at.is_none_or(|u| u >= at)
    }
}

/// One customer of the list at any time in the run of days.
pub struct PlanCustomer<'a> {
    pub customer: &'a Customer,
    pub added_on: NaiveDate,
    /// Periods on the manager's list (see [`listed_on`]).
    pub on_list: &'a [(NaiveDate, Option<NaiveDate>)],
    /// Every snapshot, oldest first.
    pub snapshots: &'a [Snapshot],
    pub holdings: &'a [Holding],
    /// The diary at the start of the run (see [`ContactFacts::rolled_to`]).
    pub start: &'a ContactFacts,
    /// The run's live entries.
    pub window: &'a [WindowEntry],
    pub holds: &'a [HoldRecord],
}

/// The plan of `day` as it stood: rows planned (at the start of the day, and any a signal
/// added during it) and rows done by its end. A snooze or dismissal recorded during the day
/// does not take a row out of that day's plan: putting a row off is not doing it.
pub fn plan_on(policy: &Policy, book: &[PlanCustomer<'_>], day: NaiveDate) -> DayCompletion {
    let start = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    let evening = day.and_hms_opt(EVENING_HOUR, 0, 0).unwrap_or(start);
    let known: Vec<(&PlanCustomer, &[Snapshot], ContactFacts, Vec<Hold>)> = book
        .iter()
        .filter(|c| listed_on(c.on_list, c.added_on, day))
        .map(|c| {
            let known = c.snapshots.partition_point(|s| s.as_of <= day);
            let holds = c
                .holds
                .iter()
                .filter(|h| h.live_at(start))
                .map(|h| h.hold)
                .collect();
            (
                c,
                &c.snapshots[..known],
                c.start.rolled_to(c.window, day),
                holds,
            )
        })
        .collect();
    let classes: Vec<_> = known
        .iter()
        .map(|(c, snaps, facts, _)| {
            classify(
                policy,
                c.customer,
                snaps,
                facts.at_start_of_day().activity(),
                day,
            )
        })
        .collect();
    let inputs: Vec<QueueInput> = known
        .iter()
        .zip(&classes)
        .map(|((c, snaps, facts, holds), class)| QueueInput {
            customer: c.customer,
            class,
            snapshots: snaps,
            holdings: c.holdings,
            contacts: facts,
            holds,
            known_since: Some(c.added_on),
        })
        .collect();
    let q = build_queue(policy, &inputs, evening);
    DayCompletion {
        day,
        planned: q.planned,
        done: q.done,
    }
}
