//! Exports of the work diary, the fund and wealth-product sales ledgers (基金/理财产品销售台账)
//! and the SMS list, as bytes: CSV (UTF-8 with a BOM, so Excel shows Chinese) or JSON (an array
//! of objects with stable snake_case English keys). Pure writers: no files, no store.
//!
//! CSV headers and words (kinds, outcomes, product kinds) follow the chosen language; JSON keys
//! and coded values (`call`, `reached`, `wealth`) are the same in both languages so scripts can
//! rely on them. Amounts are exact decimal text, never floats; dates are ISO (`2026-11-24`).
//! Phone and ID numbers are masked unless the caller asks for them unmasked (the SMS list is
//! always unmasked: it is for the bank's SMS platform).

use std::collections::HashMap;
use std::io::Write;

use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::domain::customer::{ProductKind, RiskLevel};
use crate::domain::diary::{DiaryEntry, EntryKind, Outcome};
use crate::domain::mask::{mask_id, mask_phone};
use crate::domain::money::format_plain;
use crate::domain::portfolio::CustomerSummary;
use crate::error::{Error, Result};
use crate::i18n::Lang;

/// The UTF-8 byte order mark every CSV starts with, so Excel reads it as UTF-8.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The file format of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ExportFormat {
    #[default]
    Csv,
    Json,
}

impl ExportFormat {
    /// `csv` or `json`.
    pub fn key(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
        }
    }

    /// Parses `csv` or `json` (any case).
    pub fn parse(text: &str) -> Option<ExportFormat> {
        match text.trim().to_ascii_lowercase().as_str() {
            "csv" => Some(ExportFormat::Csv),
            "json" => Some(ExportFormat::Json),
            _ => None,
        }
    }
}

/// A customer's personal numbers, for the phone (and ID) columns of the diary export.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CustomerContact {
    pub phone: Option<String>,
    pub id_number: Option<String>,
}

/// The contacts of a book, keyed by customer number, as `export_diary` takes them.
pub fn contacts(customers: &[CustomerSummary]) -> HashMap<String, CustomerContact> {
    customers
        .iter()
        .map(|s| {
            (
                s.customer.customer_no.clone(),
                CustomerContact {
                    phone: s.customer.phone.clone(),
                    id_number: s.customer.id_number.clone(),
                },
            )
        })
        .collect()
}

/// The word for a diary kind (电话 … 感悟 | Call … Reflection).
pub fn kind_word(kind: EntryKind, lang: Lang) -> &'static str {
    crate::i18n::kind_name(lang, kind)
}

/// The word for an outcome (已接通 … 拒绝 | Reached … Refused).
pub fn outcome_word(outcome: Outcome, lang: Lang) -> &'static str {
    crate::i18n::outcome_name(lang, outcome)
}

/// The word for a product kind (基金 … 其他 | Fund … Other).
pub fn product_word(kind: ProductKind, lang: Lang) -> &'static str {
    crate::i18n::product_name(lang, kind)
}

/// Exact decimal text: two places for ordinary money (`300000.00`), every digit otherwise.
fn amount_text(amount: Decimal) -> String {
    if amount.scale() <= 2 {
        format_plain(amount)
    } else {
        amount.normalize().to_string()
    }
}

fn date_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// ISO date-time for JSON (`2026-11-24T10:30:00`).
fn datetime_iso(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%dT%H:%M:%S").to_string()
}

/// Date-time as Excel reads it (`2026-11-24 10:30`).
fn datetime_csv(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%d %H:%M").to_string()
}

/// One CSV cell made safe for a spreadsheet (OWASP's CSV-injection advice): control
/// characters other than tab and line breaks are removed (an escape sequence in a name would
/// act on the terminal of whoever prints the file), and text that starts with `= + - @`, a
/// tab or a carriage return gets a leading apostrophe, which Excel shows as plain text instead
/// of running the cell as a formula. A plain number (`-1500.00`, `+3`) is left a number.
/// Every CSV guanhu writes passes each cell through here.
pub fn csv_cell(text: &str) -> String {
    let kept = |c: char| !c.is_control() || matches!(c, '\t' | '\n' | '\r');
    let text: String = if text.chars().all(kept) {
        text.to_string()
    } else {
        text.chars().filter(|&c| kept(c)).collect()
    };
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) && !plain_number(&text) {
        format!("'{text}")
    } else {
        text
    }
}

