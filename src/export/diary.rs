//! The work diary export (客户经理工作日志): one row per live entry, phone and ID numbers
//! masked unless asked, as CSV, XLSX or JSON. Only the diary; the shared cells and writers are in
//! `export`'s `mod.rs`.

use std::collections::HashMap;
use std::io::Write;

use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;
use serde::Serialize;

use super::{
    Cell, CustomerContact, ExportFormat, amount_text, date_text, datetime_iso, kind_word,
    outcome_word, product_word, write_json, write_table,
};
use crate::domain::customer::{ProductKind, RiskLevel};
use crate::domain::diary::{DiaryEntry, EntryKind, Outcome};
use crate::domain::mask::{mask_id, mask_phone};
use crate::error::Result;
use crate::i18n::Lang;

/// One diary entry as exported, before it is written as CSV cells or JSON.
#[derive(Debug)]
struct DiaryRow<'a> {
    id: i64,
    occurred_at: NaiveDateTime,
    kind: EntryKind,
    customer_no: Option<&'a str>,
    customer_name: Option<&'a str>,
    phone: Option<String>,
    id_number: Option<String>,
    outcome: Option<Outcome>,
    risk_level: Option<RiskLevel>,
    note: &'a str,
    follow_up_at: Option<NaiveDateTime>,
    product_kind: Option<ProductKind>,
    product_code: Option<&'a str>,
    product_name: Option<&'a str>,
    amount: Option<Decimal>,
    maturity_on: Option<NaiveDate>,
    manager_no: Option<&'a str>,
    amended: bool,
}

/// The JSON form of a diary row: ISO times and amounts as strings.
#[derive(Debug, Serialize)]
struct DiaryJson<'a> {
    id: i64,
    occurred_at: String,
    kind: &'static str,
    customer_no: Option<&'a str>,
    customer_name: Option<&'a str>,
    phone: Option<String>,
    id_number: Option<String>,
    outcome: Option<&'static str>,
    risk_level: Option<&'static str>,
    note: &'a str,
    follow_up_at: Option<String>,
    product_kind: Option<&'static str>,
    product_code: Option<&'a str>,
    product_name: Option<&'a str>,
    amount: Option<String>,
    maturity_on: Option<String>,
    manager_no: Option<&'a str>,
    amended: bool,
}

