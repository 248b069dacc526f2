//! The `[targets]` policy section: what the weekly review judges a manager's figures against, per period, typed and checked. Pure; no review arithmetic here.

use rust_decimal::Decimal;
use serde::Deserialize;

use super::customer::ProductKind;
use super::policy::PolicyProblem;

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

impl TargetsPolicy {
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
