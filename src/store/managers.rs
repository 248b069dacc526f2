//! Relationship managers (客户经理): find or create by staff number, list.

use chrono::NaiveDateTime;
use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::assignment::Role;
use crate::error::Result;

/// A stored manager.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManagerRow {
    pub id: i64,
    pub manager_no: String,
    pub name: String,
    pub role: String,
}

/// Returns the manager's row id, creating the manager if new and filling in a name that was blank.
pub fn ensure_manager(
    conn: &Connection,
    manager_no: &str,
    name: Option<&str>,
    now: NaiveDateTime,
) -> Result<i64> {
    let mut find = conn.prepare_cached("SELECT id, name FROM managers WHERE manager_no = ?1")?;
    let found: Option<(i64, String)> = find
        .query_row([manager_no], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match found {
        Some((id, stored)) => {
            if let Some(n) = name.filter(|n| !n.is_empty() && *n != stored) {
                conn.prepare_cached("UPDATE managers SET name = ?2 WHERE id = ?1")?
                    .execute(params![id, n])?;
            }
            Ok(id)
        }
        None => {
            conn.prepare_cached(
                "INSERT INTO managers (manager_no, name, created_at) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![manager_no, name.unwrap_or(""), now])?;
            Ok(conn.last_insert_rowid())
        }
    }
}

/// Every manager, by staff number.
pub fn list_managers(conn: &Connection) -> Result<Vec<ManagerRow>> {
    let mut stmt =
        conn.prepare("SELECT id, manager_no, name, role FROM managers ORDER BY manager_no")?;
    let rows = stmt.query_map([], |r| {
        Ok(ManagerRow {
            id: r.get(0)?,
            manager_no: r.get(1)?,
            name: r.get(2)?,
            role: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Finds a manager by staff number.
pub fn find_manager(conn: &Connection, manager_no: &str) -> Result<Option<ManagerRow>> {
    Ok(conn
        .query_row(
            "SELECT id, manager_no, name, role FROM managers WHERE manager_no = ?1",
            [manager_no],
            |r| {
                Ok(ManagerRow {
                    id: r.get(0)?,
                    manager_no: r.get(1)?,
                    name: r.get(2)?,
                    role: r.get(3)?,
                })
            },
        )
        .optional()?)
}

/// Adds a manager; the caller has checked the number is free.
pub fn insert_manager(
    conn: &Connection,
    manager_no: &str,
    name: &str,
    role: Role,
    now: NaiveDateTime,
) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO managers (manager_no, name, role, created_at) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![manager_no, name, role.key(), now])?;
    Ok(conn.last_insert_rowid())
}

/// Changes a manager's name and/or role; `None` keeps the stored value.
pub fn update_manager(
    conn: &Connection,
    id: i64,
    name: Option<&str>,
    role: Option<Role>,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE managers SET name = COALESCE(?2, name), role = COALESCE(?3, role) WHERE id = ?1",
    )?
    .execute(params![id, name, role.map(Role::key)])?;
    Ok(())
}

impl ManagerRow {
    /// The stored role as the domain type; `None` for a key this build does not know.
    pub fn role_kind(&self) -> Option<Role> {
        Role::parse(&self.role)
    }
}
