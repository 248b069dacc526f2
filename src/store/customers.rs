//! Customers and their balance snapshots: find, insert, update, list. Rows map to `domain::customer` types; parameters are always bound.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::Store;
use super::dates::Day;
use super::money::DecimalText;
use crate::domain::customer::{Balances, Customer, Gender, Preference, RiskLevel, Snapshot};
use crate::error::Result;

/// A stored customer with its row id and the manager's display name.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerRow {
    pub id: i64,
    pub customer: Customer,
    pub manager_name: Option<String>,
    pub added_on: NaiveDate,
}

/// What an import row asks of the store.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerUpsert {
    pub customer: Customer,
    pub manager_id: Option<i64>,
}

/// What an upsert did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpsertOutcome {
    Added,
    Updated,
    Unchanged,
}

const CUSTOMER_COLUMNS: &str = "c.id, c.customer_no, c.name, c.gender, c.birth_date, c.phone, \
     c.id_number, c.occupation, m.manager_no, c.risk_level, c.risk_assessed_on, \
     c.first_trade_on, c.tags, c.preference_override, m.name, c.added_on";

fn customer_from_row(row: &Row<'_>) -> rusqlite::Result<CustomerRow> {
    let gender: Option<String> = row.get(3)?;
    let risk: Option<String> = row.get(9)?;
    let tags: String = row.get(12)?;
    let pref: Option<String> = row.get(13)?;
    Ok(CustomerRow {
        id: row.get(0)?,
        customer: Customer {
            customer_no: row.get(1)?,
            name: row.get(2)?,
            gender: gender.as_deref().and_then(Gender::from_key),
            birth_date: row.get::<_, Option<Day>>(4)?.map(|d| d.0),
            phone: row.get(5)?,
            id_number: row.get(6)?,
            occupation: row.get(7)?,
            manager_no: row.get(8)?,
            risk_level: risk.as_deref().and_then(RiskLevel::parse),
            risk_assessed_on: row.get::<_, Option<Day>>(10)?.map(|d| d.0),
            first_trade_on: row.get::<_, Option<Day>>(11)?.map(|d| d.0),
            tags: split_tags(&tags),
            preference_override: pref.as_deref().and_then(Preference::from_key),
        },
        manager_name: row.get(14)?,
        added_on: row.get::<_, Day>(15)?.0,
    })
}

