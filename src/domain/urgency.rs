//! The explainable urgency score of a queue row: the reasons a customer needs attention (due obligations and signals), each a term in [0, 1] times a policy coefficient, plus tier, how overdue, and the money at stake. Pure; the policy's `[urgency]`.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};

use super::cadence::{Obligation, ObligationStatus};
use super::diary::EntryKind;
use super::signals::Signal;

/// The `[urgency]` coefficients.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UrgencyPolicy {
    pub callback: f64,
    pub maturity: f64,
    pub large_outflow: f64,
    pub new_customer: f64,
    pub contact_due: f64,
    pub downgrade_risk: f64,
    pub birthday: f64,
    pub sale_due: f64,
    pub upgrade: f64,
    pub visit_due: f64,
    pub risk_assessment: f64,
    pub risk_review: f64,
    pub dormant: f64,
    pub sms_due: f64,
    pub tier: f64,
    pub overdue: f64,
    pub amount: f64,
    /// Money at stake that counts fully (in yuan).
    pub amount_scale: Decimal,
}

/// The reason codes of the queue's JSON contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReasonCode {
    Callback,
    Maturity,
    LargeOutflow,
    Birthday,
    RiskAssessment,
    RiskReview,
    ContactDue,
    VisitDue,
    SaleDue,
    SmsDue,
    Upgrade,
    DowngradeRisk,
    NewCustomer,
    Dormant,
}

impl ReasonCode {
    /// The code as scripts see it.
    pub fn key(self) -> &'static str {
        match self {
            ReasonCode::Callback => "callback",
            ReasonCode::Maturity => "maturity",
            ReasonCode::LargeOutflow => "large_outflow",
            ReasonCode::Birthday => "birthday",
            ReasonCode::RiskAssessment => "risk_assessment",
            ReasonCode::RiskReview => "risk_review",
            ReasonCode::ContactDue => "contact_due",
            ReasonCode::VisitDue => "visit_due",
            ReasonCode::SaleDue => "sale_due",
            ReasonCode::SmsDue => "sms_due",
            ReasonCode::Upgrade => "upgrade",
            ReasonCode::DowngradeRisk => "downgrade_risk",
            ReasonCode::NewCustomer => "new_customer",
            ReasonCode::Dormant => "dormant",
        }
    }

    /// Every code, in the contract's order.
    pub const ALL: [ReasonCode; 14] = [
        ReasonCode::Callback,
        ReasonCode::Maturity,
        ReasonCode::LargeOutflow,
        ReasonCode::Birthday,
        ReasonCode::RiskAssessment,
        ReasonCode::RiskReview,
        ReasonCode::ContactDue,
        ReasonCode::VisitDue,
        ReasonCode::SaleDue,
        ReasonCode::SmsDue,
        ReasonCode::Upgrade,
        ReasonCode::DowngradeRisk,
        ReasonCode::NewCustomer,
        ReasonCode::Dormant,
    ];

    /// True for the codes of signals.
    pub fn is_signal(self) -> bool {
        !matches!(
            self,
            ReasonCode::ContactDue
                | ReasonCode::VisitDue
                | ReasonCode::SaleDue
                | ReasonCode::SmsDue
                | ReasonCode::RiskReview
        )
    }

    /// Reads a code as `key` writes it.
    pub fn from_key(key: &str) -> Option<ReasonCode> {
        ReasonCode::ALL.into_iter().find(|c| c.key() == key)
    }

    /// The way of contact that answers this reason best.
    pub fn suggested(self) -> EntryKind {
        match self {
            ReasonCode::VisitDue
            | ReasonCode::SaleDue
            | ReasonCode::RiskAssessment
            | ReasonCode::RiskReview => EntryKind::Visit,
            ReasonCode::SmsDue => EntryKind::Sms,
            _ => EntryKind::Call,
        }
    }

    /// The code of a signal.
    pub fn of_signal(s: &Signal) -> ReasonCode {
        match s {
            Signal::Callback { .. } => ReasonCode::Callback,
            Signal::Maturity { .. } => ReasonCode::Maturity,
            Signal::LargeOutflow { .. } => ReasonCode::LargeOutflow,
            Signal::Birthday { .. } => ReasonCode::Birthday,
            Signal::RiskAssessment { .. } => ReasonCode::RiskAssessment,
            Signal::Upgrade { .. } => ReasonCode::Upgrade,
            Signal::DowngradeRisk { .. } => ReasonCode::DowngradeRisk,
            Signal::NewCustomer { .. } => ReasonCode::NewCustomer,
            Signal::Dormant => ReasonCode::Dormant,
        }
    }

    /// The code of a due obligation. The quarterly risk review has its own code: it never
    /// stands for (or hides) an assessment that expires.
    pub fn of_obligation(o: Obligation) -> ReasonCode {
        match o {
            Obligation::Sms => ReasonCode::SmsDue,
            Obligation::Contact => ReasonCode::ContactDue,
            Obligation::Visit => ReasonCode::VisitDue,
            Obligation::Sale => ReasonCode::SaleDue,
            Obligation::RiskReview => ReasonCode::RiskReview,
        }
    }
}

/// One term of a score: what it is, its value in [0, 1], its coefficient, and their product.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Term {
    pub name: &'static str,
    pub value: f64,
    pub coefficient: f64,
    pub product: f64,
}

/// A score and how it was reached.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Score {
    pub total: f64,
    pub terms: Vec<Term>,
}

