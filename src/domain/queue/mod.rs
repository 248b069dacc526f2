//! The daily work queue: per customer, the due obligations and the signals merged into one row with an explainable score; the spread obligations (monthly contact, yearly visit…) shared out over the working days left; the weekly SMS as one aggregated row, pinned first; snoozed and dismissed items held back. A row stays while any of its reasons is unanswered (`answered`); a call that did not reach the customer sinks it for a while. Pure.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;

use crate::domain::cadence::{CadencePeriod, Obligation, ObligationStatus, Rule};
use crate::domain::classify::{AgeSegment, Classification};
use crate::domain::contacts::{ContactFacts, DayEntry};
use crate::domain::customer::{Customer, Holding, Preference, Snapshot};
use crate::domain::diary::EntryKind;
use crate::domain::policy::Policy;
use crate::domain::signals::{CustomerFacts, Signal, signals};
use crate::domain::urgency::{ReasonCode, Score};
use crate::domain::workload::{DayPlan, day_plan};

mod answered;
mod reason;
mod row;
pub use answered::{Answer, Answered};
pub use reason::Reason;

/// One row of the queue.
#[derive(Debug, Clone, PartialEq)]
pub struct QueueItem {
    /// `None` for the aggregated weekly-SMS row.
    pub customer_no: Option<String>,
    pub customer_name: Option<String>,
    /// Index into the policy's tiers (`None` for the aggregated row).
    pub tier: Option<usize>,
    /// Age and preference segment (`None` for the aggregated row).
    pub segment: Option<(AgeSegment, Preference)>,
    /// The reasons still open, unanswered.
    pub reasons: Vec<Reason>,
    /// The day's reasons an entry of the day answered, with the entry.
    pub answered: Vec<Answered>,
    /// The customer's entries of the day so far (what was done: "已发短信").
    pub touched: Vec<DayEntry>,
    /// The day's last entry, when it was a call that did not reach the customer.
    pub attempt_at: Option<NaiveDateTime>,
    /// Until when the row sinks after that attempt (`None` once it has risen again).
    pub sunk_until: Option<NaiveDateTime>,
    /// True when the row is part of today's share of the spread obligations (not in the
    /// queue for a signal or an unspread obligation of its own).
    pub from_share: bool,
    pub suggested: EntryKind,
    pub score: Score,
    /// For the aggregated row: the customers still owed this week's SMS.
    pub members: Vec<String>,
    /// True when an open reason is overdue (see [`Reason::is_overdue`]).
    pub overdue: bool,
}

impl Default for QueueItem {
    /// An empty customer row (what tests and placeholders start from).
    fn default() -> QueueItem {
        QueueItem {
            customer_no: None,
            customer_name: None,
            tier: None,
            segment: None,
            reasons: Vec::new(),
            answered: Vec::new(),
            touched: Vec::new(),
            attempt_at: None,
            sunk_until: None,
            from_share: false,
            suggested: EntryKind::Call,
            score: Score::default(),
            members: Vec::new(),
            overdue: false,
        }
    }
}

/// A snooze or a dismissal the manager recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hold {
    /// The customer's row stays out of the queue before `until`; recorded at `at` (a row
    /// snoozed during the day counts as done on that day's gauge).
    Snoozed { until: NaiveDate, at: NaiveDateTime },
    /// The reason stays out of the queue up to and including `until`. A dismissed call-back
    /// settles every follow-up set before the dismissal (`at`), whatever `until` says.
    Dismissed {
        code: ReasonCode,
        until: NaiveDate,
        at: NaiveDateTime,
    },
}

/// One customer's data for the queue.
pub struct QueueInput<'a> {
    pub customer: &'a Customer,
    pub class: &'a Classification,
    /// Snapshots, oldest first (the last two, and enough before them to see the last change,
    /// are all the queue reads).
    pub snapshots: &'a [Snapshot],
    /// Holdings (those maturing soon are all the queue reads).
    pub holdings: &'a [Holding],
    /// The customer's diary relative to today.
    pub contacts: &'a ContactFacts,
    pub holds: &'a [Hold],
    /// The day the customer came into the book, when known: never having been met before
    /// then is not overdue.
    pub known_since: Option<NaiveDate>,
}

/// Today's queue and how the day is going.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TodayQueue {
    /// Rows still to do: the weekly-SMS row first, then highest score first, rows sunk after
    /// an attempt last.
    pub items: Vec<QueueItem>,
    /// Rows of the plan whose every reason was answered today (what answered each is kept
    /// for the customer's "why on today's list").
    pub finished: Vec<QueueItem>,
    /// Rows in today's plan (as it stood at the start of the day, plus any added since).
    pub planned: usize,
    /// Rows of the plan already done today (the customer contacted, or every reason met).
    pub done: usize,
    /// Rows with an overdue reason.
    pub overdue: usize,
    /// Customers owed a spread obligation beyond an even pace since the period began: work
    /// carried over from earlier days.
    pub behind: usize,
    /// Rows of today's share of the spread work still open.
    pub share_left: usize,
    /// Customers taken from the spread obligations today (the daily capacity applied).
    pub spread_today: usize,
    pub working_day: bool,
}

