//! The store as the TUI needs it around its loop: a short wait for the write lock (so a second copy's write shows as "waiting" instead of a 10-second freeze), and folding the WAL into the main file on quit so copying `guanhu.db` alone is a full backup.

use std::time::Duration;

use super::Store;
use crate::error::Result;

impl Store {
    /// How long a write waits for another copy's lock before failing with SQLITE_BUSY.
    pub fn set_write_wait(&self, wait: Duration) -> Result<()> {
        self.conn().busy_timeout(wait)?;
        Ok(())
    }

    /// Moves everything in the WAL into the main file and empties it
    /// (`PRAGMA wal_checkpoint(TRUNCATE)`). Another copy reading at the time can keep part of
    /// it back; that is reported by SQLite as "busy", not an error, and the next quit finishes.
    pub fn checkpoint(&self) -> Result<()> {
        self.conn()
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }
}
