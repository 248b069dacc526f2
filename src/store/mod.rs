//! The SQLite file: opening it safely (owner-only permissions, WAL, foreign keys, FULL sync, a busy timeout so a second copy waits), append-only migrations, and the queries that map rows to domain types. No formatting for display.

pub mod assessed;
pub mod assignments;
pub mod backup;
pub mod book;
pub mod checkpoint;
pub mod customers;
pub mod dates;
pub mod diary;
pub mod drafts;
mod handles;
pub mod holdings;
pub mod implausible;
pub mod managers;
mod migrations;
pub mod money;
mod open_checks;
mod paired;
pub mod queue;
pub mod review;
pub mod targets;
pub mod upcoming;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};

pub use customers::{CustomerRow, CustomerUpsert, UpsertOutcome};
pub use handles::{Conn, Read, Write};
pub use managers::ManagerRow;
pub use migrations::SCHEMA_VERSION;
pub use money::DecimalText;
pub use open_checks::APPLICATION_ID;

/// How long a write waits for another running copy before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// An open store.
pub struct Store {
    /// The second, read-only connection (see [`Store::reader`]), kept between uses so its
    /// page cache stays warm. Declared before `conn` so it is closed first (fields drop in
    /// order): the last connection to close folds the WAL into the file and removes it, and
    /// a read-only one cannot.
    spare_reader: std::sync::Mutex<Option<Connection>>,
    conn: Connection,
    path: Option<PathBuf>,
    /// True when this open created the file (so the command line can say so).
    created: bool,
}

impl Store {
    /// Opens (creating if needed) the store at `path`, migrating it to the current schema.
    ///
    /// A new file and its directory are created owner-only before SQLite touches them, so no
    /// other user can read the customer data even for a moment. A file that is not a guanhu
    /// store is refused untouched ([`Error::NotAStore`]); see [`Store::created`].
    pub fn open(path: &Path) -> Result<Store> {
        let mut created = false;
        if let Some(dir) = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty() && !d.exists())
        {
            create_private_dir(dir)?;
        }
        if !path.exists() {
            create_private_file(path)?;
            created = true;
        }
        let mut store = Store::open_file(path, OpenFlags::SQLITE_OPEN_CREATE)?;
        store.created = created;
        Ok(store)
    }

    /// Opens the store at `path` only if it exists: nothing (no directory, no empty file) is
    /// created for a mistyped path, which fails with [`Error::NoStore`] instead. For the
    /// commands that read, where an empty new store would print nothing and look like
    /// "every customer is gone".
    pub fn open_existing(path: &Path) -> Result<Store> {
        if !path.is_file() {
            return Err(Error::NoStore(path.to_path_buf()));
        }
        Store::open_file(path, OpenFlags::empty())
    }

    fn open_file(path: &Path, extra: OpenFlags) -> Result<Store> {
        open_checks::make_private(path);
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX | extra,
        )?;
        open_checks::check_is_guanhu(&conn, path)?;
        let mut store = Store {
            conn,
            path: Some(path.to_path_buf()),
            spare_reader: Default::default(),
            created: false,
        };
        store.configure(true)?;
        Ok(store)
    }

    /// True when [`Store::open`] created the file just now.
    pub fn created(&self) -> bool {
        self.created
    }

    /// How long this connection's writes wait for another running copy before SQLITE_BUSY:
    /// the app uses a short wait and retries from its loop (saying so on screen); the
    /// command line waits longer.
    pub fn set_busy_timeout(&self, wait: Duration) -> Result<()> {
        self.conn.busy_timeout(wait)?;
        Ok(())
    }

    /// An in-memory store for tests and throw-away runs.
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        let mut store = Store {
            conn,
            path: None,
            spare_reader: Default::default(),
            created: false,
        };
        store.configure(false)?;
        Ok(store)
    }

    fn configure(&mut self, file_backed: bool) -> Result<()> {
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        let label = self.display_path();
        // Before any pragma that writes (WAL changes the file header): a newer store is left as it is.
        check_not_newer(&self.conn, &label)?;
        if file_backed {
            // journal_mode returns a row, so it is read rather than executed.
            let _mode: String = self
                .conn
                .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        }
        // A 64 MB page cache and reads through a memory map: the book and the queue read
        // every customer, and page-by-page read() calls were a third of that time.
        self.conn.execute_batch(
            "PRAGMA foreign_keys = ON;
             PRAGMA synchronous = FULL;
             PRAGMA cache_size = -65536;",
        )?;
        if file_backed {
            let _size: i64 = self
                .conn
                .query_row("PRAGMA mmap_size = 268435456", [], |r| r.get(0))?;
        }
        migrations::migrate(&mut self.conn, &label)?;
        open_checks::mark_as_guanhu(&self.conn)?;
        Ok(())
    }

    /// A second, read-only connection to the same file, for reading two tables at once on
    /// a large store (WAL lets readers run side by side); `None` for an in-memory store. Hand
    /// it back with [`Store::return_reader`] so the next read finds its cache warm.
    pub fn reader(&self) -> Result<Option<Connection>> {
        let Some(path) = &self.path else {
            return Ok(None);
        };
        if let Some(conn) = self.spare_reader.lock().ok().and_then(|mut s| s.take()) {
            return Ok(Some(conn));
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.execute_batch("PRAGMA cache_size = -65536;")?;
        let _size: i64 = conn.query_row("PRAGMA mmap_size = 268435456", [], |r| r.get(0))?;
        Ok(Some(conn))
    }

    /// Keeps a reader from [`Store::reader`] for next time.
    pub fn return_reader(&self, conn: Connection) {
        if let Ok(mut spare) = self.spare_reader.lock() {
            *spare = Some(conn);
        }
    }

    /// The file path, or `:memory:`.
    pub fn display_path(&self) -> String {
        self.path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| ":memory:".to_string())
    }

    /// The file path, if file-backed.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Starts a write transaction that takes the write lock at once (`BEGIN IMMEDIATE`), so a
    /// second running copy waits on the busy timeout instead of failing on a lock upgrade.
    pub fn write(&mut self) -> Result<Write<'_>> {
        Write::begin(&mut self.conn)
    }

    /// A read snapshot: the queries through it all see one state of the store, however
    /// many there are, even while another running copy commits.
    pub fn read(&self) -> Result<Read<'_>> {
        Read::begin(&self.conn)
    }

    /// The connection, for one-query reads (a single statement is its own snapshot) and for
    /// the admin commands; a read of several queries wants [`Store::read`].
    pub fn conn(&self) -> &Conn {
        &self.conn
    }

    /// SQLite's own integrity check; `["ok"]` when sound.
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Foreign keys that point nowhere (should be none).
    pub fn foreign_key_violations(&self) -> Result<usize> {
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        let n = stmt.query_map([], |_| Ok(()))?.count();
        Ok(n)
    }
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|e| Error::io(dir, e))
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))
}

#[cfg(unix)]
fn create_private_file(path: &Path) -> Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map(|_| ())
        .map_err(|e| Error::io(path, e))
}

#[cfg(not(unix))]
fn create_private_file(path: &Path) -> Result<()> {
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map(|_| ())
        .map_err(|e| Error::io(path, e))
}

/// Refuses to open a file whose schema is newer than this build, before anything writes to it.
pub(crate) fn check_not_newer(conn: &Connection, label: &str) -> Result<i64> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(Error::NewerSchema {
            path: label.to_string(),
            found,
            known: SCHEMA_VERSION,
        });
    }
    Ok(found)
}
