//! The manager's own book in SQLite: hand-added people and their local numbers, detail edits
//! kept in `customer_changes` (undone and redone by marking), pinned notes, relations and
//! referrals, and linking a prospect to the customer number a core import brings. Every
//! function takes the caller's connection or transaction; parameters are always bound.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, params};

use super::dates::Day;
use crate::domain::book::{
    BookFacts, Change, EditField, Note, Referrer, Related, RelationKind, local_number,
};
use crate::domain::customer::Balances;
use crate::domain::prospects::Prospect;
use crate::error::Result;

/// The column an edit writes. Names come from this closed list only, so building SQL from
/// them is safe.
fn column(field: EditField) -> &'static str {
    match field {
        EditField::Name => "name",
        EditField::Phone => "phone",
        EditField::IdNumber => "id_number",
        EditField::Address => "address",
        EditField::Employer => "employer",
        EditField::Occupation => "occupation",
        EditField::Tags => "tags",
        EditField::Preference => "preference_override",
        EditField::Source => "source",
    }
}

/// The next free local number (`P000001` upwards), never one a customer already has.
pub fn next_local_no(conn: &Connection) -> Result<String> {
    let highest: Option<i64> = conn.query_row(
        "SELECT MAX(CAST(substr(local_no, 2) AS INTEGER)) FROM customers \
         WHERE local_no GLOB 'P[0-9]*'",
        [],
        |r| r.get(0),
    )?;
    let mut n = highest.unwrap_or(0).saturating_add(1);
    loop {
        let candidate = local_number(n);
        let taken: bool = conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM customers WHERE customer_no = ?1 OR local_no = ?1)",
            [&candidate],
            |r| r.get(0),
        )?;
        if !taken {
            return Ok(candidate);
        }
        n = n.saturating_add(1);
    }
}

