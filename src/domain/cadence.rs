//! Contact cadence (维护频次): the obligations a customer is owed (weekly SMS, monthly contact, yearly visit, quarterly sale and risk review), their periods, what satisfies them, and whether each is met or due on a given day. Pure; the policy's `[cadence]` section.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};
use serde::Deserialize;

use super::contacts::ContactFacts;
use super::diary::{DiaryEntry, EntryDraft, EntryKind, Outcome};
use super::period::Period;
use super::policy::PolicyProblem;

/// An obligation of the cadence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Obligation {
    Sms,
    Contact,
    Visit,
    Sale,
    RiskReview,
}

impl Obligation {
    /// Every obligation, in display order.
    pub const ALL: [Obligation; 5] = [
        Obligation::Sms,
        Obligation::Contact,
        Obligation::Visit,
        Obligation::Sale,
        Obligation::RiskReview,
    ];

    /// The policy key.
    pub fn key(self) -> &'static str {
        match self {
            Obligation::Sms => "sms",
            Obligation::Contact => "contact",
            Obligation::Visit => "visit",
            Obligation::Sale => "sale",
            Obligation::RiskReview => "risk_review",
        }
    }
}

/// How often an obligation falls due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CadencePeriod {
    /// The ISO week (Monday first) containing the day.
    Week,
    Month,
    Quarter,
    Year,
    /// A rolling window of this many days ending on the day.
    Days(u32),
}

impl CadencePeriod {
    /// Reads `week`, `month`, `quarter`, `year` or `<N>d`.
    pub fn parse(text: &str) -> Option<CadencePeriod> {
        match text.trim() {
            "week" => Some(CadencePeriod::Week),
            "month" => Some(CadencePeriod::Month),
            "quarter" => Some(CadencePeriod::Quarter),
            "year" => Some(CadencePeriod::Year),
            t => t
                .strip_suffix('d')
                .and_then(|n| n.parse::<u32>().ok())
                .filter(|n| *n > 0)
                .map(CadencePeriod::Days),
        }
    }

    /// The first and last day of the window that contains `day`.
    pub fn window(self, day: NaiveDate) -> (NaiveDate, NaiveDate) {
        match self {
            CadencePeriod::Week => Period::Week(day).range(),
            CadencePeriod::Month => Period::Month(day).range(),
            CadencePeriod::Quarter => Period::Quarter(day).range(),
            CadencePeriod::Year => (
                NaiveDate::from_ymd_opt(day.year(), 1, 1).unwrap_or(day),
                NaiveDate::from_ymd_opt(day.year(), 12, 31).unwrap_or(day),
            ),
            CadencePeriod::Days(n) => (day - Duration::days(i64::from(n) - 1), day),
        }
    }
}

/// A diary kind, with an outcome when only that outcome counts (`call:reached`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Satisfier {
    pub kind: EntryKind,
    pub outcome: Option<Outcome>,
}

impl Satisfier {
    /// Reads `visit` or `call:reached`.
    pub fn parse(text: &str) -> Option<Satisfier> {
        let (kind, outcome) = match text.trim().split_once(':') {
            Some((k, o)) => (k, Some(Outcome::from_key(o.trim())?)),
            None => (text.trim(), None),
        };
        Some(Satisfier {
            kind: EntryKind::from_key(kind.trim())?,
            outcome,
        })
    }

    /// True when the entry is of this kind (and outcome, when one is named).
    pub fn accepts(self, draft: &EntryDraft) -> bool {
        self.accepts_kind(draft.kind, draft.outcome)
    }

    /// True for an entry of this kind (and outcome, when one is named). A kind without an
    /// outcome takes any outcome but "not reached": a visit that found nobody, like a call
    /// nobody answered, answers nothing unless the policy names `kind:not_reached` itself.
    pub fn accepts_kind(self, kind: EntryKind, outcome: Option<Outcome>) -> bool {
        kind == self.kind
            && match self.outcome {
                Some(o) => outcome == Some(o),
                None => outcome != Some(Outcome::NotReached),
            }
    }
}

/// One obligation as written in the policy.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObligationPolicy {
    pub period: String,
    pub satisfied_by: Vec<String>,
    /// Tier keys the obligation applies to; every tier when absent.
    #[serde(default)]
    pub tiers: Option<Vec<String>>,
}

/// The `[cadence]` section.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CadencePolicy {
    pub sms: Option<ObligationPolicy>,
    pub contact: Option<ObligationPolicy>,
    pub visit: Option<ObligationPolicy>,
    pub sale: Option<ObligationPolicy>,
    pub risk_review: Option<ObligationPolicy>,
    /// Per tier key: obligation key → period, overriding the obligation's own period.
    #[serde(default)]
    pub by_tier: BTreeMap<String, BTreeMap<String, String>>,
}

/// An obligation ready to check: its period for one tier and what satisfies it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub obligation: Obligation,
    pub period: CadencePeriod,
    pub satisfied_by: Vec<Satisfier>,
}

/// Where an obligation stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ObligationStatus {
    pub obligation: Obligation,
    /// The window the obligation is judged in.
    pub window: (NaiveDate, NaiveDate),
    /// The last day an entry satisfied it (any time, not only in the window).
    pub last_satisfied: Option<NaiveDate>,
    /// True when nothing in the window satisfied it.
    pub due: bool,
}

