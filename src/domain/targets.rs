//! The `[targets]` policy section: what the weekly review judges a manager's figures against, per period, typed and checked. Pure; no review arithmetic here.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Deserialize;

use super::customer::ProductKind;
use super::policy::PolicyProblem;
use super::review::{MetricKey, Unit};

/// The `[targets]` section.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetsPolicy {
    /// Product kind keys whose penetration the review shows (核心产品).
    pub core_products: Vec<String>,
    pub weekly: WeeklyTargets,
    pub monthly: MonthlyTargets,
    pub quarterly: QuarterlyTargets,
    pub yearly: YearlyTargets,
}

/// Targets judged on the ISO week.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeeklyTargets {
    /// Customers added to the list in the week (a count).
    pub new_customers: u32,
    /// Share of the list sent an SMS or WeChat message in the week.
    pub sms_coverage: Decimal,
    /// Sales logged in the week (a count, every product kind).
    pub sales_count: u32,
    /// Amount sold in the week, in yuan.
    pub sales_amount: Decimal,
    /// Risk assessments logged in the week (a count).
    pub risk_assessments: u32,
    /// Share of the list with a valid risk assessment at the week's end.
    pub risk_assessment_valid_share: Decimal,
    /// VIP customers at the week's end minus at its start (贵宾净增).
    pub vip_net_change: i64,
    /// Share of the week's opportunities acted on (商机处理).
    pub opportunities_handled: Decimal,
    /// At most this many customers lost in the week (流失).
    pub customers_lost: u32,
    /// AUM of the list at the week's end minus its start, in yuan.
    pub aum_change: Decimal,
    /// Share of each core product's holders in the list.
    pub core_product_penetration: Decimal,
    /// Average distinct product kinds held per customer.
    pub product_coverage: Decimal,
    /// Share of each working day's planned queue rows done that day.
    pub queue_completion: Decimal,
}

/// Targets judged on the month to date.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthlyTargets {
    /// Share of the list with a two-way contact this month.
    pub contact_coverage_mtd: Decimal,
}

/// Targets judged on the quarter to date.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuarterlyTargets {
    /// Share of the sale obligation's tiers (quality/high) with a sale this quarter.
    pub sale_coverage_qtd: Decimal,
}

/// Targets judged on the year to date.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearlyTargets {
    /// Share of the list met face to face this year.
    pub visit_coverage_ytd: Decimal,
}

/// What values a target takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    /// A whole number of customers, sales or assessments, at least zero.
    Count,
    /// A whole number that may be below zero (a net change).
    SignedCount,
    /// A share from 0 to 1.
    Share,
    /// Yuan or an average, at least zero.
    NonNegative,
    /// Yuan that may be below zero (a change).
    SignedAmount,
}

impl TargetKind {
    /// How the review shows a value of this kind for the target `key`: the unit of the metric
    /// the key judges (product coverage is an average, not yuan), else by the kind.
    pub fn unit(self, key: &str) -> Unit {
        if let Some(metric) = MetricKey::ALL.iter().find(|m| m.target_key() == key) {
            return metric.unit();
        }
        match self {
            TargetKind::Count | TargetKind::SignedCount => Unit::Count,
            TargetKind::Share => Unit::Share,
            TargetKind::NonNegative | TargetKind::SignedAmount => Unit::Amount,
        }
    }

    /// Checks a value for this kind.
    pub fn check(self, value: Decimal) -> Result<(), PolicyProblem> {
        let whole = value.fract().is_zero();
        // Above the store's ceiling no actual could ever reach it, and comparing sums with it
        // must stay within Decimal's range.
        if !super::limits::storable_amount(value) {
            return Err(PolicyProblem::TooLarge);
        }
        match self {
            TargetKind::Count if !whole => Err(PolicyProblem::NotWholeNumber),
            TargetKind::SignedCount if !whole => Err(PolicyProblem::NotWholeNumber),
            TargetKind::Count | TargetKind::NonNegative if value < Decimal::ZERO => {
                Err(PolicyProblem::Negative)
            }
            TargetKind::Share if value < Decimal::ZERO || value > Decimal::ONE => {
                Err(PolicyProblem::ShareOutOfRange)
            }
            _ => Ok(()),
        }
    }
}

