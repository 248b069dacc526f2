//! Which review metric a figure is (`MetricKey`): its stable string for JSON, CSV and policy target keys, its unit, its target, its board column and its names. Knows nothing of how a figure is computed.

use std::fmt;

use super::Unit;
use crate::domain::customer::ProductKind;
use crate::domain::names::product_name;
use crate::i18n::{Lang, T, fill};

/// One metric of the weekly review.
///
/// The core products' penetration is one variant carrying the product kind rather than a
/// variant per product: which products are core is the policy's choice (`core_products`),
/// every kind can be one, and all of them share a target and a name pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MetricKey {
    NewCustomers,
    SmsCoverage,
    ContactCoverageMtd,
    VisitCoverageYtd,
    SaleCoverageQtd,
    SalesCount,
    SalesAmount,
    RiskAssessments,
    RiskAssessmentValidShare,
    VipNetChange,
    OpportunitiesHandled,
    CustomersLost,
    AumChange,
    /// Share of the list holding this core product (`core_product_penetration.fund`).
    Penetration(ProductKind),
    ProductCoverage,
    QueueCompletion,
}

/// The stable string of a product's penetration key.
fn penetration_str(kind: ProductKind) -> &'static str {
    match kind {
        ProductKind::Fund => "core_product_penetration.fund",
        ProductKind::Wealth => "core_product_penetration.wealth",
        ProductKind::Insurance => "core_product_penetration.insurance",
        ProductKind::Deposit => "core_product_penetration.deposit",
        ProductKind::Bond => "core_product_penetration.bond",
        ProductKind::CreditCard => "core_product_penetration.credit_card",
        ProductKind::EBanking => "core_product_penetration.e_banking",
        ProductKind::MobileBanking => "core_product_penetration.mobile_banking",
        ProductKind::Payroll => "core_product_penetration.payroll",
        ProductKind::Other => "core_product_penetration.other",
    }
}

impl MetricKey {
    /// Every metric in the review's display order; the penetration of each product kind
    /// (the week shows only the policy's core products, in the policy's order, at that spot).
    pub const ALL: [MetricKey; 25] = [
        MetricKey::NewCustomers,
        MetricKey::SmsCoverage,
        MetricKey::ContactCoverageMtd,
        MetricKey::VisitCoverageYtd,
        MetricKey::SaleCoverageQtd,
        MetricKey::SalesCount,
        MetricKey::SalesAmount,
        MetricKey::RiskAssessments,
        MetricKey::RiskAssessmentValidShare,
        MetricKey::VipNetChange,
        MetricKey::OpportunitiesHandled,
        MetricKey::CustomersLost,
        MetricKey::AumChange,
        MetricKey::Penetration(ProductKind::Fund),
        MetricKey::Penetration(ProductKind::Wealth),
        MetricKey::Penetration(ProductKind::Insurance),
        MetricKey::Penetration(ProductKind::Deposit),
        MetricKey::Penetration(ProductKind::Bond),
        MetricKey::Penetration(ProductKind::CreditCard),
        MetricKey::Penetration(ProductKind::EBanking),
        MetricKey::Penetration(ProductKind::MobileBanking),
        MetricKey::Penetration(ProductKind::Payroll),
        MetricKey::Penetration(ProductKind::Other),
        MetricKey::ProductCoverage,
        MetricKey::QueueCompletion,
    ];

    /// The figures the team board shows, in column order.
    pub const BOARD: [MetricKey; 8] = [
        MetricKey::SmsCoverage,
        MetricKey::ContactCoverageMtd,
        MetricKey::SalesCount,
        MetricKey::SalesAmount,
        MetricKey::VipNetChange,
        MetricKey::OpportunitiesHandled,
        MetricKey::CustomersLost,
        MetricKey::AumChange,
    ];

