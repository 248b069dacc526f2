//! One data row seen through the column map: reads each field with its parser and collects one `Rejection` per bad field. Shared by the customer and holdings readers; knows no particular field.

use rust_decimal::Decimal;

use super::headers::Columns;
use super::read::Row;
use super::values::{TextRule, check_balance, check_text, is_clear_marker, parse_amount};
use super::{Problem, Rejection};

/// Where a file may use the clear marker (`<清空>`, `<clear>`), and why not elsewhere.
pub(crate) struct Clearing {
    /// The fields the marker may erase.
    pub allowed: &'static [&'static str],
    /// The refusal for the marker on any other field.
    pub refusal: fn(&str) -> Problem,
}

/// A row being checked; `finish` says whether it is good.
pub(crate) struct RowCheck<'a> {
    row: &'a Row,
    columns: &'a Columns,
    /// The largest balance or holding amount accepted (the policy's `limits.max_balance`).
    max_balance: Decimal,
    clearing: &'a Clearing,
    /// The fields this row clears with the marker, in column-reading order.
    cleared: Vec<&'static str>,
    rejected: Vec<Rejection>,
}

impl<'a> RowCheck<'a> {
    pub fn new(
        row: &'a Row,
        columns: &'a Columns,
        max_balance: Decimal,
        clearing: &'a Clearing,
    ) -> RowCheck<'a> {
        RowCheck {
            row,
            columns,
            max_balance,
            clearing,
            cleared: Vec::new(),
            rejected: Vec::new(),
        }
    }

    /// The fields the row cleared with the marker.
    pub fn cleared(&self) -> Vec<&'static str> {
        self.cleared.clone()
    }

    /// True when the cell is the clear marker: noted as cleared where the file allows it,
    /// rejected elsewhere. Either way the caller reads the field as blank.
    fn marker(&mut self, key: &str) -> bool {
        if !is_clear_marker(self.text(key)) {
            return false;
        }
        match self.clearing.allowed.iter().find(|k| **k == key) {
            Some(k) => {
                if !self.cleared.contains(k) {
                    self.cleared.push(k);
                }
            }
            None => self.reject(key, (self.clearing.refusal)(key)),
        }
        true
    }

    pub fn line(&self) -> usize {
        self.row.line
    }

    /// The trimmed cell; empty if blank or the column is absent.
    pub fn text(&self, key: &str) -> &'a str {
        self.columns.cell(&self.row.cells, key)
    }

    pub fn reject(&mut self, key: &str, problem: Problem) {
        self.rejected.push(Rejection {
            line: self.row.line,
            field: key.to_string(),
            problem,
        });
    }

    /// A required text; blank is `Missing`.
    pub fn required_text(&mut self, key: &str) -> String {
        if self.text(key).is_empty() {
            self.reject(key, Problem::Missing);
        }
        self.checked_text(key)
    }

    /// An optional text; blank is None.
    pub fn optional_text(&mut self, key: &str) -> Option<String> {
        Some(self.checked_text(key)).filter(|t| !t.is_empty())
    }

    /// The cell's text, empty when blank, after its length and characters are checked
    /// ([`check_text`]); a refused text is rejected and read as empty.
    pub fn checked_text(&mut self, key: &str) -> String {
        if self.marker(key) {
            return String::new();
        }
        let text = self.text(key);
        match check_text(text, TextRule::of(key)) {
            Ok(()) => text.to_string(),
            Err(problem) => {
                self.reject(key, problem);
                String::new()
            }
        }
    }

    /// An optional value; blank is None, a bad value is rejected (and None).
    pub fn optional<T>(
        &mut self,
        key: &str,
        parse: impl Fn(&str) -> Result<T, Problem>,
    ) -> Option<T> {
        let text = self.text(key);
        if text.is_empty() || self.marker(key) {
            return None;
        }
        match parse(text) {
            Ok(value) => Some(value),
            Err(problem) => {
                self.reject(key, problem);
                None
            }
        }
    }

    /// A required value; blank is `Missing`.
    pub fn required<T>(
        &mut self,
        key: &str,
        parse: impl Fn(&str) -> Result<T, Problem>,
    ) -> Option<T> {
        if self.text(key).is_empty() {
            self.reject(key, Problem::Missing);
            return None;
        }
        self.optional(key, parse)
    }

    /// A balance in yuan (the column's unit applied), within 0 ..= `max_balance`; blank or
    /// absent is zero.
    pub fn balance(&mut self, key: &str) -> Decimal {
        let (multiplier, max) = (self.columns.multiplier(key), self.max_balance);
        self.optional(key, |t| check_balance(parse_amount(t, multiplier)?, t, max))
            .unwrap_or(Decimal::ZERO)
    }

    /// A required amount in yuan (the column's unit applied), within 0 ..= `max_balance`.
    pub fn amount(&mut self, key: &str) -> Option<Decimal> {
        let (multiplier, max) = (self.columns.multiplier(key), self.max_balance);
        self.required(key, |t| check_balance(parse_amount(t, multiplier)?, t, max))
    }

    /// Ok when no field was rejected, else every rejection of the row.
    pub fn finish(self) -> Result<(), Vec<Rejection>> {
        if self.rejected.is_empty() {
            Ok(())
        } else {
            Err(self.rejected)
        }
    }
}
