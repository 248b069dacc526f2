//! Which of a row's reasons the day's entries answered, and by which entry: an obligation by its `satisfied_by`, a signal by the policy's `[answers]` from the moment it began (a call-back from its time). A call that did not reach the customer answers nothing: it is an attempt, and the row sinks for the policy's retry interval. Pure.

use chrono::{NaiveDate, NaiveDateTime};

use super::Reason;
use crate::domain::answers::answerable_from;
use crate::domain::cadence::Rule;
use crate::domain::contacts::{ContactFacts, DayEntry};
use crate::domain::diary::{EntryKind, Outcome};
use crate::domain::policy::Policy;
use crate::domain::signals::Signal;
use crate::domain::urgency::ReasonCode;

/// The entry that answered a reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answer {
    pub entry_id: i64,
    pub kind: EntryKind,
    pub outcome: Option<Outcome>,
    pub at: NaiveDateTime,
}

impl Answer {
    fn of(e: &DayEntry) -> Answer {
        Answer {
            entry_id: e.id,
            kind: e.kind,
            outcome: e.outcome,
            at: e.at,
        }
    }
}

/// A reason of the day's plan that an entry of the day answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answered {
    pub reason: Reason,
    pub by: Answer,
}

/// The first of the day's entries that `accepts` takes (an entry logged for later in the day
/// counts as the diary says: what was logged is what was done).
fn first_on_day(facts: &ContactFacts, accepts: impl Fn(&DayEntry) -> bool) -> Option<Answer> {
    facts
        .on_day
        .iter()
        .filter(|e| accepts(e))
        .min_by_key(|e| e.at)
        .map(Answer::of)
}

/// What of the day answered a due obligation (the first entry its rule accepts).
pub fn obligation_answer(rule: &Rule, facts: &ContactFacts) -> Option<Answer> {
    first_on_day(facts, |e| rule.accepts_kind(e.kind, e.outcome))
}

/// What of the day answered a signal: the first entry `[answers]` accepts for it, at or after
/// the moment the signal began (a bulk send, the weekly SMS, answers no birthday).
pub fn signal_answer(
    policy: &Policy,
    signal: &Signal,
    facts: &ContactFacts,
    now: NaiveDateTime,
) -> Option<Answer> {
    let code = ReasonCode::of_signal(signal);
    let from = answerable_from(policy, signal, now.date());
    first_on_day(facts, |e| {
        e.at >= from
            && policy.answering.accepts(code, e.kind, e.outcome)
            && !(e.bulk && code == ReasonCode::Birthday)
    })
}

/// True when an entry before the day already answered the signal: it is settled, not shown.
pub fn answered_before(
    policy: &Policy,
    signal: &Signal,
    start: &ContactFacts,
    today: NaiveDate,
) -> bool {
    let code = ReasonCode::of_signal(signal);
    let from = answerable_from(policy, signal, today);
    // Before today the diary is read as its latest entry per kind, which cannot tell a
    // birthday SMS from the weekly bulk one: for a birthday an SMS counts only on the day it
    // is sent (see `signal_answer`), so the weekly SMS never hides a birthday.
    start
        .last_before(|k, o| {
            policy.answering.accepts(code, k, o)
                && !(code == ReasonCode::Birthday && k == EntryKind::Sms)
        })
        .is_some_and(|t| t >= from)
}

/// The day's last entry when it was a call or WeChat call that did not reach the customer: the
/// attempt the row shows ("10:05 未接通").
pub fn last_attempt(facts: &ContactFacts) -> Option<NaiveDateTime> {
    facts
        .on_day
        .iter()
        .max_by_key(|e| e.at)
        .filter(|e| {
            e.outcome == Some(Outcome::NotReached)
                && matches!(e.kind, EntryKind::Call | EntryKind::Wechat)
        })
        .map(|e| e.at)
}
