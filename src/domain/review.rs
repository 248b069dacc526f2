//! A manager's week against the targets (周报): the review's figures computed from one manager's customers, their snapshots, holdings and diary. Pure: the service reads the store and hands everything in; no I/O, no clock.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, IsoWeek, Months, NaiveDate, NaiveDateTime, Weekday};
use rust_decimal::Decimal;
use serde::Serialize;

use super::cadence::{Obligation, Rule};
use super::classify::{daily_average_aum, distance_to_next_tier, tier_of};
use super::customer::{Holding, ProductKind, Snapshot};
use super::diary::{EntryKind, Outcome, is_two_way_kind};
use super::period::Period;
use super::policy::{AumBasis, Policy};

/// One diary entry as the review reads it (live entries only).
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewEntry {
    pub kind: EntryKind,
    pub outcome: Option<Outcome>,
    pub at: NaiveDateTime,
    pub follow_up_at: Option<NaiveDateTime>,
    /// A sale's product kind and amount (zero when the sale carries none).
    pub sale: Option<(ProductKind, Decimal)>,
}

/// One customer of the manager's list with what the review reads of them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReviewCustomer {
    pub customer_no: String,
    pub name: String,
    /// The day the customer came into the store (`customers.added_on`).
    pub added_on: NaiveDate,
    /// When the customer was on this manager's list: from (inclusive) to (exclusive, `None`
    /// while current), from the assignment history. Empty: on the list since `added_on`.
    pub on_list: Vec<(NaiveDate, Option<NaiveDate>)>,
    pub first_trade_on: Option<NaiveDate>,
    /// The imported risk assessment date (assessments logged in the diary come on top).
    pub risk_assessed_on: Option<NaiveDate>,
    /// Balance snapshots, oldest first.
    pub snapshots: Vec<Snapshot>,
    pub holdings: Vec<Holding>,
    /// Entries since [`entries_since`], oldest first.
    pub entries: Vec<ReviewEntry>,
}

impl ReviewCustomer {
    /// True when the customer was on this manager's list on `day`.
    pub fn listed_on(&self, day: NaiveDate) -> bool {
        listed_on(&self.on_list, self.added_on, day)
    }
}

/// True when a customer with these periods on a list (from inclusive, to exclusive; none:
/// on it since `added_on`) was on it on `day`.
pub fn listed_on(
    on_list: &[(NaiveDate, Option<NaiveDate>)],
    added_on: NaiveDate,
    day: NaiveDate,
) -> bool {
    if on_list.is_empty() {
        return added_on <= day;
    }
    on_list
        .iter()
        .any(|(from, to)| *from <= day && to.is_none_or(|t| day < t))
}

/// One working day's queue: rows planned and rows done that day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayCompletion {
    pub day: NaiveDate,
    pub planned: usize,
    pub done: usize,
}

/// What a figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A whole number (customers, sales, assessments).
    Count,
    /// A share between 0 and 1.
    Share,
    /// Yuan.
    Amount,
    /// An average per customer.
    Average,
}

impl Unit {
    /// A figure as reports and screens print it: shares as percentages, money in yuan.
    pub fn format(self, value: Decimal) -> String {
        match self {
            Unit::Count => value.normalize().to_string(),
            Unit::Share => format!("{:.1}%", (value * Decimal::from(100)).round_dp(1)),
            Unit::Amount => super::money::format_yuan(value),
            Unit::Average => format!("{:.2}", value.round_dp(2)),
        }
    }
}

/// The period a figure is measured over, ending at the week's end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    Week,
    MonthToDate,
    QuarterToDate,
    YearToDate,
    /// The state at the week's end (holdings, valid assessments).
    WeekEnd,
}

/// One line of the review.
#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    /// Stable key (`sms_coverage`, `core_product_penetration.fund`).
    pub key: String,
    pub unit: Unit,
    pub basis: Basis,
    /// `None` when there is nothing to measure (a share of an empty list).
    pub actual: Option<Decimal>,
    pub target: Option<Decimal>,
    /// The same figure for the week before.
    pub previous: Option<Decimal>,
    /// Where a month-to-date share should be by now at an even pace.
    pub expected: Option<Decimal>,
    /// For shares: the numerator and the denominator.
    pub parts: Option<(usize, usize)>,
    /// True when a lower figure is better (customers lost): the target is a ceiling.
    pub lower_is_better: bool,
    /// True when the target is the manager's own rather than the policy's.
    pub own_target: bool,
}

