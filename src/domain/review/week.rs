//! The week being measured (`Week`): the manager's list at its start and end, its days, the policy — and the small helpers every metric function shares (coverage by a cadence rule, balances and tiers on a day, shares). Builds no metric list itself.

use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;

use super::{Basis, DayCompletion, KindSales, Metric, MetricKey, ReviewCustomer, ReviewEntry};
use crate::domain::cadence::{Obligation, Rule};
use crate::domain::classify::{daily_average_aum, tier_of};
use crate::domain::customer::{Holding, Snapshot};
use crate::domain::policy::{AumBasis, Policy};

/// One week of one manager's list, as every metric function reads it.
pub(super) struct Week<'a> {
    pub policy: &'a Policy,
    pub customers: &'a [ReviewCustomer],
    pub queue_days: &'a [DayCompletion],
    pub monday: NaiveDate,
    /// The last day counted: the Sunday, or today while the week is still running.
    pub end: NaiveDate,
    /// The state entering the week: as of the Sunday before.
    pub start: NaiveDate,
    /// The list at the week's end.
    pub book: Vec<&'a ReviewCustomer>,
    /// The list entering the week.
    pub book_start: Vec<&'a ReviewCustomer>,
    /// The week's sales by product kind (shared by the sales metrics and the review).
    pub sales: Vec<KindSales>,
}

impl<'a> Week<'a> {
    pub fn new(
        policy: &'a Policy,
        customers: &'a [ReviewCustomer],
        queue_days: &'a [DayCompletion],
        monday: NaiveDate,
        today: NaiveDate,
    ) -> Week<'a> {
        let end = (monday + Duration::days(6)).min(today);
        let start = monday - Duration::days(1);
        let mut week = Week {
            policy,
            customers,
            queue_days,
            monday,
            end,
            start,
            book: customers.iter().filter(|c| c.listed_on(end)).collect(),
            book_start: customers.iter().filter(|c| c.listed_on(start)).collect(),
            sales: Vec::new(),
        };
        week.sales = super::sales::by_kind(&week);
        week
    }

    /// Customers on the list at the week's end.
    pub fn n(&self) -> usize {
        self.book.len()
    }

    /// Customers on the list at the week's end for whom `f` holds.
    pub fn count_where(&self, f: impl Fn(&ReviewCustomer) -> bool) -> usize {
        self.book.iter().filter(|c| f(c)).count()
    }

    /// True when the customer has an entry from `from` to the week's end that the rule accepts.
    pub fn covered(&self, rule: Option<&Rule>, from: NaiveDate, c: &ReviewCustomer) -> bool {
        rule.is_some_and(|r| {
            entries_in(c, from, self.end).any(|e| r.accepts_kind(e.kind, e.outcome))
        })
    }

    /// A metric judged against the policy's target for its key.
    pub fn metric(
        &self,
        key: MetricKey,
        basis: Basis,
        actual: Option<Decimal>,
        parts: Option<(usize, usize)>,
    ) -> Metric {
        Metric {
            key,
            unit: key.unit(),
            basis,
            actual,
            target: Some(self.policy.targets.of_metric(key)),
            previous: None,
            expected: None,
            parts,
            lower_is_better: key.lower_is_better(),
            own_target: false,
        }
    }

    /// A share metric: `num` of `den`, with its parts.
    pub fn share_metric(&self, key: MetricKey, basis: Basis, num: usize, den: usize) -> Metric {
        self.metric(key, basis, share(num, den), Some((num, den)))
    }
}

/// The obligation's rule as the policy writes it; what satisfies an obligation does not
/// depend on the tier, only its period does, so the first tier that owes it gives it.
pub(super) fn rule_of(policy: &Policy, obligation: Obligation) -> Option<Rule> {
    policy.tiers.iter().find_map(|t| {
        policy
            .cadence
            .rules_for(&t.key)
            .into_iter()
            .find(|r| r.obligation == obligation)
    })
}

/// The snapshots dated on or before `day`.
pub(super) fn snaps_until(snaps: &[Snapshot], day: NaiveDate) -> &[Snapshot] {
    &snaps[..snaps.partition_point(|s| s.as_of <= day)]
}

/// The balance on `day`: the last snapshot on or before it.
pub(super) fn balance_on(snaps: &[Snapshot], day: NaiveDate) -> Option<Decimal> {
    snaps_until(snaps, day).last().map(|s| s.balances.aum())
}

/// The AUM the tiers are judged on, on `day`, by the policy's basis.
pub(super) fn tier_on(policy: &Policy, snaps: &[Snapshot], day: NaiveDate) -> Option<usize> {
    let upto = snaps_until(snaps, day);
    let aum = match policy.aum.basis {
        AumBasis::Current => upto.last()?.balances.aum(),
        AumBasis::DailyAverage365 if upto.is_empty() => return None,
        AumBasis::DailyAverage365 => daily_average_aum(upto, day),
    };
    Some(tier_of(policy, aum))
}

pub(super) fn share(num: usize, den: usize) -> Option<Decimal> {
    (den > 0).then(|| (Decimal::from(num) / Decimal::from(den)).round_dp(4))
}

pub(super) fn within(day: NaiveDate, from: NaiveDate, to: NaiveDate) -> bool {
    from <= day && day <= to
}

/// Entries of the customer on days `from..=to`.
pub(super) fn entries_in(
    c: &ReviewCustomer,
    from: NaiveDate,
    to: NaiveDate,
) -> impl Iterator<Item = &ReviewEntry> {
    c.entries
        .iter()
        .filter(move |e| within(e.at.date(), from, to))
}

pub(super) fn is_holding_live(h: &Holding, day: NaiveDate) -> bool {
    h.start_on.is_none_or(|s| s <= day) && h.maturity_on.is_none_or(|m| m >= day)
}
