//! The customer list (客户名单): table rows to `CustomerRecord`s, with per-field rejections and repeated customer numbers caught. No I/O beyond the bytes given.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::headers::{BALANCE_KEYS, CUSTOMER_COLUMNS, Columns, broken_rejections};
use super::read::read_table;
use super::row::{Clearing, RowCheck};
use super::values::{
    PhoneCell, parse_date, parse_gender, parse_risk_level, read_phone, split_tags,
};
use super::{CustomerRecord, FileFormat, ImportPlan, Problem, ReadError};
use crate::domain::customer::{Balances, Customer};
use crate::domain::limits::LimitsPolicy;

/// The customer details the clear marker may erase: the optional ones a manager's record can
/// do without. Not the customer number and name (required), not the manager (unassigning is
/// the lead's, by the assignment commands), not balances or `as_of` (blank already means zero
/// and the import's date).
const CUSTOMER_CLEARING: Clearing = Clearing {
    allowed: &[
        "gender",
        "birth_date",
        "phone",
        "id_number",
        "occupation",
        "risk_level",
        "risk_assessed_on",
        "first_trade_on",
        "tags",
    ],
    refusal: |key| match key {
        "customer_no" | "name" => Problem::ClearRequired,
        "manager_no" | "manager_name" => Problem::ClearManager,
        _ => Problem::NotClearable,
    },
};

/// [`read_customers_within`] the default `[limits]` of the policy.
pub fn read_customers(
    bytes: &[u8],
    format: FileFormat,
    sheet: Option<&str>,
) -> Result<ImportPlan<CustomerRecord>, ReadError> {
    read_customers_within(bytes, format, sheet, &LimitsPolicy::default())
}

/// Reads a customer list (CSV in UTF-8/GBK, or a workbook's first or named sheet) into good records and rejections; a balance above `limits.max_balance` or below zero is rejected.
///
/// A customer number seen again is refused on every later line, pointing at the first one, even when that first line was itself refused: which of two rows is right is for the manager to decide in the file, not for the importer to guess.
pub fn read_customers_within(
    bytes: &[u8],
    format: FileFormat,
    sheet: Option<&str>,
    limits: &LimitsPolicy,
) -> Result<ImportPlan<CustomerRecord>, ReadError> {
    let table = read_table(bytes, format, sheet)?;
    let columns = Columns::map(&table.header.cells, CUSTOMER_COLUMNS)?;
    let with_balances = BALANCE_KEYS.iter().any(|k| columns.has(k));
    let mut plan = ImportPlan {
        rows: Vec::new(),
        rejected: broken_rejections(&table, &columns),
    };
    let mut first_lines: HashMap<String, usize> = HashMap::new();
    for row in &table.rows {
        let mut check = RowCheck::new(row, &columns, limits.max_balance, &CUSTOMER_CLEARING);
        let customer_no = check.required_text("customer_no");
        if !customer_no.is_empty() {
            match first_lines.entry(customer_no.clone()) {
                Entry::Occupied(first) => {
                    let first_line = *first.get();
                    check.reject("customer_no", Problem::DuplicateCustomerNo { first_line });
                }
                Entry::Vacant(slot) => {
                    slot.insert(check.line());
                }
            }
        }
        let record = customer_row(&mut check, customer_no, with_balances);
        match check.finish() {
            Ok(()) => plan.rows.push(record),
            Err(rejections) => plan.rejected.extend(rejections),
        }
    }
    // Stable: a row's own rejections stay in column order.
    plan.rejected.sort_by_key(|r| r.line);
    Ok(plan)
}

/// Reads every field after the customer number, in the order of `CUSTOMER_COLUMNS`.
fn customer_row(
    check: &mut RowCheck<'_>,
    customer_no: String,
    with_balances: bool,
) -> CustomerRecord {
    let name = check.required_text("name");
    let gender = check.optional("gender", parse_gender);
    let birth_date = check.optional("birth_date", parse_date);
    let (phone, landline) = match check.optional("phone", read_phone) {
        Some(PhoneCell::Mobile(digits)) => (Some(digits), None),
        Some(PhoneCell::Landline(text)) => (None, Some(text)),
        None => (None, None),
    };
    let id_number = check
        .optional_text("id_number")
        .map(|id| id.replace(' ', "").to_ascii_uppercase());
    let occupation = check.optional_text("occupation");
    let manager_no = check.optional_text("manager_no");
    let manager_name = check.optional_text("manager_name");
    let balances = with_balances.then(|| Balances {
        deposits: check.balance("deposits"),
        wealth: check.balance("wealth"),
        funds: check.balance("funds"),
        insurance: check.balance("insurance"),
        bonds: check.balance("bonds"),
        other: check.balance("other_assets"),
    });
    let risk_level = check.optional("risk_level", parse_risk_level);
    let risk_assessed_on = check.optional("risk_assessed_on", parse_date);
    let first_trade_on = check.optional("first_trade_on", parse_date);
    let as_of = check.optional("as_of", parse_date);
    let tags = split_tags(&check.checked_text("tags"));
    let cleared = check.cleared();
    CustomerRecord {
        line: check.line(),
        customer: Customer {
            customer_no,
            name,
            gender,
            birth_date,
            phone,
            id_number,
            occupation,
            manager_no,
            risk_level,
            risk_assessed_on,
            first_trade_on,
            tags,
            preference_override: None,
        },
        manager_name,
        balances,
        as_of,
        cleared,
        landline,
    }
}
