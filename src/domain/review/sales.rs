//! The metrics of selling: the week's sales by product kind, their count and amount, and the quarter's sale coverage of the tiers that owe a sale. One function per metric; no other metric here.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::week::{Week, entries_in, tier_on};
use super::{Basis, KindSales, Metric, MetricKey, ReviewCustomer};
use crate::domain::cadence::Obligation;
use crate::domain::customer::ProductKind;
use crate::domain::period::Period;

/// The week's sales by product kind, in kind order.
pub(super) fn by_kind(w: &Week) -> Vec<KindSales> {
    let mut by_kind: BTreeMap<ProductKind, (usize, Decimal)> = BTreeMap::new();
    for c in &w.book {
        for (kind, amount) in entries_in(c, w.monday, w.end).filter_map(|e| e.sale) {
            let slot = by_kind.entry(kind).or_default();
            slot.0 += 1;
            slot.1 += amount;
        }
    }
    by_kind
        .into_iter()
        .map(|(kind, (count, amount))| KindSales {
            kind,
            count,
            amount,
        })
        .collect()
}

/// Customers of the tiers the sale obligation names (all, when it names none) with a sale
/// this quarter.
pub(super) fn sale_coverage_qtd(w: &Week) -> Metric {
    let policy = w.policy;
    let quarter_start = Period::Quarter(w.end).range().0;
    let sale_rule = super::week::rule_of(policy, Obligation::Sale);
    let sale_tiers: Option<Vec<usize>> = policy
        .cadence
        .sale
        .as_ref()
        .and_then(|s| s.tiers.as_ref())
        .map(|keys| keys.iter().filter_map(|k| policy.tier_index(k)).collect());
    let owes_sale = |c: &ReviewCustomer| match (&sale_tiers, tier_on(policy, &c.snapshots, w.end)) {
        (None, _) => true,
        (Some(tiers), Some(tier)) => tiers.contains(&tier),
        (Some(_), None) => false,
    };
    let owing: Vec<&&ReviewCustomer> = w.book.iter().filter(|c| owes_sale(c)).collect();
    let sold = owing
        .iter()
        .filter(|c| w.covered(sale_rule.as_ref(), quarter_start, c))
        .count();
    w.share_metric(
        MetricKey::SaleCoverageQtd,
        Basis::QuarterToDate,
        sold,
        owing.len(),
    )
}

pub(super) fn sales_count(w: &Week) -> Metric {
    let count: usize = w.sales.iter().map(|s| s.count).sum();
    w.metric(MetricKey::SalesCount, Basis::Week, Some(count.into()), None)
}

pub(super) fn sales_amount(w: &Week) -> Metric {
    let amount: Decimal = w.sales.iter().map(|s| s.amount).sum();
    w.metric(MetricKey::SalesAmount, Basis::Week, Some(amount), None)
}
