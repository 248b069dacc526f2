//! Reading the bank's exports (CSV or XLSX, UTF-8/BOM/GBK, Chinese or English headers) into an import plan: good rows and rejected rows with their line, field and reason. Never writes to the store.

mod customers;
mod headers;
mod holdings;
mod messages;
mod read;
mod row;
mod values;

pub use customers::read_customers;
pub use holdings::read_holdings;
pub use messages::field_label;
pub use read::{detect_format, format_for_path};
pub use values::{excel_serial_date, parse_amount, parse_date, parse_phone};

use chrono::NaiveDate;

use crate::domain::customer::{Balances, Customer, Holding};

/// The file's container format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    Csv,
    Xlsx,
}

/// One good customer row. Fields the file leaves out or blank are `None` (an update keeps the stored value).
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
}
