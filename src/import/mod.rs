//! Reading the bank's exports (CSV or XLSX, UTF-8/BOM/GBK, Chinese or English headers) into an import plan: good rows and rejected rows with their line, field and reason. Never writes to the store.

// Reading untrusted bytes: no slicing or indexing that could panic on what a file holds.
#[deny(clippy::indexing_slicing, clippy::string_slice)]
mod csv_text;
#[deny(clippy::indexing_slicing, clippy::string_slice)]
mod customers;
#[deny(clippy::indexing_slicing, clippy::string_slice)]
mod headers;
#[deny(clippy::indexing_slicing, clippy::string_slice)]
mod holdings;
#[deny(clippy::indexing_slicing, clippy::string_slice)]
mod messages;
#[deny(clippy::indexing_slicing, clippy::string_slice)]
mod read;
#[deny(clippy::indexing_slicing, clippy::string_slice)]
mod row;
#[deny(clippy::indexing_slicing, clippy::string_slice)]
mod sheet;
#[deny(clippy::indexing_slicing, clippy::string_slice)]
mod text;
#[deny(clippy::indexing_slicing, clippy::string_slice)]
mod values;
#[deny(clippy::indexing_slicing, clippy::string_slice)]
pub mod warnings;

pub use customers::{read_customers, read_customers_within};
pub use headers::match_header;
pub use holdings::{read_holdings, read_holdings_within};
pub use messages::field_label;
pub use read::{detect_format, format_for_path};
pub use text::EncodingProblem;
pub use values::{
    CLEAR_MARKER_EN, CLEAR_MARKER_ZH, excel_serial_date, is_clear_marker, parse_amount, parse_date,
    parse_gender, parse_kind, parse_phone, parse_risk_level, split_tags,
};

/// The caps of one import, in the order they are checked (see `csv_text` and `sheet`).
pub mod caps {
    pub use super::csv_text::{MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS};
    pub use super::sheet::MAX_UNZIPPED_BYTES;
    pub use super::text::MAX_BAD_LINES;
    pub use super::values::{MAX_ID_CHARS, MAX_NAME_CHARS, MAX_TEXT_CHARS};
}

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::domain::customer::{Balances, Customer, Holding};

/// The file's container format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    Csv,
    Xlsx,
}

/// One good customer row. Fields the file leaves out or blank are `None` (an update keeps the
/// stored value); those it clears with the marker (`<清空>`, `<clear>`) are named in `cleared`.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerRecord {
    /// Line number in the file (the header is line 1), or the row number in the sheet.
    pub line: usize,
    pub customer: Customer,
    pub manager_name: Option<String>,
    /// Present when the file has any balance column; absent classes are zero.
    pub balances: Option<Balances>,
    /// The row's own `as_of` (数据日期), if the file has one.
    pub as_of: Option<NaiveDate>,
    /// The optional fields (keys: `phone`, `tags`…) the file clears with the marker: an
    /// update erases them, where a blank cell keeps the stored value.
    pub cleared: Vec<&'static str>,
    /// A landline found in the phone column, as written: not stored as the mobile (which SMS
    /// lists use) and warned about; the row still goes in.
    pub landline: Option<String>,
}

/// One good holdings row.
#[derive(Debug, Clone, PartialEq)]
pub struct HoldingRecord {
    pub line: usize,
    pub customer_no: String,
    pub holding: Holding,
}

/// A rejected row: where, which field, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    pub line: usize,
    /// The canonical field key (`phone`, `deposits`, `birth_date`…).
    pub field: String,
    pub problem: Problem,
}

/// Why a value was refused; carries the offending text where there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Missing,
    BadAmount(String),
    BadDate(String),
    ImpossibleDate(String),
    /// A real date before 1900 or after 2200: no customer or contract is dated there.
    DateOutOfRange(String),
    BadPhone(String),
    BadGender(String),
    BadRiskLevel(String),
    BadProductKind(String),
    DuplicateCustomerNo {
        first_line: usize,
    },
    /// The holdings row names a customer the store does not have (found by the service).
    UnknownCustomer(String),
    /// A quote opened in this cell is not closed before what is plainly the next record (or
    /// the end of the file); the line is skipped and reading goes on with the next.
    UnclosedQuote,
    /// The cell is longer than `max` characters (the text is not repeated: it may be huge).
    TooLong {
        max: usize,
    },
    /// The row has more than `max` cells.
    TooManyColumns {
        max: usize,
    },
    /// The line's bytes are neither UTF-8 nor GB18030 (or not the encoding of the rest).
    BadEncoding,
    /// The text holds a control character (NUL, escape, a bidirectional override…), shown as its code point.
    ControlCharacter(u32),
    /// A balance or holding amount below zero.
    NegativeAmount(String),
    /// Above the policy's `limits.max_balance` (carried, in yuan).
    AboveLimit {
        text: String,
        max: Decimal,
    },
    /// The date's time of day does not exist (`25:99`).
    BadTime(String),
    /// The holding matures before it starts.
    MaturityBeforeStart {
        start: NaiveDate,
        maturity: NaiveDate,
    },
    /// The clear marker (`<清空>`, `<clear>`) on a required field (customer number, name).
    ClearRequired,
    /// The clear marker on the manager: unassigning is the lead's, by the assignment commands.
    ClearManager,
    /// The clear marker on a column where blank already has a meaning (a balance, `as_of`).
    NotClearable,
    /// The clear marker in a holdings file, whose rows are whole records: blank already
    /// stores nothing there, so there is no kept value to erase.
    ClearInHoldings,
}

/// Good rows and rejected rows of one file.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPlan<R> {
    pub rows: Vec<R>,
    pub rejected: Vec<Rejection>,
}

/// Why the file as a whole could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    Empty,
    /// A required column is not in the header; carries the canonical field key.
    MissingColumn(String),
    SheetNotFound(String),
    Xlsx(String),
    Csv(String),
    /// The bytes are in a text encoding guanhu does not read.
    Encoding(EncodingProblem),
    /// The header line itself could not be read, so no row can be.
    BadHeader {
        line: usize,
        problem: Problem,
    },
    /// More data rows than `max`.
    TooManyRows {
        max: usize,
    },
    /// The workbook inflates to more than `max_mb` megabytes (a zip bomb, or not an export).
    Unzipped {
        max_mb: u64,
    },
    /// A sheet has a value beyond the row or column cap, at `cell` (`XFD1048576`).
    SheetTooLarge {
        sheet: String,
        cell: String,
        max_rows: usize,
        max_columns: usize,
    },
}