/// Every target a manager can have their own value of: its key under `targets.` and kind.
pub const TARGET_KEYS: [(&str, TargetKind); 16] = [
    ("weekly.new_customers", TargetKind::Count),
    ("weekly.sms_coverage", TargetKind::Share),
    ("monthly.contact_coverage_mtd", TargetKind::Share),
    ("yearly.visit_coverage_ytd", TargetKind::Share),
    ("quarterly.sale_coverage_qtd", TargetKind::Share),
    ("weekly.sales_count", TargetKind::Count),
    ("weekly.sales_amount", TargetKind::NonNegative),
    ("weekly.risk_assessments", TargetKind::Count),
    ("weekly.risk_assessment_valid_share", TargetKind::Share),
    ("weekly.vip_net_change", TargetKind::SignedCount),
    ("weekly.opportunities_handled", TargetKind::Share),
    ("weekly.customers_lost", TargetKind::Count),
    ("weekly.aum_change", TargetKind::SignedAmount),
    ("weekly.core_product_penetration", TargetKind::Share),
    ("weekly.product_coverage", TargetKind::NonNegative),
    ("weekly.queue_completion", TargetKind::Share),
];

/// The kind of a target key (`weekly.sales_count`); `None` for an unknown key.
pub fn target_kind(key: &str) -> Option<TargetKind> {
    TARGET_KEYS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, kind)| *kind)
}

/// A count target's value as a Decimal.
fn count(n: u32) -> Decimal {
    Decimal::from(n)
}

/// A checked whole number (see [`TargetKind::check`]) as the count types; beyond their range
/// it is refused as too large.
fn to_u32(value: Decimal) -> Result<u32, PolicyProblem> {
    value.to_u32().ok_or(PolicyProblem::TooLarge)
}

fn to_i64(value: Decimal) -> Result<i64, PolicyProblem> {
    value.to_i64().ok_or(PolicyProblem::TooLarge)
}

impl TargetsPolicy {
    /// The value of a target by key (`weekly.sales_count`); `None` for an unknown key.
    pub fn get(&self, key: &str) -> Option<Decimal> {
        let (w, m, q, y) = (&self.weekly, &self.monthly, &self.quarterly, &self.yearly);
        Some(match key {
            "weekly.new_customers" => count(w.new_customers),
            "weekly.sms_coverage" => w.sms_coverage,
            "monthly.contact_coverage_mtd" => m.contact_coverage_mtd,
            "yearly.visit_coverage_ytd" => y.visit_coverage_ytd,
            "quarterly.sale_coverage_qtd" => q.sale_coverage_qtd,
            "weekly.sales_count" => count(w.sales_count),
            "weekly.sales_amount" => w.sales_amount,
            "weekly.risk_assessments" => count(w.risk_assessments),
            "weekly.risk_assessment_valid_share" => w.risk_assessment_valid_share,
            "weekly.vip_net_change" => Decimal::from(w.vip_net_change),
            "weekly.opportunities_handled" => w.opportunities_handled,
            "weekly.customers_lost" => count(w.customers_lost),
            "weekly.aum_change" => w.aum_change,
            "weekly.core_product_penetration" => w.core_product_penetration,
            "weekly.product_coverage" => w.product_coverage,
            "weekly.queue_completion" => w.queue_completion,
            _ => return None,
        })
    }

    /// The target a review metric is judged against (each core product's penetration by the
    /// one penetration target).
    pub fn of_metric(&self, key: MetricKey) -> Decimal {
        let (w, m, q, y) = (&self.weekly, &self.monthly, &self.quarterly, &self.yearly);
        match key {
            MetricKey::NewCustomers => count(w.new_customers),
            MetricKey::SmsCoverage => w.sms_coverage,
            MetricKey::ContactCoverageMtd => m.contact_coverage_mtd,
            MetricKey::VisitCoverageYtd => y.visit_coverage_ytd,
            MetricKey::SaleCoverageQtd => q.sale_coverage_qtd,
            MetricKey::SalesCount => count(w.sales_count),
            MetricKey::SalesAmount => w.sales_amount,
            MetricKey::RiskAssessments => count(w.risk_assessments),
            MetricKey::RiskAssessmentValidShare => w.risk_assessment_valid_share,
            MetricKey::VipNetChange => Decimal::from(w.vip_net_change),
            MetricKey::OpportunitiesHandled => w.opportunities_handled,
            MetricKey::CustomersLost => count(w.customers_lost),
            MetricKey::AumChange => w.aum_change,
            MetricKey::Penetration(_) => w.core_product_penetration,
            MetricKey::ProductCoverage => w.product_coverage,
            MetricKey::QueueCompletion => w.queue_completion,
        }
    }

