//! The metrics of what the list holds at the week's end: each core product's penetration and the average number of product kinds per customer. One function per metric; no other metric here.

use rust_decimal::Decimal;

use super::week::{Week, is_holding_live};
use super::{Basis, Metric, MetricKey, ReviewCustomer};
use crate::domain::customer::ProductKind;

/// True when the customer holds a live product of the kind at the week's end.
fn holds(w: &Week, c: &ReviewCustomer, kind: ProductKind) -> bool {
    c.holdings
        .iter()
        .any(|h| h.kind == kind && is_holding_live(h, w.end))
}

/// Share of the list holding the product.
pub(super) fn penetration(w: &Week, kind: ProductKind) -> Metric {
    let holders = w.count_where(|c| holds(w, c, kind));
    w.share_metric(MetricKey::Penetration(kind), Basis::WeekEnd, holders, w.n())
}

/// Distinct product kinds held, on average per customer of the list.
pub(super) fn product_coverage(w: &Week) -> Metric {
    let n = w.n();
    let kinds_held: usize = w
        .book
        .iter()
        .map(|c| ProductKind::ALL.iter().filter(|k| holds(w, c, **k)).count())
        .sum();
    w.metric(
        MetricKey::ProductCoverage,
        Basis::WeekEnd,
        (n > 0).then(|| (Decimal::from(kinds_held) / Decimal::from(n)).round_dp(2)),
        Some((kinds_held, n)),
    )
}
