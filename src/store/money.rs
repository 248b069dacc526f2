//! `Decimal` stored as exact TEXT, never REAL, and read back only within the ceiling every sum relies on ([`MAX_STORED_AMOUNT`](crate::domain::limits::MAX_STORED_AMOUNT)).

use std::str::FromStr;

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rust_decimal::Decimal;

// The refusal lives in domain (beside the ceiling) so that `error` can name it without naming the store.
pub use crate::domain::limits::AmountBeyondCeiling;
use crate::domain::limits::storable_amount;

/// A `Decimal` as SQLite TEXT.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecimalText(pub Decimal);

/// Reads a stored amount's text, refusing one beyond the ceiling.
pub fn parse_stored_amount(
    text: &str,
) -> Result<Decimal, Box<dyn std::error::Error + Send + Sync>> {
    let value = Decimal::from_str(text)?;
    if storable_amount(value) {
        Ok(value)
    } else {
        Err(Box::new(AmountBeyondCeiling(text.to_string())))
    }
}

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
                parse_stored_amount(text)
                    .map(DecimalText)
                    .map_err(FromSqlError::Other)
            }
            ValueRef::Integer(i) => {
                let value = Decimal::from(i);
                if storable_amount(value) {
                    Ok(DecimalText(value))
                } else {
                    Err(FromSqlError::Other(Box::new(AmountBeyondCeiling(
                        i.to_string(),
                    ))))
                }
            }
            _ => Err(FromSqlError::InvalidType),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::limits::MAX_STORED_AMOUNT;

    #[test]
    fn amounts_beyond_the_ceiling_are_refused_on_read() {
        assert_eq!(
            parse_stored_amount("1000000000000000").ok(),
            Some(MAX_STORED_AMOUNT)
        );
        let err = parse_stored_amount("79228162514264337593543950335").unwrap_err();
        assert!(err.downcast_ref::<AmountBeyondCeiling>().is_some());
        assert!(parse_stored_amount("abc").is_err());
    }
}
