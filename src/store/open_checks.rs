//! What is checked before guanhu writes anything to a file it is asked to open: that it is a guanhu store (or a new, empty file) and not another program's database, and that it and its WAL files are readable by their owner only.

use std::path::Path;

use rusqlite::Connection;

use crate::error::{Error, Result};

/// Marks a file as a guanhu store in the SQLite header (`PRAGMA application_id`; "GUAN" in
/// ASCII), so it can be told from any other SQLite database without reading its tables.
pub const APPLICATION_ID: i32 = 0x4755_414E;

/// Tables every guanhu store has had since the first schema: a store written before the
/// application id was set is recognised by them.
const FIRST_TABLES: [&str; 4] = ["managers", "customers", "balance_snapshots", "holdings"];

/// Refuses a file that is not a guanhu store, before anything writes to it (WAL mode and the
/// migrations both would). A new, empty database is fine: it becomes a store.
pub(super) fn check_is_guanhu(conn: &Connection, path: &Path) -> Result<()> {
    let not_a_store = || Error::NotAStore(path.to_path_buf());
    // The first read of a file that is not SQLite at all fails with NotADatabase.
    let id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => not_a_store(),
            _ => Error::Sqlite(e),
        })?;
    if id == APPLICATION_ID {
        return Ok(());
    }
    if id != 0 {
        return Err(not_a_store());
    }
    let objects: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if objects == 0 && version == 0 {
        return Ok(());
    }
    let mut found = 0;
    for table in FIRST_TABLES {
        let n: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
            [table],
            |r| r.get(0),
        )?;
        found += n;
    }
    if version >= 1 && found == FIRST_TABLES.len() as i64 {
        Ok(())
    } else {
        Err(not_a_store())
    }
}

/// Records the application id in a store that lacks it (a new one, or one from before).
pub(super) fn mark_as_guanhu(conn: &Connection) -> Result<()> {
    let id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if id != APPLICATION_ID {
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    }
    Ok(())
}

/// Makes the store and its `-wal`/`-shm` files owner-only (0600) when they are not: a store
/// copied in with `cp` under a 0022 umask, or unpacked as 0666, would otherwise stay
/// readable by every user of the machine. A file another user owns is left as it is (the
/// change fails, and SQLite then says whether it can be used at all).
#[cfg(unix)]
pub(super) fn make_private(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let mut names = vec![path.to_path_buf()];
    for suffix in ["-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        names.push(name.into());
    }
    for name in names {
        let Ok(meta) = std::fs::metadata(&name) else {
            continue;
        };
        if meta.is_file() && meta.permissions().mode() & 0o077 != 0 {
            let _ = std::fs::set_permissions(&name, std::fs::Permissions::from_mode(0o600));
        }
    }
}

#[cfg(not(unix))]
pub(super) fn make_private(_path: &Path) {}
