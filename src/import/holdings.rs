//! The holdings list (客户持仓: wealth products, funds, fixed deposits with their maturities): table rows to `HoldingRecord`s with per-field rejections. Whether the customer exists is the service's question, not this one's.

use super::headers::{Columns, HOLDING_COLUMNS};
use super::read::read_table;
use super::row::RowCheck;
use super::values::parse_date;
use super::{FileFormat, HoldingRecord, ImportPlan, Problem, ReadError};
use crate::domain::customer::{Holding, ProductKind};

/// Reads a holdings list (CSV in UTF-8/GBK, or a workbook's first or named sheet) into good records and rejections.
pub fn read_holdings(
    bytes: &[u8],
    format: FileFormat,
    sheet: Option<&str>,
) -> Result<ImportPlan<HoldingRecord>, ReadError> {
    let table = read_table(bytes, format, sheet)?;
    let columns = Columns::map(&table.header.cells, HOLDING_COLUMNS)?;
    let mut plan = ImportPlan {
        rows: Vec::new(),
        rejected: Vec::new(),
    };
    for row in &table.rows {
        let mut check = RowCheck::new(row, &columns);
        let customer_no = check.required_text("customer_no");
        let kind = check.required("kind", |t| {
            ProductKind::parse(t).ok_or_else(|| Problem::BadProductKind(t.to_string()))
        });
        let product_code = check.text("product_code").to_string();
        let product_name = check.required_text("product_name");
        let amount = check.amount("amount");
        let start_on = check.optional("start_on", parse_date);
        let maturity_on = check.optional("maturity_on", parse_date);
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
    Ok(plan)
}