    /// Sets one target by key, checked as its kind (a share from 0 to 1, a whole count…).
    pub fn set(&mut self, key: &str, value: Decimal) -> Result<(), PolicyProblem> {
        let kind = target_kind(key).ok_or(PolicyProblem::UnknownTarget)?;
        kind.check(value)?;
        let w = &mut self.weekly;
        match key {
            "weekly.new_customers" => w.new_customers = to_u32(value)?,
            "weekly.sms_coverage" => w.sms_coverage = value,
            "monthly.contact_coverage_mtd" => self.monthly.contact_coverage_mtd = value,
            "yearly.visit_coverage_ytd" => self.yearly.visit_coverage_ytd = value,
            "quarterly.sale_coverage_qtd" => self.quarterly.sale_coverage_qtd = value,
            "weekly.sales_count" => w.sales_count = to_u32(value)?,
            "weekly.sales_amount" => w.sales_amount = value,
            "weekly.risk_assessments" => w.risk_assessments = to_u32(value)?,
            "weekly.risk_assessment_valid_share" => w.risk_assessment_valid_share = value,
            "weekly.vip_net_change" => w.vip_net_change = to_i64(value)?,
            "weekly.opportunities_handled" => w.opportunities_handled = value,
            "weekly.customers_lost" => w.customers_lost = to_u32(value)?,
            "weekly.aum_change" => w.aum_change = value,
            "weekly.core_product_penetration" => w.core_product_penetration = value,
            "weekly.product_coverage" => w.product_coverage = value,
            "weekly.queue_completion" => w.queue_completion = value,
            _ => return Err(PolicyProblem::UnknownTarget),
        }
        Ok(())
    }

    /// These targets with a manager's own values over them. A stored value that no longer
    /// fits (a key this version does not know) is left out, so the policy's value holds.
    pub fn with_own(&self, own: &[(String, Decimal)]) -> TargetsPolicy {
        let mut out = self.clone();
        for (key, value) in own {
            let _ = out.set(key, *value);
        }
        out
    }

    /// The core products as kinds (validated, so none is dropped after `validate`).
    pub fn core_kinds(&self) -> Vec<ProductKind> {
        self.core_products
            .iter()
            .filter_map(|k| ProductKind::ALL.into_iter().find(|p| p.key() == k))
            .collect()
    }

