//! What answers each reason of the daily queue (a maturity is answered by a reached call, a visit or a sale; a birthday by any greeting, an SMS included; a call-back by a reached call or visit at or after its time), and the queue's times of day: how early a call-back enters the queue, how long a row sinks after a call that did not reach the customer. Pure; the policy's `[answers]` and `[queue]`. The cadence obligations are answered by their own `satisfied_by`.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use serde::Deserialize;

use super::cadence::{CadencePeriod, Satisfier};
use super::diary::{EntryKind, Outcome};
use super::policy::{Policy, PolicyProblem};
use super::signals::Signal;
use super::urgency::ReasonCode;

/// The `[answers]` section: per signal, the diary kinds (with an outcome where it matters) that
/// answer it, written as the cadence's `satisfied_by` is.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswersPolicy {
    pub callback: Vec<String>,
    pub maturity: Vec<String>,
    pub large_outflow: Vec<String>,
    pub birthday: Vec<String>,
    pub risk_assessment: Vec<String>,
    pub upgrade: Vec<String>,
    pub downgrade_risk: Vec<String>,
    pub new_customer: Vec<String>,
    pub dormant: Vec<String>,
}

/// The `[queue]` section: the times of day the queue keeps.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QueueTimes {
    /// A call-back enters the queue this many minutes before its time (0: at its time).
    pub callback_lead_minutes: u32,
    /// After a call or WeChat call that did not reach the customer, their row sinks to the
    /// bottom of the queue for this many minutes, then rises to its place again.
    pub retry_after_minutes: u32,
}

/// The longest lead or retry the policy accepts: a day.
const MAX_MINUTES: u32 = 24 * 60;

impl QueueTimes {
    /// Checks the minutes; the error names the key.
    pub fn validate(&self) -> Result<(), (String, PolicyProblem)> {
        for (key, minutes) in [
            ("callback_lead_minutes", self.callback_lead_minutes),
            ("retry_after_minutes", self.retry_after_minutes),
        ] {
            if minutes > MAX_MINUTES {
                return Err((format!("queue.{key}"), PolicyProblem::TooLarge));
            }
        }
        Ok(())
    }

    /// How early a call-back enters the queue.
    pub fn lead(&self) -> Duration {
        Duration::minutes(i64::from(self.callback_lead_minutes))
    }

    /// How long a row sinks after an attempt.
    pub fn retry(&self) -> Duration {
        Duration::minutes(i64::from(self.retry_after_minutes))
    }
}

/// The answers read and checked: per signal code, what answers it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answering {
    by_code: Vec<(ReasonCode, Vec<Satisfier>)>,
}

impl AnswersPolicy {
    fn lists(&self) -> [(ReasonCode, &Vec<String>); 9] {
        [
            (ReasonCode::Callback, &self.callback),
            (ReasonCode::Maturity, &self.maturity),
            (ReasonCode::LargeOutflow, &self.large_outflow),
            (ReasonCode::Birthday, &self.birthday),
            (ReasonCode::RiskAssessment, &self.risk_assessment),
            (ReasonCode::Upgrade, &self.upgrade),
            (ReasonCode::DowngradeRisk, &self.downgrade_risk),
            (ReasonCode::NewCustomer, &self.new_customer),
            (ReasonCode::Dormant, &self.dormant),
        ]
    }

    /// Reads every item; the error names the key (`answers.maturity[2]`).
    pub fn answering(&self) -> Result<Answering, (String, PolicyProblem)> {
        let mut by_code = Vec::new();
        for (code, items) in self.lists() {
            let mut satisfiers = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let s = Satisfier::parse(item).ok_or_else(|| {
                    (
                        format!("answers.{}[{i}]", code.key()),
                        PolicyProblem::BadSatisfier,
                    )
                })?;
                satisfiers.push(s);
            }
            by_code.push((code, satisfiers));
        }
        Ok(Answering { by_code })
    }
}

impl Answering {
    /// What answers a signal of `code` (nothing for a code the section does not list).
    pub fn satisfiers(&self, code: ReasonCode) -> &[Satisfier] {
        self.by_code
            .iter()
            .find(|(c, _)| *c == code)
            .map_or(&[], |(_, list)| list.as_slice())
    }

    /// True when an entry of this kind and outcome answers a signal of `code`.
    pub fn accepts(&self, code: ReasonCode, kind: EntryKind, outcome: Option<Outcome>) -> bool {
        self.satisfiers(code)
            .iter()
            .any(|s| s.accepts_kind(kind, outcome))
    }
}

/// From when an entry answers the signal: a call-back from its time (less the lead), and only
/// after the entry that set it; a maturity or a birthday from the day it came into the window;
/// an outflow from the snapshot that showed it; a new customer from the first trade; the
/// standing signals (upgrade, downgrade, dormant, an expiring assessment) from the first of
/// the month, so they come back each month until something changes.
pub fn answerable_from(policy: &Policy, signal: &Signal, today: NaiveDate) -> NaiveDateTime {
    let day = |d: NaiveDate| d.and_hms_opt(0, 0, 0).unwrap_or_default();
    let rules = &policy.signals;
    match signal {
        Signal::Callback { due_at, set_at, .. } => {
            (*due_at - policy.queue.lead()).max(*set_at + Duration::seconds(1))
        }
        Signal::Maturity { on, .. } => {
            day(*on - Duration::days(i64::from(rules.maturity_within_days)))
        }
        Signal::Birthday { on, .. } => {
            day(*on - Duration::days(i64::from(rules.birthday_within_days)))
        }
        Signal::LargeOutflow { on, .. } => day(*on),
        Signal::NewCustomer { first_trade_on } => day(*first_trade_on),
        Signal::RiskAssessment { .. }
        | Signal::Upgrade { .. }
        | Signal::DowngradeRisk { .. }
        | Signal::Dormant => day(CadencePeriod::Month.window(today).0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_answer_names_its_key() {
        let text = "[answers]\nmaturity = [\"call:reached\", \"fax\"]\n";
        let e = Policy::from_toml(&[text]).unwrap_err();
        assert_eq!(e.key, "answers.maturity[1]");
        let e = Policy::from_toml(&["[queue]\nretry_after_minutes = 100000\n"]).unwrap_err();
        assert_eq!(e.key, "queue.retry_after_minutes");
    }
}