/// Marks a freshly inserted customer as hand-added: its local number, source and referrer.
#[allow(clippy::too_many_arguments)]
pub fn mark_hand_added(
    conn: &Connection,
    customer_id: i64,
    local_no: &str,
    source: Option<&str>,
    referred_by_id: Option<i64>,
    referred_by_staff: Option<&str>,
    today: NaiveDate,
    by: &str,
    now: NaiveDateTime,
) -> Result<()> {
    let referred = referred_by_id.is_some() || referred_by_staff.is_some();
    conn.prepare_cached(
        "UPDATE customers SET local_no = ?2, source = ?3, referred_by_id = ?4, \
         referred_by_staff = ?5, referred_on = ?6 WHERE id = ?1",
    )?
    .execute(params![
        customer_id,
        local_no,
        source,
        referred_by_id,
        referred_by_staff,
        referred.then_some(today),
    ])?;
    record_change(
        conn,
        customer_id,
        "customer_no",
        None,
        Some(local_no),
        by,
        "add",
        now,
    )?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn record_change(
    conn: &Connection,
    customer_id: i64,
    field: &str,
    old: Option<&str>,
    new: Option<&str>,
    by: &str,
    via: &str,
    now: NaiveDateTime,
) -> Result<i64> {
    // Whole seconds: the history shows the minute, and equal times sort by id.
    let now = chrono::Timelike::with_nanosecond(&now, 0).unwrap_or(now);
    conn.prepare_cached(
        "INSERT INTO customer_changes (customer_id, field, old_value, new_value, changed_at, \
         changed_by, via) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![customer_id, field, old, new, now, by, via])?;
    Ok(conn.last_insert_rowid())
}

/// The stored value of one editable field (`None` for empty).
pub fn field_value(
    conn: &Connection,
    customer_id: i64,
    field: EditField,
) -> Result<Option<String>> {
    let sql = format!("SELECT {} FROM customers WHERE id = ?1", column(field));
    let value: Option<String> = conn
        .query_row(&sql, [customer_id], |r| r.get(0))
        .optional()?
        .flatten();
    Ok(value.filter(|v| !v.is_empty()))
}

fn write_field(
    conn: &Connection,
    customer_id: i64,
    field: EditField,
    value: Option<&str>,
    now: NaiveDateTime,
) -> Result<()> {
    // Name and tags are NOT NULL columns; an empty tag list is ''.
    let value = match field {
        EditField::Tags => Some(value.unwrap_or("")),
        _ => value,
    };
    let sql = format!(
        "UPDATE customers SET {} = ?2, updated_at = ?3 WHERE id = ?1",
        column(field)
    );
    conn.execute(&sql, params![customer_id, value, now])?;
    Ok(())
}

/// Sets one field and keeps the change; `None` when the value is already what is asked
/// (nothing written), else the change's id (for undo).
pub fn edit_field(
    conn: &Connection,
    customer_id: i64,
    field: EditField,
    value: Option<&str>,
    by: &str,
    now: NaiveDateTime,
) -> Result<Option<i64>> {
    let old = field_value(conn, customer_id, field)?;
    if old.as_deref() == value {
        return Ok(None);
    }
    write_field(conn, customer_id, field, value, now)?;
    record_change(
        conn,
        customer_id,
        field.key(),
        old.as_deref(),
        value,
        by,
        "hand",
        now,
    )
    .map(Some)
}

/// Undoes (`undone`) or redoes the changes `ids`: the field gets its old (or new) value back
/// and the change is marked (or unmarked). Undone newest first, redone oldest first, so a
/// field edited twice in one step ends where it started.
pub fn set_changes_undone(
    conn: &Connection,
    ids: &[i64],
    undone: bool,
    now: NaiveDateTime,
) -> Result<()> {
    let mut ordered = ids.to_vec();
    ordered.sort_unstable();
    if undone {
        ordered.reverse();
    }
    for id in ordered {
        let row: Option<(i64, String, Option<String>, Option<String>)> = conn
            .query_row(
                "SELECT customer_id, field, old_value, new_value FROM customer_changes WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let Some((customer_id, key, old, new)) = row else {
            continue;
        };
        let Some(field) = EditField::from_key(&key) else {
            continue;
        };
        let value = if undone { old } else { new };
        write_field(conn, customer_id, field, value.as_deref(), now)?;
        conn.execute(
            "UPDATE customer_changes SET undone_at = ?2 WHERE id = ?1",
            params![id, undone.then_some(now)],
        )?;
    }
    Ok(())
}

/// Adds a note; returns its id.
pub fn add_note(
    conn: &Connection,
    customer_id: i64,
    body: &str,
    pinned: bool,
    author_no: &str,
    now: NaiveDateTime,
) -> Result<i64> {
    let now = chrono::Timelike::with_nanosecond(&now, 0).unwrap_or(now);
    conn.prepare_cached(
        "INSERT INTO customer_notes (customer_id, body, pinned, author_no, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![customer_id, body, pinned, author_no, now])?;
    Ok(conn.last_insert_rowid())
}

/// Removes (`deleted`) or brings back a note; it is only marked, never erased.
pub fn set_note_deleted(
    conn: &Connection,
    id: i64,
    deleted: bool,
    now: NaiveDateTime,
) -> Result<()> {
    conn.execute(
        "UPDATE customer_notes SET deleted_at = ?2 WHERE id = ?1",
        params![id, deleted.then_some(now)],
    )?;
    Ok(())
}

/// Links two customers ("other is customer's kind"); returns the relation's id. A live
/// relation between the two (either way round) is replaced, so they are linked once.
pub fn add_relation(
    conn: &Connection,
    customer_id: i64,
    other_id: i64,
    kind: RelationKind,
    now: NaiveDateTime,
) -> Result<i64> {
    conn.execute(
        "UPDATE customer_relations SET deleted_at = ?3 WHERE deleted_at IS NULL AND \
         ((customer_id = ?1 AND other_id = ?2) OR (customer_id = ?2 AND other_id = ?1))",
        params![customer_id, other_id, now],
    )?;
    conn.execute(
        "INSERT INTO customer_relations (customer_id, other_id, kind, created_at) \
         VALUES (?1, ?2, ?3, ?4)",
        params![customer_id, other_id, kind.key(), now],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Removes or brings back a relation (marked only).
pub fn set_relation_deleted(
    conn: &Connection,
    id: i64,
    deleted: bool,
    now: NaiveDateTime,
) -> Result<()> {
    conn.execute(
        "UPDATE customer_relations SET deleted_at = ?2 WHERE id = ?1",
        params![id, deleted.then_some(now)],
    )?;
    Ok(())
}

/// The latest balances' total of a customer (zero without a snapshot).
fn latest_aum(conn: &Connection, customer_id: i64) -> Result<rust_decimal::Decimal> {
    let mut stmt = conn.prepare_cached(
        "SELECT deposits, wealth, funds, insurance, bonds, other FROM balance_snapshots \
         WHERE customer_id = ?1 ORDER BY as_of DESC LIMIT 1",
    )?;
    let balances: Option<Balances> = stmt
        .query_row([customer_id], |row| super::customers::balances_at(row, 0))
        .optional()?;
    Ok(balances.map(|b| b.aum()).unwrap_or_default())
}

/// Everything the book holds about one customer.
pub fn book_facts(conn: &Connection, customer_id: i64) -> Result<BookFacts> {
    type Head = (
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<NaiveDateTime>,
        Option<i64>,
        Option<String>,
        Option<Day>,
    );
    let head: Option<Head> = conn
        .query_row(
            "SELECT address, employer, source, local_no, linked_at, referred_by_id, \
             referred_by_staff, referred_on FROM customers WHERE id = ?1",
            [customer_id],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                ))
            },
        )
        .optional()?;
    let Some((address, employer, source, local_no, linked_at, by_id, by_staff, on)) = head else {
        return Ok(BookFacts::default());
    };
    let referrer = match (by_id, by_staff) {
        (Some(id), _) => conn
            .query_row(
                "SELECT customer_no, name FROM customers WHERE id = ?1",
                [id],
                |r| {
                    Ok(Referrer::Customer {
                        customer_no: r.get(0)?,
                        name: r.get(1)?,
                    })
                },
            )
            .optional()?,
        (None, Some(staff_no)) => Some(Referrer::Staff { staff_no }),
        (None, None) => None,
    };
    let referrals: u32 = conn.query_row(
        "SELECT COUNT(*) FROM customers WHERE referred_by_id = ?1",
        [customer_id],
        |r| r.get(0),
    )?;
    let relations = relations(conn, customer_id)?;
    let own = latest_aum(conn, customer_id)?;
    // Every member counted once, even when linked twice; sums stay below the stored ceiling
    // (each balance is bounded), so checked addition only guards against a corrupt store.
    let mut seen = std::collections::HashSet::new();
    let mut household_aum = own;
    for r in relations.iter().filter(|r| r.kind.household()) {
        if seen.insert(r.customer_no.clone()) {
            household_aum = household_aum.checked_add(r.aum).unwrap_or(household_aum);
        }
    }
    Ok(BookFacts {
        address: address.filter(|s| !s.is_empty()),
        employer: employer.filter(|s| !s.is_empty()),
        source,
        local_no,
        linked_at,
        referrer,
        referred_on: on.map(|d| d.0),
        referrals,
        notes: notes(conn, customer_id)?,
        relations,
        household_aum,
        changes: changes(conn, customer_id)?,
    })
}

/// Live notes, pinned first, newest first.
pub fn notes(conn: &Connection, customer_id: i64) -> Result<Vec<Note>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, body, pinned, author_no, created_at FROM customer_notes \
         WHERE customer_id = ?1 AND deleted_at IS NULL ORDER BY pinned DESC, id DESC",
    )?;
    let rows = stmt.query_map([customer_id], |r| {
        Ok(Note {
            id: r.get(0)?,
            body: r.get(1)?,
            pinned: r.get(2)?,
            author_no: r.get(3)?,
            created_at: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Live relations read from `customer_id`'s end, each with the other's latest AUM.
pub fn relations(conn: &Connection, customer_id: i64) -> Result<Vec<Related>> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.id, r.kind, r.customer_id = ?1, c.id, c.customer_no, c.name \
         FROM customer_relations r \
         JOIN customers c ON c.id = CASE WHEN r.customer_id = ?1 THEN r.other_id ELSE r.customer_id END \
         WHERE r.deleted_at IS NULL AND (r.customer_id = ?1 OR r.other_id = ?1) ORDER BY r.id",
    )?;
    let rows = stmt.query_map([customer_id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, bool>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, kind, mine, other, customer_no, name) = row?;
        let Some(kind) = RelationKind::parse(&kind) else {
            continue;
        };
        out.push(Related {
            id,
            kind: if mine { kind } else { kind.inverse() },
            customer_no,
            name,
            aum: latest_aum(conn, other)?,
        });
    }
    Ok(out)
}

/// The kept changes, newest first (the last 50: the detail shows a screenful).
pub fn changes(conn: &Connection, customer_id: i64) -> Result<Vec<Change>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, field, old_value, new_value, changed_at, changed_by, via, undone_at IS NOT NULL \
         FROM customer_changes WHERE customer_id = ?1 ORDER BY id DESC LIMIT 50",
    )?;
    let rows = stmt.query_map([customer_id], |r| {
        Ok(Change {
            id: r.get(0)?,
            field: r.get(1)?,
            old_value: r.get(2)?,
            new_value: r.get(3)?,
            at: r.get(4)?,
            by: r.get(5)?,
            via: r.get(6)?,
            undone: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Hand-added people not yet linked to a core-system customer.
pub fn list_prospects(conn: &Connection) -> Result<Vec<Prospect>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, local_no, name, phone, id_number FROM customers \
         WHERE local_no IS NOT NULL AND linked_at IS NULL ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Prospect {
            id: r.get(0)?,
            local_no: r.get(1)?,
            name: r.get(2)?,
            phone: r.get(3)?,
            id_number: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Gives the prospect the bank's customer number: the same row, so its diary, notes,
/// relations and holds stay with it. The link is kept in the change history.
pub fn link_prospect(
    conn: &Connection,
    prospect_id: i64,
    customer_no: &str,
    by: &str,
    now: NaiveDateTime,
) -> Result<()> {
    let now = chrono::Timelike::with_nanosecond(&now, 0).unwrap_or(now);
    let old: String = conn.query_row(
        "SELECT customer_no FROM customers WHERE id = ?1",
        [prospect_id],
        |r| r.get(0),
    )?;
    conn.execute(
        "UPDATE customers SET customer_no = ?2, linked_at = ?3, updated_at = ?3 WHERE id = ?1",
        params![prospect_id, customer_no, now],
    )?;
    record_change(
        conn,
        prospect_id,
        "customer_no",
        Some(&old),
        Some(customer_no),
        by,
        "link",
        now,
    )?;
    Ok(())
}

/// Customers of the manager (or all) referred to them in `from ..= to`.
pub fn referrals_received(
    conn: &Connection,
    manager_id: Option<i64>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM customers WHERE referred_on BETWEEN ?2 AND ?3 \
         AND (?1 IS NULL OR manager_id = ?1)",
        params![manager_id, from, to],
        |r| r.get(0),
    )?)
}

/// The customer number of the first customer with this ID number.
pub fn customer_no_with_id_number(conn: &Connection, id_number: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT customer_no FROM customers WHERE id_number = ?1 LIMIT 1",
            [id_number],
            |r| r.get(0),
        )
        .optional()?)
}

/// The customer number of the first customer other than `except` on this phone.
pub fn customer_no_with_phone(
    conn: &Connection,
    phone: &str,
    except: i64,
) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT customer_no FROM customers WHERE phone = ?1 AND id <> ?2 LIMIT 1",
            params![phone, except],
            |r| r.get(0),
        )
        .optional()?)
}
