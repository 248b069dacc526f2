//! The daily work queue (without the spreading of monthly and yearly work over the month, which comes next): per customer, the due obligations and the signals merged into one row with an explainable score; the weekly SMS as one aggregated row; customers already contacted today left out. Pure.

use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;

use super::cadence::{Obligation, ObligationStatus};
use super::customer::{Holding, Snapshot};
use super::diary::{DiaryEntry, EntryKind};
use super::money::format_plain;
use super::policy::Policy;
use super::portfolio::CustomerSummary;
use super::signals::{CustomerFacts, Signal, signals};
use super::urgency::{ReasonCode, Score, overdue_share};

/// Why a row is in the queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    Signal(Signal),
    Obligation(ObligationStatus),
    /// The weekly SMS still owed to this many customers.
    SmsOwed(usize),
}

impl Reason {
    /// The contract's code.
    pub fn code(&self) -> ReasonCode {
        match self {
            Reason::Signal(s) => ReasonCode::of_signal(s),
            Reason::Obligation(o) => ReasonCode::of_obligation(o.obligation),
            Reason::SmsOwed(_) => ReasonCode::SmsDue,
        }
    }

    /// A short language-neutral detail for scripts: dates, amounts, counts.
    pub fn detail(&self) -> String {
        match self {
            Reason::Signal(Signal::Callback { due_at, .. }) => {
                due_at.format("%Y-%m-%d %H:%M").to_string()
            }
            Reason::Signal(Signal::Maturity {
                product_name,
                amount,
                on,
                ..
            }) => format!("{on} {} {product_name}", format_plain(*amount)),
            Reason::Signal(Signal::LargeOutflow { drop, on }) => {
                format!("{on} -{}", format_plain(*drop))
            }
            Reason::Signal(Signal::Birthday { on, .. }) => on.to_string(),
            Reason::Signal(Signal::RiskAssessment { expires_on, .. }) => expires_on
                .map(|d| d.to_string())
                .unwrap_or_else(|| "never assessed".into()),
            Reason::Signal(Signal::Upgrade { gap, .. }) => format!("+{}", format_plain(*gap)),
            Reason::Signal(Signal::DowngradeRisk { margin }) => {
                format!("{} above", format_plain(*margin))
            }
            Reason::Signal(Signal::NewCustomer { first_trade_on }) => first_trade_on.to_string(),
            Reason::Signal(Signal::Dormant) => String::new(),
            Reason::Obligation(o) => match o.last_satisfied {
                Some(d) => format!("last {d}, due since {}", o.window.0),
                None => format!("never, due since {}", o.window.0),
            },
            Reason::SmsOwed(n) => format!("{n} customers"),
        }
    }
}

/// One row of the queue.
#[derive(Debug, Clone, PartialEq)]
pub struct QueueItem {
    /// `None` for the aggregated weekly-SMS row.
    pub customer_no: Option<String>,
    pub customer_name: Option<String>,
    /// Index into the policy's tiers (`None` for the aggregated row).
    pub tier: Option<usize>,
    pub reasons: Vec<Reason>,
    pub suggested: EntryKind,
    pub score: Score,
    /// For the aggregated row: the customers still owed this week's SMS.
    pub members: Vec<String>,
}

/// One customer's data for the queue.
pub struct QueueInput<'a> {
    pub summary: &'a CustomerSummary,
    /// Snapshots, oldest first.
    pub snapshots: &'a [Snapshot],
    pub holdings: &'a [Holding],
    /// Live diary entries of the customer.
    pub entries: &'a [DiaryEntry],
}

/// Kinds that count as having contacted a customer today (the row then leaves the queue).
fn is_contact(kind: EntryKind) -> bool {
    matches!(
        kind,
        EntryKind::Call | EntryKind::Sms | EntryKind::Wechat | EntryKind::Visit | EntryKind::Sale
    )
}