impl Metric {
    /// Whether the target is met; `None` without a figure or a target.
    pub fn met(&self) -> Option<bool> {
        let (a, t) = (self.actual?, self.target?);
        Some(if self.lower_is_better { a <= t } else { a >= t })
    }

    /// Actual minus previous, when both are known.
    pub fn change(&self) -> Option<Decimal> {
        Some(self.actual? - self.previous?)
    }
}

/// Sales of one product kind in the week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KindSales {
    pub kind: ProductKind,
    pub count: usize,
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
}

/// A customer moving between tiers (an upgrade when `to` is above `from`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Migration {
    pub customer_no: String,
    pub customer_name: String,
    /// Tier keys.
    pub from: String,
    pub to: String,
    pub date: NaiveDate,
    pub upgrade: bool,
}

/// The manager's words for a week (本周总结 / 下周计划).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Reflection {
    pub summary: String,
    pub plan: String,
    pub updated_at: Option<NaiveDateTime>,
}

/// A manager's week.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekReview {
    /// The week's Monday.
    pub monday: NaiveDate,
    /// The last day counted: the Sunday, or today while the week is still running.
    pub end: NaiveDate,
    pub metrics: Vec<Metric>,
    pub sales_by_kind: Vec<KindSales>,
    pub migrations: Vec<Migration>,
}

/// `2026-W47` for the ISO week of `day`.
pub fn week_label(day: NaiveDate) -> String {
    let w: IsoWeek = day.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

/// The Monday of an ISO week written `2026-W47` (or `2026w47`).
pub fn parse_week(text: &str) -> Option<NaiveDate> {
    let t = text.trim().to_ascii_uppercase();
    let (year, week) = t.split_once('W')?;
    let year: i32 = year.trim_end_matches('-').parse().ok()?;
    let week: u32 = week.parse().ok()?;
    NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)
}

/// The Monday of the week holding `day`.
pub fn monday_of(day: NaiveDate) -> NaiveDate {
    Period::Week(day).range().0
}

/// The first day of diary history the review of the week starting `monday` reads: the start
/// of the previous week's year (for the year-to-date visit coverage), or the dormancy window
/// before the previous week when that reaches further back.
pub fn entries_since(policy: &Policy, monday: NaiveDate) -> NaiveDate {
    let prev = monday - Duration::days(7);
    let prev_end = prev + Duration::days(6);
    let year_start = NaiveDate::from_ymd_opt(prev_end.year(), 1, 1).unwrap_or(prev);
    let dormant = prev - Duration::days(i64::from(policy.lifecycle.dormant_after_days));
    year_start.min(dormant)
}

/// The week starting `monday` with the week before as `previous`; `today` cuts a running week
/// short (nothing after it is counted, and month-to-date is measured to it).
pub fn review_week(
    policy: &Policy,
    customers: &[ReviewCustomer],
    queue_days: &[DayCompletion],
    monday: NaiveDate,
    today: NaiveDate,
) -> WeekReview {
    let monday = monday_of(monday);
    let this = figures(policy, customers, queue_days, monday, today);
    let before = figures(
        policy,
        customers,
        queue_days,
        monday - Duration::days(7),
        today,
    );
    let mut metrics = this.metrics;
    for m in &mut metrics {
        m.previous = before
            .metrics
            .iter()
            .find(|p| p.key == m.key)
            .and_then(|p| p.actual);
    }
    WeekReview {
        monday,
        end: this.end,
        metrics,
        sales_by_kind: this.sales_by_kind,
        migrations: this.migrations,
    }
}

struct Figures {
    end: NaiveDate,
    metrics: Vec<Metric>,
    sales_by_kind: Vec<KindSales>,
    migrations: Vec<Migration>,
}

/// The obligation's rule as the policy writes it; what satisfies an obligation does not
/// depend on the tier, only its period does, so the first tier that owes it gives it.
fn rule_of(policy: &Policy, obligation: Obligation) -> Option<Rule> {
    policy.tiers.iter().find_map(|t| {
        policy
            .cadence
            .rules_for(&t.key)
            .into_iter()
            .find(|r| r.obligation == obligation)
    })
}

