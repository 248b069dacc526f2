//! The metrics of the manager's work: the week's opportunities (商机) acted on, rebuilt from the record, and the daily queue's completion. One function per metric; no other metric here.

use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;

use super::week::{Week, balance_on, entries_in, snaps_until, within};
use super::{Basis, Metric, MetricKey, ReviewCustomer, ReviewEntry};
use crate::domain::classify::{distance_to_next_tier, tier_of};
use crate::domain::diary::{EntryKind, is_two_way_kind};
use crate::domain::policy::Policy;

pub(super) fn opportunities_handled(w: &Week) -> Metric {
    let (handled, open) = opportunities(w.policy, &w.book, w.monday, w.end);
    w.share_metric(MetricKey::OpportunitiesHandled, Basis::Week, handled, open)
}

/// Rows done of the rows planned, over the week's working days.
pub(super) fn queue_completion(w: &Week) -> Metric {
    let days = w
        .queue_days
        .iter()
        .filter(|d| within(d.day, w.monday, w.end));
    let (planned, done) = days.fold((0, 0), |(p, d), day| (p + day.planned, d + day.done));
    w.share_metric(MetricKey::QueueCompletion, Basis::Week, done, planned)
}

/// A two-way contact or a sale: what acting on an opportunity means.
fn acts_on(e: &ReviewEntry) -> bool {
    e.kind == EntryKind::Sale || is_two_way_kind(e.kind, e.outcome)
}

fn contacts_customer(e: &ReviewEntry) -> bool {
    matches!(
        e.kind,
        EntryKind::Call | EntryKind::Sms | EntryKind::Wechat | EntryKind::Visit | EntryKind::Sale
    )
}

/// The week's opportunities (商机) and how many were acted on: `(handled, open)`.
///
/// The queue raises these signals day by day from state the store does not keep history of
/// (holds, the day's plan), so the week's opportunities are rebuilt from the record instead,
/// one per customer and kind, each opened on a day of the week:
/// - `callback`: a follow-up due in the week; handled by any contact (call, SMS, WeChat,
///   visit, sale) logged after the entry that scheduled it, up to the week's end;
/// - `maturity`: a holding maturing from Monday to the policy's maturity window after the
///   week's end (opened Monday);
/// - `large_outflow`: a snapshot in the week down by the policy's amount or share from the
///   one before (opened on its date);
/// - `upgrade` / `downgrade_risk`: AUM entering the week within the policy's share below the
///   next tier / above its own tier's floor and lower than at the snapshot before (opened Monday);
/// - `new_customer`: a first trade within the policy's window before or in the week (opened
///   on the later of Monday and that day);
/// - `dormant`: on the list for the dormancy window before Monday with neither a two-way
///   contact, a sale nor a change of AUM in it (opened Monday).
///
/// Apart from call-backs, an opportunity is handled by a two-way contact or a sale (the
/// diary's rule, `is_two_way_kind`) from the day it opened to the week's end.
fn opportunities(
    policy: &Policy,
    book: &[&ReviewCustomer],
    monday: NaiveDate,
    end: NaiveDate,
) -> (usize, usize) {
    let sig = &policy.signals;
    let start = monday - Duration::days(1);
    let (mut handled, mut open) = (0, 0);
    let mut tally = |is_open: bool, done: bool| {
        if is_open {
            open += 1;
            handled += usize::from(done);
        }
    };
    let horizon = end + Duration::days(i64::from(sig.maturity_within_days));
    for c in book {
        let acted_from = |from: NaiveDate| entries_in(c, from, end).any(acts_on);

        for e in c.entries.iter().filter(|e| {
            e.follow_up_at
                .is_some_and(|f| within(f.date(), monday, end))
        }) {
            let done = c
                .entries
                .iter()
                .any(|l| l.at > e.at && l.at.date() <= end && contacts_customer(l));
            tally(true, done);
        }

        let maturing = c.holdings.iter().any(|h| {
            h.maturity_on
                .is_some_and(|m| within(m, monday, horizon) && c.listed_on(m))
        });
        tally(maturing, acted_from(monday));

        let week_snaps = c
            .snapshots
            .iter()
            .enumerate()
            .filter(|(i, s)| *i > 0 && within(s.as_of, monday, end));
        let outflow = week_snaps
            .filter(|(i, s)| {
                let before = c.snapshots[i - 1].balances.aum();
                let drop = before - s.balances.aum();
                drop > Decimal::ZERO
                    && (drop >= sig.large_outflow_amount
                        || (before > Decimal::ZERO && drop / before >= sig.large_outflow_share))
            })
            .map(|(_, s)| s.as_of)
            .next();
        if let Some(day) = outflow {
            tally(true, acted_from(day));
        }

        let upto = snaps_until(&c.snapshots, start);
        if let Some(last) = upto.last() {
            let aum = last.balances.aum();
            let upgrade = distance_to_next_tier(policy, aum).is_some_and(|(next, gap)| {
                gap > Decimal::ZERO && gap <= policy.tiers[next].min * sig.upgrade_within_share
            });
            tally(upgrade, acted_from(monday));
            let tier = tier_of(policy, aum);
            let falling = upto.len() >= 2 && aum < upto[upto.len() - 2].balances.aum();
            let floor = policy.tiers[tier].min;
            let downgrade =
                tier > 0 && falling && aum < floor * (Decimal::ONE + sig.downgrade_within_share);
            tally(downgrade, acted_from(monday));
        }

        let new_from = monday - Duration::days(i64::from(sig.new_customer_within_days));
        if let Some(first) = c.first_trade_on.filter(|d| within(*d, new_from, end)) {
            tally(true, acted_from(first.max(monday)));
        }

        let quiet_from = monday - Duration::days(i64::from(policy.lifecycle.dormant_after_days));
        if c.added_on <= quiet_from {
            let engaged = entries_in(c, quiet_from, start).any(acts_on);
            let moved = {
                let window: Vec<Decimal> = c
                    .snapshots
                    .iter()
                    .filter(|s| within(s.as_of, quiet_from, start))
                    .map(|s| s.balances.aum())
                    .collect();
                let before = balance_on(&c.snapshots, quiet_from - Duration::days(1));
                window
                    .iter()
                    .any(|a| Some(*a) != before.or(Some(window[0])))
            };
            tally(!engaged && !moved, acted_from(monday));
        }
    }
    (handled, open)
}