/// `-1500.00`, `+3`, `42`: an optional sign, digits, and at most one decimal point with
/// digits after it.
fn plain_number(text: &str) -> bool {
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

fn opt(text: Option<String>) -> String {
    text.unwrap_or_default()
}

/// A failed write, as an I/O error (a closed pipe stays recognisable as `BrokenPipe`).
fn write_error(what: &str, e: impl Into<std::io::Error>) -> Error {
    Error::io(what, e.into())
}

/// Writes a CSV with a BOM, the header and the records, every cell through [`csv_cell`].
fn write_csv(
    out: impl Write,
    header: &[&str],
    records: impl IntoIterator<Item = Vec<String>>,
) -> Result<()> {
    let mut out = out;
    out.write_all(UTF8_BOM).map_err(|e| write_error("CSV", e))?;
    let mut w = csv::Writer::from_writer(out);
    w.write_record(header).map_err(|e| write_error("CSV", e))?;
    for record in records {
        let record: Vec<String> = record.iter().map(|c| csv_cell(c)).collect();
        w.write_record(&record).map_err(|e| write_error("CSV", e))?;
    }
    w.flush().map_err(|e| write_error("CSV", e))?;
    Ok(())
}

fn write_json<T: Serialize>(out: impl Write, rows: &[T]) -> Result<()> {
    let mut out = out;
    serde_json::to_writer_pretty(&mut out, rows).map_err(|e| write_error("JSON", e))?;
    out.write_all(b"\n").map_err(|e| write_error("JSON", e))?;
    Ok(())
}

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

    fn csv(self, lang: Lang) -> Vec<String> {
        vec![
            datetime_csv(self.occurred_at),
            kind_word(self.kind, lang).to_string(),
            opt(self.customer_no.map(str::to_string)),
            self.customer_name.unwrap_or_default().to_string(),
            opt(self.phone),
            opt(self.id_number),
            opt(self.outcome.map(|o| outcome_word(o, lang).to_string())),
            opt(self.risk_level.map(|r| r.key().to_string())),
            self.note.to_string(),
            opt(self.follow_up_at.map(datetime_csv)),
            opt(self.product_kind.map(|k| product_word(k, lang).to_string())),
            self.product_name.unwrap_or_default().to_string(),
            opt(self.amount.map(amount_text)),
            opt(self.maturity_on.map(date_text)),
            opt(self.manager_no.map(str::to_string)),
        ]
    }
}

/// The CSV header of the diary export.
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
        ExportFormat::Csv => write_csv(out, &diary_header(lang), rows.map(|r| r.csv(lang))),
        ExportFormat::Json => write_json(out, &rows.map(DiaryRow::json).collect::<Vec<_>>()),
    }
}

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

/// The CSV header of a sales ledger.
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
        ExportFormat::Csv => write_csv(
            out,
            &ledger_header(lang),
            lines.iter().map(|(e, s)| {
                vec![
                    date_text(e.draft.occurred_at.date()),
                    opt(e.draft.customer_no.clone()),
                    e.customer_name.clone().unwrap_or_default(),
                    s.product_code.clone(),
                    s.product_name.clone(),
                    opt(s.amount.map(amount_text)),
                    opt(s.maturity_on.map(date_text)),
                    opt(e.manager_no.clone()),
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

pub use crate::domain::diary::{ledger_entries, ledger_totals};

/// Puts the customer's name into an SMS template (`{name}您好，…`).
pub fn personalise(template: &str, name: &str) -> String {
    template.replace("{name}", name)
}

/// The SMS list for the bank's SMS platform, with a Chinese header (姓名, 手机号, 短信内容): one row
/// per customer with a phone, the phone UNMASKED, the message personalised from `template`.
/// The bytes hold personal data; the caller should say so.
pub fn sms_list(customers: &[CustomerSummary], template: &str) -> Result<Vec<u8>> {
    sms_list_in(customers, template, Lang::Zh)
}

/// `sms_list` with the header in `lang` (Name, Phone, Message in English).
pub fn sms_list_in(customers: &[CustomerSummary], template: &str, lang: Lang) -> Result<Vec<u8>> {
    let header = [
        lang.pick("姓名", "Name"),
        lang.pick("手机号", "Phone"),
        lang.pick("短信内容", "Message"),
    ];
    let rows = customers.iter().filter_map(|s| {
        let phone = s.customer.phone.as_deref()?.trim();
        if phone.is_empty() {
            return None;
        }
        Some(vec![
            s.customer.name.clone(),
            phone.to_string(),
            personalise(template, &s.customer.name),
        ])
    });
    let mut out = Vec::new();
    write_csv(&mut out, &header, rows)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn amounts_keep_every_digit() {
        assert_eq!(amount_text(dec!(300000)), "300000.00");
        assert_eq!(amount_text(dec!(1234.5)), "1234.50");
        assert_eq!(amount_text(dec!(0.125)), "0.125");
    }

    #[test]
    fn formula_like_text_is_defused() {
        assert_eq!(csv_cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_cell("客户说好"), "客户说好");
        assert_eq!(csv_cell("-1500.00"), "-1500.00");
        assert_eq!(csv_cell("+86 138"), "'+86 138");
        assert_eq!(csv_cell("-"), "'-");
        assert_eq!(csv_cell("@A1"), "'@A1");
        assert_eq!(csv_cell("\tx"), "'\tx");
        assert_eq!(csv_cell("\u{1b}]0;x\u{7}"), "]0;x");
    }

    struct ClosedPipe;

    impl Write for ClosedPipe {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_stays_recognisable() {
        for format in [ExportFormat::Csv, ExportFormat::Json] {
            let err =
                write_ledger(ClosedPipe, &[], ProductKind::Fund, format, Lang::Zh).unwrap_err();
            assert!(
                matches!(&err, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe),
                "{err:?}"
            );
        }
    }

    #[test]
    fn formats_parse() {
        assert_eq!(ExportFormat::parse("JSON"), Some(ExportFormat::Json));
        assert_eq!(ExportFormat::parse("xlsx"), None);
        assert_eq!(ExportFormat::Csv.key(), "csv");
    }
}
