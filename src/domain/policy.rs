//! The bank's rules as data: tiers, AUM basis, segment and lifecycle thresholds, parsed from TOML and validated. No file I/O: callers hand in text.

use rust_decimal::Decimal;
use serde::Deserialize;

/// The default policy, compiled in from `data/policy.toml`.
pub const DEFAULT_POLICY_TOML: &str = include_str!("../../data/policy.toml");

/// The whole policy.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    pub version: u32,
    pub aum: AumPolicy,
    pub tiers: Vec<TierDef>,
    pub segments: SegmentPolicy,
    pub lifecycle: LifecyclePolicy,
    pub vip: VipPolicy,
    /// Contact cadence: what each customer is owed, how often, and what satisfies it.
    pub cadence: super::cadence::CadencePolicy,
    /// Signal windows and thresholds, read by the daily queue.
    pub signals: super::signals::SignalPolicy,
    /// Targets the weekly review judges against.
    pub targets: super::targets::TargetsPolicy,
    /// Urgency coefficients, read by the daily queue.
    pub urgency: super::urgency::UrgencyPolicy,
    /// Working days, holidays and daily capacity, as written.
    pub workload: super::workload::WorkloadPolicy,
    /// Assignment rules (分户), read by `guanhu assign --rule`; none when the section is absent.
    #[serde(default)]
    pub assignment: super::assignment::AssignmentPolicy,
    /// Plausibility limits on amounts typed or imported.
    #[serde(default)]
    pub limits: super::limits::LimitsPolicy,
    /// The customer book: where hand-added people come from, what makes a new customer effective.
    #[serde(default)]
    pub book: super::book_policy::BookPolicy,
    /// What answers each signal of the daily queue.
    pub answers: super::answers::AnswersPolicy,
    /// The daily queue's times of day (a call-back's lead time, the retry after an attempt).
    pub queue: super::answers::QueueTimes,
    /// `workload` read and checked (filled in by `from_toml`).
    #[serde(skip)]
    pub calendar: super::workload::Calendar,
    /// `answers` read and checked (filled in by `from_toml`).
    #[serde(skip)]
    pub answering: super::answers::Answering,
}

/// How AUM is measured for tiering.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AumPolicy {
    pub basis: AumBasis,
}

/// Current balance, or the time-weighted average daily balance over 365 days (年日均).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum AumBasis {
    #[serde(rename = "current")]
    Current,
    #[serde(rename = "daily_average_365")]
    DailyAverage365,
}

/// One value tier (客户分层).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TierDef {
    /// Stable key used in exports and on the command line (`mass`, `potential`, …).
    pub key: String,
    pub zh: String,
    pub en: String,
    /// Inclusive lower bound of AUM.
    pub min: Decimal,
    /// Badge colour name.
    pub color: String,
}

/// Segment thresholds.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SegmentPolicy {
    pub young_below_age: u32,
    pub investment_share: Decimal,
    pub unknown_age: String,
}

/// Lifecycle thresholds.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LifecyclePolicy {
    pub new_within_days: u32,
    pub loyal_min_sales: u32,
    pub loyal_min_years: u32,
    pub steady_max_drop: Decimal,
    pub dormant_after_days: u32,
}

/// Which tiers count as VIP (贵宾).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VipPolicy {
    pub min_tier: String,
}

/// Colour names a tier badge may use.
pub const TIER_COLORS: [&str; 8] = [
    "gray", "white", "green", "cyan", "blue", "yellow", "magenta", "red",
];

/// Why a policy was refused; `key` names the offending setting (`tiers[2].min`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyError {
    pub key: String,
    pub problem: PolicyProblem,
}

