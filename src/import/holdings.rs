//! The holdings list (客户持仓: wealth products, funds, fixed deposits with their maturities): table rows to `HoldingRecord`s with per-field rejections. Whether the customer exists is the service's question, not this one's.

use super::headers::{Columns, HOLDING_COLUMNS, broken_rejections};
use super::read::read_table;
use super::row::{Clearing, RowCheck};
use super::values::{parse_date, parse_kind};
use super::{FileFormat, HoldingRecord, ImportPlan, Problem, ReadError};
use crate::domain::customer::Holding;
use crate::domain::limits::LimitsPolicy;

/// No field of a holdings row takes the clear marker. A row is a whole record: its optional
/// dates and code are stored as the file gives them, blank as none, so there is no kept value
/// for the marker to erase, and a marker there is more likely a pasted mistake than intent.
const HOLDINGS_CLEARING: Clearing = Clearing {
    allowed: &[],
    refusal: |_| Problem::ClearInHoldings,
};

/// [`read_holdings_within`] the default `[limits]` of the policy.
pub fn read_holdings(
    bytes: &[u8],
    format: FileFormat,
    sheet: Option<&str>,
) -> Result<ImportPlan<HoldingRecord>, ReadError> {
    read_holdings_within(bytes, format, sheet, &LimitsPolicy::default())
}

/// Reads a holdings list (CSV in UTF-8/GBK, or a workbook's first or named sheet) into good records and rejections; an amount above `limits.max_balance` or below zero, or a maturity before the start, is rejected.
pub fn read_holdings_within(
    bytes: &[u8],
    format: FileFormat,
    sheet: Option<&str>,
    limits: &LimitsPolicy,
) -> Result<ImportPlan<HoldingRecord>, ReadError> {
    let table = read_table(bytes, format, sheet)?;
    let columns = Columns::map(&table.header.cells, HOLDING_COLUMNS)?;
    let mut plan = ImportPlan {
        rows: Vec::new(),
        rejected: broken_rejections(&table, &columns),
    };
    for row in &table.rows {
        let mut check = RowCheck::new(row, &columns, limits.max_balance, &HOLDINGS_CLEARING);
        let customer_no = check.required_text("customer_no");
        let kind = check.required("kind", parse_kind);
        let product_code = check.checked_text("product_code");
        let product_name = check.required_text("product_name");
        let amount = check.amount("amount");
        let start_on = check.optional("start_on", parse_date);
        let maturity_on = check.optional("maturity_on", parse_date);
        if let (Some(start), Some(maturity)) = (start_on, maturity_on)
            && maturity < start
        {
            check.reject(
                "maturity_on",
                Problem::MaturityBeforeStart { start, maturity },
            );
        }
        let line = check.line();
        match (check.finish(), kind, amount) {
            (Ok(()), Some(kind), Some(amount)) => plan.rows.push(HoldingRecord {
                line,
                customer_no,
                holding: Holding {
                    kind,
                    product_code,
                    product_name,
                    amount,
                    start_on,
                    maturity_on,
                },
            }),
            (Err(rejections), _, _) => plan.rejected.extend(rejections),
            // Unreachable in practice: a missing kind or amount is always rejected.
            (Ok(()), _, _) => {}
        }
    }
    // Stable: a row's own rejections stay in column order.
    plan.rejected.sort_by_key(|r| r.line);
    Ok(plan)
}