/// A customer as the planner sees them at the start of the day.
pub(super) struct Candidate<'a> {
    input: &'a QueueInput<'a>,
    /// Snoozed during the day: planned, and done for the day (its row is not shown).
    put_off: bool,
    /// Spread obligations due and waiting signals at the start of the day.
    owed: usize,
    /// The customer's signals of the day (open at its start or arisen since), dismissed ones
    /// and those answered before the day left out.
    signals: Vec<Signal>,
    /// True when a signal or an unspread obligation puts the customer in the queue anyway.
    in_queue_anyway: bool,
    /// Planning order: missed the previous period, tier, longest since last met.
    missed_previous: bool,
    oldest_met: Option<NaiveDate>,
}

/// The cadence rules of each tier, read from the policy once per build.
pub(super) struct RulesByTier(Vec<Vec<Rule>>);

impl RulesByTier {
    fn new(policy: &Policy) -> RulesByTier {
        RulesByTier(
            policy
                .tiers
                .iter()
                .map(|t| policy.cadence.rules_for(&t.key))
                .collect(),
        )
    }

    pub(super) fn of(&self, input: &QueueInput<'_>) -> &[Rule] {
        self.0.get(input.class.tier).map_or(&[], Vec::as_slice)
    }
}

/// One spread obligation's (or waiting signal's) count of customers in a window.
#[derive(Debug, Default, Clone, Copy)]
struct Pace {
    owed: usize,
    met: usize,
    /// Obligations count towards "behind"; signals, which nobody meets ahead of time, do not.
    counts_behind: bool,
}

fn is_calendar(period: CadencePeriod) -> bool {
    !matches!(period, CadencePeriod::Days(_))
}

/// Whether a live dismissal keeps `code` out today. With `from_start`, only those recorded
/// before the day began: the day's plan is made of them, so a dismissal during the day settles
/// a reason of the plan (its row counts as done) instead of taking the row out and pulling in
/// the next customer.
pub(super) fn held(holds: &[Hold], code: ReasonCode, today: NaiveDate, from_start: bool) -> bool {
    holds.iter().any(|h| {
        matches!(h, Hold::Dismissed { code: c, until, at }
            if *c == code && code != ReasonCode::Callback && today <= *until
                && (!from_start || at.date() < today))
    })
}

/// Whether a dismissed call-back settles this one: a dismissal settles the call-backs set
/// before it and already due when it was made, so closing a months-old call-back never
/// closes one set yesterday for next week.
fn callback_settled(
    policy: &Policy,
    holds: &[Hold],
    signal: &Signal,
    today: NaiveDate,
    from_start: bool,
) -> bool {
    let Signal::Callback { due_at, set_at, .. } = signal else {
        return false;
    };
    holds.iter().any(|h| {
        matches!(h, Hold::Dismissed { code: ReasonCode::Callback, at, .. }
            if set_at < at && *due_at - policy.queue.lead() <= *at
                && (!from_start || at.date() < today))
    })
}

/// Whether a live hold keeps the signal out today (see [`held`] for `from_start`).
pub(super) fn signal_held(
    policy: &Policy,
    holds: &[Hold],
    signal: &Signal,
    today: NaiveDate,
    from_start: bool,
) -> bool {
    held(holds, ReasonCode::of_signal(signal), today, from_start)
        || callback_settled(policy, holds, signal, today, from_start)
}

fn snoozed(holds: &[Hold], today: NaiveDate) -> bool {
    holds
        .iter()
        .any(|h| matches!(h, Hold::Snoozed { until, .. } if today < *until))
}

/// True when a live snooze was recorded during `today`: the row was put off, not left undone.
fn snoozed_today(holds: &[Hold], today: NaiveDate) -> bool {
    holds
        .iter()
        .any(|h| matches!(h, Hold::Snoozed { until, at } if today < *until && at.date() == today))
}

/// The customer's obligations with the imported assessment date counted for the review. At the
/// start of the day an assessment dated today (logged today, which writes the date) is not yet
/// counted: the day's entries answer the review apart.
pub(super) fn judged(
    rule: &Rule,
    customer: &Customer,
    contacts: &ContactFacts,
    today: NaiveDate,
    at_start: bool,
) -> ObligationStatus {
    let mut status = if at_start {
        rule.status_at_start(contacts, today)
    } else {
        rule.status_of(contacts, today)
    };
    let counted = |d: &NaiveDate| if at_start { *d < today } else { *d <= today };
    if status.obligation == Obligation::RiskReview
        && let Some(on) = customer.risk_assessed_on.filter(counted)
        && status.last_satisfied.is_none_or(|l| l < on)
    {
        status = rule.judge(Some(on), today);
    }
    status
}

