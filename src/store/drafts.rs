//! Files kept beside the store file: the unsaved-text draft (`guanhu.db.draft`, one slot per running copy) and crash reports, each owner-only (0600) because they can hold customer names and notes. A file, not a table: it must be writable while another copy holds the store's write lock, and it must survive `kill -9`, so each write goes to a temporary file, is synced, then renamed over the old one.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::Store;
use crate::error::{Error, Result};

impl Store {
    /// Where this store's draft is kept (`None` for an in-memory store: nothing outlives it).
    pub fn draft_path(&self) -> Option<PathBuf> {
        self.path().map(draft_path_of)
    }
}

/// The draft file of the store at `db`: `guanhu.db` → `guanhu.db.draft`.
pub fn draft_path_of(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".draft");
    PathBuf::from(name)
}

/// A draft file this copy of guanhu alone writes, held by a lock on `<draft>.lock` for as
/// long as the copy runs. The first copy gets `guanhu.db.draft`, a second one running at the
/// same time `guanhu.db.draft.1`, and so on: two copies never overwrite (or offer back) each
/// other's text, and a copy that died (the OS drops its lock) leaves its slot — and its draft —
/// to the next one to start.
#[derive(Debug)]
pub struct DraftSlot {
    pub path: PathBuf,
    _lock: std::fs::File,
}

/// Claims the first free draft slot of the store at `db` (`None` when all 16 are taken).
pub fn claim_draft_slot(db: &Path) -> Result<Option<DraftSlot>> {
    for n in 0..16 {
        let path = if n == 0 {
            draft_path_of(db)
        } else {
            let mut name = draft_path_of(db).into_os_string();
            name.push(format!(".{n}"));
            PathBuf::from(name)
        };
        let mut lock_path = path.as_os_str().to_owned();
        lock_path.push(".lock");
        let lock_path = PathBuf::from(lock_path);
        let lock = open_private(&lock_path)?;
        match lock.try_lock() {
            Ok(()) => return Ok(Some(DraftSlot { path, _lock: lock })),
            Err(std::fs::TryLockError::WouldBlock) => continue,
            Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(&lock_path, e)),
        }
    }
    Ok(None)
}

/// Reads a draft file; `None` when there is none.
pub fn read_draft(path: &Path) -> Result<Option<String>> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io(path, e)),
    }
}

/// Replaces the draft file with `text` all at once: a crash mid-write leaves the old draft or
/// the new one, never half of either.
pub fn write_draft(path: &Path, text: &str) -> Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    // A leftover from a write cut short would make `create_new` fail.
    let _ = std::fs::remove_file(&tmp);
    let mut file = create_private(&tmp)?;
    file.write_all(text.as_bytes())
        .and_then(|_| file.sync_all())
        .map_err(|e| Error::io(&tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| Error::io(path, e))
}

/// Removes the draft file (saved or discarded); a missing one is fine.
pub fn clear_draft(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(path, e)),
    }
}

/// Writes a crash report `guanhu-crash-<stamp>.txt` in `dir`, owner-only; returns its path.
pub fn write_crash_report(dir: &Path, stamp: &str, text: &str) -> Result<PathBuf> {
    let path = dir.join(format!("guanhu-crash-{stamp}.txt"));
    let mut file = create_private(&path)?;
    file.write_all(text.as_bytes())
        .and_then(|_| file.sync_all())
        .map_err(|e| Error::io(&path, e))?;
    Ok(path)
}

#[cfg(unix)]
fn create_private(path: &Path) -> Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| Error::io(path, e))
}

/// Opens (creating if needed) an owner-only file without truncating it.
#[cfg(unix)]
fn open_private(path: &Path) -> Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(path)
        .map_err(|e| Error::io(path, e))
}

#[cfg(not(unix))]
fn open_private(path: &Path) -> Result<std::fs::File> {
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(|e| Error::io(path, e))
}

#[cfg(not(unix))]
fn create_private(path: &Path) -> Result<std::fs::File> {
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| Error::io(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_is_written_whole_owner_only_and_cleared() {
        let dir = tempfile::tempdir().unwrap();
        let path = draft_path_of(&dir.path().join("guanhu.db"));
        assert!(path.ends_with("guanhu.db.draft"));
        assert_eq!(read_draft(&path).unwrap(), None);
        write_draft(&path, "客户说下周再联系").unwrap();
        write_draft(&path, "客户说下周再联系ＡＢＣ").unwrap();
        assert_eq!(
            read_draft(&path).unwrap().unwrap(),
            "客户说下周再联系ＡＢＣ"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        clear_draft(&path).unwrap();
        clear_draft(&path).unwrap();
        assert_eq!(read_draft(&path).unwrap(), None);
    }

    #[test]
    fn two_copies_get_two_slots_and_a_freed_slot_is_taken_again() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("guanhu.db");
        let first = claim_draft_slot(&db).unwrap().unwrap();
        let second = claim_draft_slot(&db).unwrap().unwrap();
        assert!(first.path.ends_with("guanhu.db.draft"));
        assert!(second.path.ends_with("guanhu.db.draft.1"));
        drop(first);
        let again = claim_draft_slot(&db).unwrap().unwrap();
        assert!(again.path.ends_with("guanhu.db.draft"));
    }
}
