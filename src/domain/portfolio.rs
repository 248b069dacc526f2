//! A manager's book as the screens and reports see it: each customer with balances and classification, and one customer's full picture. Plain data.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::classify::Classification;
use super::customer::{Balances, Customer, Holding, Snapshot};
use super::search::SearchKey;

/// One customer in a list: who, latest balances, and what the rules make of them.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerSummary {
    pub customer: Customer,
    pub manager_name: Option<String>,
    /// The latest balances (zero when none were imported).
    pub balances: Balances,
    /// The date of those balances.
    pub as_of: Option<NaiveDate>,
    pub class: Classification,
    /// Pinyin index of the name for incremental search.
    pub search: SearchKey,
    /// The last two-way contact or sale logged in the diary.
    pub last_contact: Option<NaiveDate>,
}

/// Everything the Customer detail screen shows.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerDetail {
    pub summary: CustomerSummary,
    pub holdings: Vec<Holding>,
    /// All snapshots, oldest first, for the trend.
    pub snapshots: Vec<Snapshot>,
    /// The customer's live diary entries, newest first.
    pub timeline: Vec<super::diary::DiaryEntry>,
    /// Last SMS, contact, visit, sale and risk assessment.
    pub cadence: super::diary::CadenceStatus,
    /// The manager's own book: notes, relations, referrals, address, the change history.
    pub book: super::book::BookFacts,
}

/// A customer as written by `guanhu customers --format json|csv`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CustomerListing {
    pub customer_no: String,
    pub name: String,
    pub tier: String,
    pub age_segment: String,
    pub preference_segment: String,
    pub lifecycle: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub aum: Decimal,
    pub manager_no: Option<String>,
    pub phone: Option<String>,
}
