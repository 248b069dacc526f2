//! Backup and restore of the store file with SQLite's online backup: a backup copies the pages of one consistent snapshot while other copies of guanhu keep writing (a page changed under it makes SQLite start that step again); a restore copies a checked file into the open store through SQLite, so other connections see the old store or the new one, never a mix. Backups are written owner-only (0600) under a temporary name and renamed into place whole.

use std::fs::OpenOptions;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::backup::Backup;
use rusqlite::{Connection, MAIN_DB};

use super::Store;
use crate::error::{Error, Result};

/// Pages copied per step: small steps let a writer in between.
const PAGES_PER_STEP: std::os::raw::c_int = 1024;

/// Writes a copy of `store` to `out` (replacing a file there only once the copy is whole).
pub fn backup_to(store: &Store, out: &Path) -> Result<()> {
    let io = |e: std::io::Error| Error::io(out, e);
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    let partial = partial_name(out);
    let _ = std::fs::remove_file(&partial);
    // Created owner-only before SQLite writes a byte into it.
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    drop(options.open(&partial).map_err(io)?);
    let copied = (|| -> Result<()> {
        let mut dst = Connection::open(&partial)?;
        {
            let backup = Backup::new(store.conn(), &mut dst)?;
            backup.run_to_completion(PAGES_PER_STEP, Duration::from_millis(5), None)?;
        }
        // One file, no journal beside it: the copy is whole on its own.
        let _mode: String = dst.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
        dst.close().map_err(|(_, e)| Error::from(e))?;
        Ok(())
    })();
    if let Err(e) = copied {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    std::fs::rename(&partial, out).map_err(io)?;
    super::open_checks::make_private(out);
    Ok(())
}

/// `out` with `.partial` added: where a backup is written before it is whole.
fn partial_name(out: &Path) -> PathBuf {
    let mut name = out.as_os_str().to_owned();
    name.push(".partial");
    PathBuf::from(name)
}

/// Reads the file at `path` without changing it: refused, naming it, when it is not a guanhu
/// store or has a newer schema than this guanhu knows.
pub fn probe(path: &Path) -> Result<()> {
    let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let label = path.display().to_string();
    super::open_checks::check_is_guanhu(&conn, path)?;
    super::check_not_newer(&conn, &label)?;
    Ok(())
}

impl Store {
    /// Replaces this store's content with the store file at `from` (already checked), in
    /// one step through SQLite.
    pub fn restore_from(&mut self, from: &Path) -> Result<()> {
        self.conn
            .restore(MAIN_DB, from, None::<fn(rusqlite::backup::Progress)>)?;
        Ok(())
    }
}