impl<'a> DiaryRow<'a> {
    fn new(
        e: &'a DiaryEntry,
        customers: &HashMap<String, CustomerContact>,
        unmasked: bool,
    ) -> DiaryRow<'a> {
        let d = &e.draft;
        let contact = d.customer_no.as_ref().and_then(|no| customers.get(no));
        let shown = |value: Option<&String>, mask: fn(&str) -> String| {
            value
                .filter(|v| !v.trim().is_empty())
                .map(|v| if unmasked { v.clone() } else { mask(v) })
        };
        let sale = d.sale.as_ref();
        DiaryRow {
            id: e.id,
            occurred_at: d.occurred_at,
            kind: d.kind,
            customer_no: d.customer_no.as_deref(),
            customer_name: e.customer_name.as_deref(),
            phone: shown(contact.and_then(|c| c.phone.as_ref()), mask_phone),
            id_number: shown(contact.and_then(|c| c.id_number.as_ref()), mask_id),
            outcome: d.outcome,
            risk_level: d.risk_level,
            note: &d.note,
            follow_up_at: d.follow_up_at,
            product_kind: sale.map(|s| s.product_kind),
            product_code: sale.map(|s| s.product_code.as_str()),
            product_name: sale.map(|s| s.product_name.as_str()),
            amount: sale.and_then(|s| s.amount),
            maturity_on: sale.and_then(|s| s.maturity_on),
            manager_no: e.manager_no.as_deref(),
            amended: e.amended,
        }
    }

    fn json(self) -> DiaryJson<'a> {
        DiaryJson {
            id: self.id,
            occurred_at: datetime_iso(self.occurred_at),
            kind: self.kind.key(),
            customer_no: self.customer_no,
            customer_name: self.customer_name,
            phone: self.phone,
            id_number: self.id_number,
            outcome: self.outcome.map(Outcome::key),
            risk_level: self.risk_level.map(RiskLevel::key),
            note: self.note,
            follow_up_at: self.follow_up_at.map(datetime_iso),
            product_kind: self.product_kind.map(ProductKind::key),
            product_code: self.product_code,
            product_name: self.product_name,
            amount: self.amount.map(amount_text),
            maturity_on: self.maturity_on.map(date_text),
            manager_no: self.manager_no,
            amended: self.amended,
        }
    }

    /// The row's cells under [`diary_header`], for CSV and XLSX alike.
    fn cells(self, lang: Lang) -> Vec<Cell> {
        vec![
            Cell::DateTime(self.occurred_at),
            Cell::Text(kind_word(self.kind, lang).to_string()),
            Cell::opt_text(self.customer_no),
            Cell::opt_text(self.customer_name),
            Cell::opt_text(self.phone),
            Cell::opt_text(self.id_number),
            Cell::opt_text(self.outcome.map(|o| outcome_word(o, lang))),
            Cell::opt_text(self.risk_level.map(RiskLevel::key)),
            Cell::Text(self.note.to_string()),
            self.follow_up_at.map_or(Cell::Empty, Cell::DateTime),
            Cell::opt_text(self.product_kind.map(|k| product_word(k, lang))),
            Cell::opt_text(self.product_name),
            self.amount.map_or(Cell::Empty, Cell::Amount),
            self.maturity_on.map_or(Cell::Empty, Cell::Date),
            Cell::opt_text(self.manager_no),
        ]
    }
}

/// The header of the diary export (CSV and XLSX).
pub fn diary_header(lang: Lang) -> [&'static str; 15] {
    [
        lang.pick("时间", "Time"),
        lang.pick("类型", "Kind"),
        lang.pick("客户号", "Customer no."),
        lang.pick("客户姓名", "Customer"),
        lang.pick("手机号", "Phone"),
        lang.pick("证件号码", "ID number"),
        lang.pick("结果", "Outcome"),
        lang.pick("风险等级", "Risk level"),
        lang.pick("内容", "Note"),
        lang.pick("跟进时间", "Follow-up"),
        lang.pick("产品类型", "Product kind"),
        lang.pick("产品名称", "Product name"),
        lang.pick("金额", "Amount"),
        lang.pick("到期日", "Maturity"),
        lang.pick("客户经理", "Manager"),
    ]
}

/// The work diary (客户经理工作日志), one row per live entry in the order given. Phone and ID
/// numbers come from `customers` (keyed by customer number) and are masked unless `unmasked`.
/// Deleted entries are left out.
pub fn export_diary(
    entries: &[DiaryEntry],
    customers: &HashMap<String, CustomerContact>,
    format: ExportFormat,
    lang: Lang,
    unmasked: bool,
) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    write_diary(&mut out, entries, customers, format, lang, unmasked)?;
    Ok(out)
}

/// `export_diary` into a writer (stdout, a file). A failed write is an `Error::Io` whose source
/// keeps its kind, so a closed pipe can be told apart.
pub fn write_diary(
    out: impl Write,
    entries: &[DiaryEntry],
    customers: &HashMap<String, CustomerContact>,
    format: ExportFormat,
    lang: Lang,
    unmasked: bool,
) -> Result<()> {
    let rows = entries
        .iter()
        .filter(|e| !e.deleted)
        .map(|e| DiaryRow::new(e, customers, unmasked));
    match format {
        ExportFormat::Json => write_json(out, &rows.map(DiaryRow::json).collect::<Vec<_>>()),
        ExportFormat::Csv | ExportFormat::Xlsx => write_table(
            out,
            format,
            lang.pick("工作日志", "Diary"),
            &diary_header(lang),
            rows.map(|r| r.cells(lang)),
        ),
    }
}
