//! Signals the daily queue watches besides the cadence: call-backs due, maturities, large outflows, birthdays, risk assessments expiring, upgrade and downgrade, new-customer care, dormancy. Pure functions of one customer's data and an explicit day; thresholds from the policy's `[signals]`.

use chrono::{Datelike, Months, NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;
use serde::Deserialize;

use super::answers::answerable_from;
use super::classify::{Classification, Lifecycle};
use super::contacts::ContactFacts;
use super::customer::{Customer, Holding, ProductKind, Snapshot};
use super::policy::Policy;
use super::urgency::ReasonCode;

/// The `[signals]` section.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignalPolicy {
    pub maturity_within_days: u32,
    /// A maturity passed without a contact that answers it stays this many days, overdue.
    pub maturity_passed_days: u32,
    pub large_outflow_amount: Decimal,
    pub large_outflow_share: Decimal,
    pub birthday_within_days: u32,
    pub risk_assessment_valid_months: u32,
    pub risk_expiring_within_days: u32,
    pub upgrade_within_share: Decimal,
    pub downgrade_within_share: Decimal,
    pub new_customer_within_days: u32,
}

/// Something about a customer that asks for action, with what the reason line needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Signal {
    /// A follow-up the manager set, due now (less the policy's lead time) or overdue, not yet
    /// answered (`[answers] callback`) at or after its time.
    Callback {
        due_at: NaiveDateTime,
        /// When the entry that set it happened: only what comes after it answers it.
        set_at: NaiveDateTime,
        entry_id: i64,
    },
    /// A holding maturing soon (`days` from today, 0 = today), or matured a few days ago
    /// (`days` below 0) without a contact that answers it: then it is overdue.
    Maturity {
        kind: ProductKind,
        product_name: String,
        amount: Decimal,
        on: NaiveDate,
        days: i64,
    },
    /// AUM fell by `drop` between the last two snapshots.
    LargeOutflow { drop: Decimal, on: NaiveDate },
    /// A birthday `days` from today (0 = today).
    Birthday { on: NaiveDate, days: i64 },
    /// The risk assessment expired (or was never done), or expires in `days`.
    RiskAssessment {
        expires_on: Option<NaiveDate>,
        days: Option<i64>,
    },
    /// AUM within reach of the next tier: `gap` more reaches tier `next`.
    Upgrade { next: usize, gap: Decimal },
    /// AUM just above its own tier's threshold and falling.
    DowngradeRisk { margin: Decimal },
    /// First trade recently and not contacted since.
    NewCustomer { first_trade_on: NaiveDate },
    /// No contact and no balance change for a long time (the lifecycle says dormant).
    Dormant,
}

/// One customer's data as the signals read it.
pub struct CustomerFacts<'a> {
    pub customer: &'a Customer,
    pub class: &'a Classification,
    /// Snapshots, oldest first.
    pub snapshots: &'a [Snapshot],
    pub holdings: &'a [Holding],
    /// The customer's diary, relative to the day.
    pub contacts: &'a ContactFacts,
}

