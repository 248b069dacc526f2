//! Exports of the work diary, the fund and wealth-product sales ledgers (基金/理财产品销售台账)
//! the SMS list and the customer list, as bytes: CSV (UTF-8 with a BOM, so Excel shows Chinese),
//! XLSX (one sheet: amounts as numbers, dates as dates, text never a formula) or JSON (an array
//! of objects with stable snake_case English keys). Pure writers: no files, no store.
//!
//! CSV headers and words (kinds, outcomes, product kinds) follow the chosen language; JSON keys
//! and coded values (`call`, `reached`, `wealth`) are the same in both languages so scripts can
//! rely on them. Amounts are exact decimal text, never floats; dates are ISO (`2026-11-24`).
//! Phone and ID numbers are masked unless the caller asks for them unmasked (the SMS list is
//! always unmasked: it is for the bank's SMS platform).
//!
//! This file holds what every writer shares (the format, the BOM, formula-safe cells, the
//! CSV and JSON writers, the words); `xlsx` is the sheet writer; `diary`, `ledger`, `sms` and
//! `customers` each describe one kind of file: its header and each row as typed [`Cell`]s,
//! written by CSV and XLSX alike, so the two cannot drift.
//! Never the store, never the terminal: the caller decides where the bytes go.

mod customers;
mod diary;
mod ledger;
mod sms;
mod xlsx;

pub use customers::{customers_header, export_customers, write_customers};
pub use xlsx::{Cell, amount_number, sheet_text, write_xlsx};

pub use diary::{diary_header, export_diary, write_diary};
pub use ledger::{export_ledger, ledger_entries, ledger_header, ledger_totals, write_ledger};
pub use sms::{personalise, sms_list, sms_list_in, write_sms_list};

use std::collections::HashMap;
use std::io::Write;

use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::domain::customer::ProductKind;
use crate::domain::diary::{EntryKind, Outcome};
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
    /// An Excel workbook (binary).
    Xlsx,
}

impl ExportFormat {
    /// `csv`, `json` or `xlsx`.
    pub fn key(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
            ExportFormat::Xlsx => "xlsx",
        }
    }

    /// Parses `csv`, `json` or `xlsx` (any case).
    pub fn parse(text: &str) -> Option<ExportFormat> {
        match text.trim().to_ascii_lowercase().as_str() {
            "csv" => Some(ExportFormat::Csv),
            "json" => Some(ExportFormat::Json),
            "xlsx" => Some(ExportFormat::Xlsx),
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
    crate::domain::names::kind_name(lang, kind)
}

/// The word for an outcome (已接通 … 拒绝 | Reached … Refused).
pub fn outcome_word(outcome: Outcome, lang: Lang) -> &'static str {
    crate::domain::names::outcome_name(lang, outcome)
}

/// The word for a product kind (基金 … 其他 | Fund … Other).
pub fn product_word(kind: ProductKind, lang: Lang) -> &'static str {
    crate::domain::names::product_name(lang, kind)
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

/// Writes a table of typed cells as CSV (each cell's words, through [`csv_cell`]) or as an
/// XLSX sheet named `sheet`. JSON has its own row types and goes through [`write_json`].
fn write_table(
    out: impl Write,
    format: ExportFormat,
    sheet: &str,
    header: &[&str],
    rows: impl IntoIterator<Item = Vec<Cell>>,
) -> Result<()> {
    match format {
        ExportFormat::Xlsx => write_xlsx(out, sheet, header, rows),
        ExportFormat::Csv | ExportFormat::Json => write_csv(
            out,
            header,
            rows.into_iter()
                .map(|r| r.iter().map(Cell::csv_text).collect()),
        ),
    }
}

fn write_json<T: Serialize>(out: impl Write, rows: &[T]) -> Result<()> {
    let mut out = out;
    serde_json::to_writer_pretty(&mut out, rows).map_err(|e| write_error("JSON", e))?;
    out.write_all(b"\n").map_err(|e| write_error("JSON", e))?;
    Ok(())
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
        for format in [ExportFormat::Csv, ExportFormat::Json, ExportFormat::Xlsx] {
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
        assert_eq!(ExportFormat::parse("XLSX"), Some(ExportFormat::Xlsx));
        assert_eq!(ExportFormat::parse("xls"), None);
        assert_eq!(ExportFormat::Csv.key(), "csv");
    }
}