/// Builds the queue on `now`'s day, highest score first; ties by tier (highest first), then
/// by customer number, so the order never depends on the input's order.
pub fn build_queue(
    policy: &Policy,
    inputs: &[QueueInput<'_>],
    now: NaiveDateTime,
) -> Vec<QueueItem> {
    let today = now.date();
    let top_tier = policy.tiers.len().saturating_sub(1).max(1) as f64;
    let mut rows = Vec::new();
    let mut sms_owed: Vec<String> = Vec::new();
    for input in inputs {
        let s = input.summary;
        let contacted_today = input
            .entries
            .iter()
            .any(|e| !e.deleted && is_contact(e.draft.kind) && e.draft.occurred_at.date() == today);
        if contacted_today {
            continue;
        }
        let tier_key = policy
            .tiers
            .get(s.class.tier)
            .map(|t| t.key.as_str())
            .unwrap_or("");
        let mut reasons = Vec::new();
        let mut overdue: f64 = 0.0;
        for rule in policy.cadence.rules_for(tier_key) {
            let mut status = rule.status(input.entries, today);
            // The imported assessment date counts for the review as a logged one does.
            if status.obligation == Obligation::RiskReview
                && let Some(on) = s.customer.risk_assessed_on.filter(|d| *d <= today)
                && status.last_satisfied.is_none_or(|l| l < on)
            {
                status.last_satisfied = Some(on);
                status.due = on < status.window.0;
            }
            if !status.due {
                continue;
            }
            if status.obligation == Obligation::Sms {
                sms_owed.push(s.customer.customer_no.clone());
                continue;
            }
            overdue = overdue.max(overdue_share(&status, today));
            reasons.push(Reason::Obligation(status));
        }
        let facts = CustomerFacts {
            customer: &s.customer,
            class: &s.class,
            snapshots: input.snapshots,
            holdings: input.holdings,
            entries: input.entries,
        };
        let mut at_stake = Decimal::ZERO;
        for signal in signals(policy, &facts, now) {
            match &signal {
                Signal::Maturity { amount, .. } => at_stake = at_stake.max(*amount),
                Signal::LargeOutflow { drop, .. } => at_stake = at_stake.max(*drop),
                _ => {}
            }
            // An expired assessment and the quarterly review are one reason, not two.
            if matches!(signal, Signal::RiskAssessment { .. })
                && reasons
                    .iter()
                    .any(|r| r.code() == ReasonCode::RiskAssessment)
            {
                continue;
            }
            reasons.push(Reason::Signal(signal));
        }
        if reasons.is_empty() {
            continue;
        }
        let codes: Vec<ReasonCode> = reasons.iter().map(Reason::code).collect();
        let score = policy
            .urgency
            .score(&codes, s.class.tier as f64 / top_tier, overdue, at_stake);
        let suggested = strongest(policy, &codes).suggested();
        rows.push(QueueItem {
            customer_no: Some(s.customer.customer_no.clone()),
            customer_name: Some(s.customer.name.clone()),
            tier: Some(s.class.tier),
            reasons,
            suggested,
            score,
            members: Vec::new(),
        });
    }
    rows.sort_by(|a, b| {
        b.score
            .total
            .total_cmp(&a.score.total)
            .then(b.tier.cmp(&a.tier))
            .then(a.customer_no.cmp(&b.customer_no))
    });
    if !sms_owed.is_empty() {
        sms_owed.sort();
        let score = policy
            .urgency
            .score(&[ReasonCode::SmsDue], 0.0, 0.0, Decimal::ZERO);
        rows.push(QueueItem {
            customer_no: None,
            customer_name: None,
            tier: None,
            reasons: vec![Reason::SmsOwed(sms_owed.len())],
            suggested: EntryKind::Sms,
            score,
            members: sms_owed,
        });
    }
    rows
}

/// The reason with the largest coefficient decides how to get in touch.
fn strongest(policy: &Policy, codes: &[ReasonCode]) -> ReasonCode {
    codes
        .iter()
        .copied()
        .max_by(|a, b| {
            let ca = policy.urgency.score(&[*a], 0.0, 0.0, Decimal::ZERO).total;
            let cb = policy.urgency.score(&[*b], 0.0, 0.0, Decimal::ZERO).total;
            ca.total_cmp(&cb).then(b.cmp(a))
        })
        .unwrap_or(ReasonCode::ContactDue)
}

/// The first day of the ISO week containing `day` (for the aggregated SMS row's wording).
pub fn week_start(day: NaiveDate) -> NaiveDate {
    super::period::Period::Week(day).range().0
}
