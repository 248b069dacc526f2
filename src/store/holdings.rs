//! Product holdings (kind, code, name, amount, start, maturity) per customer.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, params};

use super::customers::UpsertOutcome;
use super::money::DecimalText;
use crate::domain::customer::{Holding, ProductKind};
use crate::error::Result;

/// Inserts a holding or updates the one with the same customer, kind, code, name and start date.
pub fn upsert_holding(
    conn: &Connection,
    customer_id: i64,
    h: &Holding,
    now: NaiveDateTime,
) -> Result<UpsertOutcome> {
    let start = h.start_on.map(|d| d.to_string()).unwrap_or_default();
    let mut find = conn.prepare_cached(
        "SELECT amount, maturity_on FROM holdings WHERE customer_id = ?1 AND kind = ?2 \
         AND product_code = ?3 AND product_name = ?4 AND start_on = ?5 AND source = 'import'",
    )?;
    let mut rows = find.query(params![
        customer_id,
        h.kind.key(),
        h.product_code,
        h.product_name,
        start
    ])?;
    let outcome = match rows.next()? {
        Some(row) => {
            let amount: DecimalText = row.get(0)?;
            let maturity: Option<NaiveDate> = row.get(1)?;
            if amount.0 == h.amount && maturity == h.maturity_on {
                return Ok(UpsertOutcome::Unchanged);
            }
            UpsertOutcome::Updated
        }
        None => UpsertOutcome::Added,
    };
    drop(rows);
    conn.prepare_cached(
        "INSERT INTO holdings (customer_id, kind, product_code, product_name, amount, start_on, \
         maturity_on, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) \
         ON CONFLICT (customer_id, kind, product_code, product_name, start_on) \
         WHERE source = 'import' \
         DO UPDATE SET amount = excluded.amount, maturity_on = excluded.maturity_on, \
         updated_at = excluded.updated_at",
    )?
    .execute(params![
        customer_id,
        h.kind.key(),
        h.product_code,
        h.product_name,
        DecimalText(h.amount),
        start,
        h.maturity_on,
        now
    ])?;
    Ok(outcome)
}

/// A customer's holdings, soonest maturity first.
pub fn list_holdings(conn: &Connection, customer_id: i64) -> Result<Vec<Holding>> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, product_code, product_name, amount, start_on, maturity_on FROM holdings \
         WHERE customer_id = ?1 ORDER BY maturity_on IS NULL, maturity_on, product_name",
    )?;
    let rows = stmt.query_map([customer_id], |r| {
        let kind: String = r.get(0)?;
        let start: String = r.get(4)?;
        Ok(Holding {
            kind: ProductKind::parse(&kind).unwrap_or(ProductKind::Other),
            product_code: r.get(1)?,
            product_name: r.get(2)?,
            amount: r.get::<_, DecimalText>(3)?.0,
            start_on: NaiveDate::parse_from_str(&start, "%Y-%m-%d").ok(),
            maturity_on: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Inserts the holding a logged sale creates (always a row of its own); returns its id.
pub fn insert_sale_holding(
    conn: &Connection,
    customer_id: i64,
    h: &Holding,
    now: NaiveDateTime,
) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO holdings (customer_id, kind, product_code, product_name, amount, start_on, \
         maturity_on, source, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'sale', ?8)",
    )?
    .execute(params![
        customer_id,
        h.kind.key(),
        h.product_code,
        h.product_name,
        DecimalText(h.amount),
        h.start_on.map(|d| d.to_string()).unwrap_or_default(),
        h.maturity_on,
        now
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Removes a holding a logged sale created (an undone or deleted sale).
pub fn delete_sale_holding(conn: &Connection, id: i64) -> Result<()> {
    conn.prepare_cached("DELETE FROM holdings WHERE id = ?1 AND source = 'sale'")?
        .execute([id])?;
    Ok(())
}

/// Customer numbers of the customers holding at least one product of `kind` (for the
/// `no_credit_card` assignment condition).
pub fn list_customers_holding(
    conn: &Connection,
    kind: ProductKind,
) -> Result<std::collections::HashSet<String>> {
    let mut stmt = conn.prepare(
        "SELECT DISTINCT c.customer_no FROM holdings h JOIN customers c ON c.id = h.customer_id \
         WHERE h.kind = ?1",
    )?;
    let rows = stmt.query_map([kind.key()], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