/// The snapshots dated on or before `day`.
fn snaps_until(snaps: &[Snapshot], day: NaiveDate) -> &[Snapshot] {
    &snaps[..snaps.partition_point(|s| s.as_of <= day)]
}

/// The balance on `day`: the last snapshot on or before it.
fn balance_on(snaps: &[Snapshot], day: NaiveDate) -> Option<Decimal> {
    snaps_until(snaps, day).last().map(|s| s.balances.aum())
}

/// The AUM the tiers are judged on, on `day`, by the policy's basis.
fn tier_on(policy: &Policy, snaps: &[Snapshot], day: NaiveDate) -> Option<usize> {
    let upto = snaps_until(snaps, day);
    let aum = match policy.aum.basis {
        AumBasis::Current => upto.last()?.balances.aum(),
        AumBasis::DailyAverage365 if upto.is_empty() => return None,
        AumBasis::DailyAverage365 => daily_average_aum(upto, day),
    };
    Some(tier_of(policy, aum))
}

fn share(num: usize, den: usize) -> Option<Decimal> {
    (den > 0).then(|| (Decimal::from(num) / Decimal::from(den)).round_dp(4))
}

fn within(day: NaiveDate, from: NaiveDate, to: NaiveDate) -> bool {
    from <= day && day <= to
}

/// Entries of the customer on days `from..=to`.
fn entries_in(
    c: &ReviewCustomer,
    from: NaiveDate,
    to: NaiveDate,
) -> impl Iterator<Item = &ReviewEntry> {
    c.entries
        .iter()
        .filter(move |e| within(e.at.date(), from, to))
}