/// Every signal that holds for the customer on `now`'s day.
pub fn signals(policy: &Policy, facts: &CustomerFacts<'_>, now: NaiveDateTime) -> Vec<Signal> {
    let today = now.date();
    let rules = &policy.signals;
    let mut out = Vec::new();
    out.extend(callbacks(policy, facts.contacts, now));
    for h in facts.holdings {
        if let Some(on) = h.maturity_on {
            let days = (on - today).num_days();
            let passed = -i64::from(rules.maturity_passed_days);
            if (passed..=i64::from(rules.maturity_within_days)).contains(&days) {
                out.push(Signal::Maturity {
                    kind: h.kind,
                    product_name: h.product_name.clone(),
                    amount: h.amount,
                    on,
                    days,
                });
            }
        }
    }
    if let [.., before, last] = facts.snapshots {
        let (a, b) = (before.balances.aum(), last.balances.aum());
        let drop = a - b;
        if drop > Decimal::ZERO
            && (drop >= rules.large_outflow_amount || drop >= a * rules.large_outflow_share)
        {
            out.push(Signal::LargeOutflow {
                drop,
                on: last.as_of,
            });
        }
    }
    if let Some(birth) = facts.customer.effective_birth_date() {
        let on = next_birthday(birth, today);
        let days = (on - today).num_days();
        if days <= i64::from(rules.birthday_within_days) {
            out.push(Signal::Birthday { on, days });
        }
    }
    out.extend(risk_assessment(
        rules,
        facts.customer.risk_assessed_on,
        today,
    ));
    out.extend(tier_signals(policy, facts));
    if let Some(first) = facts.customer.first_trade_on {
        let days = (today - first).num_days();
        let contacted = facts
            .contacts
            .last(|k, o| policy.answering.accepts(ReasonCode::NewCustomer, k, o))
            .is_some_and(|t| t.date() >= first);
        if (0..i64::from(rules.new_customer_within_days)).contains(&days) && !contacted {
            out.push(Signal::NewCustomer {
                first_trade_on: first,
            });
        }
    }
    if facts.class.lifecycle == Lifecycle::Dormant {
        out.push(Signal::Dormant);
    }
    out
}

/// Follow-ups due by `now` (less the lead time) that nothing answered at or after their time.
fn callbacks(policy: &Policy, contacts: &ContactFacts, now: NaiveDateTime) -> Vec<Signal> {
    let lead = policy.queue.lead();
    let answered_at = contacts.last(|k, o| policy.answering.accepts(ReasonCode::Callback, k, o));
    contacts
        .follow_ups
        .iter()
        .filter(|f| f.due_at - lead <= now)
        .map(|f| Signal::Callback {
            due_at: f.due_at,
            set_at: f.set_at,
            entry_id: f.entry_id,
        })
        .filter(|s| {
            let from = answerable_from(policy, s, now.date());
            answered_at.is_none_or(|t| t < from)
        })
        .collect()
}

/// The next birthday on or after `today`; 29 February is kept on 28 February in other years.
pub fn next_birthday(birth: NaiveDate, today: NaiveDate) -> NaiveDate {
    let on = |year: i32| {
        NaiveDate::from_ymd_opt(year, birth.month(), birth.day())
            .or_else(|| NaiveDate::from_ymd_opt(year, 2, 28))
            .unwrap_or(today)
    };
    let this_year = on(today.year());
    if this_year >= today {
        this_year
    } else {
        on(today.year() + 1)
    }
}

fn risk_assessment(
    rules: &SignalPolicy,
    assessed_on: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<Signal> {
    let Some(on) = assessed_on else {
        return Some(Signal::RiskAssessment {
            expires_on: None,
            days: None,
        });
    };
    let expires_on = on.checked_add_months(Months::new(rules.risk_assessment_valid_months))?;
    let days = (expires_on - today).num_days();
    (days <= i64::from(rules.risk_expiring_within_days)).then_some(Signal::RiskAssessment {
        expires_on: Some(expires_on),
        days: Some(days),
    })
}

fn tier_signals(policy: &Policy, facts: &CustomerFacts<'_>) -> Vec<Signal> {
    let rules = &policy.signals;
    let aum = facts.class.aum;
    let tier = facts.class.tier;
    let mut out = Vec::new();
    if let Some(next) = policy.tiers.get(tier + 1) {
        let gap = next.min - aum;
        if gap > Decimal::ZERO && aum >= next.min * (Decimal::ONE - rules.upgrade_within_share) {
            out.push(Signal::Upgrade {
                next: tier + 1,
                gap,
            });
        }
    }
    if tier > 0
        && let Some(own) = policy.tiers.get(tier)
    {
        let floor = own.min;
        let falling = match facts.snapshots {
            [.., before, last] => last.balances.aum() < before.balances.aum(),
            _ => false,
        };
        if falling && aum < floor * (Decimal::ONE + rules.downgrade_within_share) {
            out.push(Signal::DowngradeRisk {
                margin: aum - floor,
            });
        }
    }
    out
}
