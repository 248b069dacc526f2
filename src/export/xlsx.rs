//! The one sheet writer of the .xlsx exports: typed cells (text, amount, date, date-time,
//! integer) under a bold, frozen header row, as one workbook's bytes. It owns how a cell
//! becomes a spreadsheet cell and as CSV text; never which columns an export has.

use std::io::Write;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::{amount_text, date_text, datetime_csv, write_error};
use crate::error::Result;

/// One cell of an export row, typed so each format can write it its own way: CSV as text,
/// XLSX as a number, a date or a string.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing (an absent value): an empty CSV field, an empty spreadsheet cell.
    Empty,
    /// Text: always a string cell, never a formula, whatever it starts with.
    Text(String),
    /// Money, exact.
    Amount(Decimal),
    Date(NaiveDate),
    DateTime(NaiveDateTime),
    Int(i64),
    /// A figure that is not money (an average), to two places.
    Number(Decimal),
    /// A share between 0 and 1, shown as a percentage.
    Share(Decimal),
}

impl Cell {
    /// Text, or `Empty` when there is none.
    pub fn opt_text(text: Option<impl Into<String>>) -> Cell {
        text.map_or(Cell::Empty, |t| Cell::Text(t.into()))
    }

    /// The cell as CSV text (before `csv_cell` defuses it): the same words the CSV exports
    /// have always written, so their bytes do not change.
    pub fn csv_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Amount(a) => amount_text(*a),
            Cell::Date(d) => date_text(*d),
            Cell::DateTime(t) => datetime_csv(*t),
            Cell::Int(n) => n.to_string(),
            Cell::Number(n) | Cell::Share(n) => n.normalize().to_string(),
        }
    }
}

/// Excel keeps 15 significant digits (DBL_DIG): a decimal with at most that many survives
/// the trip through an IEEE double and back exactly.
const EXACT_DIGITS: u32 = 15;

/// An amount as the number an xlsx cell holds. The file format stores numbers as IEEE
/// doubles, so this is the one place guanhu's exact `Decimal` becomes an `f64`; an amount
/// with more significant digits than a double keeps (near the 10¹⁵ ceiling, with fen) is
/// `None`, and the caller writes it as exact text instead of a rounded number.
pub fn amount_number(amount: Decimal) -> Option<f64> {
    let mantissa = amount.normalize().mantissa().unsigned_abs();
    let digits = mantissa.checked_ilog10().map_or(1, |d| d + 1);
    if digits > EXACT_DIGITS {
        return None;
    }
    amount.to_f64().filter(|f| f.is_finite())
}

/// A date as Excel counts it, or `None` outside Excel's years (1900–9999).
fn excel_date(date: NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(date.year()).ok()?;
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8).ok()
}

fn excel_datetime(at: NaiveDateTime) -> Option<ExcelDateTime> {
    excel_date(at.date())?
        .and_hms(at.hour() as u16, at.minute() as u8, at.second())
        .ok()
}

/// The longest text an xlsx cell holds (Excel counts UTF-16 units; the writer refuses more).
const MAX_CELL_UNITS: usize = 32_767;

