//! Append-only schema migrations tracked in `PRAGMA user_version`. Never edit a shipped migration; add the next file.

use rusqlite::{Connection, TransactionBehavior};

use crate::error::Result;

/// The migrations in order; the schema version is their count.
const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_init", include_str!("sql/0001_init.sql")),
    ("0002_diary", include_str!("sql/0002_diary.sql")),
    ("0003_queue", include_str!("sql/0003_queue.sql")),
    ("0004_review", include_str!("sql/0004_review.sql")),
    ("0005_assignment", include_str!("sql/0005_assignment.sql")),
    ("0006_targets", include_str!("sql/0006_targets.sql")),
    ("0007_book", include_str!("sql/0007_book.sql")),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the schema up to date, each step in its own transaction with its version bump.
pub fn migrate(conn: &mut Connection, label: &str) -> Result<()> {
    let current = super::check_not_newer(conn, label)?;
    for (i, (_name, sql)) in MIGRATIONS.iter().enumerate() {
        let version = i as i64 + 1;
        if version <= current {
            continue;
        }
        let tx = rusqlite::Transaction::new(conn, TransactionBehavior::Immediate)?;
        // Another copy may have migrated while this one waited for the lock.
        let now: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if now >= version {
            tx.commit()?;
            continue;
        }
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_apply_to_an_empty_database() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, ":memory:").unwrap();
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, SCHEMA_VERSION);
        // Idempotent.
        migrate(&mut conn, ":memory:").unwrap();
    }
}
