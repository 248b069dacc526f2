//! One row of the day's plan as it stands now: each of its reasons open or answered by an entry of the day, scored on those still open, sunk for a while after a call not reached, and the way of contact its weightiest reason suggests. Pure.

use chrono::NaiveDateTime;
use rust_decimal::Decimal;

use super::{
    Answered, Candidate, QueueItem, Reason, RulesByTier, answered, held, judged, obligation_reason,
    signal_held,
};
use crate::domain::cadence::Obligation;
use crate::domain::policy::Policy;
use crate::domain::signals::Signal;
use crate::domain::urgency::{ReasonCode, overdue_share};

/// One row of the plan at `now`: its reasons of the day, each open or answered by an entry of
/// the day, scored on those still open.
pub(super) fn plan_row(
    policy: &Policy,
    rules: &RulesByTier,
    c: &Candidate<'_>,
    now: NaiveDateTime,
) -> QueueItem {
    let today = now.date();
    let input = c.input;
    let facts = input.contacts;
    let mut reasons = Vec::new();
    let mut answered_reasons = Vec::new();
    let mut overdue: f64 = 0.0;
    for rule in rules.of(input) {
        if rule.obligation == Obligation::Sms {
            continue;
        }
        let status = judged(rule, input.customer, facts, today, true);
        let code = ReasonCode::of_obligation(rule.obligation);
        if !status.due || held(input.holds, code, today, false) {
            continue;
        }
        let reason = obligation_reason(status, rule.period, today, input.known_since);
        match answered::obligation_answer(rule, facts) {
            Some(by) => answered_reasons.push(Answered { reason, by }),
            None => {
                let share = if reason.is_overdue(now) {
                    1.0
                } else {
                    overdue_share(&status, today)
                };
                overdue = overdue.max(share);
                reasons.push(reason);
            }
        }
    }
    let mut at_stake = Decimal::ZERO;
    for signal in c.signals.iter().cloned() {
        // Dismissed during the day: settled, neither open nor answered.
        if signal_held(policy, input.holds, &signal, today, false) {
            continue;
        }
        if let Some(by) = answered::signal_answer(policy, &signal, facts, now) {
            answered_reasons.push(Answered {
                reason: Reason::Signal(signal),
                by,
            });
            continue;
        }
        match &signal {
            Signal::Maturity { amount, .. } => at_stake = at_stake.max(*amount),
            Signal::LargeOutflow { drop, .. } => at_stake = at_stake.max(*drop),
            _ => {}
        }
        reasons.push(Reason::Signal(signal));
    }
    let codes: Vec<ReasonCode> = reasons.iter().map(Reason::code).collect();
    let top_tier = policy.tiers.len().saturating_sub(1).max(1) as f64;
    let score = policy.urgency.score(
        &codes,
        input.class.tier as f64 / top_tier,
        overdue,
        at_stake,
    );
    let attempt_at = answered::last_attempt(facts);
    // A call-back set with the attempt ("+1h") lifts the row when it falls due, even before
    // the retry interval is over.
    let called_back = |at: NaiveDateTime| {
        reasons
            .iter()
            .any(|r| matches!(r, Reason::Signal(Signal::Callback { set_at, .. }) if *set_at >= at))
    };
    let sunk_until = attempt_at
        .filter(|at| !called_back(*at))
        .map(|at| at + policy.queue.retry())
        .filter(|until| *until > now);
    QueueItem {
        customer_no: Some(input.customer.customer_no.clone()),
        customer_name: Some(input.customer.name.clone()),
        tier: Some(input.class.tier),
        segment: Some((input.class.age, input.class.preference)),
        overdue: reasons.iter().any(|r| r.is_overdue(now)),
        suggested: strongest(policy, &codes).suggested(),
        reasons,
        answered: answered_reasons,
        touched: facts
            .on_day
            .iter()
            .filter(|e| e.at <= now)
            .copied()
            .collect(),
        attempt_at,
        sunk_until,
        from_share: !c.in_queue_anyway,
        score,
        members: Vec::new(),
    }
}

/// The reason with the largest coefficient decides how to get in touch.
fn strongest(policy: &Policy, codes: &[ReasonCode]) -> ReasonCode {
    codes
        .iter()
        .copied()
        .max_by(|a, b| {
            let (ca, cb) = (
                policy.urgency.coefficient(*a),
                policy.urgency.coefficient(*b),
            );
            ca.total_cmp(&cb).then(b.cmp(a))
        })
        .unwrap_or(ReasonCode::ContactDue)
}