/// Text for a string cell: control characters removed as `csv_cell` removes them (an escape
/// sequence in a name must not travel on), and cut at Excel's cell limit so a very long note
/// is shortened rather than failing the whole export. No apostrophe: a string cell is text.
pub fn sheet_text(text: &str) -> String {
    let mut units = 0;
    text.chars()
        .filter(|&c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
        .take_while(|c| {
            units += c.len_utf16();
            units <= MAX_CELL_UNITS
        })
        .collect()
}

/// Column width in Excel's character units from the widest cell seen (CJK counts double),
/// kept between a readable minimum and a maximum that leaves a note column usable.
fn width_of(text: &str) -> f64 {
    let w = unicode_width::UnicodeWidthStr::width(text) as f64;
    w.clamp(8.0, 60.0) + 2.0
}

fn xlsx_error(e: XlsxError) -> crate::error::Error {
    match e {
        XlsxError::IoError(io) => write_error("XLSX", io),
        e => write_error("XLSX", std::io::Error::other(e.to_string())),
    }
}

/// Writes one sheet named `sheet` (header bold and frozen, amounts `#,##0.00`, dates
/// `yyyy-mm-dd`) as a whole workbook into `out`.
pub fn write_xlsx(
    mut out: impl Write,
    sheet: &str,
    header: &[&str],
    rows: impl IntoIterator<Item = Vec<Cell>>,
) -> Result<()> {
    let bytes = xlsx_bytes(sheet, header, rows).map_err(xlsx_error)?;
    out.write_all(&bytes).map_err(|e| write_error("XLSX", e))?;
    out.flush().map_err(|e| write_error("XLSX", e))
}

fn xlsx_bytes(
    sheet: &str,
    header: &[&str],
    rows: impl IntoIterator<Item = Vec<Cell>>,
) -> std::result::Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet)?;
    let bold = Format::new().set_bold();
    // A text cell that looks like a formula gets Excel's quote prefix too, so even editing
    // the cell and pressing Enter keeps it text.
    let quoted = Format::new().set_quote_prefix();
    let money = Format::new().set_num_format("#,##0.00");
    let day = Format::new().set_num_format("yyyy-mm-dd");
    let moment = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let figure = Format::new().set_num_format("0.00");
    let share = Format::new().set_num_format("0.0%");
    let formats = Formats {
        quoted,
        money,
        day,
        moment,
        figure,
        share,
    };
    let mut widths: Vec<f64> = header.iter().map(|h| width_of(h)).collect();
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(0, col(c)?, sheet_text(h), &bold)?;
    }
    for (r, row) in rows.into_iter().enumerate() {
        let r = u32::try_from(r + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
        for (c, cell) in row.iter().enumerate() {
            let shown = write_cell(ws, r, col(c)?, cell, &formats)?;
            if let Some(w) = widths.get_mut(c) {
                *w = w.max(width_of(&shown));
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(col(c)?, *w)?;
    }
    ws.set_freeze_panes(1, 0)?;
    book.save_to_buffer()
}

/// The cell formats of one workbook.
struct Formats {
    quoted: Format,
    money: Format,
    day: Format,
    moment: Format,
    figure: Format,
    share: Format,
}

fn col(c: usize) -> std::result::Result<u16, XlsxError> {
    u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)
}

/// Writes one cell and returns its text as shown, for the column width. Text goes through
/// `write_string` only: nothing a customer typed can become a formula, a number or a link.
fn write_cell(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    cell: &Cell,
    f: &Formats,
) -> std::result::Result<String, XlsxError> {
    let Formats {
        quoted,
        money,
        day,
        moment,
        figure,
        share,
    } = f;
    let text = |ws: &mut Worksheet, t: &str| -> std::result::Result<String, XlsxError> {
        let t = sheet_text(t);
        if t.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            ws.write_string_with_format(r, c, t.as_str(), quoted)?;
        } else {
            ws.write_string(r, c, t.as_str())?;
        }
        Ok(t)
    };
    match cell {
        Cell::Empty => Ok(String::new()),
        Cell::Text(t) => text(ws, t),
        Cell::Amount(a) => match amount_number(*a) {
            Some(n) => {
                ws.write_number_with_format(r, c, n, money)?;
                // Shown with thousands separators: about one more character per three digits.
                let t = amount_text(*a);
                let commas = ",".repeat(t.len() / 3);
                Ok(t + &commas)
            }
            None => text(ws, &amount_text(*a)),
        },
        Cell::Date(d) => match excel_date(*d) {
            Some(x) => {
                ws.write_datetime_with_format(r, c, x, day)?;
                Ok(date_text(*d))
            }
            None => text(ws, &date_text(*d)),
        },
        Cell::DateTime(t) => match excel_datetime(*t) {
            Some(x) => {
                ws.write_datetime_with_format(r, c, x, moment)?;
                Ok(datetime_csv(*t))
            }
            None => text(ws, &datetime_csv(*t)),
        },
        Cell::Number(n) | Cell::Share(n) => {
            let format = if matches!(cell, Cell::Share(_)) {
                share
            } else {
                figure
            };
            match amount_number(*n) {
                Some(x) => {
                    ws.write_number_with_format(r, c, x, format)?;
                    Ok(format!("{:.2}", x))
                }
                None => text(ws, &n.normalize().to_string()),
            }
        }
        Cell::Int(n) => {
            // i64 beyond 2^53 would lose digits as a double: exact text instead.
            if n.unsigned_abs() < (1 << 53) {
                ws.write_number(r, c, *n as f64)?;
                Ok(n.to_string())
            } else {
                text(ws, &n.to_string())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn amounts_become_doubles_only_when_exact() {
        assert_eq!(amount_number(dec!(300000.00)), Some(300000.0));
        assert_eq!(amount_number(dec!(-1500.5)), Some(-1500.5));
        assert_eq!(amount_number(dec!(0)), Some(0.0));
        assert_eq!(
            amount_number(dec!(9999999999999.99)),
            Some(9999999999999.99)
        );
        assert_eq!(amount_number(dec!(999999999999999.99)), None);
        assert_eq!(amount_number(Decimal::MAX), None);
    }

    #[test]
    fn dates_outside_excel_stay_text() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert!(excel_date(d(2026, 11, 24)).is_some());
        assert!(excel_date(d(1899, 1, 1)).is_none());
        assert!(excel_date(d(10000, 1, 1)).is_none());
        let at = d(2026, 11, 24).and_hms_opt(10, 30, 0).unwrap();
        assert!(excel_datetime(at).is_some());
    }

    #[test]
    fn sheet_text_drops_controls_and_fits_a_cell() {
        assert_eq!(sheet_text("张\u{1b}]0;x\u{7}伟\n"), "张]0;x伟\n");
        assert_eq!(sheet_text("=SUM(A1)"), "=SUM(A1)");
        let long = "𝄞".repeat(20_000);
        let cut = sheet_text(&long);
        assert!(cut.encode_utf16().count() <= MAX_CELL_UNITS);
        assert_eq!(cut.chars().count(), MAX_CELL_UNITS / 2);
    }

    #[test]
    fn cells_keep_their_csv_words() {
        assert_eq!(Cell::Amount(dec!(300000)).csv_text(), "300000.00");
        assert_eq!(Cell::Int(-3).csv_text(), "-3");
        assert_eq!(Cell::Empty.csv_text(), "");
        assert_eq!(Cell::opt_text(None::<String>), Cell::Empty);
    }

    #[test]
    fn a_workbook_is_written_even_from_hostile_cells() {
        let mut out = Vec::new();
        let rows = vec![vec![
            Cell::Text("=HYPERLINK(\"http://x\",\"y\")".into()),
            Cell::Amount(Decimal::MAX),
            Cell::Int(i64::MIN),
        ]];
        write_xlsx(&mut out, "表", &["姓名", "金额", "n"], rows).unwrap();
        assert!(out.starts_with(b"PK"));
    }
}