/// What is wrong with a setting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PolicyProblem {
    /// The TOML could not be read or a value has the wrong type; carries the parser's words.
    Syntax(String),
    NoTiers,
    FirstTierNotZero,
    NotAscending,
    DuplicateKey,
    Empty,
    UnknownColor,
    ShareOutOfRange,
    UnknownTier,
    UnknownAgeSegment,
    Unsupported,
    /// A cadence period that is not week, month, quarter, year or `<N>d`.
    BadPeriod,
    /// A `satisfied_by` item that is not a diary kind (with an optional `:outcome`).
    BadSatisfier,
    /// Not one of sms, contact, visit, sale, risk_review.
    UnknownObligation,
    /// A coefficient or scale below zero.
    Negative,
    /// Not a date written as YYYY-MM-DD.
    BadDate,
    /// Not one of mon, tue, wed, thu, fri, sat, sun.
    BadWeekday,
    /// Not a signal's reason code.
    UnknownSignal,
    /// Not one of relationship_manager, team_lead, branch_head, counter_staff.
    UnknownRole,
    /// An upper bound at or below the lower bound of the same rule.
    MaxNotAboveMin,
    /// Not a product kind key (fund, wealth, credit_card, e_banking, …).
    UnknownProduct,
    /// Not one of the targets' keys (`weekly.sales_count`, …).
    UnknownTarget,
    /// A count with a fraction.
    NotWholeNumber,
    /// A number too large for what it counts.
    TooLarge,
    /// Not a number at all.
    NotANumber,
    /// Zero where at least one is needed (a daily capacity of 0 plans nothing, ever).
    NotPositive,
}

impl std::fmt::Display for PolicyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {:?}", self.key, self.problem)
    }
}

impl Policy {
    /// The compiled-in default.
    pub fn default_policy() -> Policy {
        match Policy::from_toml(&[]) {
            Ok(p) => p,
            // The default file is tested; failing here would be a build defect.
            Err(e) => panic!("built-in policy invalid: {e}"),
        }
    }

    /// Builds the policy from the default with each override text merged over it in order.
    pub fn from_toml(overrides: &[&str]) -> Result<Policy, PolicyError> {
        let mut merged: toml::Table = parse_table(DEFAULT_POLICY_TOML)?;
        for text in overrides {
            let over = parse_table(text)?;
            merge_tables(&mut merged, over);
        }
        let policy: Policy =
            serde_path_to_error::deserialize(toml::Value::Table(merged)).map_err(|e| {
                let path = e.path().to_string();
                let message = e.into_inner().message().to_string();
                PolicyError {
                    key: named_key(&path, &message),
                    problem: PolicyProblem::Syntax(message),
                }
            })?;
        let mut policy = policy;
        policy.validate()?;
        policy.calendar = policy
            .workload
            .calendar()
            .map_err(|(key, problem)| PolicyError { key, problem })?;
        policy.answering = policy
            .answers
            .answering()
            .map_err(|(key, problem)| PolicyError { key, problem })?;
        Ok(policy)
    }