impl UrgencyPolicy {
    /// The first coefficient below zero, by key (scores must only rise with a reason).
    pub fn negative_key(&self) -> Option<&'static str> {
        let all = [
            ("callback", self.callback),
            ("maturity", self.maturity),
            ("large_outflow", self.large_outflow),
            ("new_customer", self.new_customer),
            ("contact_due", self.contact_due),
            ("downgrade_risk", self.downgrade_risk),
            ("birthday", self.birthday),
            ("sale_due", self.sale_due),
            ("upgrade", self.upgrade),
            ("visit_due", self.visit_due),
            ("risk_assessment", self.risk_assessment),
            ("risk_review", self.risk_review),
            ("dormant", self.dormant),
            ("sms_due", self.sms_due),
            ("tier", self.tier),
            ("overdue", self.overdue),
            ("amount", self.amount),
        ];
        if self.amount_scale < Decimal::ZERO {
            return Some("amount_scale");
        }
        // NaN and infinity are refused too: a score must stay a finite number (the queue's
        // JSON cannot carry an infinite one).
        all.iter()
            .find(|(_, v)| !v.is_finite() || *v < 0.0)
            .map(|(k, _)| *k)
    }

    /// The coefficient of a reason's term.
    pub fn coefficient(&self, code: ReasonCode) -> f64 {
        match code {
            ReasonCode::Callback => self.callback,
            ReasonCode::Maturity => self.maturity,
            ReasonCode::LargeOutflow => self.large_outflow,
            ReasonCode::Birthday => self.birthday,
            ReasonCode::RiskAssessment => self.risk_assessment,
            ReasonCode::RiskReview => self.risk_review,
            ReasonCode::ContactDue => self.contact_due,
            ReasonCode::VisitDue => self.visit_due,
            ReasonCode::SaleDue => self.sale_due,
            ReasonCode::SmsDue => self.sms_due,
            ReasonCode::Upgrade => self.upgrade,
            ReasonCode::DowngradeRisk => self.downgrade_risk,
            ReasonCode::NewCustomer => self.new_customer,
            ReasonCode::Dormant => self.dormant,
        }
    }

    /// Scores a customer's reasons. `tier_rank` is the tier's position over the highest
    /// (0 lowest, 1 highest); `overdue` is the largest share of a due obligation's period
    /// already gone; `at_stake` the largest maturity or outflow amount.
    pub fn score(
        &self,
        codes: &[ReasonCode],
        tier_rank: f64,
        overdue: f64,
        at_stake: Decimal,
    ) -> Score {
        let mut codes = codes.to_vec();
        codes.sort();
        codes.dedup();
        let mut terms: Vec<Term> = codes
            .iter()
            .map(|c| term(c.key(), 1.0, self.coefficient(*c)))
            .collect();
        terms.push(term("tier", tier_rank.clamp(0.0, 1.0), self.tier));
        terms.push(term("overdue", overdue.clamp(0.0, 1.0), self.overdue));
        let amount = if self.amount_scale > Decimal::ZERO {
            // Checked: a tiny scale over a large amount would overflow; either way the term is 1.
            at_stake
                .checked_div(self.amount_scale)
                .unwrap_or(Decimal::ONE)
                .min(Decimal::ONE)
                .max(Decimal::ZERO)
        } else {
            Decimal::ZERO
        };
        terms.push(term("amount", amount.to_f64().unwrap_or(0.0), self.amount));
        // Rounded so that equal inputs print and compare equal everywhere.
        let total = round3(terms.iter().map(|t| t.product).sum());
        Score { total, terms }
    }
}

fn term(name: &'static str, value: f64, coefficient: f64) -> Term {
    Term {
        name,
        value: round3(value),
        coefficient,
        product: round3(value * coefficient),
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// How far into its window a due obligation is: 0 on the first day, 1 on the last.
pub fn overdue_share(status: &ObligationStatus, today: chrono::NaiveDate) -> f64 {
    if !status.due {
        return 0.0;
    }
    let (start, end) = status.window;
    let length = (end - start).num_days().max(1) as f64;
    ((today - start).num_days() as f64 / length).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::policy::Policy;
    use chrono::NaiveDate;

    #[test]
    fn the_score_is_the_sum_of_its_terms() {
        let p = Policy::default_policy();
        let s = p.urgency.score(
            &[
                ReasonCode::Maturity,
                ReasonCode::ContactDue,
                ReasonCode::Maturity,
            ],
            1.0,
            0.5,
            Decimal::from(300_000),
        );
        // maturity 8 + contact 4 + tier 3×1 + overdue 4×0.5 + amount 4×0.3 = 18.2
        assert_eq!(s.total, 18.2);
        let names: Vec<&str> = s.terms.iter().map(|t| t.name).collect();
        assert_eq!(
            names,
            ["maturity", "contact_due", "tier", "overdue", "amount"]
        );
        let sum: f64 = s.terms.iter().map(|t| t.product).sum();
        assert!((sum - s.total).abs() < 1e-9);
    }

    #[test]
    fn negative_coefficients_are_refused() {
        let e = Policy::from_toml(&["[urgency]\nbirthday = -1.0\n"]).unwrap_err();
        assert_eq!(e.key, "urgency.birthday");
    }

    #[test]
    fn overdue_runs_across_the_period() {
        let d = |day| NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
        let status = ObligationStatus {
            obligation: Obligation::Contact,
            window: (d(1), d(30)),
            last_satisfied: None,
            due: true,
        };
        assert_eq!(overdue_share(&status, d(1)), 0.0);
        assert_eq!(overdue_share(&status, d(30)), 1.0);
        assert!((overdue_share(&status, d(16)) - 15.0 / 29.0).abs() < 1e-9);
        let met = ObligationStatus {
            due: false,
            ..status
        };
        assert_eq!(overdue_share(&met, d(16)), 0.0);
    }
}