    /// The stable key written in JSON and CSV output (`sms_coverage`,
    /// `core_product_penetration.fund`); these bytes must never change.
    pub fn as_str(self) -> &'static str {
        match self {
            MetricKey::NewCustomers => "new_customers",
            MetricKey::SmsCoverage => "sms_coverage",
            MetricKey::ContactCoverageMtd => "contact_coverage_mtd",
            MetricKey::VisitCoverageYtd => "visit_coverage_ytd",
            MetricKey::SaleCoverageQtd => "sale_coverage_qtd",
            MetricKey::SalesCount => "sales_count",
            MetricKey::SalesAmount => "sales_amount",
            MetricKey::RiskAssessments => "risk_assessments",
            MetricKey::RiskAssessmentValidShare => "risk_assessment_valid_share",
            MetricKey::VipNetChange => "vip_net_change",
            MetricKey::OpportunitiesHandled => "opportunities_handled",
            MetricKey::CustomersLost => "customers_lost",
            MetricKey::AumChange => "aum_change",
            MetricKey::Penetration(kind) => penetration_str(kind),
            MetricKey::ProductCoverage => "product_coverage",
            MetricKey::QueueCompletion => "queue_completion",
        }
    }

    /// The metric a stable key names (the inverse of [`MetricKey::as_str`]); `None` for
    /// any other text.
    pub fn parse(text: &str) -> Option<MetricKey> {
        MetricKey::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// How the figure is written.
    pub fn unit(self) -> Unit {
        match self {
            MetricKey::NewCustomers
            | MetricKey::SalesCount
            | MetricKey::RiskAssessments
            | MetricKey::VipNetChange
            | MetricKey::CustomersLost => Unit::Count,
            MetricKey::SmsCoverage
            | MetricKey::ContactCoverageMtd
            | MetricKey::VisitCoverageYtd
            | MetricKey::SaleCoverageQtd
            | MetricKey::RiskAssessmentValidShare
            | MetricKey::OpportunitiesHandled
            | MetricKey::Penetration(_)
            | MetricKey::QueueCompletion => Unit::Share,
            MetricKey::SalesAmount | MetricKey::AumChange => Unit::Amount,
            MetricKey::ProductCoverage => Unit::Average,
        }
    }

    /// True when a lower figure is better (customers lost): the target is a ceiling.
    pub fn lower_is_better(self) -> bool {
        match self {
            MetricKey::CustomersLost => true,
            MetricKey::NewCustomers
            | MetricKey::SmsCoverage
            | MetricKey::ContactCoverageMtd
            | MetricKey::VisitCoverageYtd
            | MetricKey::SaleCoverageQtd
            | MetricKey::SalesCount
            | MetricKey::SalesAmount
            | MetricKey::RiskAssessments
            | MetricKey::RiskAssessmentValidShare
            | MetricKey::VipNetChange
            | MetricKey::OpportunitiesHandled
            | MetricKey::AumChange
            | MetricKey::Penetration(_)
            | MetricKey::ProductCoverage
            | MetricKey::QueueCompletion => false,
        }
    }

    /// The policy target (under `targets.`) the metric is judged by; every core product's
    /// penetration shares one.
    pub fn target_key(self) -> &'static str {
        match self {
            MetricKey::NewCustomers => "weekly.new_customers",
            MetricKey::SmsCoverage => "weekly.sms_coverage",
            MetricKey::ContactCoverageMtd => "monthly.contact_coverage_mtd",
            MetricKey::VisitCoverageYtd => "yearly.visit_coverage_ytd",
            MetricKey::SaleCoverageQtd => "quarterly.sale_coverage_qtd",
            MetricKey::SalesCount => "weekly.sales_count",
            MetricKey::SalesAmount => "weekly.sales_amount",
            MetricKey::RiskAssessments => "weekly.risk_assessments",
            MetricKey::RiskAssessmentValidShare => "weekly.risk_assessment_valid_share",
            MetricKey::VipNetChange => "weekly.vip_net_change",
            MetricKey::OpportunitiesHandled => "weekly.opportunities_handled",
            MetricKey::CustomersLost => "weekly.customers_lost",
            MetricKey::AumChange => "weekly.aum_change",
            MetricKey::Penetration(_) => "weekly.core_product_penetration",
            MetricKey::ProductCoverage => "weekly.product_coverage",
            MetricKey::QueueCompletion => "weekly.queue_completion",
        }
    }

    /// The metric's column on the team board (an index into [`MetricKey::BOARD`]), `None`
    /// when the board does not show it.
    pub fn board_column(self) -> Option<usize> {
        MetricKey::BOARD.iter().position(|k| *k == self)
    }

    /// The full name (新增客户, 核心产品渗透率·基金).
    pub fn name(self, lang: Lang) -> String {
        let t = match self {
            MetricKey::NewCustomers => T::RvNewCustomers,
            MetricKey::SmsCoverage => T::RvSmsCoverage,
            MetricKey::ContactCoverageMtd => T::RvContactMtd,
            MetricKey::VisitCoverageYtd => T::RvVisitYtd,
            MetricKey::SaleCoverageQtd => T::RvSaleQtd,
            MetricKey::SalesCount => T::RvSalesCount,
            MetricKey::SalesAmount => T::RvSalesAmount,
            MetricKey::RiskAssessments => T::RvRiskAssessments,
            MetricKey::RiskAssessmentValidShare => T::RvRiskValid,
            MetricKey::VipNetChange => T::RvVipNet,
            MetricKey::OpportunitiesHandled => T::RvOpportunities,
            MetricKey::CustomersLost => T::RvLost,
            MetricKey::AumChange => T::RvAumChange,
            MetricKey::Penetration(kind) => {
                return fill(T::RvPenetration.get(lang), &[&product_name(lang, kind)]);
            }
            MetricKey::ProductCoverage => T::RvProductCoverage,
            MetricKey::QueueCompletion => T::RvQueueCompletion,
        };
        t.get(lang).to_string()
    }

    /// The name in the review screen's narrow name column: the penetration shortened so the
    /// product shows, every other metric by its full name.
    pub fn short_name(self, lang: Lang) -> String {
        match self {
            MetricKey::Penetration(kind) => fill(
                T::RvPenetrationShort.get(lang),
                &[&product_name(lang, kind)],
            ),
            MetricKey::NewCustomers
            | MetricKey::SmsCoverage
            | MetricKey::ContactCoverageMtd
            | MetricKey::VisitCoverageYtd
            | MetricKey::SaleCoverageQtd
            | MetricKey::SalesCount
            | MetricKey::SalesAmount
            | MetricKey::RiskAssessments
            | MetricKey::RiskAssessmentValidShare
            | MetricKey::VipNetChange
            | MetricKey::OpportunitiesHandled
            | MetricKey::CustomersLost
            | MetricKey::AumChange
            | MetricKey::ProductCoverage
            | MetricKey::QueueCompletion => self.name(lang),
        }
    }

    /// The board's abbreviated column heading; `None` for a metric the board does not show.
    pub fn column_name(self, lang: Lang) -> Option<&'static str> {
        let t = match self {
            MetricKey::SmsCoverage => T::TmColSms,
            MetricKey::ContactCoverageMtd => T::TmColContact,
            MetricKey::SalesCount => T::TmColSales,
            MetricKey::SalesAmount => T::TmColAmount,
            MetricKey::VipNetChange => T::TmColVip,
            MetricKey::OpportunitiesHandled => T::TmColOpportunities,
            MetricKey::CustomersLost => T::TmColLost,
            MetricKey::AumChange => T::TmColAum,
            MetricKey::NewCustomers
            | MetricKey::VisitCoverageYtd
            | MetricKey::SaleCoverageQtd
            | MetricKey::RiskAssessments
            | MetricKey::RiskAssessmentValidShare
            | MetricKey::Penetration(_)
            | MetricKey::ProductCoverage
            | MetricKey::QueueCompletion => return None,
        };
        Some(t.get(lang))
    }

    /// A figure whose sign is shown in the board's narrow cells (`+3`): the changes.
    pub fn is_change(self) -> bool {
        matches!(self, MetricKey::VipNetChange | MetricKey::AumChange)
    }
}