    /// Checks the rules serde cannot: order, ranges, references between settings.
    pub fn validate(&self) -> Result<(), PolicyError> {
        let err = |key: String, problem| Err(PolicyError { key, problem });
        if self.version != 1 {
            return err("version".into(), PolicyProblem::Unsupported);
        }
        if self.tiers.is_empty() {
            return err("tiers".into(), PolicyProblem::NoTiers);
        }
        if !self.tiers[0].min.is_zero() {
            return err("tiers[0].min".into(), PolicyProblem::FirstTierNotZero);
        }
        for (i, tier) in self.tiers.iter().enumerate() {
            for (name, value) in [("key", &tier.key), ("zh", &tier.zh), ("en", &tier.en)] {
                if value.trim().is_empty() {
                    return err(format!("tiers[{i}].{name}"), PolicyProblem::Empty);
                }
            }
            if i > 0 && tier.min <= self.tiers[i - 1].min {
                return err(format!("tiers[{i}].min"), PolicyProblem::NotAscending);
            }
            if self.tiers[..i].iter().any(|t| t.key == tier.key) {
                return err(format!("tiers[{i}].key"), PolicyProblem::DuplicateKey);
            }
            if !TIER_COLORS.contains(&tier.color.as_str()) {
                return err(format!("tiers[{i}].color"), PolicyProblem::UnknownColor);
            }
        }
        let share = self.segments.investment_share;
        if share < Decimal::ZERO || share > Decimal::ONE {
            return err(
                "segments.investment_share".into(),
                PolicyProblem::ShareOutOfRange,
            );
        }
        if !matches!(self.segments.unknown_age.as_str(), "young" | "senior") {
            return err(
                "segments.unknown_age".into(),
                PolicyProblem::UnknownAgeSegment,
            );
        }
        let drop = self.lifecycle.steady_max_drop;
        if drop < Decimal::ZERO || drop > Decimal::ONE {
            return err(
                "lifecycle.steady_max_drop".into(),
                PolicyProblem::ShareOutOfRange,
            );
        }
        if self.tier_index(&self.vip.min_tier).is_none() {
            return err("vip.min_tier".into(), PolicyProblem::UnknownTier);
        }
        if let Err((key, problem)) = self.cadence.validate(|k| self.tier_index(k).is_some()) {
            return err(key, problem);
        }
        if let Some(key) = self.urgency.negative_key() {
            return err(format!("urgency.{key}"), PolicyProblem::Negative);
        }
        if let Err((key, problem)) = self.queue.validate() {
            return err(key, problem);
        }
        if let Err((key, problem)) = self.limits.validate() {
            return err(key, problem);
        }
        if let Err((key, problem)) = self.book.validate() {
            return err(key, problem);
        }
        if self.signals.large_outflow_amount < Decimal::ZERO {
            return err(
                "signals.large_outflow_amount".into(),
                PolicyProblem::Negative,
            );
        }
        if self.signals.large_outflow_amount > super::limits::MAX_STORED_AMOUNT {
            return err(
                "signals.large_outflow_amount".into(),
                PolicyProblem::TooLarge,
            );
        }
        // Day counts far beyond any bank's rule would overflow the date arithmetic they feed.
        let sig = &self.signals;
        for (key, days, most) in [
            (
                "signals.maturity_within_days",
                sig.maturity_within_days,
                3660,
            ),
            (
                "signals.maturity_passed_days",
                sig.maturity_passed_days,
                3660,
            ),
            (
                "signals.birthday_within_days",
                sig.birthday_within_days,
                366,
            ),
            (
                "signals.risk_expiring_within_days",
                sig.risk_expiring_within_days,
                3660,
            ),
            (
                "signals.new_customer_within_days",
                sig.new_customer_within_days,
                3660,
            ),
            (
                "signals.risk_assessment_valid_months",
                sig.risk_assessment_valid_months,
                1200,
            ),
        ] {
            if days > most {
                return err(key.into(), PolicyProblem::TooLarge);
            }
        }
        if self.workload.daily_capacity == 0 {
            return err("workload.daily_capacity".into(), PolicyProblem::NotPositive);
        }
        if self.workload.working_days.is_empty() {
            return err("workload.working_days".into(), PolicyProblem::Empty);
        }
        if let Err((key, problem)) = self.assignment.validate() {
            return err(key, problem);
        }
        if let Err((key, problem)) = self.targets.validate() {
            return err(key, problem);
        }
        for (key, share) in [
            (
                "signals.large_outflow_share",
                self.signals.large_outflow_share,
            ),
            (
                "signals.upgrade_within_share",
                self.signals.upgrade_within_share,
            ),
            (
                "signals.downgrade_within_share",
                self.signals.downgrade_within_share,
            ),
        ] {
            if share < Decimal::ZERO || share > Decimal::ONE {
                return err(key.into(), PolicyProblem::ShareOutOfRange);
            }
        }
        Ok(())
    }

    /// The position of a tier key in the tier list.
    pub fn tier_index(&self, key: &str) -> Option<usize> {
        self.tiers.iter().position(|t| t.key == key)
    }
}

fn parse_table(text: &str) -> Result<toml::Table, PolicyError> {
    text.parse::<toml::Table>().map_err(|e| syntax_error(&e))
}

fn syntax_error(e: &toml::de::Error) -> PolicyError {
    PolicyError {
        key: "policy".to_string(),
        problem: PolicyProblem::Syntax(e.to_string()),
    }
}

/// The full key of a type error: the path serde reached, plus the field its message names
/// when the field itself is missing or unknown (`tiers[0].min`, `lifecycle.new_within_dayz`).
fn named_key(path: &str, message: &str) -> String {
    let field = message
        .strip_prefix("missing field `")
        .or_else(|| message.strip_prefix("unknown field `"))
        .and_then(|rest| rest.split('`').next());
    match (path, field) {
        (".", Some(f)) | ("", Some(f)) => f.to_string(),
        (p, Some(f)) if p.ends_with(f) => p.to_string(),
        (p, Some(f)) => format!("{p}.{f}"),
        (".", None) | ("", None) => "policy".to_string(),
        (p, None) => p.to_string(),
    }
}

