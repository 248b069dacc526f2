//! `Decimal` stored as exact TEXT, never REAL.

use std::str::FromStr;

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rust_decimal::Decimal;

/// A `Decimal` as SQLite TEXT.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecimalText(pub Decimal);

impl ToSql for DecimalText {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.0.normalize().to_string()))
    }
}

impl FromSql for DecimalText {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        match value {
            ValueRef::Text(bytes) => {
                let text =
                    std::str::from_utf8(bytes).map_err(|e| FromSqlError::Other(Box::new(e)))?;
                Decimal::from_str(text)
                    .map(DecimalText)
                    .map_err(|e| FromSqlError::Other(Box::new(e)))
            }
            ValueRef::Integer(i) => Ok(DecimalText(Decimal::from(i))),
            _ => Err(FromSqlError::InvalidType),
        }
    }
}