    /// Checks shares and amounts; the error names the key under `targets.`.
    pub fn validate(&self) -> Result<(), (String, PolicyProblem)> {
        for (i, key) in self.core_products.iter().enumerate() {
            if !ProductKind::ALL.iter().any(|p| p.key() == key) {
                return Err((
                    format!("targets.core_products[{i}]"),
                    PolicyProblem::UnknownProduct,
                ));
            }
        }
        let w = &self.weekly;
        let shares = [
            ("weekly.sms_coverage", w.sms_coverage),
            (
                "weekly.risk_assessment_valid_share",
                w.risk_assessment_valid_share,
            ),
            ("weekly.opportunities_handled", w.opportunities_handled),
            (
                "weekly.core_product_penetration",
                w.core_product_penetration,
            ),
            ("weekly.queue_completion", w.queue_completion),
            (
                "monthly.contact_coverage_mtd",
                self.monthly.contact_coverage_mtd,
            ),
            (
                "quarterly.sale_coverage_qtd",
                self.quarterly.sale_coverage_qtd,
            ),
            ("yearly.visit_coverage_ytd", self.yearly.visit_coverage_ytd),
        ];
        for (key, share) in shares {
            if share < Decimal::ZERO || share > Decimal::ONE {
                return Err((format!("targets.{key}"), PolicyProblem::ShareOutOfRange));
            }
        }
        for (key, amount) in [
            ("weekly.sales_amount", w.sales_amount),
            ("weekly.product_coverage", w.product_coverage),
        ] {
            if amount < Decimal::ZERO {
                return Err((format!("targets.{key}"), PolicyProblem::Negative));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::policy::Policy;

    fn n(text: &str) -> Decimal {
        text.parse().unwrap_or_default()
    }

    #[test]
    fn every_key_reads_and_writes_its_own_field() {
        let policy = Policy::default_policy();
        for (key, kind) in TARGET_KEYS {
            let mut t = policy.targets.clone();
            assert!(t.get(key).is_some(), "{key}");
            let value = match kind {
                TargetKind::Share => n("0.42"),
                _ => n("7"),
            };
            t.set(key, value).unwrap();
            assert_eq!(t.get(key), Some(value), "{key}");
            // Only that one changed.
            for (other, _) in TARGET_KEYS.iter().filter(|(k, _)| *k != key) {
                assert_eq!(
                    t.get(other),
                    policy.targets.get(other),
                    "{key} moved {other}"
                );
            }
        }
    }

    #[test]
    fn values_are_checked_as_their_kind() {
        let mut t = Policy::default_policy().targets;
        let cases = [
            (
                "weekly.sms_coverage",
                "1.2",
                Err(PolicyProblem::ShareOutOfRange),
            ),
            (
                "weekly.sms_coverage",
                "-0.1",
                Err(PolicyProblem::ShareOutOfRange),
            ),
            ("weekly.sms_coverage", "1", Ok(())),
            (
                "weekly.sales_count",
                "2.5",
                Err(PolicyProblem::NotWholeNumber),
            ),
            ("weekly.sales_count", "-1", Err(PolicyProblem::Negative)),
            ("weekly.sales_count", "8", Ok(())),
            (
                "weekly.sales_count",
                "5000000000",
                Err(PolicyProblem::TooLarge),
            ),
            ("weekly.vip_net_change", "-2", Ok(())),
            (
                "weekly.vip_net_change",
                "0.5",
                Err(PolicyProblem::NotWholeNumber),
            ),
            ("weekly.aum_change", "-100000.50", Ok(())),
            ("weekly.sales_amount", "-1", Err(PolicyProblem::Negative)),
            ("weekly.product_coverage", "2.5", Ok(())),
            (
                "weekly.no_such_target",
                "1",
                Err(PolicyProblem::UnknownTarget),
            ),
        ];
        for (key, value, want) in cases {
            assert_eq!(t.set(key, n(value)), want, "{key} = {value}");
        }
        assert_eq!(t.weekly.vip_net_change, -2);
        assert_eq!(t.weekly.sales_count, 8);
    }

    #[test]
    fn every_target_belongs_to_one_metric() {
        assert_eq!(MetricKey::SalesCount.target_key(), "weekly.sales_count");
        assert_eq!(
            MetricKey::ContactCoverageMtd.target_key(),
            "monthly.contact_coverage_mtd"
        );
        assert_eq!(
            MetricKey::Penetration(ProductKind::Fund).target_key(),
            "weekly.core_product_penetration"
        );
        // Every metric's target is a known key, read the same by key and by metric; every key
        // judges some metric.
        let t = Policy::default_policy().targets;
        for key in MetricKey::ALL {
            assert!(target_kind(key.target_key()).is_some(), "{key:?}");
            assert_eq!(t.get(key.target_key()), Some(t.of_metric(key)), "{key:?}");
        }
        for (key, _) in TARGET_KEYS {
            assert!(
                MetricKey::ALL.iter().any(|m| m.target_key() == key),
                "{key}"
            );
        }
    }

    #[test]
    fn own_values_go_over_the_policy_and_unknown_ones_are_left_out() {
        let policy = Policy::default_policy().targets;
        let own = vec![
            ("weekly.sales_count".to_string(), n("9")),
            ("weekly.gone".to_string(), n("1")),
        ];
        let t = policy.with_own(&own);
        assert_eq!(t.weekly.sales_count, 9);
        assert_eq!(t.weekly.sms_coverage, policy.weekly.sms_coverage);
    }
}