/// Merges `over` into `base`: tables merge key by key, anything else (arrays included) is replaced.
fn merge_tables(base: &mut toml::Table, over: toml::Table) {
    for (key, value) in over {
        match (base.get_mut(&key), value) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge_tables(b, o),
            (_, v) => {
                base.insert(key, v);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn default_policy_loads() {
        let p = Policy::default_policy();
        let keys: Vec<&str> = p.tiers.iter().map(|t| t.key.as_str()).collect();
        assert_eq!(keys, ["mass", "potential", "quality", "high"]);
        assert_eq!(p.tiers[2].min, dec!(500000));
        assert_eq!(p.segments.investment_share, dec!(0.30));
        assert_eq!(p.aum.basis, AumBasis::Current);
    }

    #[test]
    fn override_merges_over_default() {
        let p = Policy::from_toml(&["[aum]\nbasis = \"daily_average_365\"\n"]).unwrap();
        assert_eq!(p.aum.basis, AumBasis::DailyAverage365);
        assert_eq!(p.tiers.len(), 4);
    }

    #[test]
    fn bad_policies_name_the_key() {
        let cases = [
            ("[aum]\nbasis = \"weekly\"\n", "aum.basis"),
            (
                "[segments]\ninvestment_share = \"1.5\"\n",
                "segments.investment_share",
            ),
            (
                "[[tiers]]\nkey = \"a\"\nzh = \"甲\"\nen = \"A\"\nmin = 100\ncolor = \"gray\"\n",
                "tiers[0].min",
            ),
            (
                "[[tiers]]\nkey = \"a\"\nzh = \"甲\"\nen = \"A\"\nmin = 0\ncolor = \"gray\"\n[[tiers]]\nkey = \"b\"\nzh = \"乙\"\nen = \"B\"\nmin = 0\ncolor = \"gray\"\n",
                "tiers[1].min",
            ),
            ("[vip]\nmin_tier = \"gold\"\n", "vip.min_tier"),
            (
                "[lifecycle]\nnew_within_dayz = 3\n",
                "lifecycle.new_within_dayz",
            ),
            (
                "[lifecycle]\nsteady_max_drop = \"1.5\"\n",
                "lifecycle.steady_max_drop",
            ),
            (
                "[lifecycle]\nsteady_max_drop = \"-0.1\"\n",
                "lifecycle.steady_max_drop",
            ),
            (
                "[lifecycle]\nloyal_min_sales = -1\n",
                "lifecycle.loyal_min_sales",
            ),
            (
                "[lifecycle]\nloyal_min_years = \"three\"\n",
                "lifecycle.loyal_min_years",
            ),
            (
                "[lifecycle]\ndormant_after_days = 1.5\n",
                "lifecycle.dormant_after_days",
            ),
            (
                "[[tiers]]\nkey = \"a\"\nzh = \"甲\"\nen = \"A\"\ncolor = \"gray\"\n",
                "tiers[0].min",
            ),
            (
                "[targets.weekly]\nsms_coverage = \"1.2\"\n",
                "targets.weekly.sms_coverage",
            ),
            (
                "[targets]\ncore_products = [\"fund\", \"gold\"]\n",
                "targets.core_products[1]",
            ),
            (
                "[targets.weekly]\nnew_customerz = 3\n",
                "targets.weekly.new_customerz",
            ),
            (
                "[targets.weekly]\nnew_customers = -1\n",
                "targets.weekly.new_customers",
            ),
            (
                "[targets.weekly]\nsales_amount = \"-5\"\n",
                "targets.weekly.sales_amount",
            ),
            (
                "[signals]\nmaturity_passed_days = 4000000000\n",
                "signals.maturity_passed_days",
            ),
            (
                "[signals]\nmaturity_within_days = 200000000\n",
                "signals.maturity_within_days",
            ),
        ];
        for (text, key) in cases {
            let e = Policy::from_toml(&[text]).unwrap_err();
            assert_eq!(e.key, key, "for {text:?}: {e:?}");
        }
    }
}
