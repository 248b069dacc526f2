//! Finding stored amounts beyond the ceiling ([`MAX_STORED_AMOUNT`]) that an older guanhu let in, for `guanhu check` to name: the reads refuse such a value, so without this list the user could not learn where it is.

use rusqlite::Connection;

use crate::domain::limits::storable_amount;
use crate::error::Result;

/// One amount too large to be real: where it is and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImplausibleAmount {
    /// The customer it belongs to.
    pub customer_no: String,
    /// `balance_snapshots.deposits`, `holdings.amount`, `diary_entries.amount`, …
    pub column: String,
    /// The stored text.
    pub value: String,
}

/// Every stored amount above the ceiling or not a number at all, at most `limit` of them.
///
/// The SQL filter is a coarse pre-selection on the text's length (an amount within 10¹⁵
/// with cents has at most 20 characters) so a large store is scanned quickly; each candidate
/// is then judged exactly in `Decimal`.
pub fn implausible_amounts(conn: &Connection, limit: usize) -> Result<Vec<ImplausibleAmount>> {
    let columns = [
        ("balance_snapshots", "deposits"),
        ("balance_snapshots", "wealth"),
        ("balance_snapshots", "funds"),
        ("balance_snapshots", "insurance"),
        ("balance_snapshots", "bonds"),
        ("balance_snapshots", "other"),
        ("holdings", "amount"),
        ("diary_entries", "amount"),
    ];
    let mut found = Vec::new();
    for (table, column) in columns {
        // Table and column names come from the list above, never from input.
        let sql = format!(
            "SELECT c.customer_no, t.{column} FROM {table} t JOIN customers c ON c.id = t.customer_id \
             WHERE t.{column} IS NOT NULL AND (length(CAST(t.{column} AS TEXT)) > 20 \
                OR abs(CAST(t.{column} AS REAL)) > 1e15)"
        );
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map([], |r| {
            let value: rusqlite::types::Value = r.get(1)?;
            let text = match value {
                rusqlite::types::Value::Text(t) => t,
                rusqlite::types::Value::Integer(i) => i.to_string(),
                rusqlite::types::Value::Real(f) => f.to_string(),
                _ => String::new(),
            };
            Ok((r.get::<_, String>(0)?, text))
        })?;
        for row in rows {
            let (customer_no, value) = row?;
            let ok = value
                .parse::<rust_decimal::Decimal>()
                .is_ok_and(storable_amount);
            if !ok && found.len() < limit {
                found.push(ImplausibleAmount {
                    customer_no,
                    column: format!("{table}.{column}"),
                    value,
                });
            }
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn a_29_digit_balance_is_named() {
        let store = Store::open_in_memory().unwrap();
        let conn = store.conn();
        conn.execute(
            "INSERT INTO customers (customer_no, name, added_on, updated_at) \
               VALUES ('C1', '甲', '2026-01-01', '2026-01-01')",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO balance_snapshots (customer_id, as_of, deposits, wealth, funds, insurance, bonds, other) \
             SELECT id, '2026-11-30', '79228162514264337593543950335', '0', '0', '0', '0', '0' FROM customers",
            [],
        )
        .unwrap();
        let found = implausible_amounts(conn, 10).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].customer_no, "C1");
        assert_eq!(found[0].column, "balance_snapshots.deposits");
    }
}