fn is_holding_live(h: &Holding, day: NaiveDate) -> bool {
    h.start_on.is_none_or(|s| s <= day) && h.maturity_on.is_none_or(|m| m >= day)
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

fn metric(
    key: &str,
    unit: Unit,
    basis: Basis,
    actual: Option<Decimal>,
    target: Decimal,
    parts: Option<(usize, usize)>,
) -> Metric {
    Metric {
        key: key.to_string(),
        unit,
        basis,
        actual,
        target: Some(target),
        previous: None,
        expected: None,
        parts,
        lower_is_better: false,
        own_target: false,
    }
}

fn share_metric(key: &str, basis: Basis, num: usize, den: usize, target: Decimal) -> Metric {
    metric(
        key,
        Unit::Share,
        basis,
        share(num, den),
        target,
        Some((num, den)),
    )
}

fn figures(
    policy: &Policy,
    customers: &[ReviewCustomer],
    queue_days: &[DayCompletion],
    monday: NaiveDate,
    today: NaiveDate,
) -> Figures {
    let t = &policy.targets;
    let sunday = monday + Duration::days(6);
    let end = sunday.min(today);
    // The state entering the week: as of the Sunday before.
    let start = monday - Duration::days(1);
    let book: Vec<&ReviewCustomer> = customers.iter().filter(|c| c.listed_on(end)).collect();
    let book_start: Vec<&ReviewCustomer> =
        customers.iter().filter(|c| c.listed_on(start)).collect();
    let n = book.len();
    let count_where = |f: &dyn Fn(&ReviewCustomer) -> bool| book.iter().filter(|c| f(c)).count();
    let covered = |rule: Option<&Rule>, from: NaiveDate, c: &ReviewCustomer| {
        rule.is_some_and(|r| entries_in(c, from, end).any(|e| r.accepts_kind(e.kind, e.outcome)))
    };
    let mut metrics = Vec::new();

    let new = customers
        .iter()
        // Came onto the list during the week (added, or reassigned from another manager).
        .filter(|c| c.listed_on(end) && !c.listed_on(start))
        .count();
    metrics.push(metric(
        "new_customers",
        Unit::Count,
        Basis::Week,
        Some(Decimal::from(new)),
        Decimal::from(t.weekly.new_customers),
        None,
    ));

    let sms = rule_of(policy, Obligation::Sms);
    let sms_done = count_where(&|c| covered(sms.as_ref(), monday, c));
    metrics.push(share_metric(
        "sms_coverage",
        Basis::Week,
        sms_done,
        n,
        t.weekly.sms_coverage,
    ));

    let (month_start, month_end) = Period::Month(end).range();
    let contact = rule_of(policy, Obligation::Contact);
    let contacted = count_where(&|c| covered(contact.as_ref(), month_start, c));
    let mut m = share_metric(
        "contact_coverage_mtd",
        Basis::MonthToDate,
        contacted,
        n,
        t.monthly.contact_coverage_mtd,
    );
    m.expected = share(
        policy.calendar.working_days_between(month_start, end),
        policy.calendar.working_days_between(month_start, month_end),
    );
    metrics.push(m);

    let year_start = NaiveDate::from_ymd_opt(end.year(), 1, 1).unwrap_or(monday);
    let visit = rule_of(policy, Obligation::Visit);
    let visited = count_where(&|c| covered(visit.as_ref(), year_start, c));
    metrics.push(share_metric(
        "visit_coverage_ytd",
        Basis::YearToDate,
        visited,
        n,
        t.yearly.visit_coverage_ytd,
    ));

    let quarter_start = Period::Quarter(end).range().0;
    let sale_rule = rule_of(policy, Obligation::Sale);
    let sale_tiers: Option<Vec<usize>> = policy
        .cadence
        .sale
        .as_ref()
        .and_then(|s| s.tiers.as_ref())
        .map(|keys| keys.iter().filter_map(|k| policy.tier_index(k)).collect());
    let owes_sale = |c: &ReviewCustomer| match (&sale_tiers, tier_on(policy, &c.snapshots, end)) {
        (None, _) => true,
        (Some(tiers), Some(tier)) => tiers.contains(&tier),
        (Some(_), None) => false,
    };
    let owing: Vec<&&ReviewCustomer> = book.iter().filter(|c| owes_sale(c)).collect();
    let sold = owing
        .iter()
        .filter(|c| covered(sale_rule.as_ref(), quarter_start, c))
        .count();
    metrics.push(share_metric(
        "sale_coverage_qtd",
        Basis::QuarterToDate,
        sold,
        owing.len(),
        t.quarterly.sale_coverage_qtd,
    ));

    let mut by_kind: BTreeMap<ProductKind, (usize, Decimal)> = BTreeMap::new();
    for c in &book {
        for (kind, amount) in entries_in(c, monday, end).filter_map(|e| e.sale) {
            let slot = by_kind.entry(kind).or_default();
            slot.0 += 1;
            slot.1 += amount;
        }
    }
    let sales_by_kind: Vec<KindSales> = by_kind
        .into_iter()
        .map(|(kind, (count, amount))| KindSales {
            kind,
            count,
            amount,
        })
        .collect();
    metrics.push(metric(
        "sales_count",
        Unit::Count,
        Basis::Week,
        Some(Decimal::from(
            sales_by_kind.iter().map(|s| s.count).sum::<usize>(),
        )),
        Decimal::from(t.weekly.sales_count),
        None,
    ));
    metrics.push(metric(
        "sales_amount",
        Unit::Amount,
        Basis::Week,
        Some(sales_by_kind.iter().map(|s| s.amount).sum()),
        t.weekly.sales_amount,
        None,
    ));

    let assessments: usize = book
        .iter()
        .map(|c| {
            entries_in(c, monday, end)
                .filter(|e| e.kind == EntryKind::RiskAssessment)
                .count()
        })
        .sum();
    metrics.push(metric(
        "risk_assessments",
        Unit::Count,
        Basis::Week,
        Some(Decimal::from(assessments)),
        Decimal::from(t.weekly.risk_assessments),
        None,
    ));
    let valid_months = Months::new(policy.signals.risk_assessment_valid_months);
    let valid = count_where(&|c| {
        let logged = c
            .entries
            .iter()
            .filter(|e| e.kind == EntryKind::RiskAssessment && e.at.date() <= end)
            .map(|e| e.at.date())
            .max();
        let imported = c.risk_assessed_on.filter(|d| *d <= end);
        logged
            .max(imported)
            .and_then(|d| d.checked_add_months(valid_months))
            .is_some_and(|expires| expires > end)
    });
    metrics.push(share_metric(
        "risk_assessment_valid_share",
        Basis::WeekEnd,
        valid,
        n,
        t.weekly.risk_assessment_valid_share,
    ));

    let vip = policy.tier_index(&policy.vip.min_tier).unwrap_or(0);
    let is_vip =
        |c: &&ReviewCustomer, day| tier_on(policy, &c.snapshots, day).is_some_and(|t| t >= vip);
    let vip_end = book.iter().filter(|c| is_vip(c, end)).count() as i64;
    let vip_start = book_start.iter().filter(|c| is_vip(c, start)).count() as i64;
    metrics.push(metric(
        "vip_net_change",
        Unit::Count,
        Basis::Week,
        Some(Decimal::from(vip_end - vip_start)),
        Decimal::from(t.weekly.vip_net_change),
        None,
    ));

    let migrations = migrations(policy, &book, monday, end);

    let (handled, open) = opportunities(policy, &book, monday, end);
    metrics.push(share_metric(
        "opportunities_handled",
        Basis::Week,
        handled,
        open,
        t.weekly.opportunities_handled,
    ));

    // Lost (流失): on the list entering the week and either moved off it, or with assets that
    // fell to zero.
    let lost = book_start
        .iter()
        .filter(|c| {
            !c.listed_on(end)
                || (balance_on(&c.snapshots, start).is_some_and(|a| a > Decimal::ZERO)
                    && balance_on(&c.snapshots, end).is_some_and(|a| a.is_zero()))
        })
        .count();
    let mut m = metric(
        "customers_lost",
        Unit::Count,
        Basis::Week,
        Some(Decimal::from(lost)),
        Decimal::from(t.weekly.customers_lost),
        None,
    );
    m.lower_is_better = true;
    metrics.push(m);

    let aum_end: Decimal = book
        .iter()
        .filter_map(|c| balance_on(&c.snapshots, end))
        .sum();
    let aum_start: Decimal = book_start
        .iter()
        .filter_map(|c| balance_on(&c.snapshots, start))
        .sum();
    metrics.push(metric(
        "aum_change",
        Unit::Amount,
        Basis::Week,
        Some(aum_end - aum_start),
        t.weekly.aum_change,
        None,
    ));

    let holds = |c: &ReviewCustomer, kind: ProductKind| {
        c.holdings
            .iter()
            .any(|h| h.kind == kind && is_holding_live(h, end))
    };
    for kind in t.core_kinds() {
        let holders = count_where(&|c| holds(c, kind));
        metrics.push(share_metric(
            &format!("core_product_penetration.{}", kind.key()),
            Basis::WeekEnd,
            holders,
            n,
            t.weekly.core_product_penetration,
        ));
    }
    let kinds_held: usize = book
        .iter()
        .map(|c| ProductKind::ALL.iter().filter(|k| holds(c, **k)).count())
        .sum();
    metrics.push(metric(
        "product_coverage",
        Unit::Average,
        Basis::WeekEnd,
        (n > 0).then(|| (Decimal::from(kinds_held) / Decimal::from(n)).round_dp(2)),
        t.weekly.product_coverage,
        Some((kinds_held, n)),
    ));

    let days = queue_days.iter().filter(|d| within(d.day, monday, end));
    let (planned, done) = days.fold((0, 0), |(p, d), day| (p + day.planned, d + day.done));
    metrics.push(share_metric(
        "queue_completion",
        Basis::Week,
        done,
        planned,
        t.weekly.queue_completion,
    ));

    Figures {
        end,
        metrics,
        sales_by_kind,
        migrations,
    }
}

/// Each snapshot in the week whose tier differs from the tier the day before.
fn migrations(
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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn week_labels_round_trip() {
        assert_eq!(week_label(d(2026, 11, 30)), "2026-W49");
        assert_eq!(parse_week("2026-W49"), Some(d(2026, 11, 30)));
        assert_eq!(parse_week("2026w01"), Some(d(2025, 12, 29)));
        assert_eq!(parse_week("2026-W54"), None);
        assert_eq!(parse_week("week"), None);
    }

    #[test]
    fn an_empty_list_has_counts_but_no_shares() {
        let policy = Policy::default_policy();
        let r = review_week(&policy, &[], &[], d(2026, 11, 30), d(2026, 12, 10));
        let get = |k: &str| r.metrics.iter().find(|m| m.key == k).unwrap();
        assert_eq!(get("new_customers").actual, Some(Decimal::ZERO));
        assert_eq!(get("sms_coverage").actual, None);
        assert_eq!(get("queue_completion").actual, None);
        assert_eq!(r.end, d(2026, 12, 6));
    }
}