/// The name of the metric a policy target key (`weekly.sales_count`) judges; the
/// penetration target, shared by every core product, as 核心产品渗透率·每项. An unknown key
/// by the text after its period, as written.
pub fn target_name(lang: Lang, target_key: &str) -> String {
    match MetricKey::ALL.iter().find(|k| k.target_key() == target_key) {
        Some(MetricKey::Penetration(_)) => fill(
            T::RvPenetration.get(lang),
            &[&T::RvPenetrationEach.get(lang)],
        ),
        Some(key) => key.name(lang),
        None => target_key
            .split_once('.')
            .map_or(target_key, |(_, m)| m)
            .to_string(),
    }
}

impl fmt::Display for MetricKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for MetricKey {
    type Err = ();

    fn from_str(text: &str) -> Result<MetricKey, ()> {
        MetricKey::parse(text).ok_or(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_round_trips_and_has_names() {
        for key in MetricKey::ALL {
            assert_eq!(MetricKey::parse(key.as_str()), Some(key), "{key:?}");
            assert_eq!(key.as_str().parse::<MetricKey>(), Ok(key));
            for lang in [Lang::Zh, Lang::En] {
                assert!(!key.name(lang).trim().is_empty(), "{key:?} {lang:?}");
                assert!(!key.short_name(lang).trim().is_empty(), "{key:?} {lang:?}");
            }
            assert_eq!(
                key.column_name(Lang::En).is_some(),
                key.board_column().is_some()
            );
        }
        assert_eq!(MetricKey::parse("core_product_penetration"), None);
        assert_eq!(MetricKey::parse("no_such_metric"), None);
    }

    #[test]
    fn every_kind_has_its_penetration_string() {
        for kind in ProductKind::ALL {
            let key = MetricKey::Penetration(kind);
            assert_eq!(
                key.as_str(),
                format!("core_product_penetration.{}", kind.key())
            );
        }
    }
}
