//! The metrics of the list itself: customers new to it and lost from it, the VIP count's net change, the AUM change, and the week's tier migrations. One function per metric; no other metric here.

use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;

use super::week::{Week, balance_on, tier_on, within};
use super::{Basis, Metric, MetricKey, Migration, ReviewCustomer};
use crate::domain::policy::Policy;

/// Effective (有效) customers who came onto the list during the week (added by hand or by an
/// import, or reassigned from another manager): the policy's `[book] effective` rule says
/// what makes one count — a mainland mobile on record, a two-way contact by the week's end.
pub(super) fn new_customers(w: &Week) -> Metric {
    let rule = &w.policy.book.effective;
    let effective = |c: &&ReviewCustomer| {
        (!rule.mobile || c.mobile_on_record)
            && (!rule.two_way_contact
                || c.entries.iter().any(|e| {
                    e.at.date() <= w.end && crate::domain::diary::is_two_way_kind(e.kind, e.outcome)
                }))
    };
    let new = w
        .customers
        .iter()
        .filter(|c| c.listed_on(w.end) && !c.listed_on(w.start))
        .filter(effective)
        .count();
    w.metric(MetricKey::NewCustomers, Basis::Week, Some(new.into()), None)
}

/// VIP customers at the week's end minus entering it.
pub(super) fn vip_net_change(w: &Week) -> Metric {
    let policy = w.policy;
    let vip = policy.tier_index(&policy.vip.min_tier).unwrap_or(0);
    let is_vip =
        |c: &&ReviewCustomer, day| tier_on(policy, &c.snapshots, day).is_some_and(|t| t >= vip);
    let vip_end = w.book.iter().filter(|c| is_vip(c, w.end)).count() as i64;
    let vip_start = w.book_start.iter().filter(|c| is_vip(c, w.start)).count() as i64;
    w.metric(
        MetricKey::VipNetChange,
        Basis::Week,
        Some(Decimal::from(vip_end - vip_start)),
        None,
    )
}

/// Lost (流失): on the list entering the week and either moved off it, or with assets that
/// fell to zero.
pub(super) fn customers_lost(w: &Week) -> Metric {
    let lost = w
        .book_start
        .iter()
        .filter(|c| {
            !c.listed_on(w.end)
                || (balance_on(&c.snapshots, w.start).is_some_and(|a| a > Decimal::ZERO)
                    && balance_on(&c.snapshots, w.end).is_some_and(|a| a.is_zero()))
        })
        .count();
    w.metric(
        MetricKey::CustomersLost,
        Basis::Week,
        Some(lost.into()),
        None,
    )
}

/// The list's AUM at the week's end minus the AUM of the list entering it.
pub(super) fn aum_change(w: &Week) -> Metric {
    let aum_end: Decimal = w
        .book
        .iter()
        .filter_map(|c| balance_on(&c.snapshots, w.end))
        .sum();
    let aum_start: Decimal = w
        .book_start
        .iter()
        .filter_map(|c| balance_on(&c.snapshots, w.start))
        .sum();
    w.metric(
        MetricKey::AumChange,
        Basis::Week,
        Some(aum_end - aum_start),
        None,
    )
}

/// Each snapshot in the week whose tier differs from the tier the day before.
pub(super) fn migrations(
    policy: &Policy,
    book: &[&ReviewCustomer],
    monday: NaiveDate,
    end: NaiveDate,
) -> Vec<Migration> {
    let mut out = Vec::new();
    for c in book {
        for s in c.snapshots.iter().filter(|s| within(s.as_of, monday, end)) {
            let before = tier_on(policy, &c.snapshots, s.as_of - Duration::days(1));
            let after = tier_on(policy, &c.snapshots, s.as_of);
            if let (Some(from), Some(to)) = (before, after)
                && from != to
            {
                out.push(Migration {
                    customer_no: c.customer_no.clone(),
                    customer_name: c.name.clone(),
                    from: policy.tiers[from].key.clone(),
                    to: policy.tiers[to].key.clone(),
                    date: s.as_of,
                    upgrade: to > from,
                });
            }
        }
    }
    out.sort_by(|a, b| (a.date, &a.customer_no).cmp(&(b.date, &b.customer_no)));
    out
}