fn split_tags(text: &str) -> Vec<String> {
    text.split(',')
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// Finds a customer by the bank's customer number.
pub fn find_customer(conn: &Connection, customer_no: &str) -> Result<Option<CustomerRow>> {
    let sql = format!(
        "SELECT {CUSTOMER_COLUMNS} FROM customers c LEFT JOIN managers m ON m.id = c.manager_id \
         WHERE c.customer_no = ?1"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    Ok(stmt
        .query_row([customer_no], customer_from_row)
        .optional()?)
}

/// Finds a customer by row id.
pub fn find_customer_by_id(conn: &Connection, id: i64) -> Result<Option<Customer>> {
    let sql = format!(
        "SELECT {CUSTOMER_COLUMNS} FROM customers c LEFT JOIN managers m ON m.id = c.manager_id \
         WHERE c.id = ?1"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    Ok(stmt
        .query_row([id], customer_from_row)
        .optional()?
        .map(|r| r.customer))
}

/// Lists customers, all or one manager's, ordered by customer number.
pub fn list_customers(conn: &Connection, manager_no: Option<&str>) -> Result<Vec<CustomerRow>> {
    let sql = format!(
        "SELECT {CUSTOMER_COLUMNS} FROM customers c LEFT JOIN managers m ON m.id = c.manager_id \
         WHERE ?1 IS NULL OR m.manager_no = ?1 ORDER BY c.customer_no"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([manager_no], customer_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The customers the daily queue reads, with only what it uses (no phone, occupation,
/// tags or manager name): on a 100,000-customer store the full rows cost a fifth of the queue.
pub fn list_queue_customers(
    conn: &Connection,
    manager_id: Option<i64>,
) -> Result<Vec<CustomerRow>> {
    let filter = if manager_id.is_some() {
        "manager_id = ?1"
    } else {
        "?1 IS NULL"
    };
    let sql = format!("SELECT {QUEUE_CUSTOMER_COLUMNS} FROM customers c WHERE {filter}");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([manager_id], queue_customer_at)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The columns of `customers c` that [`queue_customer_at`] reads.
pub(crate) const QUEUE_CUSTOMER_COLUMNS: &str = "c.id, c.customer_no, c.name, c.birth_date, \
     c.id_number, c.risk_assessed_on, c.first_trade_on, c.preference_override, c.added_on";

/// A customer with what the queue reads of them, from [`QUEUE_CUSTOMER_COLUMNS`].
pub(crate) fn queue_customer_at(row: &rusqlite::Row<'_>) -> rusqlite::Result<CustomerRow> {
    let pref: Option<String> = row.get(7)?;
    Ok(CustomerRow {
        id: row.get(0)?,
        customer: Customer {
            customer_no: row.get(1)?,
            name: row.get(2)?,
            birth_date: row.get::<_, Option<Day>>(3)?.map(|d| d.0),
            id_number: row.get(4)?,
            risk_assessed_on: row.get::<_, Option<Day>>(5)?.map(|d| d.0),
            first_trade_on: row.get::<_, Option<Day>>(6)?.map(|d| d.0),
            preference_override: pref.as_deref().and_then(Preference::from_key),
            ..Customer::default()
        },
        manager_name: None,
        added_on: row.get::<_, Day>(8)?.0,
    })
}

/// Inserts a new customer; returns its row id.
pub fn insert_customer(
    conn: &Connection,
    upsert: &CustomerUpsert,
    added_on: NaiveDate,
    now: NaiveDateTime,
) -> Result<i64> {
    let c = &upsert.customer;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO customers (customer_no, name, gender, birth_date, phone, id_number, \
         occupation, manager_id, risk_level, risk_assessed_on, first_trade_on, tags, \
         preference_override, added_on, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?;
    stmt.execute(params![
        c.customer_no,
        c.name,
        c.gender.map(Gender::key),
        c.birth_date,
        c.phone,
        c.id_number,
        c.occupation,
        upsert.manager_id,
        c.risk_level.map(RiskLevel::key),
        c.risk_assessed_on,
        c.first_trade_on,
        c.tags.join(","),
        c.preference_override.map(Preference::key),
        added_on,
        now,
    ])?;
    let id = conn.last_insert_rowid();
    // History starts with the manager the customer came with.
    super::assignments::record_assignment(
        conn,
        id,
        upsert.manager_id,
        added_on,
        super::assignments::reason::ADDED,
        "",
        now,
    )?;
    Ok(id)
}

/// The row id of the customer's manager, if any.
pub fn current_manager_id(conn: &Connection, customer_id: i64) -> Result<Option<i64>> {
    Ok(conn.query_row(
        "SELECT manager_id FROM customers WHERE id = ?1",
        [customer_id],
        |r| r.get(0),
    )?)
}

/// Overwrites a customer's fields. A changed manager is recorded in the assignment history
/// from the day of `now` (the import's date), so metrics before the change stay right.
pub fn update_customer(
    conn: &Connection,
    id: i64,
    upsert: &CustomerUpsert,
    now: NaiveDateTime,
) -> Result<()> {
    if current_manager_id(conn, id)? != upsert.manager_id {
        super::assignments::record_assignment(
            conn,
            id,
            upsert.manager_id,
            now.date(),
            super::assignments::reason::IMPORT,
            "",
            now,
        )?;
    }
    let c = &upsert.customer;
    let mut stmt = conn.prepare_cached(
        "UPDATE customers SET name = ?2, gender = ?3, birth_date = ?4, phone = ?5, \
         id_number = ?6, occupation = ?7, manager_id = ?8, risk_level = ?9, \
         risk_assessed_on = ?10, first_trade_on = ?11, tags = ?12, preference_override = ?13, \
         updated_at = ?14 WHERE id = ?1",
    )?;
    stmt.execute(params![
        id,
        c.name,
        c.gender.map(Gender::key),
        c.birth_date,
        c.phone,
        c.id_number,
        c.occupation,
        upsert.manager_id,
        c.risk_level.map(RiskLevel::key),
        c.risk_assessed_on,
        c.first_trade_on,
        c.tags.join(","),
        c.preference_override.map(Preference::key),
        now,
    ])?;
    Ok(())
}

/// Writes the snapshot for its date, replacing one of the same date. Returns false when the
/// stored snapshot was already identical (nothing written).
pub fn upsert_snapshot(conn: &Connection, customer_id: i64, snap: &Snapshot) -> Result<bool> {
    let mut find = conn.prepare_cached(
        "SELECT deposits, wealth, funds, insurance, bonds, other FROM balance_snapshots \
         WHERE customer_id = ?1 AND as_of = ?2",
    )?;
    let existing = find
        .query_row(params![customer_id, snap.as_of], balances_from_row)
        .optional()?;
    if existing == Some(snap.balances) {
        return Ok(false);
    }
    let b = &snap.balances;
    let mut stmt = conn.prepare_cached(
        "INSERT OR REPLACE INTO balance_snapshots \
         (customer_id, as_of, deposits, wealth, funds, insurance, bonds, other) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    stmt.execute(params![
        customer_id,
        snap.as_of,
        DecimalText(b.deposits),
        DecimalText(b.wealth),
        DecimalText(b.funds),
        DecimalText(b.insurance),
        DecimalText(b.bonds),
        DecimalText(b.other),
    ])?;
    Ok(true)
}

fn balances_from_row(row: &Row<'_>) -> rusqlite::Result<Balances> {
    balances_at(row, 0)
}

/// Reads the six balance columns starting at column `first`, in the table's order.
pub(super) fn balances_at(row: &Row<'_>, first: usize) -> rusqlite::Result<Balances> {
    Balances::try_from_columns(|i| row.get::<_, DecimalText>(first + i).map(|d| d.0))
}

/// Snapshots dated on or after `since`, grouped by customer row id, oldest first.
pub fn list_snapshots_since(
    conn: &Connection,
    since: NaiveDate,
    manager_no: Option<&str>,
) -> Result<HashMap<i64, Vec<Snapshot>>> {
    // Without a manager, no join: the whole-store read is the large one.
    let sql = if manager_no.is_some() {
        "SELECT s.customer_id, s.as_of, s.deposits, s.wealth, s.funds, s.insurance, s.bonds, \
         s.other FROM balance_snapshots s JOIN customers c ON c.id = s.customer_id \
         JOIN managers m ON m.id = c.manager_id \
         WHERE s.as_of >= ?1 AND m.manager_no = ?2 ORDER BY s.customer_id, s.as_of"
    } else {
        "SELECT s.customer_id, s.as_of, s.deposits, s.wealth, s.funds, s.insurance, s.bonds, \
         s.other FROM balance_snapshots s WHERE s.as_of >= ?1 AND ?2 IS NULL \
         ORDER BY s.customer_id, s.as_of"
    };
    let mut stmt = conn.prepare(sql)?;
    let mut out: HashMap<i64, Vec<Snapshot>> = HashMap::new();
    let mut rows = stmt.query(params![since, manager_no])?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let as_of: NaiveDate = row.get(1)?;
        let balances = balances_at(row, 2)?;
        out.entry(id)
            .or_default()
            .push(Snapshot { as_of, balances });
    }
    Ok(out)
}

/// All snapshots of one customer, oldest first.
pub fn list_customer_snapshots(conn: &Connection, customer_id: i64) -> Result<Vec<Snapshot>> {
    let mut stmt = conn.prepare_cached(
        "SELECT as_of, deposits, wealth, funds, insurance, bonds, other FROM balance_snapshots \
         WHERE customer_id = ?1 ORDER BY as_of",
    )?;
    let rows = stmt.query_map([customer_id], |row| {
        Ok(Snapshot {
            as_of: row.get(0)?,
            balances: balances_at(row, 1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

impl Store {
    /// Counts customers in the store.
    pub fn count_customers(&self) -> Result<i64> {
        Ok(self
            .conn()
            .query_row("SELECT COUNT(*) FROM customers", [], |r| r.get(0))?)
    }
}

/// Sets a customer's risk level and assessment date (from a logged risk assessment).
pub fn update_risk(
    conn: &Connection,
    customer_id: i64,
    level: Option<RiskLevel>,
    assessed_on: Option<NaiveDate>,
    now: NaiveDateTime,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE customers SET risk_level = ?2, risk_assessed_on = ?3, updated_at = ?4 WHERE id = ?1",
    )?
    .execute(params![customer_id, level.map(RiskLevel::key), assessed_on, now])?;
    Ok(())
}
