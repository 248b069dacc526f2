//! The review's data: what it reads of a manager's customers and queue, and the week it hands back (metrics, sales by kind, tier migrations, the manager's reflection). Types only; no arithmetic beyond a metric judging itself.

use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;
use serde::Serialize;

use super::MetricKey;
use crate::domain::customer::{Holding, ProductKind, Snapshot};
use crate::domain::diary::{EntryKind, Outcome};

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
    /// Entries since [`super::entries_since`], oldest first.
    pub entries: Vec<ReviewEntry>,
    /// A mainland mobile is on record (for the effective new-customer rule).
    pub mobile_on_record: bool,
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
            Unit::Amount => crate::domain::money::format_yuan(value),
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
    /// Which metric (`MetricKey::as_str` gives `sms_coverage`, `core_product_penetration.fund`).
    pub key: MetricKey,
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
    /// Customers referred to the manager in the week (他人引荐, 老带新, a teller's referral),
    /// counted from the book by the service.
    pub referrals_received: u32,
}