pub(super) fn obligation_reason(
    status: ObligationStatus,
    period: CadencePeriod,
    today: NaiveDate,
    known_since: Option<NaiveDate>,
) -> Reason {
    Reason::Obligation {
        status,
        period,
        overdue_days: status.overdue_days(period, today, known_since),
    }
}

/// The customer's signals of the day: those open when it began and those arisen since (a
/// call-back falling due), without those dismissed before the day began and those an entry
/// before the day answered.
fn day_signals(policy: &Policy, input: &QueueInput<'_>, now: NaiveDateTime) -> Vec<Signal> {
    let today = now.date();
    // Only customers with entries today need their facts without them (there are few).
    let start;
    let contacts = if input.contacts.on_day.is_empty() {
        input.contacts
    } else {
        start = input.contacts.at_start_of_day();
        &start
    };
    let facts = CustomerFacts {
        customer: input.customer,
        class: input.class,
        snapshots: input.snapshots,
        holdings: input.holdings,
        contacts,
    };
    signals(policy, &facts, now)
        .into_iter()
        .filter(|s| !signal_held(policy, input.holds, s, today, true))
        .filter(|s| !answered::answered_before(policy, s, contacts, today))
        .collect()
}

/// Builds today's queue at `now`. Rows are ordered by score, then tier (highest first), then
/// customer number, so the order never depends on the input's order.
pub fn build_queue(policy: &Policy, inputs: &[QueueInput<'_>], now: NaiveDateTime) -> TodayQueue {
    let today = now.date();
    let calendar = &policy.calendar;
    let working_day = calendar.is_working_day(today);

    // 1. Each customer as the day began: what is due, and whether they are in anyway.
    let mut candidates: Vec<Candidate> = Vec::new();
    // Per spread obligation (or waiting signal) and window: customers owed it at the start,
    // those who met it earlier in the window, and whether it counts towards "behind".
    let mut pace: BTreeMap<(ReasonCode, (NaiveDate, NaiveDate)), Pace> = BTreeMap::new();
    let month = CadencePeriod::Month.window(today);
    let mut sms_owed_at_start = false;
    let rules = RulesByTier::new(policy);
    for input in inputs {
        let mut spread_due = Vec::new();
        let mut in_queue_anyway = false;
        for rule in rules.of(input) {
            let status = judged(rule, input.customer, input.contacts, today, true);
            let code = ReasonCode::of_obligation(rule.obligation);
            let spread = calendar.spreads(rule.obligation) && is_calendar(rule.period);
            if spread {
                let slot = pace.entry((code, status.window)).or_default();
                slot.counts_behind = true;
                if status.due {
                    slot.owed += 1;
                } else {
                    slot.met += 1;
                }
            }
            if !status.due || held(input.holds, code, today, true) {
                continue;
            }
            if rule.obligation == Obligation::Sms {
                sms_owed_at_start = true;
            } else if spread {
                spread_due.push((status, rule.period));
            } else {
                in_queue_anyway = true;
            }
        }
        let put_off = snoozed(input.holds, today);
        if put_off && !snoozed_today(input.holds, today) {
            continue;
        }
        let signals = day_signals(policy, input, now);
        let mut waiting_signals = 0;
        for code in signals.iter().map(ReasonCode::of_signal) {
            if calendar.spreads_signal(code) {
                waiting_signals += 1;
                pace.entry((code, month)).or_default().owed += 1;
            } else {
                in_queue_anyway = true;
            }
        }
        if spread_due.is_empty() && waiting_signals == 0 && !in_queue_anyway {
            continue;
        }
        let missed_previous = spread_due
            .iter()
            .any(|(s, p)| s.overdue_days(*p, today, input.known_since) > 0);
        let oldest_met = spread_due
            .iter()
            .map(|(s, _)| s.last_satisfied.unwrap_or(NaiveDate::MIN))
            .min();
        candidates.push(Candidate {
            input,
            put_off,
            signals,
            owed: spread_due.len() + waiting_signals,
            in_queue_anyway,
            missed_previous,
            oldest_met,
        });
    }

    // 2. The day's share of the spread work, within the daily capacity.
    let plans: Vec<(bool, DayPlan)> = pace
        .iter()
        .map(|((_, window), p)| {
            (
                p.counts_behind,
                day_plan(calendar, *window, today, p.owed, p.met),
            )
        })
        .collect();
    let budget = plans
        .iter()
        .map(|(_, p)| p.share)
        .sum::<usize>()
        .min(calendar.daily_capacity);
    let behind = plans
        .iter()
        .filter(|(counts, _)| *counts)
        .map(|(_, p)| p.behind)
        .sum();
    let mut waiting: Vec<&Candidate> = candidates.iter().filter(|c| !c.in_queue_anyway).collect();
    let order = |a: &&Candidate, b: &&Candidate| {
        b.missed_previous
            .cmp(&a.missed_previous)
            .then(b.input.class.tier.cmp(&a.input.class.tier))
            .then(b.owed.cmp(&a.owed))
            .then(a.oldest_met.cmp(&b.oldest_met))
            .then(
                a.input
                    .customer
                    .customer_no
                    .cmp(&b.input.customer.customer_no),
            )
    };
    // Only the first `budget` in that order are needed, not the whole book sorted.
    if budget < waiting.len() {
        waiting.select_nth_unstable_by(budget, order);
        waiting.truncate(budget);
    }
    let chosen: std::collections::HashSet<&str> = waiting
        .iter()
        .map(|c| c.input.customer.customer_no.as_str())
        .collect();

    // 3. The rows of the plan, as they stand now: each reason open or answered.
    let mut rows = Vec::new();
    let mut finished = Vec::new();
    let (mut planned, mut done) = (0, 0);
    for c in &candidates {
        if !c.in_queue_anyway && !chosen.contains(c.input.customer.customer_no.as_str()) {
            continue;
        }
        planned += 1;
        if c.put_off {
            done += 1;
            continue;
        }
        let item = row::plan_row(policy, &rules, c, now);
        if item.reasons.is_empty() {
            // Everything it was planned for was answered (or dismissed) today.
            done += 1;
            if !item.answered.is_empty() {
                finished.push(item);
            }
        } else {
            rows.push(item);
        }
    }
    // Sunk rows (a call not reached a moment ago) go last, the soonest to rise first.
    rows.sort_by(|a, b| {
        a.sunk_until
            .cmp(&b.sunk_until)
            .then(b.score.total.total_cmp(&a.score.total))
            .then(b.tier.cmp(&a.tier))
            .then(a.customer_no.cmp(&b.customer_no))
    });
    finished.sort_by(|a, b| a.customer_no.cmp(&b.customer_no));

    // 4. The weekly SMS, owed now, as one row pinned first: it is seen before anything else.
    let sms_owed = sms_owed_now(&rules, inputs, today);
    if sms_owed_at_start {
        planned += 1;
        if sms_owed.is_empty() {
            done += 1;
        }
    }
    if !sms_owed.is_empty() {
        let score = policy
            .urgency
            .score(&[ReasonCode::SmsDue], 0.0, 0.0, Decimal::ZERO);
        rows.insert(
            0,
            QueueItem {
                customer_no: None,
                customer_name: None,
                tier: None,
                segment: None,
                reasons: vec![Reason::SmsOwed(sms_owed.len())],
                answered: Vec::new(),
                touched: Vec::new(),
                attempt_at: None,
                sunk_until: None,
                from_share: false,
                suggested: EntryKind::Sms,
                score,
                members: sms_owed,
                overdue: false,
            },
        );
    }
    TodayQueue {
        overdue: rows.iter().filter(|r| r.overdue).count(),
        share_left: rows.iter().filter(|r| r.from_share).count(),
        items: rows,
        finished,
        planned,
        done,
        behind,
        spread_today: chosen.len(),
        working_day,
    }
}

/// Customers still owed this week's SMS now (neither snoozed nor dismissed),
/// by number.
fn sms_owed_now(rules: &RulesByTier, inputs: &[QueueInput<'_>], today: NaiveDate) -> Vec<String> {
    let mut owed: Vec<String> = inputs
        .iter()
        // What satisfies the SMS is the cadence's: a call today does not, so it is still owed.
        .filter(|input| {
            !snoozed(input.holds, today) && !held(input.holds, ReasonCode::SmsDue, today, false)
        })
        .filter(|input| {
            rules
                .of(input)
                .iter()
                .filter(|r| r.obligation == Obligation::Sms)
                .any(|r| r.status_of(input.contacts, today).due)
        })
        .map(|input| input.customer.customer_no.clone())
        .collect();
    owed.sort();
    owed
}

/// The first day of the ISO week containing `day` (for the aggregated SMS row's wording).
pub fn week_start(day: NaiveDate) -> NaiveDate {
    super::period::Period::Week(day).range().0
}

/// Where "snooze until next week" leads: the Monday after `day`.
pub fn next_monday(day: NaiveDate) -> NaiveDate {
    day + Duration::days(7 - i64::from(day.weekday().num_days_from_monday()))
}
