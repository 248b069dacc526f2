//! The fund and wealth-product sales ledgers (基金/理财产品销售台账): one line per sale of the
//! kind, as CSV, XLSX or JSON. Which entries count and their total are `domain::diary`'s rules.

use std::io::Write;

use serde::Serialize;

use super::{Cell, ExportFormat, amount_text, date_text, write_json, write_table};
use crate::domain::customer::ProductKind;
use crate::domain::diary::DiaryEntry;
pub use crate::domain::diary::{ledger_entries, ledger_totals};
use crate::error::Result;
use crate::i18n::Lang;

/// One ledger line in JSON.
#[derive(Debug, Serialize)]
struct LedgerJson<'a> {
    id: i64,
    date: String,
    customer_no: Option<&'a str>,
    customer_name: Option<&'a str>,
    product_kind: &'static str,
    product_code: &'a str,
    product_name: &'a str,
    amount: Option<String>,
    maturity_on: Option<String>,
    manager_no: Option<&'a str>,
}

/// The header of a sales ledger (CSV and XLSX).
pub fn ledger_header(lang: Lang) -> [&'static str; 8] {
    [
        lang.pick("日期", "Date"),
        lang.pick("客户号", "Customer no."),
        lang.pick("客户姓名", "Customer"),
        lang.pick("产品代码", "Product code"),
        lang.pick("产品名称", "Product name"),
        lang.pick("金额", "Amount"),
        lang.pick("到期日", "Maturity"),
        lang.pick("客户经理", "Manager"),
    ]
}

/// A sales ledger (基金销售台账 for `Fund`, 理财产品销售台账 for `Wealth`; any kind works): the
/// live sale entries of that product kind.
pub fn export_ledger(
    entries: &[DiaryEntry],
    kind: ProductKind,
    format: ExportFormat,
    lang: Lang,
) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    write_ledger(&mut out, entries, kind, format, lang)?;
    Ok(out)
}

/// `export_ledger` into a writer; errors as for `write_diary`.
pub fn write_ledger(
    out: impl Write,
    entries: &[DiaryEntry],
    kind: ProductKind,
    format: ExportFormat,
    lang: Lang,
) -> Result<()> {
    let lines = ledger_entries(entries, kind);
    match format {
        ExportFormat::Csv | ExportFormat::Xlsx => write_table(
            out,
            format,
            match kind {
                ProductKind::Fund => lang.pick("基金销售台账", "Fund sales"),
                ProductKind::Wealth => lang.pick("理财产品销售台账", "Wealth sales"),
                _ => lang.pick("销售台账", "Sales"),
            },
            &ledger_header(lang),
            lines.iter().map(|(e, s)| {
                vec![
                    Cell::Date(e.draft.occurred_at.date()),
                    Cell::opt_text(e.draft.customer_no.as_deref()),
                    Cell::opt_text(e.customer_name.as_deref()),
                    Cell::Text(s.product_code.clone()),
                    Cell::Text(s.product_name.clone()),
                    s.amount.map_or(Cell::Empty, Cell::Amount),
                    s.maturity_on.map_or(Cell::Empty, Cell::Date),
                    Cell::opt_text(e.manager_no.as_deref()),
                ]
            }),
        ),
        ExportFormat::Json => {
            let rows: Vec<LedgerJson<'_>> = lines
                .iter()
                .map(|(e, s)| LedgerJson {
                    id: e.id,
                    date: date_text(e.draft.occurred_at.date()),
                    customer_no: e.draft.customer_no.as_deref(),
                    customer_name: e.customer_name.as_deref(),
                    product_kind: s.product_kind.key(),
                    product_code: &s.product_code,
                    product_name: &s.product_name,
                    amount: s.amount.map(amount_text),
                    maturity_on: s.maturity_on.map(date_text),
                    manager_no: e.manager_no.as_deref(),
                })
                .collect();
            write_json(out, &rows)
        }
    }
}