impl CadencePolicy {
    fn entry(&self, o: Obligation) -> Option<&ObligationPolicy> {
        match o {
            Obligation::Sms => self.sms.as_ref(),
            Obligation::Contact => self.contact.as_ref(),
            Obligation::Visit => self.visit.as_ref(),
            Obligation::Sale => self.sale.as_ref(),
            Obligation::RiskReview => self.risk_review.as_ref(),
        }
    }

    /// Checks periods, satisfiers and tier keys; the error names the key.
    pub fn validate(
        &self,
        tier_exists: impl Fn(&str) -> bool,
    ) -> Result<(), (String, PolicyProblem)> {
        for o in Obligation::ALL {
            let Some(p) = self.entry(o) else { continue };
            let key = format!("cadence.{}", o.key());
            if CadencePeriod::parse(&p.period).is_none() {
                return Err((format!("{key}.period"), PolicyProblem::BadPeriod));
            }
            for (i, s) in p.satisfied_by.iter().enumerate() {
                if Satisfier::parse(s).is_none() {
                    return Err((
                        format!("{key}.satisfied_by[{i}]"),
                        PolicyProblem::BadSatisfier,
                    ));
                }
            }
            for (i, t) in p.tiers.iter().flatten().enumerate() {
                if !tier_exists(t) {
                    return Err((format!("{key}.tiers[{i}]"), PolicyProblem::UnknownTier));
                }
            }
        }
        for (tier, periods) in &self.by_tier {
            if !tier_exists(tier) {
                return Err((
                    format!("cadence.by_tier.{tier}"),
                    PolicyProblem::UnknownTier,
                ));
            }
            for (obligation, period) in periods {
                let key = format!("cadence.by_tier.{tier}.{obligation}");
                if !Obligation::ALL.iter().any(|o| o.key() == obligation) {
                    return Err((key, PolicyProblem::UnknownObligation));
                }
                if CadencePeriod::parse(period).is_none() {
                    return Err((key, PolicyProblem::BadPeriod));
                }
            }
        }
        Ok(())
    }

    /// The obligations a customer of `tier_key` is owed, with that tier's periods.
    pub fn rules_for(&self, tier_key: &str) -> Vec<Rule> {
        Obligation::ALL
            .iter()
            .filter_map(|&o| {
                let p = self.entry(o)?;
                if p.tiers
                    .as_ref()
                    .is_some_and(|t| !t.iter().any(|k| k == tier_key))
                {
                    return None;
                }
                let period_text = self
                    .by_tier
                    .get(tier_key)
                    .and_then(|m| m.get(o.key()))
                    .unwrap_or(&p.period);
                Some(Rule {
                    obligation: o,
                    period: CadencePeriod::parse(period_text)?,
                    satisfied_by: p
                        .satisfied_by
                        .iter()
                        .filter_map(|s| Satisfier::parse(s))
                        .collect(),
                })
            })
            .collect()
    }
}

impl Rule {
    /// True when the entry satisfies this obligation.
    pub fn accepts(&self, draft: &EntryDraft) -> bool {
        self.accepts_kind(draft.kind, draft.outcome)
    }

    /// True when an entry of this kind and outcome satisfies this obligation.
    pub fn accepts_kind(&self, kind: EntryKind, outcome: Option<Outcome>) -> bool {
        self.satisfied_by
            .iter()
            .any(|s| s.accepts_kind(kind, outcome))
    }

    /// Where the obligation stands on `today`, from the customer's entries (deleted ones and
    /// entries after today are ignored).
    pub fn status(&self, entries: &[DiaryEntry], today: NaiveDate) -> ObligationStatus {
        self.status_of(&ContactFacts::from_entries(entries, today), today)
    }

    /// Where the obligation stands on `today`, counting today's entries: what is shown.
    pub fn status_of(&self, facts: &ContactFacts, today: NaiveDate) -> ObligationStatus {
        let last = facts.last(|k, o| self.accepts_kind(k, o));
        self.judge(last.map(|t| t.date()), today)
    }

    /// Where the obligation stood at the start of `today`: what the day's plan is made of.
    pub fn status_at_start(&self, facts: &ContactFacts, today: NaiveDate) -> ObligationStatus {
        let last = facts.last_before(|k, o| self.accepts_kind(k, o));
        self.judge(last.map(|t| t.date()), today)
    }

    /// Judges the obligation from the last day something satisfied it.
    pub fn judge(&self, last_satisfied: Option<NaiveDate>, today: NaiveDate) -> ObligationStatus {
        let window = self.period.window(today);
        let last_satisfied = last_satisfied.filter(|d| *d <= today);
        ObligationStatus {
            obligation: self.obligation,
            window,
            last_satisfied,
            due: last_satisfied.is_none_or(|d| d < window.0),
        }
    }
}

impl ObligationStatus {
    /// Days since the obligation fell due when the previous period was missed as well (never
    /// met, or last met before the previous window began); 0 when it is simply due this period.
    /// Counted from the end of the missed period: on the 6th of a month, 6 days. A customer
    /// who came into the book (`known_since`) after the previous period began was never owed
    /// it, so is not overdue for never having been met.
    pub fn overdue_days(
        &self,
        period: CadencePeriod,
        today: NaiveDate,
        known_since: Option<NaiveDate>,
    ) -> i64 {
        if !self.due {
            return 0;
        }
        let previous = period.window(self.window.0 - Duration::days(1));
        match self.last_satisfied {
            Some(d) if d >= previous.0 => 0,
            None if known_since.is_some_and(|k| k > previous.0) => 0,
            _ => (today - self.window.0).num_days().max(0) + 1,
        }
    }
}
